"""Search as staff use it: the judged queries, typos, pauses, announcements and no results."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.loader import load_data
from macros.models import JudgedQuery
from macros.problems import ContentError
from macros.search import everyday_words, known_words
from macros.site import load_site

from browser import axe_violations, describe
from sites import FIXTURE_SITE as FIXTURE
from sites import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RESULTS = ".md-search-result__item > a"
BOX = "Search the handbook"
# The share of judged queries that must find a right page among the first three results.
PASS_MARK = 0.9
TOP = 3


def judged_queries() -> list[JudgedQuery]:
    data, problems = load_data(ROOT / "data")
    assert not problems, problems
    assert data.search_queries is not None
    return data.search_queries.queries


def address(page: str) -> str:
    """Return the address path of a page named by its path under docs/."""
    path = page.removesuffix(".md").removesuffix("index")
    return "/" + path + ("/" if path and not path.endswith("/") else "")


def settled_search(page: Page, words: str) -> list[str]:
    """Search for `words` as if pasted, wait for the results to settle, return their paths."""
    box = page.get_by_role("searchbox", name=BOX)
    box.fill(words)
    settled = page.locator("[data-kip-search]")
    expect(settled).to_have_attribute("data-kip-settled", words)
    hrefs = page.locator(RESULTS).evaluate_all("links => links.map(link => link.href)")
    return [urlsplit(href).path for href in hrefs]


def open_search(page: Page, site_url: str) -> str:
    page.goto(site_url + "/")
    page.get_by_role("searchbox", name=BOX).click()
    return urlsplit(site_url).path


def test_the_judged_queries_are_staff_phrasings_with_known_pages() -> None:
    queries = judged_queries()
    assert len(queries) >= 40
    for query in queries:
        for name in query.pages:
            assert (ROOT / "docs" / name).is_file() or (
                ROOT / "data" / name.replace(".md", ".yml")
            ).is_file(), name


def test_nine_in_ten_judged_queries_find_a_right_page_in_the_top_three(
    page: Page, site_url: str
) -> None:
    mount = open_search(page, site_url)
    queries = judged_queries()
    misses = []
    for query in queries:
        top = settled_search(page, query.query)[:TOP]
        wanted = {mount + address(name) for name in query.pages}
        if not wanted & set(top):
            misses.append(f"{query.query!r}: {top}")
    score = 1 - len(misses) / len(queries)
    assert score >= PASS_MARK, "\n".join(misses)


def test_a_misspelt_word_is_searched_as_the_nearest_indexed_word(page: Page, site_url: str) -> None:
    mount = open_search(page, site_url)
    top = settled_search(page, "tramua")
    assert top[:1] == [mount + "/everyday-practice/trauma-informed-practice/"], top
    expect(page.get_by_role("status")).to_have_text(
        re.compile(r"^Showing results for \u201ctrauma\u201d\. \d+ matching pages$")
    )


def test_search_waits_for_a_pause_and_announces_once(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    page.evaluate(
        """() => {
            window.announced = [];
            const status = document.querySelector("[data-kip-search] [role=status]");
            new MutationObserver(() => window.announced.push(status.textContent))
                .observe(status, {childList: true, characterData: true, subtree: true});
        }"""
    )
    # Typed faster than the pause, the words make one search and one announcement.
    page.get_by_role("searchbox", name=BOX).press_sequentially("complaint", delay=30)
    expect(page.locator("[data-kip-search]")).to_have_attribute("data-kip-settled", "complaint")
    assert page.evaluate("window.announced") == [page.get_by_role("status").text_content()]


def test_no_results_offers_near_words_the_chapters_and_the_questions(
    page: Page, site_url: str
) -> None:
    open_search(page, site_url)
    assert settled_search(page, "xrauja") == []  # two letters from "trauma"
    expect(page.get_by_role("status")).to_have_text("No matching pages")
    panel = page.locator("[data-kip-nothing]")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("link", name="Everyday practice")).to_be_visible()
    expect(panel.get_by_role("link", name=re.compile("question"))).to_have_attribute(
        "href", re.compile(r"#start-from-your-question$")
    )
    violations = axe_violations(page)
    assert not violations, describe(violations)
    nearest = panel.get_by_role("list", name="Did you mean").get_by_role("button")
    expect(nearest.first).to_be_visible()
    expect(nearest.filter(has_text="trauma")).to_have_count(1)
    nearest.filter(has_text="trauma").click()
    expect(panel).to_be_hidden()
    expect(page.locator(RESULTS).first).to_be_visible()


def test_the_word_list_holds_long_words_used_more_than_once() -> None:
    words = known_words(["trauma trauma tramp at at", "Safeguarding, safeguarding; Trauma"])
    assert words == ["safeguarding", "trauma"]


def test_the_index_has_a_word_list_for_typos(built_site: Path) -> None:
    words = (built_site / "pagefind" / "words.txt").read_text(encoding="utf-8").split()
    assert {"safeguarding", "trauma", "compassion"} <= set(words)
    assert all(len(word) >= 5 for word in words)


def test_a_misnamed_page_in_the_everyday_words_is_reported_with_its_line(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    (data / "search-words.yml").write_text(
        "words:\n"
        "  - pages: [chapter-one/first-page.md]\n"
        "    words: [angry resident]\n"
        "  - pages: [chapter-one/frist-page.md]\n"
        "    words: [saying no]\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as raised:
        load_site(FIXTURE / "docs", data)
    [problem] = raised.value.problems
    assert (problem.file, problem.line) == ("data/search-words.yml", 4)
    assert "There is no page 'chapter-one/frist-page.md'" in problem.message
    assert "Did you mean 'chapter-one/first-page.md'?" in problem.message


def test_everyday_words_are_indexed_on_the_pages_they_name(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    (data / "search-words.yml").write_text(
        "words:\n  - pages: [chapter-one/first-page.md]\n    words: [angry resident, tramline]\n",
        encoding="utf-8",
    )
    site = load_site(FIXTURE / "docs", data)
    assert everyday_words(site.catalogue) == {
        "chapter-one/first-page.md": ["angry resident", "tramline"]
    }


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_with_results_and_with_none_passes_axe(
    browser: Browser, site_url: str, width: int, scheme: Literal["light", "dark"]
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/everyday-practice/")
    if width < 1000:
        page.get_by_role("button", name="Search", exact=True).click()
    else:
        page.get_by_role("searchbox", name=BOX).click()
    for words in ("complaint", "xrauja"):
        settled_search(page, words)
        expect(page.locator("[data-kip-search] .md-search-result__meta")).to_be_visible()
        violations = axe_violations(page)
        assert not violations, f"{words}: {describe(violations)}"
    context.close()


def test_an_extra_word_no_page_has_does_not_leave_the_reader_with_nothing(
    page: Page, site_url: str
) -> None:
    mount = open_search(page, site_url)
    top = settled_search(page, "trauma zzqxv")
    assert top[:1] == [mount + "/everyday-practice/trauma-informed-practice/"], top
