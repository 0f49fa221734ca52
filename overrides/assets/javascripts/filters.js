// Filters on the practice examples index. Without JavaScript the full list shows and the
// filters stay hidden. Choices live in the address (?theme=trust&sector=housing), so a filtered
// view can be shared and bookmarked. Within a group any ticked value matches; across groups,
// every group must match.
document$.subscribe(function () {
  var root = document.querySelector("[data-kip-filter]");
  if (!root) {
    return;
  }
  var form = root.querySelector("form");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var items = Array.prototype.slice.call(document.querySelectorAll(".kip-example"));
  var count = document.querySelector(".kip-filter__count");
  var total = items.length;

  function chosen() {
    var groups = {};
    boxes.forEach(function (box) {
      if (box.checked) {
        (groups[box.name] = groups[box.name] || []).push(box.value);
      }
    });
    return groups;
  }

  function matches(item, groups) {
    return Object.keys(groups).every(function (name) {
      var values = (item.getAttribute("data-" + name) || "").split(" ");
      return groups[name].some(function (value) {
        return values.indexOf(value) !== -1;
      });
    });
  }

  function apply(updateAddress) {
    var groups = chosen();
    var shown = 0;
    items.forEach(function (item) {
      item.hidden = !matches(item, groups);
      shown += item.hidden ? 0 : 1;
    });
    count.textContent = shown === total
      ? "Showing all " + total + " examples."
      : "Showing " + shown + " of " + total + " examples.";
    if (updateAddress) {
      var params = new URLSearchParams();
      Object.keys(groups).forEach(function (name) {
        groups[name].forEach(function (value) {
          params.append(name, value);
        });
      });
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  var params = new URLSearchParams(location.search);
  boxes.forEach(function (box) {
    box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
  });
  if (boxes.some(function (box) { return box.checked; })) {
    root.querySelector("details").open = true;
  }
  root.hidden = false;
  form.addEventListener("change", function () {
    apply(true);
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      apply(true);
    });
  });
  apply(false);
});
