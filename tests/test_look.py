"""The handbook's look in a real browser: strong headings, a readable measure, calm callouts."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from browser import OffNetwork, axe_violations, behind, contrast, describe, rgba, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GUIDANCE = "/kindness-and-risk/proportionate-risk/"
EXAMPLE = "/examples/wigan-deal/"
# Characters a line in the longest paragraph: the width over the average width of its letters.
CHARACTERS_A_LINE = """() => {
  const paragraphs = [...document.querySelectorAll("article p")];
  const p = paragraphs.sort((a, b) => b.textContent.length - a.textContent.length)[0];
  const context = document.createElement("canvas").getContext("2d");
  const style = getComputedStyle(p);
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const text = p.textContent.replace(/\\s+/g, " ").trim();
  return p.clientWidth / (context.measureText(text).width / text.length);
}"""
HEADING = """selector => {
  const heading = document.querySelector(selector);
  const layers = [];
  for (let node = heading; node; node = node.parentElement) {
    layers.push(getComputedStyle(node).backgroundColor);
  }
  const style = getComputedStyle(heading);
  return {weight: Number(style.fontWeight), colour: style.color, layers};
}"""


@pytest.fixture
def tab(
    browser: Browser, off_network: OffNetwork, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A tab at the width and colour scheme the test is parametrised with."""
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    context.route("**/*", off_network)
    yield context.new_page()
    context.close()
    assert off_network.blocked == []


