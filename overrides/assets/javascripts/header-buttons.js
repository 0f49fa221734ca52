// Material's menu and phone search buttons are labels for hidden checkboxes, which the keyboard
// cannot reach, and a label may not take the role of a button. Put a real button before each:
// it takes focus, works with Enter and Space, says whether its panel is open, and clicks the
// label, so the checkbox and Material's own handlers work as before. The label stays, hidden,
// because Material finds the search label by its `for`. Escape closes the menu and returns
// focus to its button. Without JavaScript the labels still open the panels for a mouse.
(function () {
  var names = { __drawer: "Menu", __search: "Search" };

  Object.keys(names).forEach(function (id) {
    var toggle = document.getElementById(id);
    // A browser may bring a panel back open after a reload (the checkboxes no longer opt out:
    // see overrides/base.html). Close it, with a click, so Material hears of it.
    if (toggle && toggle.checked) {
      toggle.click();
    }
    var label = document.querySelector('.md-header label.md-header__button[for="' + id + '"]');
    if (!toggle || !label) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " kip-header-button";
    button.setAttribute("data-kip-for", id);
    button.setAttribute("aria-label", names[id]);
    label.childNodes.forEach(function (node) {
      button.appendChild(node.cloneNode(true));
    });
    function expanded() {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }
    expanded();
    toggle.addEventListener("change", expanded);
    button.addEventListener("click", function () {
      label.click();
      expanded();
    });
    label.classList.add("kip-replaced");
    label.parentNode.insertBefore(button, label);
  });

  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    var button = document.querySelector('.kip-header-button[data-kip-for="__drawer"]');
    if (event.key === "Escape" && drawer && drawer.checked && button) {
      button.click();
      button.focus();
    }
  });
})();
