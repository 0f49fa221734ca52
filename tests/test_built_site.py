"""The real handbook, built: titles, language, records, and cross-references both ways."""

from __future__ import annotations

import itertools
import posixpath
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.catalogue import Ref
from macros.checks.rules import SECTIONS
from macros.links import src_uri
from macros.site import Site

pytestmark = pytest.mark.slow


def page_for(uri: str) -> str:
    """Return the built HTML path of a docs Markdown path."""
    if uri == "index.md":
        return "index.html"
    stem = uri.removesuffix(".md").removesuffix("index")
    return f"{stem.rstrip('/')}/index.html"


def article(soup: BeautifulSoup) -> BeautifulSoup:
    found = soup.select_one("article.md-content__inner")
    assert found is not None
    return found


def section_links(html: dict[str, BeautifulSoup], path: str, heading_id: str) -> set[str]:
    """Return the pages linked from the section under a heading, as built HTML paths."""
    heading = article(html[path]).find(id=heading_id)
    assert heading is not None, heading_id
    links = set()
    for element in heading.find_next_siblings():
        if element.name in ("h1", "h2", "aside"):
            break
        for anchor in element.find_all("a", href=True):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), anchor["href"]))
            links.add("index.html" if target == "." else f"{target}/index.html")
    return links


def test_every_page_has_a_unique_title(html: dict[str, BeautifulSoup]) -> None:
    titles = Counter(soup.title.get_text(strip=True) for soup in html.values() if soup.title)
    assert len(titles) == len(html)
    assert [title for title, count in titles.items() if count > 1] == []


def test_every_page_says_it_is_in_british_english(html: dict[str, BeautifulSoup]) -> None:
    for path, soup in html.items():
        assert soup.html is not None
        assert soup.html.get("lang") == "en-GB", path


def test_no_page_has_unrendered_template_code(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "{{" not in text, path
        assert "{%" not in text, path


def test_the_not_found_page_exists(html: dict[str, BeautifulSoup]) -> None:
    assert "Page not found" in html["404.html"].get_text()


def test_every_record_has_its_page(content: Site, html: dict[str, BeautifulSoup]) -> None:
    data = content.catalogue.data
    for kind, records in (
        ("example", data.examples),
        ("report", data.reports),
        ("organisation", data.organisations),
    ):
        for key in records:
            path = page_for(src_uri(Ref(kind, key)))  # type: ignore[arg-type]
            assert path in html, path
            assert content.catalogue.title(Ref(kind, key)) in html[path].get_text()  # type: ignore[arg-type]
    for theme in content.catalogue.vocabulary("themes"):
        assert f"themes/{theme}/index.html" in html


def test_examples_index_lists_every_example(content: Site, html: dict[str, BeautifulSoup]) -> None:
    links = {a["href"] for a in article(html["examples/index.html"]).find_all("a", href=True)}
    for key in content.catalogue.data.examples:
        assert f"{key}/" in links, key


def test_referenced_in_matches_the_references(
    content: Site, html: dict[str, BeautifulSoup]
) -> None:
    catalogue = content.catalogue
    checked = 0
    for kind, records in (("example", catalogue.data.examples), ("report", catalogue.data.reports)):
        for key in records:
            ref = Ref(kind, key)  # type: ignore[arg-type]
            # A page the record links to as well is listed once, under Related.
            others = set(catalogue.referenced_in(ref)) - set(catalogue.refers_to(ref))
            expected = {page_for(src_uri(other)) for other in others}
            path = page_for(src_uri(ref))
            found = section_links(html, path, "referenced-in") if expected else set()
            assert found == expected, key
            checked += bool(catalogue.referenced_in(ref))
    assert checked >= 12, "most records should be referenced from somewhere"


def test_a_guidance_page_that_cites_an_example_appears_on_its_page(
    content: Site, html: dict[str, BeautifulSoup]
) -> None:
    for page in content.catalogue.guidance_pages():
        for call in page.calls:
            if call.name == "example_card":
                example_page = f"examples/{call.arguments['example_id']}/index.html"
                found = {
                    link
                    for heading in ("related", "referenced-in")
                    if article(html[example_page]).find(id=heading)
                    for link in section_links(html, example_page, heading)
                }
                assert page_for(page.src_uri) in found, page.src_uri


def test_guidance_pages_have_the_handbook_shape(
    content: Site, html: dict[str, BeautifulSoup]
) -> None:
    # The content checks hold each page to its sections (macros/checks/rules.py); the build
    # keeps each section's heading and its 'In brief' list.
    for page in content.catalogue.guidance_pages():
        soup = article(html[page_for(page.src_uri)])
        headings = [h.get_text(strip=True).removesuffix("¶") for h in soup.find_all("h2")]
        assert [h for h in headings if h in SECTIONS] == list(SECTIONS), page.src_uri
        in_brief = soup.find(id="in-brief")
        assert in_brief is not None
        bullets = in_brief.find_next_sibling("ul")
        assert bullets is not None, page.src_uri


def test_record_pages_stay_out_of_the_sidebar_but_mark_their_section(
    html: dict[str, BeautifulSoup],
) -> None:
    home_nav = {a["href"] for a in html["index.html"].select("nav.md-nav--primary a[href]")}
    assert not any(href.startswith("examples/") and href != "examples/" for href in home_nav)
    example = next(path for path in html if path.startswith("examples/") and path.count("/") == 2)
    active = html[example].select("nav.md-nav--primary .md-nav__item--active > a")
    assert any(a["href"] == "../" for a in active)


def test_record_pages_edit_their_data_file(html: dict[str, BeautifulSoup]) -> None:
    edit = html["examples/wigan-deal/index.html"].select_one("a[rel=edit]")
    assert edit is not None
    assert edit["href"].endswith("/edit/main/data/examples/wigan-deal.yml")
    guidance_edit = html["kindness-and-risk/proportionate-risk/index.html"].select_one(
        "a[rel=edit]"
    )
    assert guidance_edit is not None
    assert guidance_edit["href"].endswith("/edit/main/docs/kindness-and-risk/proportionate-risk.md")


def test_glossary_terms_have_definitions_on_guidance_pages(
    content: Site, html: dict[str, BeautifulSoup]
) -> None:
    glossary = html["glossary/index.html"]
    assert len(article(glossary).find_all("h2")) == len(content.catalogue.glossary) >= 25
    # Each page uses a term (a content check); the build marks it with its definition.
    without = [
        page.src_uri
        for page in content.catalogue.guidance_pages()
        if not article(html[page_for(page.src_uri)]).find("abbr", title=True)
    ]
    assert without == []


def test_headings_never_skip_a_level(html: dict[str, BeautifulSoup]) -> None:
    for path, soup in html.items():
        if path == "404.html":
            continue
        levels = [
            int(h.name[1]) for h in article(soup).find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
        ]
        assert levels[:1] == [1], path
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert jumps == [], path
