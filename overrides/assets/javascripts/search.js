// The header search on the published site, backed by Pagefind (macros/search.py). Nothing is
// fetched until the reader starts a search (focuses the search field); then Pagefind fetches
// its small entry file and only the pieces of the index each query needs. While the practice
// examples are few they are in the main index (the build marks the box data-examples-first);
// when they are many they have an index of their own, added when the reader asks for it.
// The offline copy has no [data-kip-search] box: it keeps Material's own search.
(function () {
  var root = document.querySelector("[data-kip-search]");
  if (!root) {
    return;
  }
  var PER_SCREEN = 10;
  // Search once the reader pauses, not on every keystroke: each half-typed word would fetch
  // index pieces of its own and announce a count nobody wanted.
  var PAUSE = 300;
  // A word shorter than this is searched as typed (macros/search.py, SHORTEST_CORRECTED).
  var SHORTEST_CORRECTED = 5;
  // Little words that carry no meaning for a search but each cost a piece of the index to fetch
  // ("how to say no" searches "say no"). A query made only of them is searched as typed.
  var LITTLE = /^(a|an|and|are|at|be|by|can|do|does|for|from|how|i|in|is|it|me|my|of|on|or|our|should|the|to|we|what|when|with|you|your)$/i;
  var toggle = document.getElementById("__search");
  var form = root.querySelector("form");
  var input = form.querySelector("input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var examplesOffer = root.querySelector("[data-kip-examples]");
  var nothing = root.querySelector("[data-kip-nothing]");
  var nearest = root.querySelector("[data-kip-nearest]");
  // The site's root, from the address of this page and Material's settings in it.
  var config = JSON.parse(document.getElementById("__config").textContent);
  var siteRoot = new URL(config.base + "/", location.href);
  var bundle = new URL("pagefind/pagefind.js", siteRoot).href;
  var examplesIndex = new URL("pagefind/examples/", siteRoot).pathname;
  var wordsFile = new URL("pagefind/words.txt", siteRoot).href;
  var options = {
    baseUrl: siteRoot.pathname,
    ranking: { pageLength: 0.3, termSimilarity: 4 },
  };
  var pagefind = null;
  var examples = null;
  var results = [];
  var shown = 0;
  var query = "";
  var timer = null;
  var words = null;

  // Pagefind's ranking, tuned on the real content (BENCHMARKS.md): less weight on page length,
  // so short landing pages do not come before the guidance they point to, and more on whole
  // words. No worker: it would fetch a second copy of Pagefind's code, and searching the
  // index takes milliseconds.
  function start() {
    if (!pagefind) {
      pagefind = import(bundle).then(function (module) {
        return module.options(Object.assign({ noWorker: true }, options)).then(function () {
          module.init();
          if (root.hasAttribute("data-examples-first")) {
            examples = Promise.resolve(module); // they are in the main index
          }
          return module;
        });
      });
      pagefind.catch(function () {
        meta.textContent = "Search could not load. Try again later, or use the contents.";
      });
    }
    return pagefind;
  }

  // The indexed words (macros/search.py, known_words) that a misspelt word is corrected to.
  function knownWords() {
    if (!words) {
      words = fetch(wordsFile)
        .then(function (response) {
          return response.ok ? response.text() : "";
        })
        .then(function (text) {
          var list = text.split("\n").filter(Boolean);
          var known = Object.create(null);
          list.forEach(function (word) {
            known[word] = true;
          });
          return { list: list, known: known };
        })
        .catch(function () {
          return { list: [], known: Object.create(null) };
        });
    }
    return words;
  }

  // Edits (insert, delete, change, or swap two neighbouring letters) from one word to another,
  // giving up once they exceed `most`.
  function distance(one, two, most) {
    if (Math.abs(one.length - two.length) > most) {
      return most + 1;
    }
    var before = [];
    var previous = [];
    var row = [];
    var i;
    var j;
    for (j = 0; j <= two.length; j++) {
      previous[j] = j;
    }
    for (i = 1; i <= one.length; i++) {
      row = [i];
      var smallest = i;
      for (j = 1; j <= two.length; j++) {
        var cost = one[i - 1] === two[j - 1] ? 0 : 1;
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && one[i - 1] === two[j - 2] && one[i - 2] === two[j - 1]) {
          row[j] = Math.min(row[j], before[j - 2] + 1);
        }
        smallest = Math.min(smallest, row[j]);
      }
      if (smallest > most) {
        return most + 1;
      }
      before = previous;
      previous = row;
    }
    return previous[two.length];
  }

  // The known words nearest a word: fewest edits first, then those that start with the same
  // letter (people rarely mistype the first), then those nearest its length.
  function near(word, vocabulary, most, count) {
    var found = [];
    vocabulary.list.forEach(function (candidate) {
      var edits = distance(word, candidate, most);
      if (edits <= most) {
        found.push({
          word: candidate,
          edits: edits,
          first: candidate[0] === word[0] ? 0 : 1,
          length: Math.abs(candidate.length - word.length),
        });
      }
    });
    found.sort(function (a, b) {
      return a.edits - b.edits || a.first - b.first || a.length - b.length;
    });
    return found.slice(0, count).map(function (entry) {
      return entry.word;
    });
  }

  // The query with each long word the index does not know replaced by its nearest known word.
  function corrected(text, vocabulary) {
    return text.replace(/[A-Za-z]+/g, function (word) {
      var lower = word.toLowerCase();
      if (lower.length < SHORTEST_CORRECTED || vocabulary.known[lower]) {
        return word;
      }
      var best = near(lower, vocabulary, lower.length > 7 ? 2 : 1, 1);
      return best.length ? best[0] : word;
    });
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    start();
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }

  function counted(number) {
    if (number === 0) {
      return root.getAttribute("data-none");
    }
    return number === 1
      ? root.getAttribute("data-one")
      : root.getAttribute("data-other").replace("#", number);
  }

  // Pagefind marks the matched words with <mark>; copy only text and marks into the page.
  // A page's own description reads better than an excerpt, which may come from its search words.
  function excerpt(data) {
    if (data.meta.description) {
      var description = document.createElement("p");
      description.textContent = data.meta.description;
      return description;
    }
    var html = data.excerpt;
    var holder = document.createElement("template");
    holder.innerHTML = html;
    var paragraph = document.createElement("p");
    Array.prototype.forEach.call(holder.content.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function item(data) {
    var entry = document.createElement("li");
    entry.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = data.meta.title || data.url;
    article.appendChild(title);
    article.appendChild(excerpt(data));
    link.appendChild(article);
    entry.appendChild(link);
    return entry;
  }

  function showMore() {
    var next = results.slice(shown, shown + PER_SCREEN);
    shown += next.length;
    var asked = query;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (asked !== query) {
        return;
      }
      var button = list.querySelector("[data-kip-more]");
      if (button) {
        button.parentNode.remove();
      }
      pages.forEach(function (data) {
        list.appendChild(item(data));
      });
      if (shown < results.length) {
        var holder = document.createElement("li");
        holder.className = "md-search-result__item";
        var more = document.createElement("button");
        more.type = "button";
        more.className = "md-search-result__more";
        more.setAttribute("data-kip-more", "");
        more.textContent = "Show more results";
        more.addEventListener("click", function () {
          var first = shown;
          showMore().then(function () {
            var links = list.querySelectorAll("a");
            if (links[first]) {
              links[first].focus();
            }
          });
        });
        holder.appendChild(more);
        list.appendChild(holder);
      }
    });
  }

  // The no-results panel: the known words nearest those typed, the chapters and the questions.
  function offerNearest(text, vocabulary) {
    nearest.textContent = "";
    var offered = [];
    text.toLowerCase().split(/[^a-z]+/).forEach(function (word) {
      if (word.length >= 3 && !vocabulary.known[word]) {
        near(word, vocabulary, 2, 3).forEach(function (found) {
          if (offered.indexOf(found) < 0) {
            offered.push(found);
          }
        });
      }
    });
    offered.forEach(function (word) {
      var entry = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = word;
      button.addEventListener("click", function () {
        input.value = word;
        input.focus();
        find();
      });
      entry.appendChild(button);
      nearest.appendChild(entry);
    });
    nearest.parentNode.hidden = offered.length === 0;
  }

  function settle(asked) {
    root.setAttribute("data-kip-settled", asked);
  }

  function find() {
    clearTimeout(timer);
    query = input.value.trim();
    var asked = query;
    root.removeAttribute("data-kip-settled");
    examplesOffer.hidden = !asked || examples !== null || root.hasAttribute("data-examples-first");
    if (!asked) {
      list.textContent = "";
      nothing.hidden = true;
      meta.textContent = root.getAttribute("data-placeholder");
      settle("");
      return;
    }
    var vocabulary = null;
    var searched = asked;
    Promise.all([start(), knownWords()]).then(function (loaded) {
      vocabulary = loaded[1];
      searched = corrected(asked, vocabulary);
      return searchAll(loaded[0], withoutLittleWords(searched));
    }).then(function (found) {
      if (!found || asked !== query) {
        return; // a later search replaced this one
      }
      results = found;
      shown = 0;
      list.textContent = "";
      nothing.hidden = results.length > 0;
      if (!results.length) {
        offerNearest(asked, vocabulary);
      }
      return showMore().then(function () {
        if (asked !== query) {
          return;
        }
        // One announcement, once the results are on screen.
        var count = counted(results.length);
        meta.textContent =
          searched === asked ? count : "Showing results for \u201c" + searched + "\u201d. " + count;
        settle(asked);
      });
    });
  }

  // Pagefind finds the pages with every word. When that finds few ("disabled customer"), the
  // pages with any of the words follow them, best first, so a reader's extra word does not
  // leave them with nothing. The index pieces for each word are fetched already.
  var FEW = 3;
  function searchAll(module, text) {
    return module.search(text).then(function (all) {
      var words = text.split(/\s+/);
      if (!all || all.results.length >= FEW || words.length < 2) {
        return all ? all.results : [];
      }
      return Promise.all(words.map(function (word) {
        return module.search(word);
      })).then(function (each) {
        var seen = {};
        all.results.forEach(function (result) {
          seen[result.id] = true;
        });
        var more = [];
        each.forEach(function (search) {
          (search ? search.results : []).forEach(function (result) {
            if (!seen[result.id]) {
              seen[result.id] = true;
              more.push(result);
            }
          });
        });
        more.sort(function (a, b) {
          return b.score - a.score;
        });
        return all.results.concat(more);
      });
    });
  }

  function withoutLittleWords(text) {
    var kept = text.split(/\s+/).filter(function (word) {
      return !LITTLE.test(word);
    });
    return kept.length ? kept.join(" ") : text;
  }

  function findSoon() {
    clearTimeout(timer);
    timer = setTimeout(find, PAUSE);
  }

  // The examples' own page list grows with every example (a 10,000-example site's is ~60 KB), so
  // it is fetched only when asked for; Pagefind then searches both indexes and ranks them together.
  function addExamples() {
    if (!examples) {
      examples = start().then(function (module) {
        return module.mergeIndex(examplesIndex, options);
      });
      examples.catch(function () {
        meta.textContent = "The practice examples could not load. Try again later.";
      });
    }
    return examples;
  }

  function links() {
    var found = Array.prototype.slice.call(list.querySelectorAll("a, button"));
    if (!nothing.hidden) {
      Array.prototype.forEach.call(nothing.querySelectorAll("a, button"), function (link) {
        if (link.offsetParent !== null) {
          found.push(link);
        }
      });
    }
    return examplesOffer.hidden ? found : found.concat([examplesOffer.firstElementChild]);
  }

  input.addEventListener("focus", open);
  // Tabbing out of the search closes it, so its overlay never covers what takes focus next.
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) {
      close();
    }
  });
  input.addEventListener("input", findSoon);
  examplesOffer.firstElementChild.addEventListener("click", function () {
    addExamples().then(function () {
      examplesOffer.hidden = true;
      input.focus();
      find();
    });
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked && document.activeElement !== input) {
      input.focus();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) {
      first.click();
    }
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      find();
      input.focus();
    });
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) {
      close();
    }
  });
  // Keys, as in Material's search: / or s or f opens it, Escape closes it, arrows walk the results.
  document.addEventListener("keydown", function (event) {
    var inside = root.contains(document.activeElement);
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (!inside) {
      var target = event.target;
      var typing = target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        input.focus();
        input.select();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var all = [input].concat(links());
      var at = all.indexOf(document.activeElement);
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = all[(at + step + all.length) % all.length];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  });
})();
