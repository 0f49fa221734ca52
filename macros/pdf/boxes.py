"""What WeasyPrint knows as it tags a PDF and leaves out: which boxes are one element, line ends.

WeasyPrint builds the structure tree page by page, from each page's boxes, so a paragraph that
runs over a page break becomes two elements, and the space a line break stands for is lost. It
has no option for either. While it tags, `recording` marks each structure element with the HTML
element its box came from, marks numbered lists as numbered, and notes the last piece of text on
each line that a space follows; macros/pdf/tags/ then joins the pieces and puts the spaces back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

import pydyf
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import tags as weasy_tags

ORIGIN = "KipOrigin"  # the key a structure element carries its HTML element's number under
NUMBERING = {"decimal": "/Decimal", "disc": "/Disc", "circle": "/Circle", "square": "/Square"}
# A line that ends with one of these breaks inside a word, or after a hyphen that stays printed.
NO_SPACE_AFTER = ("-", "\u2010", "\u2011", "\u2013", "\u2014", "/", "\u00ad")


@dataclass
class Record:
    """What was noted while tagging: line ends by page and MCID, and the elements seen by page."""

    line_ends: dict[tuple[int, int], str] = field(default_factory=dict)
    last_lines: dict[tuple[int, int], tuple[int, str]] = field(default_factory=dict)
    seen: set[tuple[int, int]] = field(default_factory=set)
    numbers: dict[int, int] = field(default_factory=dict)

    def number(self, element: object) -> int:
        """Return the HTML element's number, the same on every page its boxes are on."""
        return self.numbers.setdefault(id(element), len(self.numbers) + 1)

    def spaces(self) -> dict[tuple[int, int], str]:
        """Return, by page and MCID, the text of each line end a space follows, with the space.

        A block's last line on a page is followed by a space only if the block runs on.
        """
        found = dict(self.line_ends)
        for (page, origin), (mcid, text) in self.last_lines.items():
            if (page + 1, origin) in self.seen:
                found[(page, mcid)] = text
        return found


def _texts(box: boxes.Box) -> Iterator[boxes.TextBox]:
    """Yield the text boxes under a box, in the order they are drawn."""
    if isinstance(box, boxes.TextBox):
        yield box
    elif isinstance(box, boxes.ParentBox):
        for child in box.children:
            yield from _texts(child)


def _words(element: Element | None) -> str:
    """Return an HTML element's text with its white space collapsed."""
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _spaced(end: boxes.TextBox, start: boxes.TextBox | None) -> str | None:
    """Return a line's last text with the space its break stands for, or None if it has none."""
    text = str(end.text)
    if not text or text[-1].isspace() or text.endswith(NO_SPACE_AFTER):
        return None
    if start is not None and start.element is end.element and start.element is not None:
        # A break inside a word (an address wrapped anywhere) joins the two lines' text.
        words = _words(end.element)
        if f"{text}{start.text}" in words and f"{text} {start.text}" not in words:
            return None
    return text + " "


def _note_lines(
    box: boxes.Box, page: int, origin: int, record: Record, tags: dict[boxes.Box, dict[str, object]]
) -> None:
    """Note the text at the end of each of a block's lines on this page."""
    lines = [child for child in box.children if isinstance(child, boxes.LineBox)]
    for index, line in enumerate(lines):
        texts = [text for text in _texts(line) if text in tags]
        if not texts:
            continue
        following = lines[index + 1 :]
        starts = [text for later in following for text in _texts(later) if text in tags][:1]
        spaced = _spaced(texts[-1], starts[0] if starts else None)
        if spaced is None:
            continue
        mcid = int(str(tags[texts[-1]]["mcid"]))
        if following:
            record.line_ends[(page, mcid)] = spaced
        else:
            record.last_lines[(page, origin)] = (mcid, spaced)


@contextmanager
def recording() -> Iterator[Record]:
    """Record, while WeasyPrint writes a PDF, what macros/pdf/tags/ needs to finish its tags.

    WeasyPrint's tagging calls itself for each box through its module, so wrapping the function
    there sees every box. Only one PDF may be written at a time in the process while it is on.
    """
    record = Record()
    original = weasy_tags._build_box_tree  # noqa: SLF001 (WeasyPrint offers no hook)

    def build(
        box: boxes.Box, parent: pydyf.Dictionary, pdf: pydyf.PDF, page: int, *rest: object
    ) -> Iterator[object]:
        tags = rest[-1] if isinstance(rest[-1], dict) else {}
        inner = getattr(box, "_box", box)  # an absolutely placed box's own box
        element = getattr(inner, "element", None)
        origin = record.number(element) if element is not None else 0
        tag = getattr(inner, "element_tag", None)
        if origin:
            record.seen.add((page, origin))
            _note_lines(inner, page, origin, record, tags)
        for made in original(box, parent, pdf, page, *rest):
            # The html and body boxes pass their children's elements up: those are marked.
            if (
                origin
                and isinstance(made, pydyf.Dictionary)
                and ORIGIN not in made
                and not isinstance(inner, boxes.MarginBox)
            ):
                made[ORIGIN] = origin
                numbering = NUMBERING.get(str(inner.style["list_style_type"]))
                if tag in ("ol", "ul") and numbering:
                    made["A"] = pydyf.Dictionary({"O": "/List", "ListNumbering": numbering})
            yield made

    weasy_tags._build_box_tree = build  # noqa: SLF001
    try:
        yield record
    finally:
        weasy_tags._build_box_tree = original  # noqa: SLF001