@pytest.mark.parametrize("tab", [(1280, "light"), (1280, "dark")], indirect=True)
def test_headings_are_bold_and_dark_against_the_page(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    for selector in ("article h1", "article h2"):
        heading = tab.evaluate(HEADING, selector)
        assert heading["weight"] >= 700, selector
        # Stronger than the 4.5:1 text needs: headings are the darkest (or lightest) text there is.
        assert contrast(rgba(heading["colour"]), behind(heading["layers"])) >= 12, selector


@pytest.mark.parametrize("tab", [(1280, "light")], indirect=True)
@pytest.mark.parametrize("path", ["/", GUIDANCE, "/examples/", "/glossary/", EXAMPLE])
def test_lines_are_about_seventy_characters_long(tab: Page, site_url: str, path: str) -> None:
    tab.goto(site_url + path)
    assert 60 <= tab.evaluate(CHARACTERS_A_LINE) <= 78


@pytest.mark.parametrize("tab", [(1280, "light")], indirect=True)
def test_callouts_are_in_body_size_text(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    body = tab.locator("article > p").first.evaluate("p => getComputedStyle(p).fontSize")
    callout = tab.locator("article .admonition p:not(.admonition-title)").first
    assert callout.evaluate("p => getComputedStyle(p).fontSize") == body


@pytest.mark.parametrize("tab", [(390, "light"), (1280, "light")], indirect=True)
def test_example_facts_fold_on_a_phone_and_open_on_a_desktop(tab: Page, site_url: str) -> None:
    tab.goto(site_url + EXAMPLE)
    facts = tab.locator("details.kip-facts")
    where = facts.get_by_text("Where", exact=True)
    if tab.viewport_size and tab.viewport_size["width"] < 400:
        expect(facts).not_to_have_attribute("open", "")
        expect(where).to_be_hidden()
        facts.locator("summary").click()
    expect(where).to_be_visible()


@pytest.mark.parametrize("tab", [(1280, "light")], indirect=True)
def test_repository_and_editing_are_out_of_the_readers_way(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    expect(tab.locator(".md-header .md-source")).to_be_hidden()
    expect(tab.locator(".md-content__button")).to_have_count(0)
    suggest = tab.get_by_role("link", name="Suggest a change to this page")
    expect(suggest).to_have_attribute(
        "href",
        "https://github.com/kindness-in-practice/handbook/edit/main/docs/"
        "kindness-and-risk/proportionate-risk.md",
    )
    footer = tab.locator(".md-footer").get_by_role(
        "link", name="Source, history and how to contribute"
    )
    expect(footer).to_have_attribute("href", "https://github.com/kindness-in-practice/handbook")


@pytest.mark.parametrize("tab", [(390, "light")], indirect=True)
def test_home_page_starts_from_the_readers_role_and_question(tab: Page, site_url: str) -> None:
    tab.goto(site_url + "/")
    headings = [text.rstrip("¶") for text in tab.locator("article h2").all_inner_texts()]
    # The guided finder comes first (issue 23); the role paths and questions stay.
    assert headings[:3] == ["What's happening?", "Start from your role", "Start from your question"]
    for role in ("Frontline staff", "Team managers", "Senior leaders", "Policy makers"):
        expect(tab.locator(".kip-cards").get_by_role("link", name=role)).to_be_visible()
    # The finder's situations come first, in a list of their own; these are the questions.
    questions = tab.locator("#start-from-your-question ~ .kip-questions a")
    assert questions.count() >= 6
    assert all(text.endswith("?") for text in questions.all_inner_texts())


@pytest.mark.parametrize("tab", [(390, "light")], indirect=True)
def test_the_search_field_has_one_clear_button(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    box = tab.locator("[data-kip-search] input")
    # The browser's own clear button in a search box is hidden, as Material's stands beside it.
    # (Chromium computes no style for that part of the field, so the rule itself is read.)
    hidden = box.evaluate(
        """el => [...document.styleSheets].flatMap(sheet => [...sheet.cssRules]).some(rule =>
             rule.selectorText && rule.selectorText.endsWith("::-webkit-search-cancel-button")
             && el.matches(rule.selectorText.split("::")[0])
             && rule.style.getPropertyValue("appearance") === "none")"""
    )
    assert hidden
    expect(tab.locator("[data-kip-search] button[type=reset]")).to_have_count(1)


# Body text size at each width: 16 px on a phone, 19 px from tablet width up (GOV.UK, NHS).
@pytest.mark.parametrize(
    ("tab", "size"),
    [
        ((390, "light"), "16px"),
        ((768, "light"), "19px"),
        ((1280, "dark"), "19px"),
        ((1800, "light"), "19px"),
    ],
    indirect=["tab"],
)
def test_body_text_is_19_pixels_from_tablet_width_up(tab: Page, site_url: str, size: str) -> None:
    tab.goto(site_url + GUIDANCE)
    paragraph = tab.locator("article > p").first
    pixels = float(paragraph.evaluate("p => getComputedStyle(p).fontSize").removesuffix("px"))
    assert abs(pixels - float(size.removesuffix("px"))) < 0.05


@pytest.mark.parametrize("tab", [(1280, "light"), (1280, "dark")], indirect=True)
def test_the_illustrative_notice_is_calm_inset_text(tab: Page, site_url: str) -> None:
    tab.goto(site_url + "/examples/care-home-visiting/")
    notice = tab.locator("article .admonition").filter(has_text="Illustrative example")
    style = notice.evaluate(
        """n => {
            const s = getComputedStyle(n);
            const icon = getComputedStyle(n.querySelector(".admonition-title"), "::before");
            return {bg: s.backgroundColor, border: s.borderLeftColor, icon: icon.display};
        }"""
    )
    assert rgba(style["bg"])[3] == 0  # no tinted box
    red, green, blue, _ = rgba(style["border"])
    assert max(red, green, blue) - min(red, green, blue) < 25  # grey or blue-grey, not orange
    assert style["icon"] == "none"  # no warning triangle


@pytest.mark.parametrize("tab", [(390, "light"), (1280, "dark")], indirect=True)
def test_the_footer_names_the_publisher_and_how_to_reach_them(tab: Page, site_url: str) -> None:
    tab.goto(site_url + GUIDANCE)
    footer = tab.locator(".md-footer")
    expect(footer).to_contain_text("Published by the Kindness in Practice editorial team.")
    expect(footer).to_contain_text("Creative Commons Attribution 4.0")
    for name in ("Contact us", "Give feedback"):
        expect(footer.get_by_role("link", name=name)).to_have_attribute(
            "href", re.compile(r"^mailto:")
        )
    for name, path in (
        ("Accessibility statement", "accessibility/"),
        ("Privacy notice", "privacy/"),
    ):
        link = footer.get_by_role("link", name=name)
        expect(link).to_be_visible()
        link.click()
        expect(tab).to_have_url(re.compile(path + "$"))
        expect(tab.get_by_role("heading", level=1)).to_contain_text(name)
        tab.go_back()
    violations = axe_violations(tab)
    assert not violations, describe(violations)


@pytest.mark.parametrize("tab", [(1280, "light")], indirect=True)
def test_reading_and_searching_set_no_cookie_and_keep_only_the_colour_choice(
    tab: Page, site_url: str
) -> None:
    tab.goto(site_url + GUIDANCE)
    tab.get_by_title("Switch to dark mode").first.click()
    search(tab, "complaint")
    expect(tab.locator("[data-kip-search]")).to_have_attribute("data-kip-settled", "complaint")
    tab.goto(site_url + "/examples/")
    assert tab.evaluate("document.cookie") == ""
    stored = tab.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert stored, "the colour choice is kept"
    assert all(key.endswith("__palette") for key in stored), stored
