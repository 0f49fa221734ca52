"""The examples index with many examples, in a real browser: filters, counts, pages without JS."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import serve
from playwright.sync_api import Browser, Page, expect

from macros.examples_index import PER_PAGE
from macros.site import Site, load_site
from macros.synthetic import add_examples

from browser import axe_violations, describe
from sites import fixture_project, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SYNTHETIC = 130  # three numbered pages of examples


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Site]:
    folder = tmp_path_factory.mktemp("many")
    project = fixture_project(folder / "project")
    add_examples(
        project / "data", SYNTHETIC, ["chapter-one/first-page.md"], ["trust", "risk"], ["housing"]
    )
    result = mkdocs_build(project, folder / "site")
    assert result.returncode == 0, result.output
    return result.site_dir, load_site(project / "docs", project / "data")


@pytest.fixture(scope="module")
def many_url(many: tuple[Path, Site]) -> Iterator[str]:
    yield from serve(many[0])


def visible_titles(page: Page) -> list[str]:
    return [
        title.removesuffix("¶").strip()
        for title in page.locator(".kip-example:visible h2").all_inner_texts()
    ]


def count_of(page: Page, facet: str, value: str) -> int:
    text = page.locator(f"input[name={facet}][value={value}] + span [data-kip-count]").inner_text()
    return int(text)


def test_without_javascript_every_example_is_on_a_numbered_page(
    browser: Browser, many_url: str, many: tuple[Path, Site]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        seen: set[str] = set()
        to_visit, visited = [many_url + "/examples/"], set()
        while to_visit:
            address = to_visit.pop()
            if address in visited:
                continue
            visited.add(address)
            page.goto(address)
            expect(page.locator("[data-kip-filter]")).to_have_count(
                1 if address.endswith("/examples/") else 0
            )
            links = page.locator(".kip-example h2 a:not(.headerlink)").evaluate_all(
                "a => a.map(x => x.href)"
            )
            assert 0 < len(links) <= PER_PAGE, address
            seen |= {urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1] for link in links}
            pages = page.get_by_role("navigation", name="Pages of practice examples")
            hrefs = pages.get_by_role("link").evaluate_all("a => a.map(x => x.href)")
            to_visit += [urljoin(address, href) for href in hrefs]
        assert seen == set(many[1].catalogue.data.examples)
        assert len(visited) == -(-len(seen) // PER_PAGE)
    finally:
        context.close()


def test_the_index_loads_no_filter_data_until_the_filters_open(page: Page, many_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(many_url + "/examples/")
    expect(page.locator(".kip-example")).to_have_count(PER_PAGE)
    assert not any("filter-data" in url for url in fetched)
    page.get_by_text("Filter the examples").click()
    page.locator("input[name=kind][value=documented]").check()
    expect(page.locator(".kip-filter__count")).to_contain_text("Showing 1 of")
    assert any("filter-data" in url for url in fetched)


def test_counts_narrow_as_other_filters_are_chosen(
    page: Page, many_url: str, many: tuple[Path, Site]
) -> None:
    examples = list(many[1].catalogue.data.examples.values())
    page.goto(many_url + "/examples/?theme=risk")
    status = page.locator(".kip-filter__count")
    on_risk = [e for e in examples if "risk" in e.themes]
    expect(status).to_have_text(f"Showing {len(on_risk)} of {len(examples)} examples.")
    # Other groups count within the chosen theme; the theme group counts across all themes.
    for kind in ("documented", "illustrative"):
        assert count_of(page, "kind", kind) == sum(1 for e in on_risk if e.kind == kind)
    assert count_of(page, "theme", "trust") == sum(1 for e in examples if "trust" in e.themes)
    expect(page.locator(".kip-example:visible")).to_have_count(PER_PAGE)
    page.get_by_role("button", name="Show more examples").click()
    expect(page.locator(".kip-example:visible")).to_have_count(min(2 * PER_PAGE, len(on_risk)))
    page.locator("input[name=kind][value=illustrative]").check()
    illustrative = [e for e in on_risk if e.kind == "illustrative"]
    expect(status).to_have_text(f"Showing {len(illustrative)} of {len(examples)} examples.")
    assert count_of(page, "theme", "trust") == sum(
        1 for e in examples if "trust" in e.themes and e.kind == "illustrative"
    )
    assert urlsplit(page.url).query == "theme=risk&kind=illustrative"


def test_nothing_matching_is_said_plainly(
    page: Page, many_url: str, many: tuple[Path, Site]
) -> None:
    examples = many[1].catalogue.data.examples.values()
    assert not any(e.kind == "documented" and "risk" in e.themes for e in examples)
    page.goto(many_url + "/examples/?theme=risk&kind=documented")
    expect(page.locator(".kip-filter__count")).to_have_text(
        "No examples match these filters. Untick a filter, or clear them all, to see more."
    )
    expect(page.locator(".kip-example:visible")).to_have_count(0)
    page.get_by_role("button", name="Clear all filters").click()
    expect(page.locator(".kip-example:visible")).to_have_count(PER_PAGE)
    assert urlsplit(page.url).query == ""


def test_on_a_phone_the_filters_are_folded_and_examples_come_first(
    browser: Browser, many_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(many_url + "/examples/")
        panel = page.locator("details.kip-filter__panel")
        expect(panel).to_be_visible()
        expect(panel).not_to_have_attribute("open", re.compile(".*"))
        first = page.locator(".kip-example h2").first.bounding_box()
        assert first is not None
        assert first["y"] < 844, first
    finally:
        context.close()


def test_numbered_pages_pass_axe(page: Page, many_url: str) -> None:
    for path in ("/examples/", "/examples/page/2/"):
        page.goto(many_url + path)
        violations = axe_violations(page)
        assert violations == [], f"{path}: {describe(violations)}"
