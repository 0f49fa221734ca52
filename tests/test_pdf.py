"""Chapter PDFs: tagged, titled, with bookmarks, a true contents page and links that resolve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from macros.navigation import Chapter, chapters, read_config
from macros.pdf.compose import compose, render_document
from macros.review import build_date
from macros.site import Site

from sites import ROOT

pytestmark = pytest.mark.slow
CONFIG = read_config(ROOT / "mkdocs.yml")


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def chapter_list(content: Site) -> list[Chapter]:
    return chapters(content.catalogue, CONFIG["nav"])


@pytest.fixture(scope="module")
def pdfs(published_site: Path, content: Site) -> dict[str, PdfReader]:
    return {
        chapter.slug: PdfReader(published_site / "pdf" / f"{chapter.slug}.pdf")
        for chapter in chapter_list(content)
    }


def expected_headings(published_site: Path, content: Site, chapter: Chapter) -> list[str]:
    document = compose(content.catalogue, chapter, published_site, CONFIG["site_url"], build_date())
    soup = BeautifulSoup(render_document(document, CONFIG["site_name"]), "html.parser")
    return [words(h.get_text()) for h in soup.find_all(["h1", "h2"])]


def outline_titles(outline: list[object]) -> list[str]:
    titles: list[str] = []
    for item in outline:
        if isinstance(item, list):
            titles += outline_titles(item)
        else:
            titles.append(words(item.title))  # type: ignore[attr-defined]
    return titles


def test_there_is_one_pdf_per_chapter(published_site: Path, content: Site) -> None:
    made = sorted(path.stem for path in (published_site / "pdf").glob("*.pdf"))
    assert made == sorted(chapter.slug for chapter in chapter_list(content))


def test_pdfs_are_tagged_with_language_and_title(pdfs: dict[str, PdfReader], content: Site) -> None:
    for chapter in chapter_list(content):
        reader = pdfs[chapter.slug]
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, chapter.slug
        assert root["/MarkInfo"]["/Marked"], chapter.slug
        assert root["/Lang"] == "en-GB", chapter.slug
        assert reader.metadata is not None
        assert reader.metadata.title == f"{chapter.title} - {CONFIG['site_name']}"


def test_bookmarks_mirror_the_headings(
    pdfs: dict[str, PdfReader], published_site: Path, content: Site
) -> None:
    for chapter in chapter_list(content):
        expected = expected_headings(published_site, content, chapter)
        assert outline_titles(pdfs[chapter.slug].outline) == expected, chapter.slug


def test_contents_page_numbers_are_where_the_headings_fall(
    pdfs: dict[str, PdfReader], content: Site
) -> None:
    for chapter in chapter_list(content):
        reader = pdfs[chapter.slug]
        contents = reader.pages[1].extract_text()
        entries = re.findall(r"^(.+?)\s*\.{3,}\s*(\d+)$", contents, re.MULTILINE)
        assert len(entries) >= len(chapter.pages) + 1, contents
        for title, number in entries:
            page_text = words(reader.pages[int(number) - 1].extract_text())
            assert words(title)[:40] in page_text, f"{chapter.slug}: '{title}' not on page {number}"


def test_every_page_title_of_the_chapter_is_in_the_pdf(
    pdfs: dict[str, PdfReader], content: Site
) -> None:
    for chapter in chapter_list(content):
        text = words(" ".join(page.extract_text() for page in pdfs[chapter.slug].pages))
        for uri in chapter.pages:
            assert content.catalogue.pages[uri].meta.title in text, uri


def _resolve(value: object) -> object:
    return value.get_object() if isinstance(value, IndirectObject) else value


def test_internal_links_resolve(pdfs: dict[str, PdfReader]) -> None:
    for slug, reader in pdfs.items():
        names = set(reader.named_destinations)
        internal = 0
        for page in reader.pages:
            for annotation in page.get("/Annots", []):
                link = _resolve(annotation)
                assert isinstance(link, DictionaryObject)
                if link.get("/Subtype") != "/Link":
                    continue
                action = _resolve(link.get("/A"))
                destination = link.get("/Dest")
                if isinstance(action, DictionaryObject) and action.get("/S") == "/URI":
                    assert str(action["/URI"]).startswith(("https://", "http://", "mailto:"))
                    continue
                if isinstance(action, DictionaryObject) and action.get("/S") == "/GoTo":
                    destination = action["/D"]
                internal += 1
                destination = _resolve(destination)
                if isinstance(destination, ArrayObject):
                    assert _resolve(destination[0]) is not None, slug
                else:
                    assert str(destination) in names, f"{slug}: {destination} does not resolve"
        assert internal > 10, f"{slug} should link within itself"


def test_running_header_and_page_footer(pdfs: dict[str, PdfReader], content: Site) -> None:
    for chapter in chapter_list(content):
        reader = pdfs[chapter.slug]
        total = len(reader.pages)
        third = reader.pages[2].extract_text()
        assert chapter.title in third
        assert f"Page 3 of {total}" in third


def test_landing_pages_offer_their_pdf(published_site: Path, content: Site) -> None:
    for chapter in chapter_list(content):
        html = (published_site / chapter.slug / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        item = soup.select_one(".kip-downloads li")
        assert item is not None, chapter.slug
        link = item.find("a")
        assert link is not None
        assert link["href"] == f"../pdf/{chapter.slug}.pdf"
        pdf = published_site / "pdf" / f"{chapter.slug}.pdf"
        pages = len(PdfReader(pdf).pages)
        assert f"(PDF, {pages} pages, " in item.get_text(" ", strip=True)
        assert "Download this chapter" in link.get_text()
