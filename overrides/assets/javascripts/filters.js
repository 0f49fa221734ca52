// Filters on the practice examples index. Without JavaScript the filters stay hidden and the
// examples are listed on plain numbered pages. The page itself lists only its first examples;
// every example's filter values sit in a separate script (examples/filter-data.js), loaded the
// first time a reader opens the filters, so the index stays small however many examples there
// are. A script rather than JSON, because browsers refuse to fetch files in the offline copy.
// Choices live in the address (?theme=trust&sector=housing), so a filtered view can be shared
// and bookmarked. Within a group any ticked value matches; across groups, every group must.
// One filter lives only in the address: ?cites=reports/some-report keeps the examples that refer
// to that page or record. The "All ... practice examples that refer to this" links set it.
// Every setting and control is read from inside the element the template writes
// (macros/templates/examples_filters.html.j2): content can carry no data-* attribute, so no
// page can make an element this script follows. The examples listed without JavaScript are
// the content just after it, which the script only hides and shows.
document$.subscribe(function () {
  var root = document.querySelector("[data-kip-filter]");
  var staticList = root && root.nextElementSibling;
  if (!root || !staticList) {
    return;
  }
  var PER_SCREEN = 50;
  var panel = root.querySelector(".kip-filter");
  var form = root.querySelector("form");
  var details = root.querySelector("details");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var count = root.querySelector(".kip-filter__count");
  var staticText = count.textContent;
  var total = Number(root.getAttribute("data-total"));
  var results = document.createElement("div");
  results.className = "kip-examples";
  results.hidden = true;
  staticList.parentNode.insertBefore(results, staticList.nextSibling);
  // Added to the page only while there are more matches to show: Material's button styles
  // would override the hidden attribute.
  var more = document.createElement("button");
  more.type = "button";
  more.className = "kip-filter__more";
  more.textContent = "Show more examples";
  var shown = PER_SCREEN;
  var params = new URLSearchParams(location.search);
  var cites = params.get("cites");

  // Each box's facet, and its place among that facet's options (as the data file numbers them).
  var facets = [];
  var place = boxes.map(function (box) {
    if (facets.indexOf(box.name) === -1) {
      facets.push(box.name);
    }
    return boxes.filter(function (other) {
      return other.name === box.name && boxes.indexOf(other) < boxes.indexOf(box);
    }).length;
  });

  // Links to examples follow the pattern the build wrote, made as MkDocs makes links, so they
  // work on the published site and in the offline copy alike.
  function linkTo(id) {
    return root.getAttribute("data-kip-link").replace("EXAMPLE-ID", id);
  }

  function load(then) {
    if (window.kipExamples) {
      then(window.kipExamples);
      return;
    }
    var script = document.createElement("script");
    script.src = root.getAttribute("data-kip-data");
    script.onload = function () {
      then(window.kipExamples);
    };
    script.onerror = function () {
      count.textContent = "The filters could not load. The numbered pages below list every example.";
    };
    document.head.appendChild(script);
  }

  // The ticked options, as a set of places for each facet (by the facet's position).
  function chosen() {
    var groups = {};
    boxes.forEach(function (box, index) {
      if (box.checked) {
        var facet = facets.indexOf(box.name);
        (groups[facet] = groups[facet] || {})[place[index]] = true;
      }
    });
    return groups;
  }

  function failed(values, groups) {
    return Object.keys(groups).filter(function (facet) {
      return !values[facet].some(function (value) {
        return groups[facet][value];
      });
    });
  }

  function entry(example) {
    var item = document.createElement("div");
    item.className = "kip-example";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = linkTo(example[0]);
    link.textContent = example[1];
    heading.appendChild(link);
    var kind = document.createElement("p");
    kind.textContent = example[3] + " example.";
    var summary = document.createElement("p");
    summary.textContent = example[2];
    item.appendChild(heading);
    item.appendChild(kind);
    item.appendChild(summary);
    return item;
  }

  function render(data, matches) {
    results.textContent = "";
    matches.slice(0, shown).forEach(function (example) {
      results.appendChild(entry(example));
    });
    offerMore(matches.length > shown);
  }

  function offerMore(wanted) {
    if (wanted && !more.parentNode) {
      results.parentNode.insertBefore(more, results.nextSibling);
    } else if (!wanted && more.parentNode) {
      more.parentNode.removeChild(more);
    }
  }

  // The place of the `cites` filter's page among those the data names, or -1 if it names none.
  function citedPlace(data) {
    for (var index = 0; index < data.cites.length; index += 1) {
      if (data.cites[index][0] === cites) {
        return index;
      }
    }
    return -1;
  }

  // Counts say how many examples each option would show, given the other groups' choices.
  function recount(data, groups) {
    var counts = facets.map(function () { return {}; });
    var matches = [];
    var cited = cites === null ? null : citedPlace(data);
    data.examples.forEach(function (example) {
      if (cited !== null && example[5].indexOf(cited) === -1) {
        return;
      }
      var values = example[4];
      var misses = failed(values, groups);
      if (misses.length === 0) {
        matches.push(example);
      }
      if (misses.length > 1) {
        return;
      }
      values.forEach(function (places, facet) {
        if (misses.length === 0 || String(facet) === misses[0]) {
          places.forEach(function (value) {
            counts[facet][value] = (counts[facet][value] || 0) + 1;
          });
        }
      });
    });
    boxes.forEach(function (box, index) {
      var number = counts[facets.indexOf(box.name)][place[index]] || 0;
      box.parentNode.querySelector("[data-kip-count]").textContent = number;
    });
    return matches;
  }

  function apply(updateAddress, data) {
    var groups = chosen();
    var filtering = Object.keys(groups).length > 0 || cites !== null;
    var matches = recount(data, groups);
    var target = cites === null ? -1 : citedPlace(data);
    var about = target === -1 ? "" : "Practice examples that refer to “" + data.cites[target][1] + "”. ";
    staticList.hidden = filtering;
    results.hidden = !filtering;
    if (!filtering) {
      offerMore(false);
      count.textContent = staticText;
    } else {
      render(data, matches);
      count.textContent = about + (matches.length === 0
        ? "No examples match these filters. Untick a filter, or clear them all, to see more."
        : "Showing " + matches.length + " of " + total + " examples.");
    }
    if (updateAddress) {
      var params = new URLSearchParams();
      if (cites !== null) {
        params.append("cites", cites);
      }
      boxes.forEach(function (box) {
        if (box.checked) {
          params.append(box.name, box.value);
        }
      });
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  function update(updateAddress) {
    shown = PER_SCREEN;
    load(function (data) {
      apply(updateAddress, data);
    });
  }

  boxes.forEach(function (box) {
    box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
  });
  panel.hidden = false;
  form.addEventListener("change", function () {
    update(true);
  });
  form.addEventListener("reset", function () {
    cites = null;
    setTimeout(function () {
      update(true);
    });
  });
  more.addEventListener("click", function () {
    var next = results.children.length;
    shown += PER_SCREEN;
    load(function (data) {
      apply(false, data);
      var first = results.children[next];
      if (first) {
        first.querySelector("a").focus();
      }
    });
  });
  // Start loading the data as soon as the reader opens the filters, so counts are ready.
  details.addEventListener("toggle", function () {
    if (details.open) {
      load(function () {});
    }
  });
  if (cites !== null || boxes.some(function (box) { return box.checked; })) {
    details.open = true;
    update(false);
  }
});
