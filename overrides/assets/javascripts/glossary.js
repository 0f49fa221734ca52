// Glossary terms carry their definition in a title attribute, which Material's tooltips show
// on hover and on focus. Make the first use of each term on a page reachable with the keyboard,
// so keyboard users get the definition too. Later uses stay out of the tab order.
// Material's tooltip copies a title in as HTML; the build escapes '<' in every title attribute
// (macros/sanitise.py), so a tooltip can only show text. This script never reads the title.
document$.subscribe(function () {
  var seen = {};
  document.querySelectorAll(".md-typeset abbr[title]").forEach(function (term) {
    var key = term.textContent.toLowerCase();
    if (!seen[key]) {
      seen[key] = true;
      term.setAttribute("tabindex", "0");
    }
  });
});

// Escape dismisses a showing definition without moving focus or the pointer (WCAG 1.4.13).
// Material keeps it open while its term has focus or the pointer, so it is hidden here, and
// shows again when the reader next points at or focuses something.
(function () {
  var hidden = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    document.querySelectorAll(".md-tooltip2--active").forEach(function (tip) {
      tip.classList.add("kip-dismissed");
      hidden.push(tip);
    });
  });
  function showAgain() {
    hidden.forEach(function (tip) {
      tip.classList.remove("kip-dismissed");
    });
    hidden = [];
  }
  document.addEventListener("focusin", showAgain);
  document.addEventListener("mouseover", function (event) {
    if (hidden.length && !event.target.closest(".md-tooltip2")) {
      showAgain();
    }
  });
})();
