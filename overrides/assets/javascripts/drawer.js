// The phone menu (Material's drawer) by keyboard (WCAG 2.4.3, 2.4.7, 2.4.11). handbook.css hides
// the panels that are not on show, so Tab reaches only what can be seen. This script moves focus
// into the drawer when it opens, keeps it there while it is open, moves it into a sub-panel as it
// slides in and back to its section on the way out, and returns it to the Menu button on close.
// Each sub-panel's title is its "back" control: it takes focus here, and Enter or Space uses it.
(function () {
  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var button = document.querySelector('.kip-header-button[data-kip-for="__drawer"]');
  // Material shows the sidebar as a drawer below this width (its own breakpoint).
  var narrow = window.matchMedia("(max-width: 76.234375em)");
  if (!drawer || !sidebar || !button) {
    return;
  }
  var STOPS = "a[href], button, input:not(.md-toggle), label[tabindex]";

  function isOpen() {
    return drawer.checked && narrow.matches;
  }

  // What can take focus in the drawer now: visible, and not in a panel that is hidden.
  function stops() {
    return Array.prototype.filter.call(sidebar.querySelectorAll(STOPS), function (el) {
      return el.tabIndex >= 0 && el.checkVisibility({ visibilityProperty: true });
    });
  }

  // A back control a screen reader names as one: "Back from Everyday practice".
  sidebar.querySelectorAll(".md-nav__item > .md-nav > label.md-nav__title").forEach(
    function (title) {
      var hint = document.createElement("span");
      hint.className = "kip-visually-hidden";
      hint.textContent = "Back from ";
      title.setAttribute("tabindex", "0");
      title.insertBefore(hint, title.querySelector(".md-nav__icon").nextSibling);
    }
  );

  // In the drawer, a chapter opens as a sub-panel from the arrow beside its name, and the current
  // page's entry opens its contents. Material leaves both out of the Tab order; they join it
  // while the menu is a drawer, as on a wide screen they show nothing to open.
  var openers = Array.prototype.filter.call(
    sidebar.querySelectorAll("label.md-nav__link[for]"),
    function (label) {
      return !label.hasAttribute("tabindex");
    }
  );
  openers.forEach(function (label) {
    var link = label.parentNode.querySelector("a.md-nav__link");
    if (label.textContent.trim() === "" && link) {
      var name = document.createElement("span");
      name.className = "kip-visually-hidden";
      name.textContent = "Pages in " + link.textContent.trim();
      label.appendChild(name);
    }
  });
  function placeOpeners() {
    openers.forEach(function (label) {
      if (narrow.matches) {
        label.setAttribute("tabindex", "0");
      } else {
        label.removeAttribute("tabindex");
      }
    });
  }
  placeOpeners();
  narrow.addEventListener("change", placeOpeners);

  drawer.addEventListener("change", function () {
    if (isOpen()) {
      var first = stops()[0];
      if (first) {
        first.focus();
      }
    } else if (sidebar.contains(document.activeElement)) {
      button.focus();
    }
  });

  // A sub-panel opens or closes: follow it with focus, so focus never stays on what it covers.
  sidebar.addEventListener("change", function (event) {
    var toggle = event.target;
    if (!isOpen() || !toggle.classList || !toggle.classList.contains("md-nav__toggle")) {
      return;
    }
    var target = toggle.checked
      ? toggle.parentNode.querySelector(":scope > .md-nav > label.md-nav__title")
      : sidebar.querySelector('label.md-nav__link[for="' + toggle.id + '"]');
    if (target) {
      target.focus();
    }
    if (document.activeElement !== target) {
      var first = stops()[0];
      if (first) {
        first.focus();
      }
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!isOpen()) {
      return;
    }
    var focused = document.activeElement;
    // Space works a label that stands for a button, as it would a button (Material does Enter).
    if (event.key === " " && focused.matches("label[tabindex]") && sidebar.contains(focused)) {
      event.preventDefault();
      focused.click();
      return;
    }
    if (event.key !== "Tab") {
      return;
    }
    var list = stops();
    if (!list.length) {
      return;
    }
    var index = list.indexOf(focused);
    var next;
    if (index === -1) {
      next = event.shiftKey ? list[list.length - 1] : list[0];
    } else if (!event.shiftKey && index === list.length - 1) {
      next = list[0];
    } else if (event.shiftKey && index === 0) {
      next = list[list.length - 1];
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });
})();
