"""Interactive states a page-load scan never sees, driven in Chromium in both schemes.

The phone menu walked by Tab, glossary pop-ups opened by keyboard, pointer and touch, the
filters and search results in their focused states, and the page as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from test_keyboard import FOCUS_STOP, ring_contrast

from browser import WCAG_TAGS, OffNetwork, axe_violations, behind, contrast, describe, rgba, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHAPTER_PAGE = "/everyday-practice/small-acts/"
GUIDANCE = "/kindness-and-risk/proportionate-risk/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SCHEMES = ("light", "dark")
BOTH_WIDTHS = [(viewport, scheme) for viewport in (PHONE, DESKTOP) for scheme in SCHEMES]
PHONE_ONLY = [(PHONE, scheme) for scheme in SCHEMES]

# True once the focused element has finished moving and nothing covers its middle.
SETTLED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.left < 0 || rect.right > innerWidth + 1) return false;
  if (document.getAnimations().some(a => a.playState === "running")) return false;
  const top = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  return !!top && (el.contains(top) || top.contains(el));
}"""

# The colour of an element's text and the backgrounds behind it, from itself up to the page.
COLOURS = """el => {
  const layers = [];
  for (let node = el; node; node = node.parentElement) {
    layers.push(getComputedStyle(node).backgroundColor);
  }
  const style = getComputedStyle(el);
  return {colour: style.color, border: style.borderTopColor, layers,
          size: parseFloat(style.fontSize), weight: parseInt(style.fontWeight)};
}"""


