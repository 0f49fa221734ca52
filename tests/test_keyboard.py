"""Keyboard use in a real browser: the Tab order, the menu button, and a focus ring you can see."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from browser import OffNetwork, behind, contrast, rgba

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GUIDANCE = "/kindness-and-risk/proportionate-risk/"
PAGES = (GUIDANCE, "/examples/", "/")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# How long a focused element may stay covered while a fade ends; the wait ends when it does,
# so this only bounds a real failure, on however busy a machine.
FADE_MS = 10_000
# What the focused element looks like, and what lies behind it: from its parent up to the page.
# Material's colour-scheme switch is a hidden radio button whose label, next to it, shows focus.
FOCUS_STOP = """() => {
  const focused = document.activeElement;
  const el = focused.matches(".md-option") ? focused.nextElementSibling : focused;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const layers = [];
  for (let node = el.parentElement; node; node = node.parentElement) {
    layers.push(getComputedStyle(node).backgroundColor);
  }
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const line = el.getClientRects()[0] || rect;  // a link may wrap: look at its first line
  const top = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
  return {
    name: el.outerHTML.slice(0, 120),
    inHeader: !!el.closest(".md-header"),
    inDrawer: !!el.closest(".md-sidebar--primary"),
    inArticle: !!el.closest("article"),
    inFooter: !!el.closest(".md-footer"),
    onTop: !!top && (el.contains(top) || top.contains(el)),
    topName: top ? top.outerHTML.slice(0, 120) : "nothing",
    top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right,
    width: rect.width, height: rect.height,
    headerBottom: header.bottom, viewportHeight: innerHeight, viewportWidth: innerWidth,
    outline: [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor],
    shadow: style.boxShadow,
    layers,
  };
}"""


def ring_contrast(stop: dict[str, Any]) -> float:
    """The better contrast of the focus ring's two colours against what lies behind it."""
    background = behind(stop["layers"])
    style, width, colour = stop["outline"]
    colours = [rgba(colour)] if style != "none" and width >= 2 else []
    shadow = re.match(r"(rgba?\([^)]*\))", stop["shadow"] or "")
    if shadow:
        colours.append(rgba(shadow.group(1)))
    return max((contrast(c, background) for c in colours), default=1.0)


@pytest.fixture
def tab(
    browser: Browser, off_network: OffNetwork, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A tab at the viewport and colour scheme the test is parametrised with."""
    viewport, scheme = request.param
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    context.route("**/*", off_network)
    yield context.new_page()
    context.close()
    assert off_network.blocked == []


def tab_through(page: Page, presses: int, key: str = "Tab") -> list[dict[str, Any]]:
    """Press Tab (or Shift+Tab) and describe where focus lands each time."""
    stops = []
    for _ in range(presses):
        page.keyboard.press(key)
        if page.evaluate("() => document.activeElement === document.body"):
            continue
        stop = page.evaluate(FOCUS_STOP)
        if not stop["onTop"]:  # look again once Material's fades (a quarter of a second) end
            with contextlib.suppress(PlaywrightTimeoutError):  # still covered: reported below
                page.wait_for_function(f"() => ({FOCUS_STOP})().onTop", timeout=FADE_MS)
            stop = page.evaluate(FOCUS_STOP)
        stops.append(stop)
    return stops


@pytest.mark.parametrize("tab", [(PHONE, "light")], indirect=True)
def test_closed_menu_keeps_its_links_out_of_the_tab_order(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    stops = tab_through(tab, 12)
    assert [stop["name"] for stop in stops if stop["inDrawer"]] == []
    assert any(stop["inArticle"] for stop in stops), "twelve Tabs should reach the page's text"
    for stop in stops:
        assert stop["width"] > 0, f"focus went to something invisible: {stop['name']}"
        assert stop["left"] >= 0, f"focus went off screen: {stop['name']}"
        assert stop["right"] <= stop["viewportWidth"], f"focus went off screen: {stop['name']}"


@pytest.mark.parametrize("tab", [(PHONE, "light")], indirect=True)
def test_menu_button_works_from_the_keyboard(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    button = tab.get_by_role("button", name="Menu")
    for _ in range(5):
        tab.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")
    # The menu opens on the page's chapter; the main menu's links are under it, and hidden.
    menu = tab.locator(".md-sidebar--primary")
    menu_link = menu.get_by_role("link", name="Safeguarding and fairness")
    covered = menu.get_by_role("link", name="Glossary")
    expect(menu_link).to_be_hidden()
    tab.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu_link).to_be_visible()
    expect(menu_link).to_be_in_viewport()
    expect(covered).to_be_hidden()
    tab.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(menu_link).to_be_hidden()
    tab.keyboard.press(" ")
    expect(button).to_have_attribute("aria-expanded", "true")


@pytest.mark.parametrize("tab", [(PHONE, "light")], indirect=True)
def test_phone_search_button_opens_search_from_the_keyboard(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    # Real buttons: a label may not take the role of a button (axe's aria-allowed-role).
    expect(tab.locator(".md-header label[role], .md-header label[tabindex]")).to_have_count(0)
    button = tab.get_by_role("button", name="Search")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    button.focus()
    tab.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(tab.locator("#__search")).to_be_checked()


@pytest.mark.parametrize("tab", [(DESKTOP, "light")], indirect=True)
def test_wide_screens_show_neither_phone_button(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    expect(tab.locator(".kip-header-button")).to_have_count(2)
    for name in ("Menu", "Search"):
        expect(tab.get_by_role("button", name=name, exact=True)).to_be_hidden()


@pytest.mark.parametrize("tab", [(PHONE, "light"), (DESKTOP, "light")], indirect=True)
def test_focus_is_never_hidden_under_the_sticky_header(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    forwards = tab_through(tab, 120)
    backwards = tab_through(tab, 120, "Shift+Tab")
    assert sum(stop["inArticle"] for stop in backwards) > 20
    for stop in forwards + backwards:
        assert stop["onTop"], f"{stop['name']} is covered by {stop['topName']}"
        if stop["inArticle"]:
            assert stop["top"] >= stop["headerBottom"] - 1, f"under the header: {stop['name']}"
            assert stop["bottom"] <= stop["viewportHeight"] + 1, f"below the window: {stop['name']}"


@pytest.mark.parametrize(
    "tab",
    [(viewport, scheme) for viewport in (PHONE, DESKTOP) for scheme in ("light", "dark")],
    indirect=True,
)
def test_focus_ring_stands_out_from_every_background(tab: Page, site_url: str) -> None:
    regions = set()
    for path in PAGES:
        tab.goto(site_url + path)
        for stop in tab_through(tab, 150):
            regions |= {name for name in ("inHeader", "inArticle", "inFooter") if stop[name]}
            assert ring_contrast(stop) >= 3, f"{path}: focus ring below 3:1 on {stop['name']}"
    assert regions == {"inHeader", "inArticle", "inFooter"}, "the walk missed part of the page"
