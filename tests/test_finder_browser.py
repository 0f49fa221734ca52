"""The guided finder in a real browser: keyboard only, with and without JavaScript, and axe."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from browser import OffNetwork, axe_violations, describe, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
# Three situations, each answered differently: a sector and a nation, a skipped sector, and
# a skipped nation.
JOURNEYS = {
    "complaint": ("Someone has made a complaint", "Housing", "Wales"),
    "team-is-exhausted": ("My team is exhausted", "Another sector, or more than one", "Scotland"),
    "commissioning-a-service": ("We are commissioning or buying a service", "Health", ""),
}
SECTOR_SLUGS = {"Housing": "housing", "Health": "health"}
RESULTS = ".md-search-result__item > a"
MOST_TABS = 400  # more than the links on any finder page, header and footer included


@pytest.fixture(params=[(w, js) for w in WIDTHS for js in (True, False)], ids=str)
def tab(
    browser: Browser, off_network: OffNetwork, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A tab at one width, with JavaScript on or off."""
    width, javascript = request.param
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=javascript)
    context.route("**/*", off_network)
    page = context.new_page()
    yield page
    context.close()


def press_link(page: Page, name: str) -> None:
    """Tab to the page's own link with this text, as a keyboard user would, and press Enter.

    Links of the same name in the menu (such as "Housing") are passed over.
    """
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            # Chromium can report no active element for a moment; that is not a link either.
            "() => { const el = document.activeElement;"
            " return el && el.tagName === 'A' && el.closest('article')"
            " ? el.textContent.trim() : ''; }"
        )
        if focused == name:
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"Tab never reached a link called {name!r} on {page.url}")


@pytest.mark.parametrize("situation", JOURNEYS)
def test_keyboard_journey_to_an_outcome_and_back(tab: Page, site_url: str, situation: str) -> None:
    question, sector, nation = JOURNEYS[situation]
    tab.goto(f"{site_url}/finder/")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("What's happening?")
    press_link(tab, question)
    expect(tab).to_have_url(f"{site_url}/finder/{situation}/")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Which sector do you work in?")
    press_link(tab, sector)
    sector_slug = SECTOR_SLUGS.get(sector, "any-sector")
    expect(tab).to_have_url(f"{site_url}/finder/{situation}/{sector_slug}/")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Which UK nation do you work in?")
    press_link(tab, nation or "All four UK nations")
    anchor = f"#in-{nation.lower()}" if nation else ""
    expect(tab).to_have_url(f"{site_url}/finder/{situation}/{sector_slug}/answer/{anchor}")
    expect(tab.get_by_role("heading", level=1)).to_contain_text(question)
    expect(tab.get_by_role("heading", name="Read these first")).to_be_visible()
    if nation:
        heading = tab.locator(f"h2#in-{nation.lower()}")
        expect(heading).to_contain_text(f"In {nation}")
        expect(heading).to_be_in_viewport()
    # And back, one question at a time, to the start.
    press_link(tab, "Back to the previous question")
    expect(tab).to_have_url(f"{site_url}/finder/{situation}/{sector_slug}/")
    press_link(tab, "Back to the previous question")
    expect(tab).to_have_url(f"{site_url}/finder/{situation}/")
    press_link(tab, "Back to the previous question")
    expect(tab).to_have_url(f"{site_url}/finder/")


def test_home_page_starts_the_finder(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    first = page.locator("article h2").first
    expect(first).to_contain_text("What's happening?")
    page.get_by_role("link", name="Someone has made a complaint").click()
    expect(page).to_have_url(f"{site_url}/finder/complaint/")
    page.goto(f"{site_url}/")
    expect(page.get_by_role("link", name="Frontline staff")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_finder_pages_pass_axe(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    failures = []
    for path in (
        "finder/",
        "finder/complaint/",
        "finder/complaint/housing/",
        "finder/complaint/housing/answer/",
        "finder/complaint/any-sector/answer/",
        "finder/commissioning-a-service/education/answer/",
    ):
        page.goto(f"{site_url}/{path}")
        violations = axe_violations(page)
        if violations:
            failures.append(f"{path}:\n{describe(violations)}")
    context.close()
    assert not failures, "\n".join(failures)


def test_finder_pages_appear_in_search(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    search(page, "someone has made a complaint")
    expect(page.locator(f"{RESULTS}[href*='/finder/complaint/']").first).to_be_attached()
