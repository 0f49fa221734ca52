"""Chapter PDFs' tags: PDF/UA-1, links, artifacts, contents, link descriptions and page fill."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import page as validator
import pikepdf
import pytest
from pypdf import PdfReader

from macros.navigation import Chapter, chapters, read_config
from macros.pdf.compose import ChapterDocument, compose
from macros.pdf.fill import LEAST, page_fill, short_pages
from macros.pdf.render import render_pdf
from macros.review import build_date
from macros.site import Site

from sites import ROOT

CONFIG = read_config(ROOT / "mkdocs.yml")


@dataclass
class Marked:
    """The text drawn inside one marked-content section of a page."""

    tag: str
    properties: dict[str, str]
    text: list[str] = field(default_factory=list)


def marked_text(reader: PdfReader, number: int) -> list[Marked]:
    """Return a page's text, section by marked-content section, decoded as a reader would."""
    found: list[Marked] = []
    stack: list[Marked] = []

    def operator(op: bytes, args: list[object], *_: object) -> None:
        if op in (b"BDC", b"BMC"):
            properties = args[1] if op == b"BDC" and len(args) > 1 else {}
            section = Marked(str(args[0]), {str(k): str(v) for k, v in dict(properties).items()})
            stack.append(section)
            found.append(section)
        elif op == b"EMC" and stack:
            stack.pop()

    def text(value: str, *_: object) -> None:
        if stack and value.strip():
            stack[-1].text.append(value)

    reader.pages[number].extract_text(visitor_operand_before=operator, visitor_text=text)
    return found


def structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Return the structure elements in reading order."""
    elements = []
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        element = stack.pop()
        kids = element.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        children = [
            kid
            for kid in kids
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/OBJR", "/MCR")
        ]
        elements += children
        stack += reversed(children)
    return elements


def mcids(element: pikepdf.Dictionary) -> list[int]:
    kids = element.get("/K")
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return [int(kid) for kid in kids if isinstance(kid, int)]


# A small document through the real stylesheet and tagging: fast, and shows each rule alone ------

SMALL = """<!DOCTYPE html><html lang="en-GB"><head><title>Small - Handbook</title></head><body>
<section class="cover"><p>Handbook</p><p><span class="cover__title">A small chapter</span></p>
</section>
<nav class="contents"><p class="contents__title">Contents</p><ol id="contents">
<li><a href="#one">First page</a></li><li><a href="#two">Second page</a></li></ol></nav>
<section class="page" id="one"><h1 class="kip-title">First page</h1>
<p>Read <a class="kip-see" href="#two"><em>the second page</em></a> and the
<a href="https://www.legislation.gov.uk/ukpga/2014/23"><abbr title="a law">Care Act</abbr></a>.</p>
<dl><dt>Term</dt><dd>What the term means.</dd></dl>
<ul><li>A bullet with <a class="kip-see" href="#two">a link</a> in it.</li>
<li>A plain bullet.</li></ul>
</section>
<section class="page" id="two"><h1 class="kip-title">Second page</h1><p>The end.</p></section>
</body></html>"""


@pytest.fixture(scope="module")
def small() -> pikepdf.Pdf:
    places = {"one": "'First page'", "two": "'Second page'"}
    return pikepdf.open(io.BytesIO(render_pdf(SMALL, ROOT.as_uri() + "/", places).data))


def test_links_that_wrap_other_elements_are_tagged_as_links(small: pikepdf.Pdf) -> None:
    parents = pikepdf.NumberTree(small.Root.StructTreeRoot.ParentTree)
    annotations = [a for page in small.pages for a in page.obj.get("/Annots", [])]
    assert len(annotations) >= 4  # two contents entries, the <em> link and the <abbr> link
    for annotation in annotations:
        assert parents[int(annotation.StructParent)].S == "/Link"


def test_italic_titles_inside_links_stay_italic(small: pikepdf.Pdf) -> None:
    fonts = {
        str(font.BaseFont)
        for page in small.pages
        for font in page.obj.Resources.get("/Font", {}).values()
    }
    assert any("Italic" in name for name in fonts), fonts


def test_link_descriptions_say_where_links_go_in_words(small: pikepdf.Pdf) -> None:
    descriptions = sorted(
        str(a.Contents) for page in small.pages for a in page.obj.get("/Annots", [])
    )
    assert "Open legislation.gov.uk/ukpga/2014/23 in a web browser" in descriptions
    assert "Go to 'Second page', page 3" in descriptions
    assert "Go to 'First page', page 3" in descriptions


def test_definition_lists_keep_each_term_as_the_label_of_its_meaning(small: pikepdf.Pdf) -> None:
    items = [e for e in structure(small) if e.S == "/LI"]
    pairs = [[str(kid.S) for kid in item.K] for item in items if isinstance(item.K, pikepdf.Array)]
    assert ["/Lbl", "/LBody"] in pairs
    lists = [e for e in structure(small) if e.S == "/L"]
    assert any(len(list(lst.K)) == 1 for lst in lists)  # one term, one item


def test_bulleted_items_are_a_label_and_a_body(small: pikepdf.Pdf) -> None:
    items = [e for e in structure(small) if e.S == "/LI"]
    shapes = [[str(kid.get("/S")) for kid in pikepdf.Array(item.K)] for item in items]
    assert shapes.count(["/Lbl", "/LBody"]) >= 3  # the term and both bullets
    assert all(shape in (["/Lbl", "/LBody"], ["/LBody"]) for shape in shapes), shapes


def test_small_document_passes_pdf_ua_1(small: pikepdf.Pdf) -> None:
    out = io.BytesIO()
    small.save(out)
    report = validator.validate_pdf_bytes(out.getvalue(), profile="ua1")
    assert report.rules.total > 100
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]


# The real chapters ---------------------------------------------------------------------------


def chapter_list(content: Site) -> list[Chapter]:
    return chapters(content.catalogue, CONFIG["nav"])


@pytest.fixture(scope="module")
def files(published_site: Path, content: Site) -> dict[str, Path]:
    return {
        chapter.slug: published_site / "pdf" / f"{chapter.slug}.pdf"
        for chapter in chapter_list(content)
    }


@pytest.fixture(scope="module")
def documents(published_site: Path, content: Site) -> dict[str, ChapterDocument]:
    return {
        chapter.slug: compose(
            content.catalogue, chapter, published_site, CONFIG["site_url"], build_date()
        )
        for chapter in chapter_list(content)
    }


@pytest.mark.slow
def test_every_chapter_pdf_passes_every_pdf_ua_1_rule(files: dict[str, Path]) -> None:
    assert files
    for slug, path in files.items():
        report = validator.validate_pdf(path, profile="ua1")
        failed = [(f.rule_id, f.message) for f in report.failures]
        assert report.rules.total > 100, slug
        assert report.rules.failed == 0, f"{slug}: {failed}"
        assert report.is_compliant, f"{slug}: {failed}"


@pytest.mark.slow
def test_running_header_and_footer_are_pagination_artifacts(
    files: dict[str, Path], content: Site
) -> None:
    for chapter in chapter_list(content):
        reader = PdfReader(files[chapter.slug])
        total = len(reader.pages)
        for number in (2, total - 1):
            sections = marked_text(reader, number)
            margins = [
                " ".join(s.text)
                for s in sections
                if s.tag == "/Artifact" and s.properties.get("/Type") == "/Pagination"
            ]
            headers = [s for s in sections if s.properties.get("/Subtype") == "/Header"]
            footers = [s for s in sections if s.properties.get("/Subtype") == "/Footer"]
            assert headers, (chapter.slug, number)
            assert footers, (chapter.slug, number)
            assert f"Page {number + 1} of {total}" in margins, (chapter.slug, margins)
            assert chapter.title in " ".join(margins), (chapter.slug, margins)
            tagged = " ".join(" ".join(s.text) for s in sections if "/MCID" in s.properties)
            assert f"Page {number + 1} of {total}" not in tagged


@pytest.mark.slow
def test_every_marked_content_belongs_to_the_tree_or_is_an_artifact(
    files: dict[str, Path],
) -> None:
    for slug, path in files.items():
        with pikepdf.open(path) as pdf:
            claimed: dict[tuple[int, int], set[int]] = {}
            for element in structure(pdf):
                if "/Pg" in element:
                    claimed.setdefault(element.Pg.objgen, set()).update(mcids(element))
            for number, page in enumerate(pdf.pages):
                for operands, operator in pikepdf.parse_content_stream(page):
                    if str(operator) != "BDC":
                        continue
                    properties = operands[1]
                    if str(operands[0]) == "/Artifact":
                        continue
                    assert int(properties.MCID) in claimed.get(page.obj.objgen, set()), (
                        slug,
                        number,
                    )


@pytest.mark.slow
def test_contents_page_is_a_table_of_contents_with_leaders_as_artifacts(
    files: dict[str, Path], documents: dict[str, ChapterDocument]
) -> None:
    for slug, path in files.items():
        document = documents[slug]
        entries = len(document.sections) + len(document.appendix) + bool(document.appendix)
        entries += bool(document.notes)
        with pikepdf.open(path) as pdf:
            elements = structure(pdf)
            roles = [str(e.S) for e in elements]
            assert "/TOC" in roles, slug
            assert roles.count("/TOCI") == entries, slug
            assert roles.count("/TOC") == 1 + bool(document.appendix), slug
        reader = PdfReader(path)
        sections = marked_text(reader, 1)
        leaders = "".join(
            "".join(s.text) for s in sections if s.properties.get("/Type") == "/Layout"
        )
        assert re.fullmatch(r"[.\s]+", leaders), leaders  # dots, and nothing else
        assert len(leaders) > 10 * entries, slug  # a row of dots for every entry
        tagged = " ".join(" ".join(s.text) for s in sections if "/MCID" in s.properties)
        for section in document.sections:
            assert section.title.split()[0] in tagged
        assert "...." not in tagged, slug


@pytest.mark.slow
def test_link_descriptions_name_the_place_and_its_page(files: dict[str, Path]) -> None:
    for slug, path in files.items():
        with pikepdf.open(path) as pdf:
            names = pikepdf.NameTree(pdf.Root.Names.Dests)
            numbers = {page.obj.objgen: index + 1 for index, page in enumerate(pdf.pages)}
            internal = external = 0
            for page in pdf.pages:
                for annotation in page.obj.get("/Annots", []):
                    description = str(annotation.Contents)
                    if "/Dest" in annotation:
                        internal += 1
                        target = names[str(annotation.Dest)]
                        assert description.startswith("Go to "), description
                        assert description.endswith(f", page {numbers[target[0].objgen]}")
                        assert not re.search(r"\b(p|x)-[a-z-]+", description), description
                    else:
                        external += 1
                        assert description.startswith(("Open ", "Write an email")), description
                        assert "https://" not in description
            assert internal > 10, slug
            assert external > 0, slug


@pytest.mark.slow
def test_no_page_is_under_a_fifth_full_except_a_chapters_last(files: dict[str, Path]) -> None:
    for slug, path in files.items():
        data = path.read_bytes()
        assert short_pages(data) == [], f"{slug}: {page_fill(data)}"


def test_page_fill_finds_a_nearly_empty_page() -> None:
    broken = '<section class="page" style="break-before: page" id="three"><p>Short.</p></section>'
    filler = "<p>" + "Words that fill the page from top to bottom. " * 400 + "</p>"
    html = SMALL.replace("<p>The end.</p>", filler).replace(
        "</body>", broken + broken.replace("three", "four") + "</body>"
    )
    data = render_pdf(html, ROOT.as_uri() + "/").data
    fills = page_fill(data)
    assert fills[2] > 0.9  # a full page of text
    assert fills[-2] < LEAST  # "Short." alone, then a forced break
    found = short_pages(data)
    assert len(fills) - 1 in found
    assert not set(found) & set(range(3, len(fills) - 1))  # the pages of text are full


@pytest.mark.slow
def test_body_text_prints_no_web_addresses_only_notes(
    files: dict[str, Path], documents: dict[str, ChapterDocument]
) -> None:
    site = CONFIG["site_url"].removeprefix("https://")
    for slug, path in files.items():
        reader = PdfReader(path)
        text = [page.extract_text() for page in reader.pages]
        # The body runs from the page the first section starts on to the page the notes start on,
        # found by their destinations: the contents also names "Sources and web addresses".
        places = reader.named_destinations
        first = reader.get_destination_page_number(places[documents[slug].sections[0].anchor])
        notes = reader.get_destination_page_number(places["notes"])
        body = " ".join(text[first:notes])
        assert "https://" not in body, slug
        assert site not in body, slug
        assert re.search(r"see page \d+", body), slug
        for number in re.findall(r"see page (\d+)", body):
            assert 2 < int(number) <= len(reader.pages), slug
        listed = " ".join(text[notes:])
        for note in documents[slug].notes:
            assert note.shown[:30] in listed.replace("\n", ""), (slug, note.shown)


@pytest.mark.slow
def test_facts_of_each_example_are_labels_and_values(
    files: dict[str, Path], documents: dict[str, ChapterDocument]
) -> None:
    for slug, path in files.items():
        with pikepdf.open(path) as pdf:
            labelled = [
                e
                for e in structure(pdf)
                if e.S == "/LI"
                and isinstance(e.K, pikepdf.Array)
                and [str(kid.get("/S")) for kid in e.K][:2] == ["/Lbl", "/LBody"]
                and not any(kid.get("/S") == "/NonStruct" and "/K" not in kid for kid in e.K)
            ]
        # Every example's facts box is a definition list of several terms.
        assert len(labelled) >= 3 * len(documents[slug].appendix), slug


@pytest.mark.slow
def test_notes_for_sources_give_the_whole_citation(documents: dict[str, ChapterDocument]) -> None:
    for slug, document in documents.items():
        numbers = [note.number for note in document.notes]
        assert numbers == list(range(1, len(numbers) + 1)), slug
        assert len({note.address for note in document.notes}) == len(numbers), slug
        # The shape STYLE.md gives a source, a held report's citation included:
        # "(Author,) Title, Publisher, Year".
        cited = [note for note in document.notes if re.search(r", [^,]+, (19|20)\d\d\b", note.text)]
        assert cited, slug


@pytest.mark.slow
def test_running_header_names_the_page_that_starts_there(
    files: dict[str, Path], documents: dict[str, ChapterDocument]
) -> None:
    for slug, path in files.items():
        document = documents[slug]
        with pikepdf.open(path) as pdf:
            names = pikepdf.NameTree(pdf.Root.Names.Dests)
            numbers = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
            starts: dict[int, list[str]] = {}
            for section in (*document.sections, *document.appendix):
                page = numbers[names[section.anchor][0].objgen]
                starts.setdefault(page, []).append(section.title)
            if document.appendix:
                page = numbers[names["appendix"][0].objgen]
                starts.setdefault(page, []).append("Appendix: practice examples")
        reader = PdfReader(path)
        for page, titles in starts.items():
            header = " ".join(
                " ".join(s.text)
                for s in marked_text(reader, page)
                if s.properties.get("/Subtype") == "/Header"
            )
            assert " ".join(header.split()) in titles, (slug, page + 1, header, titles)


@pytest.mark.slow
def test_cover_names_handbook_chapter_readers_dates_and_licence(
    files: dict[str, Path], content: Site
) -> None:
    for chapter in chapter_list(content):
        cover = " ".join(PdfReader(files[chapter.slug]).pages[0].extract_text().split())
        assert CONFIG["site_name"].upper() in cover.upper()
        assert f"Chapter {chapter.number}" in cover
        assert chapter.title in cover
        assert "people who work in UK public services" in cover
        assert re.search(r"Printed from the handbook on \d{1,2} \w+ \d{4}", cover)
        assert re.search(r"Content last reviewed on \d{1,2} \w+ \d{4}", cover)
        assert "Creative Commons Attribution 4.0" in cover


def test_lines_of_text_hold_about_65_characters() -> None:
    prose = (
        "Kindness does not only depend on the people who deliver a service. It also depends on "
        "the systems around them, such as targets, rewards, inspection and contracts. "
    )
    html = SMALL.replace("<p>The end.</p>", "<p>" + prose * 40 + "</p>")
    reader = PdfReader(io.BytesIO(render_pdf(html, ROOT.as_uri() + "/").data))
    lines = [
        line
        for page in reader.pages[2:]
        for line in page.extract_text().splitlines()
        if len(line) > 40 and "Page " not in line
    ]
    lengths = sorted(len(line) for line in lines)
    assert len(lengths) > 20
    assert 58 <= lengths[len(lengths) // 2] <= 72, lengths
