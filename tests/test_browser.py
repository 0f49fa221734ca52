"""The handbook in a real browser: it loads, stays on this machine, and passes axe-core."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from macros.site import load_site

from browser import OffNetwork, axe_violations, describe
from sites import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE_TYPES = {
    "home": "/",
    "chapter landing": "/kindness-and-risk/",
    "guidance": "/kindness-and-risk/proportionate-risk/",
    "examples index": "/examples/",
    "documented example": "/examples/wigan-deal/",
    "illustrative example": "/examples/housing-arrears-discretion/",
    "report": "/reports/practice-of-kindness/",
    "organisation": "/organisations/north-ayrshire-council/",
    "theme": "/themes/trust/",
    "glossary": "/glossary/",
    "reading path": "/start-here/frontline-staff/",
    "not found": "/404.html",
}
SCHEMES = ("light", "dark")


def load_glossary():
    return load_site(ROOT / "docs", ROOT / "data").catalogue.glossary


def test_home_page_loads_with_its_title(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    expect(page).to_have_title("Kindness in Practice")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Kindness in Practice"))


def test_skip_link_moves_focus_to_the_content(page: Page, site_url: str) -> None:
    page.goto(site_url + "/kindness-and-risk/proportionate-risk/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_page_type_has_no_axe_violations(
    page: Page, site_url: str, off_network: OffNetwork, name: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")
    expected = "slate" if scheme == "dark" else "default"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert off_network.blocked == []


def test_glossary_term_shows_its_definition_on_keyboard_focus(page: Page, site_url: str) -> None:
    page.goto(site_url + "/kindness-and-risk/proportionate-risk/")
    terms = page.locator("article abbr[tabindex='0']")
    expect(terms.first).to_be_attached()
    words = terms.evaluate_all("items => items.map(item => item.textContent.toLowerCase())")
    assert len(words) == len(set(words)), "only the first use of a term joins the tab order"
    for _ in range(200):  # a keyboard user tabs through the sidebar into the text
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "ABBR":
            break
    focused = page.locator("article abbr:focus")
    expect(focused).to_have_count(1)
    expect(focused).to_have_attribute("aria-describedby", re.compile(r"\w"))
    tooltip = page.locator(f"#{focused.get_attribute('aria-describedby')}")
    expect(tooltip).to_be_visible()
    definitions = {term.term: term.definition for term in load_glossary()}
    expect(tooltip).to_contain_text(definitions[focused.inner_text().lower()])
