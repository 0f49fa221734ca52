"""Site search in a real browser: nothing fetched before a search, keyboard use, right results."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import serve
from playwright.sync_api import Page, Request, expect

from macros.navigation import read_config
from macros.site import Site

from browser import search
from sites import ROOT, fixture_project, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RESULTS = ".md-search-result__item > a"
EXAMPLE = re.compile(r"/examples/[a-z0-9-]+/$")  # a practice example's address


def is_search_data(request: Request) -> bool:
    path = urlsplit(request.url).path
    return "/pagefind/" in path or "/search/" in path or "/workers/search" in path


def top_results(page: Page, count: int) -> list[str]:
    hrefs = page.locator(RESULTS).evaluate_all("links => links.map(link => link.href)")
    return [urlsplit(href).path for href in hrefs[:count]]


def test_the_published_site_has_a_pagefind_index(built_site: Path) -> None:
    assert (built_site / "pagefind" / "pagefind-entry.json").is_file()
    assert (built_site / "pagefind" / "pagefind.js").is_file()
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("[data-kip-search] input[type=search]") is not None
    assert home.find("form", attrs={"name": "search"}) is None  # Material's search is off here
    # ... and indexes nothing: its index is written for the offline copy alone.
    assert not (built_site / "search").exists()


def indexed_text(index: Path) -> dict[str, str]:
    """Return the text Pagefind indexed for each page, by address, from its fragment files."""
    texts = {}
    for path in (index / "fragment").glob("*.pf_fragment"):
        # Pagefind's fragments: gzip, then its signature, then the page as JSON.
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        texts[fragment["url"]] = fragment["content"]
    return texts


def test_few_practice_examples_share_the_main_index(built_site: Path, content: Site) -> None:
    main = indexed_text(built_site / "pagefind")
    examples = {url for url in main if EXAMPLE.search(url)}
    assert examples == {f"/examples/{key}/" for key in content.catalogue.data.examples}
    assert "/examples/" in main
    assert {f"/{uri.removesuffix('.md')}/" for uri in content.catalogue.guidance_uris} <= set(main)
    assert not (built_site / "pagefind" / "examples").exists()  # one index: one piece a word


def test_what_every_example_repeats_is_not_searched(built_site: Path, content: Site) -> None:
    texts = indexed_text(built_site / "pagefind")
    for example in content.catalogue.data.examples.values():
        text = texts[f"/examples/{example.id}/"]
        assert example.summary in text
        assert example.place in text  # a fact, without its label
        assert f"Where {example.place}" not in text
        assert "Facts about this example" not in text
        assert "It is a composite, put together from common situations" not in text
        assert "This example is based on published sources" not in text


def test_with_few_examples_every_search_includes_them(page: Page, site_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(site_url + "/")
    search(page, "care home visiting")
    expect(page.locator(RESULTS + "[href$='/examples/care-home-visiting/']")).to_be_visible()
    assert any("/pagefind/" in path for path in fetched)
    assert not any("/pagefind/examples/" in path for path in fetched)  # in the main index
    expect(page.get_by_role("button", name="Search the practice examples too")).to_be_hidden()


@pytest.fixture(scope="module")
def many_examples_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site built as if it had more practice examples than a first search takes."""
    folder = tmp_path_factory.mktemp("many-examples")
    settings: dict[str, object] = {"extra": {"examples_in_first_search": 0}}
    project = fixture_project(folder / "project", settings=settings)
    built = mkdocs_build(project, folder / "site")
    assert built.returncode == 0, built.output
    mount = urlsplit(read_config(ROOT / "mkdocs.yml")["site_url"]).path.strip("/")
    yield from serve(built.site_dir, mount)


def test_with_many_examples_they_are_searched_when_the_reader_asks(
    page: Page, many_examples_url: str
) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(many_examples_url + "/")
    search(page, "made-up housing team")
    expect(page.locator(RESULTS).first).to_be_visible()  # the examples' list page, which names it
    assert not any(EXAMPLE.search(path) for path in top_results(page, 100))
    assert not any("/pagefind/examples/" in path for path in fetched)
    page.get_by_role("button", name="Search the practice examples too").click()
    expect(page.locator(RESULTS + "[href$='/examples/illustrative-example/']")).to_be_visible()
    assert any("/pagefind/examples/" in path for path in fetched)
    expect(page.get_by_role("searchbox", name="Search the handbook")).to_be_focused()
    # Once the examples are in the search, the offer goes.
    expect(page.get_by_role("button", name="Search the practice examples too")).to_be_hidden()


def test_no_search_data_is_fetched_until_a_search_starts(page: Page, site_url: str) -> None:
    fetched: list[str] = []
    page.on(
        "request", lambda request: fetched.append(request.url) if is_search_data(request) else None
    )
    page.goto(site_url + "/kindness-and-risk/proportionate-risk/")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 2000)
    page.locator("article").get_by_role("link").first.hover()
    page.wait_for_timeout(500)
    assert fetched == []
    search(page, "trust")
    expect(page.locator(RESULTS).first).to_be_visible()
    assert any("/pagefind/" in url for url in fetched)


@pytest.mark.parametrize(
    ("words", "finds", "within"),
    [
        ("compassion", "/kindness-under-pressure/compassion-when-saying-no/", 1),
        ("red tape", "/everyday-practice/people-before-procedures/", 1),
        # The page on what efficiency and measurement cost is tagged with the same everyday
        # words and cites "Street-Level Bureaucracy", so it may come first.
        ("bureaucracy", "/everyday-practice/people-before-procedures/", 2),
        # The page on harm to staff is about burnout and what lies beyond it; the page on
        # boundaries and wellbeing is about preventing it.
        ("burnout", "/kindness-under-pressure/harm-to-staff/", 1),
        ("burnout", "/everyday-practice/boundaries-and-wellbeing/", 3),
    ],
)
def test_everyday_words_find_the_right_guidance(
    page: Page, site_url: str, words: str, finds: str, within: int
) -> None:
    page.goto(site_url + "/")
    search(page, words)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"matching page"))
    expect(page.locator(RESULTS).first).to_be_visible()
    top = top_results(page, within)
    assert any(path.endswith(finds) for path in top), top


def test_search_works_from_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "/kindness-and-risk/proportionate-risk/")
    page.keyboard.press("/")
    box = page.get_by_role("searchbox", name="Search the handbook")
    expect(box).to_be_focused()
    page.keyboard.type("burnout", delay=20)
    first = page.locator(RESULTS).first
    expect(first).to_have_attribute("href", re.compile(r"harm-to-staff/$"))
    expect(page.get_by_role("status")).to_have_text(re.compile(r"\d+ matching pages"))
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/kindness-under-pressure/harm-to-staff/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("burnout")
    # Escape closes the search and gives the page back.
    page.wait_for_load_state()  # the new page's scripts listen for keys once it has loaded
    page.keyboard.press("s")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    expect(box).not_to_be_focused()
    expect(page.locator("#__search")).not_to_be_checked()


def test_a_search_with_no_match_says_so(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    search(page, "zzqxv")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching pages")
    expect(page.locator(RESULTS)).to_have_count(0)
