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
