"""How full each page of a rendered PDF is, measured from where its body text lies."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from pypdf import PdfReader

LEAST = 0.2  # a page under a fifth full, other than a chapter's last, wastes paper


@dataclass
class _Page:
    """The heights of a page's body text: what is drawn outside pagination artifacts."""

    depth: int = 0  # how many artifact sections the reader is inside
    heights: list[float] = field(default_factory=list)

    def operator(self, operator: bytes, args: list[object], *_: object) -> None:
        if operator in (b"BDC", b"BMC") and args and str(args[0]) == "/Artifact":
            self.depth += 1
        elif operator == b"EMC" and self.depth:
            self.depth -= 1

    def text(self, text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip() and not self.depth:
            self.heights.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])


def page_fill(data: bytes) -> list[float]:
    """Return how full each page is, from 0 to 1: how far down its body text reaches.

    The text area is taken from the document itself, from the highest and lowest body text on
    any page after the cover (which is laid out on its own), so the measure needs no knowledge
    of the stylesheet's margins. Running headers and footers, being artifacts, do not count.
    """
    reader = PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        found = _Page()
        page.extract_text(visitor_operand_before=found.operator, visitor_text=found.text)
        pages.append(found.heights)
    body = [heights for heights in pages[1:] if heights] or [h for h in pages if h]
    tops = [max(heights) for heights in body]
    bottoms = [min(heights) for heights in body]
    if not tops:
        return [0.0 for _ in pages]
    top, bottom = max(tops), min(bottoms)
    height = top - bottom or 1.0
    return [(top - min(heights)) / height if heights else 0.0 for heights in pages]


def short_pages(data: bytes) -> list[int]:
    """Return the numbers of the pages under a fifth full, other than the last."""
    fills = page_fill(data)
    return [number for number, fill in enumerate(fills[:-1], start=1) if fill < LEAST]
