// Material's menu and phone search buttons are labels for hidden checkboxes, which the keyboard
// cannot reach. Make each a button: it takes focus, works with Space as well as Enter (Material
// already clicks a focused label on Enter), says whether its panel is open, and Escape closes
// the menu and returns focus to its button.
(function () {
  var names = { __drawer: "Menu", __search: "Search" };

  function expanded(button, toggle) {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  Object.keys(names).forEach(function (id) {
    var toggle = document.getElementById(id);
    var button = document.querySelector('.md-header label.md-header__button[for="' + id + '"]');
    if (!toggle || !button) {
      return;
    }
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", names[id]);
    expanded(button, toggle);
    toggle.addEventListener("change", function () {
      expanded(button, toggle);
    });
    button.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        toggle.click();
      }
    });
  });

  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key === "Escape" && drawer && drawer.checked) {
      drawer.click();
      document.querySelector('.md-header label[for="__drawer"]').focus();
    }
  });
})();
