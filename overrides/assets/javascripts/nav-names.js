// With section index pages, Material names each chapter's part of the menu by a label that holds
// only an arrow icon, so screen readers list many navigation landmarks with no name. Name each
// by its chapter, taken from the link beside the arrow.
(function () {
  document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
    var label = document.getElementById(nav.getAttribute("aria-labelledby"));
    if (!label || label.textContent.trim()) {
      return;
    }
    var container = label.closest(".md-nav__container");
    var link = container && container.querySelector("a.md-nav__link");
    var name = link && link.textContent.trim();
    if (name) {
      nav.removeAttribute("aria-labelledby");
      nav.setAttribute("aria-label", name);
    }
  });
})();
