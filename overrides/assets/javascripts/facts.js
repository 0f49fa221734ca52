// On a phone, the facts about a practice example start folded, so the story comes first.
// Without JavaScript, or on a wider screen, they stay open. The width is Material's phone layout.
document$.subscribe(function () {
  if (!window.matchMedia("(max-width: 44.984375em)").matches) {
    return;
  }
  document.querySelectorAll("details.kip-facts[open]").forEach(function (facts) {
    facts.removeAttribute("open");
  });
});
