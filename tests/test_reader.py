"""Reader experience in a real browser: filters, search, trust signals, feedback, small screens."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import serve
from playwright.sync_api import Page, expect

from macros.site import Site

from browser import OffNetwork, axe_violations, describe, search
from sites import fixture_project, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FILTERS = {"theme": "relationships", "sector": "health", "audience": "team-managers"}


def expected_titles(content: Site, chosen: dict[str, str]) -> set[str]:
    catalogue = content.catalogue
    return {
        example.title
        for example in catalogue.examples_matching(
            theme=chosen["theme"], sector=chosen["sector"], audience=chosen["audience"]
        )
    }


def visible_titles(page: Page) -> set[str]:
    titles = page.locator(".kip-example:visible h2").all_inner_texts()
    return {title.removesuffix("¶").strip() for title in titles}


def test_three_filters_show_exactly_the_matching_examples(
    page: Page, site_url: str, content: Site
) -> None:
    expected = expected_titles(content, FILTERS)
    assert expected, "choose filters that some example matches"
    assert len(expected) < len(content.catalogue.data.examples)
    page.goto(site_url + "/examples/")
    page.get_by_text("Filter the examples").click()
    legends = {"theme": ("Theme", "themes"), "sector": ("Sector", "sectors")}
    legends["audience"] = ("Who it is for", "audiences")
    for facet, value in FILTERS.items():
        legend, vocabulary = legends[facet]
        label = content.catalogue.vocabulary(vocabulary)[value].label
        group = page.get_by_role("group", name=legend)
        group.get_by_role("checkbox", name=re.compile(rf"^{re.escape(label)} \(\d+\)$")).check()
    assert visible_titles(page) == expected
    total = len(content.catalogue.data.examples)
    expect(page.locator(".kip-filter__count")).to_have_text(
        f"Showing {len(expected)} of {total} examples."
    )
    query = parse_qs(urlsplit(page.url).query)
    assert query == {facet: [value] for facet, value in FILTERS.items()}
    page.reload()
    assert visible_titles(page) == expected
    for facet, value in FILTERS.items():
        expect(page.locator(f"input[name={facet}][value={value}]")).to_be_checked()


def test_filters_work_after_following_the_sidebar(page: Page, site_url: str, content: Site) -> None:
    page.goto(site_url + "/kindness-and-risk/")  # the home page has no sidebar
    page.locator("nav.md-nav--primary").get_by_role("link", name="Practice examples").click()
    expect(page).to_have_url(re.compile(r"/examples/$"))
    page.get_by_text("Filter the examples").click()
    page.locator("input[name=kind][value=illustrative]").check()
    illustrative = {
        e.title for e in content.catalogue.data.examples.values() if e.kind == "illustrative"
    }
    assert visible_titles(page) == illustrative
    expect(page).to_have_url(re.compile(r"\?kind=illustrative(#|$)"))


def test_search_results_pass_axe(page: Page, site_url: str, off_network: OffNetwork) -> None:
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(site_url + "/")
        search(page, "trust")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        violations = axe_violations(page)
        assert violations == [], f"{scheme}: {describe(violations)}"
    assert off_network.blocked == []


def test_examples_index_with_filters_open_passes_axe(page: Page, site_url: str) -> None:
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(site_url + "/examples/?theme=trust")
        expect(page.locator("details.kip-filter__panel")).to_have_attribute("open", "")
        violations = axe_violations(page)
        assert violations == [], f"{scheme}: {describe(violations)}"


def test_problem_report_link_is_prefilled(page: Page, site_url: str) -> None:
    page.goto(site_url + "/kindness-and-risk/proportionate-risk/")
    link = page.get_by_role("link", name="Report a problem with this page")
    href = link.get_attribute("href") or ""
    assert href.startswith("https://github.com/kindness-in-practice/handbook/issues/new?")
    query = parse_qs(urlsplit(href).query)
    assert query["title"] == ["Problem with the page: Proportionate risk"]
    assert "/kindness-and-risk/proportionate-risk/" in query["body"][0]
    mail = page.get_by_role("link", name="email the editorial team").get_attribute("href") or ""
    assert mail.startswith("mailto:")
    assert "Proportionate%20risk" in mail


def test_trust_signals_show_on_guidance_example_and_report_pages(page: Page, site_url: str) -> None:
    for path in (
        "/kindness-and-risk/proportionate-risk/",
        "/examples/wigan-deal/",
        "/reports/practice-of-kindness/",
    ):
        page.goto(site_url + path)
        info = page.get_by_role("complementary", name="About this page")
        expect(info).to_contain_text("Last reviewed")
        expect(info).to_contain_text("Next review due")
        expect(info).to_contain_text("Owner")
        expect(page.locator(".kip-review-notice")).to_have_count(0)


@pytest.fixture(scope="module")
def overdue_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("overdue")
    source = Path(__file__).parent / "fixtures/site/docs/chapter-one/first-page.md"
    text = source.read_text(encoding="utf-8").replace(
        "review_due: 2027-01-01", "review_due: 2026-02-01"
    )
    project = fixture_project(folder / "project", files={"docs/chapter-one/first-page.md": text})
    result = mkdocs_build(project, folder / "site")
    assert result.returncode == 0, result.output
    yield from serve(folder / "site")


def test_overdue_page_shows_a_notice(page: Page, overdue_site: str) -> None:
    page.goto(overdue_site + "/chapter-one/first-page/")
    notice = page.locator(".kip-review-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("This page is due for review")
    expect(notice).to_contain_text("1 February 2026")
    page.goto(overdue_site + "/chapter-one/")
    expect(page.locator(".kip-review-notice")).to_have_count(0)


@pytest.mark.parametrize("width", [320, 640])
def test_pages_fit_narrow_screens_without_sideways_scrolling(
    browser, site_url: str, width: int
) -> None:
    # 640 CSS pixels is a 1280-pixel screen at 200% zoom.
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        for path in (
            "/",
            "/kindness-and-risk/proportionate-risk/",
            "/examples/",
            "/examples/wigan-deal/",
        ):
            page.goto(site_url + path)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
    finally:
        context.close()


def test_keyboard_focus_is_visible(page: Page, site_url: str) -> None:
    page.goto(site_url + "/kindness-and-risk/proportionate-risk/")
    for _ in range(5):
        page.keyboard.press("Tab")
        ring = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
        )
        assert ring[0] != "none" or ring[2] != "none", ring


def test_no_cookies_are_set(page: Page, site_url: str) -> None:
    page.goto(site_url + "/examples/?theme=trust")
    assert page.context.cookies() == []


def test_printing_a_page_leaves_out_the_site_chrome(page: Page, site_url: str) -> None:
    page.goto(site_url + "/kindness-and-risk/proportionate-risk/")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    address = page.locator("article a[href^='http']").first.evaluate(
        "link => getComputedStyle(link, '::after').content"
    )
    assert "http" in address
