"""Chapter PDFs' tags: PDF/UA-1, links, artifacts, contents, link descriptions and page fill."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import page as validator
import pikepdf
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from tagged_text import blocks, unspaced_breaks

from macros.navigation import Chapter, chapters, read_config
from macros.pdf.compose import ChapterDocument, compose, render_document
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


def marked(element: pikepdf.Dictionary) -> list[tuple[tuple[int, int], int]]:
    """Return the page and MCID of each piece of marked content an element holds directly."""
    kids = element.get("/K")
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    found = [(element.Pg.objgen, int(kid)) for kid in kids if isinstance(kid, int)]
    return found + [
        (kid.Pg.objgen, int(kid.MCID))
        for kid in kids
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR"
    ]


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
    places = {
        "one": "'First page'",
        "two": "'Second page'",
        "https://www.legislation.gov.uk/ukpga/2014/23": "Care Act 2014, legislation.gov.uk, 2014",
    }
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
    # A source by its title and publisher, not its address.
    assert "Open Care Act 2014, legislation.gov.uk, 2014 on the web" in descriptions
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


# A document that runs over several pages: a long paragraph, a numbered list, a long table --------

LONG = SMALL.replace(
    "<p>The end.</p>",
    "<p>"
    + "Words that fill the page from top to bottom and on. " * 200
    + "</p><ol>"
    + "<li>An item of a numbered list that runs on and on over lines.</li>" * 30
    + "</ol><table><thead><tr><th>Law</th><th>Who it covers</th></tr></thead><tbody>"
    + "<tr><td>A law with words</td><td>Everyone here</td></tr>" * 60
    + '</tbody></table><p>The end, with a note<a class="kip-note" href="#one">1</a>.</p>',
)


@pytest.fixture(scope="module")
def long() -> bytes:
    return render_pdf(LONG, ROOT.as_uri() + "/", {}).data


def document_kids(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    root = pdf.Root.StructTreeRoot.K
    document = root[0] if isinstance(root, pikepdf.Array) else root
    assert document.S == "/Document"
    return [kid for kid in document.K if isinstance(kid, pikepdf.Dictionary)]


def test_a_document_joined_across_pages_passes_pdf_ua_1(long: bytes) -> None:
    report = validator.validate_pdf_bytes(long, profile="ua1")
    assert report.rules.total > 100
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]


def test_the_parent_tree_names_the_element_that_holds_each_piece(long: bytes) -> None:
    with pikepdf.open(io.BytesIO(long)) as pdf:
        parents = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
        pages = {page.obj.objgen: page for page in pdf.pages}
        checked = 0
        for element in structure(pdf):
            for page, mcid in marked(element):
                owner = parents[int(pages[page].obj.StructParents)][mcid]
                assert owner.objgen == element.objgen
                checked += 1
            kids = element.get("/K")
            for kid in list(kids) if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                    assert parents[int(kid.Obj.StructParent)].objgen == element.objgen
        assert checked > 300


def test_line_breaks_inside_a_block_read_as_spaces(long: bytes) -> None:
    found = blocks(long)
    breaks = sum(
        1
        for block in found
        for one, two in zip(block.pieces, block.pieces[1:], strict=False)
        if one.last is not None and two.first is not None and abs(one.last - two.first) > 8
    )
    assert breaks > 100  # the paragraph, the items and the cells wrap
    assert [join for block in found for join in unspaced_breaks(block)] == []
    paragraph = next(block.text for block in found if block.text.startswith("Words"))
    assert (
        " ".join(paragraph.split())
        == ("Words that fill the page from top to bottom and on. " * 200).strip()
    )
    assert "onWords" not in paragraph
    assert "andon" not in paragraph


def test_the_tree_has_a_section_per_section_not_per_page(long: bytes) -> None:
    with pikepdf.open(io.BytesIO(long)) as pdf:
        assert len(pdf.pages) > 5
        # Cover, contents, and the two sections: however many pages the second runs over.
        assert [str(kid.S) for kid in document_kids(pdf)] == [
            "/Sect",
            "/NonStruct",
            "/Sect",
            "/Sect",
        ]


def test_paragraphs_lists_and_tables_that_cross_pages_are_one_element(long: bytes) -> None:
    with pikepdf.open(io.BytesIO(long)) as pdf:
        second = document_kids(pdf)[-1]
        roles = [str(kid.S) for kid in second.K]
        assert roles == ["/H1", "/P", "/L", "/Table", "/P"], roles
        paragraph, numbered, table = list(second.K)[1:4]
        pages = {ref.Pg.objgen for ref in paragraph.K}
        assert len(pages) > 1  # the paragraph runs over a page break, and is one element
        assert [str(item.S) for item in numbered.K] == ["/LI"] * 30
        assert all([str(k.S) for k in item.K][:1] == ["/Lbl"] for item in numbered.K)
        assert [str(part.S) for part in table.K] == ["/THead", "/TBody"]
        head, body = list(table.K)
        assert len(list(head.K)) == 1  # the header row once, though printed on each page
        assert len(list(body.K)) == 60


def test_a_repeated_table_header_is_an_artifact_and_cells_find_their_headers(long: bytes) -> None:
    reader = PdfReader(io.BytesIO(long))
    pages = [page.extract_text() for page in reader.pages]
    printed = sum("Who it covers" in text for text in pages)
    assert printed > 1  # the header row is printed on every page the table runs over
    tagged = [
        section
        for number in range(len(reader.pages))
        for section in marked_text(reader, number)
        if "/MCID" in section.properties and "Who it covers" in " ".join(section.text)
    ]
    assert len(tagged) == 1  # and read once
    with pikepdf.open(io.BytesIO(long)) as pdf:
        ids = pikepdf.NameTree(pdf.Root.StructTreeRoot.IDTree)
        cells = [e for e in structure(pdf) if e.get("/S") == "/TD"]
        assert len(cells) == 120
        for cell in cells:
            for header in cell.A.Headers:
                assert ids[str(header)].S == "/TH"


def test_numbered_lists_say_they_are_numbered(long: bytes) -> None:
    with pikepdf.open(io.BytesIO(long)) as pdf:
        numbering = [str(e.A.ListNumbering) for e in structure(pdf) if e.S == "/L" and "/A" in e]
    assert "/Decimal" in numbering
    assert "/Disc" in numbering


def link_annotations(pdf: pikepdf.Pdf) -> list[tuple[int, pikepdf.Dictionary]]:
    return [
        (number, annotation)
        for number, page in enumerate(pdf.pages)
        for annotation in page.obj.get("/Annots", [])
        if annotation.get("/Subtype") == "/Link"
    ]


def rectangle(annotation: pikepdf.Dictionary) -> tuple[float, float, float, float]:
    x1, y1, x2, y2 = (float(x) for x in annotation.Rect)
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def target(annotation: pikepdf.Dictionary) -> str:
    return str(annotation.get("/Dest", "")) + str(annotation.get("/A", {}).get("/URI", ""))


def repeated_annotations(pdf: pikepdf.Pdf) -> list[tuple[int, str]]:
    """Return the annotations that lie within another on their page going to the same place."""
    by_page: dict[int, list[pikepdf.Dictionary]] = {}
    for number, annotation in link_annotations(pdf):
        by_page.setdefault(number, []).append(annotation)
    found = []
    for number, on_page in by_page.items():
        for one in on_page:
            a = rectangle(one)
            for other in on_page:
                if other is one or target(one) != target(other):
                    continue
                b = rectangle(other)
                if all(a[i] >= b[i] - 0.5 for i in (0, 1)) and all(
                    a[i] <= b[i] + 0.5 for i in (2, 3)
                ):
                    found.append((number, target(one)))
    return found


def test_every_link_has_one_annotation_a_line_with_room_to_click(long: bytes) -> None:
    with pikepdf.open(io.BytesIO(long)) as pdf:
        annotations = link_annotations(pdf)
        assert repeated_annotations(pdf) == []
        # Each contents entry is one annotation, not one for its text, leader and number.
        assert [target(a) for n, a in annotations if n == 1] == ["one", "two"]
        assert [n for n, a in annotations if target(a) == "one" and n > 1]  # the note number
        for _, annotation in annotations:
            left, bottom, right, top = rectangle(annotation)
            assert right - left > 2, annotation.Contents
            assert top - bottom > 5, annotation.Contents  # a 7 pt note number at least


def embedded_fonts(pdf: pikepdf.Pdf) -> set[str]:
    """Return the names of the fonts the pages use, without their subset prefix."""
    names = set()
    for page in pdf.pages:
        for font in page.obj.Resources.get("/Font", {}).values():
            descendants = font.get("/DescendantFonts", [font])
            for each in descendants:
                descriptor = each.FontDescriptor
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor  # embedded
            names.add(str(font.BaseFont).split("+", 1)[-1])
    return names


def test_every_embedded_font_is_the_handbooks_typeface(small: pikepdf.Pdf) -> None:
    # Regular, bold and a true italic, from the files the project installs (macros/pdf/fonts.py).
    assert embedded_fonts(small) == {
        "Source-Sans-Pro",
        "Source-Sans-Pro-Bold",
        "Source-Sans-Pro-Italic",
    }


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
                for page, mcid in marked(element):
                    claimed.setdefault(page, set()).add(mcid)
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
                    # Words, not an address: a source by its title and publisher.
                    assert not re.search(r"\w\.\w+/", description), description
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
        assert re.search(r"see\spage\s\d+", body), slug
        for number in re.findall(r"see\spage\s(\d+)", body):
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


# One logical document: the tree against the print HTML it came from ---------------------------


def print_html(document: ChapterDocument) -> BeautifulSoup:
    return BeautifulSoup(render_document(document, CONFIG["site_name"]), "html.parser")


def roles(pdf: pikepdf.Pdf) -> list[str]:
    return [str(element.get("/S")) for element in structure(pdf)]


@pytest.mark.slow
def test_each_chapter_is_one_document_with_no_element_split_at_a_page_break(
    files: dict[str, Path], documents: dict[str, ChapterDocument]
) -> None:
    for slug, path in files.items():
        document = documents[slug]
        soup = print_html(document)
        contents = soup.select("nav")[0]
        with pikepdf.open(path) as pdf:
            found = roles(pdf)
            top = [str(kid.S) for kid in document_kids(pdf)]
        sections = len(document.sections) + bool(document.appendix) + bool(document.notes)
        assert top == ["/Sect", "/NonStruct", *["/Sect"] * sections], slug  # not one a page
        # Each paragraph, list, item and table is one element, however many pages it spans.
        assert found.count("/P") == len(soup.find_all("p")), slug
        lists = len(soup.find_all(["ul", "ol", "dl"])) - len(contents.find_all("ol"))
        assert found.count("/L") == lists, slug
        items = len(soup.find_all(["li", "dt"])) - len(contents.find_all("li"))
        assert found.count("/LI") == items, slug
        assert found.count("/Table") == len(soup.find_all("table")), slug
        assert found.count("/THead") == len(soup.find_all("thead")), slug


@pytest.mark.slow
def test_chapter_text_read_in_tag_order_has_a_space_at_every_line_break(
    files: dict[str, Path],
) -> None:
    for slug, path in files.items():
        found = blocks(path.read_bytes())
        assert [join for block in found for join in unspaced_breaks(block)] == [], slug
        text = " ".join(block.text for block in found)
        assert "seepage" not in text, slug
        assert "eachother" not in text, slug


@pytest.mark.slow
def test_the_chapter_title_is_the_one_first_level_heading(
    files: dict[str, Path], documents: dict[str, ChapterDocument]
) -> None:
    for slug, path in files.items():
        document = documents[slug]
        with pikepdf.open(path) as pdf:
            found = [role for role in roles(pdf) if re.fullmatch(r"/H\d", role)]
        assert found.count("/H1") == 1, slug
        # Contents, each page, the appendix and the notes are second-level headings.
        second = 1 + len(document.sections) + bool(document.appendix) + bool(document.notes)
        assert found.count("/H2") == second, slug
        assert found[:2] == ["/H1", "/H2"], slug  # the cover's title, then "Contents"
        labels = print_html(document).select(".kip-facts__label")
        assert len(labels) == len(document.appendix), slug
        assert all(label.name == "h4" for label in labels), slug
        read = [block for block in blocks(path.read_bytes()) if block.role in ("/H1", "/H2")]
        assert " ".join(read[0].text.split()) == document.chapter.title, slug
        assert read[1].text.strip() == "Contents", slug


@pytest.mark.slow
def test_numbered_lists_are_marked_numbered_and_header_ids_are_listed(
    files: dict[str, Path], documents: dict[str, ChapterDocument]
) -> None:
    for slug, path in files.items():
        numbered = [
            ol for ol in print_html(documents[slug]).find_all("ol") if not ol.find_parent("nav")
        ]
        with pikepdf.open(path) as pdf:
            elements = structure(pdf)
            marked_numbered = [
                e
                for e in elements
                if e.S == "/L" and e.get("/A", {}).get("/ListNumbering") == "/Decimal"
            ]
            assert len(marked_numbered) == len(numbered), slug
            ids = [e for e in elements if "/ID" in e]
            if ids:
                tree = pikepdf.NameTree(pdf.Root.StructTreeRoot.IDTree)
                assert all(str(e.ID) in tree for e in ids), slug


@pytest.mark.slow
def test_chapter_links_have_one_annotation_a_line_with_room_to_click(
    files: dict[str, Path],
) -> None:
    for slug, path in files.items():
        with pikepdf.open(path) as pdf:
            assert repeated_annotations(pdf) == [], slug
            for number, annotation in link_annotations(pdf):
                _, bottom, _, top = rectangle(annotation)
                assert top - bottom > 5, (slug, number + 1, str(annotation.Contents))


@pytest.mark.slow
def test_chapters_embed_only_the_handbooks_typeface(files: dict[str, Path]) -> None:
    for slug, path in files.items():
        with pikepdf.open(path) as pdf:
            fonts = embedded_fonts(pdf)
        assert fonts, slug
        assert all(name.startswith("Source-Sans-Pro") for name in fonts), (slug, fonts)