@pytest.fixture
def tab(
    browser: Browser, off_network: OffNetwork, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A tab at the viewport and colour scheme the test is parametrised with (touch on phones)."""
    viewport, scheme = request.param
    context = browser.new_context(
        viewport=viewport, color_scheme=scheme, has_touch=viewport == PHONE
    )
    context.route("**/*", off_network)
    yield context.new_page()
    context.close()
    assert off_network.blocked == []


def text_contrast(found: dict[str, Any]) -> float:
    """Contrast of an element's text against what lies behind it."""
    ground = behind(found["layers"])
    r, g, b, a = rgba(found["colour"])
    text = (r * a + ground[0] * (1 - a), g * a + ground[1] * (1 - a), b * a + ground[2] * (1 - a))
    return contrast(text, ground)


def no_violations(page: Page) -> None:
    violations = axe_violations(page, WCAG_TAGS)
    assert violations == [], describe(violations)


def open_menu(page: Page) -> None:
    """Open the phone menu from its button, by keyboard, and wait for focus to settle in it."""
    button = page.get_by_role("button", name="Menu")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.wait_for_function(SETTLED)


def press(page: Page, key: str) -> dict[str, Any]:
    """Press a key, wait for focus to settle, and describe where it is."""
    page.keyboard.press(key)
    page.wait_for_function(SETTLED)
    return here(page)


def here(page: Page) -> dict[str, Any]:
    """Describe the focus stop, with the text a reader sees on it."""
    stop = dict(page.evaluate(FOCUS_STOP))
    stop["text"] = page.evaluate("() => document.activeElement.textContent.trim()")
    stop["text"] = " ".join(stop["text"].split())
    return stop


def walk_drawer(page: Page) -> list[dict[str, Any]]:
    """Tab through the open drawer until focus comes back round to where it started."""
    first = here(page)
    stops = [first]
    for _ in range(80):
        stop = press(page, "Tab")
        if (stop["name"], stop["text"]) == (first["name"], first["text"]):
            return stops
        stops.append(stop)
    pytest.fail("Tab never came back round to the first item in the open menu")


def assert_seen_and_ringed(stops: list[dict[str, Any]]) -> None:
    for stop in stops:
        assert stop["inDrawer"], f"focus left the open menu for {stop['name']}"
        assert stop["onTop"], f"{stop['name']} is covered by {stop['topName']}"
        assert stop["left"] >= 0, f"focus went off screen: {stop['name']}"
        assert stop["right"] <= stop["viewportWidth"] + 1, f"off screen: {stop['name']}"
        assert ring_contrast(stop) >= 3, f"focus ring below 3:1 on {stop['name']}"


@pytest.mark.parametrize("tab", PHONE_ONLY, indirect=True)
def test_phone_menu_keeps_focus_on_what_shows_and_returns_it(tab: Page, site_url: str) -> None:
    tab.goto(site_url + CHAPTER_PAGE)
    open_menu(tab)
    back = tab.locator(".md-sidebar--primary label.md-nav__title", has_text="Back from Everyday")
    expect(back).to_be_focused()
    no_violations(tab)
    stops = walk_drawer(tab)
    assert_seen_and_ringed(stops)
    names = " | ".join(stop["text"] for stop in stops)
    assert "Trauma-informed practice" in names, "the walk missed the chapter's last page"
    assert "Small acts" in names, "the current page's entry is not a Tab stop"
    assert "Glossary" not in names, "a link in a covered panel took focus"
    # Shift+Tab from the first item goes round to the last, still in the menu.
    assert press(tab, "Shift+Tab")["text"] == stops[-1]["text"]
    # The sub-panel's title goes back to the main menu, and focus goes with it.
    press(tab, "Tab")
    expect(back).to_be_focused()
    stop = press(tab, "Enter")
    assert stop["inDrawer"]
    assert stop["text"] == "Pages in Everyday practice"
    top_level = walk_drawer(tab)
    assert_seen_and_ringed(top_level)
    top_names = " | ".join(stop["text"] for stop in top_level)
    assert "Glossary" in top_names
    assert "Staff autonomy" not in top_names, "a link in a closed sub-panel took focus"
    no_violations(tab)
    # Escape closes the menu and returns focus to the Menu button.
    tab.keyboard.press("Escape")
    button = tab.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    tab.wait_for_function(SETTLED)
    expect(tab.locator(".md-sidebar--primary").get_by_role("link", name="Glossary")).to_be_hidden()


@pytest.mark.parametrize("tab", PHONE_ONLY, indirect=True)
def test_phone_menu_panel_title_and_current_page_stand_out(tab: Page, site_url: str) -> None:
    tab.goto(site_url + CHAPTER_PAGE)
    open_menu(tab)
    title = tab.locator(".md-sidebar--primary label.md-nav__title", has_text="Everyday practice")
    assert text_contrast(title.evaluate(COLOURS)) >= 4.5
    current = tab.locator(".md-sidebar--primary .md-nav__link--active:visible")
    expect(current).to_have_count(1)
    expect(current).to_contain_text("Small acts")
    # Not by colour alone: bold, with a bar at its side.
    assert current.evaluate(COLOURS)["weight"] >= 600
    expect(current).to_have_css("box-shadow", re.compile(r"inset"))


@pytest.mark.parametrize("tab", BOTH_WIDTHS, indirect=True)
def test_current_page_is_marked_in_the_menu(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    if tab.viewport_size == PHONE:
        open_menu(tab)
    # The link itself carries aria-current; on a phone its label, which opens the page's
    # contents, stands in for it on screen.
    expect(tab.locator('.md-sidebar--primary a[aria-current="page"]')).to_have_count(1)
    current = tab.locator(".md-sidebar--primary .md-nav__link--active:visible")
    expect(current).to_have_count(1)
    expect(current).to_contain_text("Proportionate risk")
    assert current.evaluate(COLOURS)["weight"] >= 600
    others = tab.locator(".md-sidebar--primary a.md-nav__link:not([aria-current]):visible")
    assert others.first.evaluate(COLOURS)["weight"] < 600


def stays_open(page: Page, tip_id: str) -> bool:
    """Watch a pop-up for a second of page time; False if it closed at any moment in it."""
    return bool(
        page.evaluate(
            """id => new Promise(resolve => {
              const started = performance.now();
              const check = () => {
                const tip = document.getElementById(id);
                if (!tip || !tip.classList.contains("md-tooltip2--active")) return resolve(false);
                if (performance.now() - started > 1000) return resolve(true);
                requestAnimationFrame(check);
              };
              check();
            })""",
            tip_id,
        )
    )


def first_term(page: Page) -> Any:
    term = page.locator("article abbr[tabindex='0']").first
    term.scroll_into_view_if_needed()
    return term


def popup(page: Page, term: Any) -> Any:
    expect(term).to_have_attribute("aria-describedby", re.compile(r"\w"))
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(tip).to_be_visible()
    return tip


def assert_readable(page: Page, tip: Any) -> None:
    inner = tip.locator(".md-tooltip2__inner")
    found = inner.evaluate(COLOURS)
    body = page.locator("article p").first.evaluate(COLOURS)
    assert found["size"] >= body["size"], "the definition is smaller than the body text"
    assert text_contrast(found) >= 4.5


@pytest.mark.parametrize("tab", BOTH_WIDTHS, indirect=True)
def test_glossary_definition_by_keyboard_and_escape(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    term = first_term(tab)
    term.evaluate("el => el.focus()")
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Tab")
    expect(term).to_be_focused()
    tip = popup(tab, term)
    assert_readable(tab, tip)
    no_violations(tab)
    tab.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    expect(term).to_be_focused()


@pytest.mark.parametrize("tab", [(DESKTOP, scheme) for scheme in SCHEMES], indirect=True)
def test_glossary_definition_can_be_hovered_and_dismissed(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    term = first_term(tab)
    term.hover()
    tip = popup(tab, term)
    expect(tip).to_have_class(re.compile("md-tooltip2--active"))
    tab.wait_for_function(
        "id => !document.getElementById(id).getAnimations().length", arg=tip.get_attribute("id")
    )
    assert_readable(tab, tip)
    box = tip.locator(".md-tooltip2__inner").bounding_box()
    assert box
    # The pointer moves from the term down onto the definition, a few pixels at a time.
    tab.mouse.move(box["x"] + 20, box["y"] + box["height"] / 2, steps=12)
    assert stays_open(tab, str(tip.get_attribute("id"))), "the definition closed under the pointer"
    tab.keyboard.press("Escape")
    expect(tip).to_be_hidden()


@pytest.mark.parametrize("tab", PHONE_ONLY, indirect=True)
def test_glossary_definition_by_touch(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    term = first_term(tab)
    term.tap()
    tip = popup(tab, term)
    assert_readable(tab, tip)
    tab.keyboard.press("Escape")
    expect(tip).to_be_hidden()


@pytest.mark.parametrize("tab", BOTH_WIDTHS, indirect=True)
def test_clear_all_filters_reads_in_both_schemes(tab: Page, site_url: str) -> None:
    tab.goto(site_url + "/examples/")
    tab.locator(".kip-filter__panel summary").click()
    button = tab.get_by_role("button", name="Clear all filters")
    expect(button).to_be_visible()
    found = button.evaluate(COLOURS)
    assert text_contrast(found) >= 4.5
    assert contrast(rgba(found["border"]), behind(found["layers"][1:])) >= 3
    no_violations(tab)
    # Focused, the button fills with the accent colour; its text still reads.
    button.focus()
    tab.wait_for_function(SETTLED)
    assert text_contrast(button.evaluate(COLOURS)) >= 4.5


@pytest.mark.parametrize("tab", [(DESKTOP, scheme) for scheme in SCHEMES], indirect=True)
def test_focused_search_result_reads_in_both_schemes(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    search(tab, "complaint")
    expect(tab.locator(".md-search-result__item").first).to_be_visible()
    tab.keyboard.press("ArrowDown")
    excerpt = tab.locator(".md-search-result__link.focus-visible .md-search-result__article p")
    expect(excerpt.first).to_be_visible()
    assert text_contrast(excerpt.first.evaluate(COLOURS)) >= 4.5
    no_violations(tab)
    # The results box, when it takes focus to scroll, shows a ring inside its clipped edges.
    scroll = tab.locator(".md-search__scrollwrap")
    scroll.evaluate("el => el.focus()")
    expect(scroll).to_be_focused()
    assert scroll.evaluate("el => el.matches(':focus-visible')")
    expect(scroll).to_have_css("box-shadow", re.compile(r"inset"))
    expect(scroll).to_have_css("outline-style", "solid")


# The page as printed: every heading's colour on white paper, and the text's width on A4.
PRINTED = """() => {
  const article = document.querySelector("article");
  return {
    headings: [...document.querySelectorAll(".md-typeset :is(h1, h2, h3)")].map(
      h => getComputedStyle(h).color),
    text: getComputedStyle(document.querySelector(".md-typeset p")).color,
    paper: getComputedStyle(document.body).backgroundColor,
    width: article.getBoundingClientRect().width,
    page: document.documentElement.clientWidth,
    meanings: [...document.querySelectorAll(".md-typeset abbr[title]")].map(
      a => [a.title, getComputedStyle(a, "::after").content]),
  };
}"""
# An A4 page's width between the print margins, in CSS pixels (210 mm less 2 x 18 mm).
A4_TEXT_WIDTH = round((210 - 36) / 25.4 * 96)


@pytest.mark.parametrize("javascript", ["on", "off"])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_printed_page_is_light_and_full_width(
    browser: Browser, site_url: str, off_network: OffNetwork, scheme: str, javascript: str
) -> None:
    context = browser.new_context(
        viewport={"width": A4_TEXT_WIDTH, "height": 1000},
        color_scheme=scheme,
        java_script_enabled=javascript == "on",
    )
    context.route("**/*", off_network)
    page = context.new_page()
    try:
        page.goto(site_url + GUIDANCE)
        if javascript == "on":
            expected = "slate" if scheme == "dark" else "default"
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
        page.emulate_media(media="print")
        printed = page.evaluate(PRINTED)
    finally:
        context.close()
    paper = (255.0, 255.0, 255.0)
    assert rgba(printed["paper"])[:3] == paper
    for colour in [*printed["headings"], printed["text"]]:
        assert contrast(behind([colour]), paper) >= 4.5, f"printed {colour} on white paper"
    assert printed["width"] >= 0.95 * printed["page"], "the text leaves part of the page empty"
    assert printed["meanings"], "the page has glossary terms to print"
    for meaning, after in printed["meanings"]:
        assert after == '" (" attr(title) ")"' or meaning in after, "a meaning is not printed"
