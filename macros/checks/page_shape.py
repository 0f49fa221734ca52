"""Whether guidance pages are shaped by their subjects: lengths that vary, openings that differ."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from macros.checks.readability import guidance_texts, prose

# A page written to a target sits within a narrow band of length; ±10% is the band we test.
BAND = 0.10
OPENER_WORDS = 3
TITLE = re.compile(r"^#\s+.*$", re.MULTILINE)
HEADING = re.compile(r"^#{1,6}\s+.*$", re.MULTILINE)
FIRST_SENTENCE = re.compile(r"^(.+?[.!?:])(?:\s|$)", re.DOTALL)


@dataclass(frozen=True)
class Shape:
    """How long a page's prose is and how its first sentence opens."""

    page: str
    words: int
    opener: str


def shape(page: str, markdown: str) -> Shape:
    """Return a page's length in words and the first words of its opening sentence."""
    text = prose(markdown)
    title = TITLE.search(markdown)
    after_title = markdown[title.end() :] if title else markdown
    # The opening is the first prose, not a section's heading such as "In brief".
    body = prose(HEADING.sub("", after_title))
    sentence = FIRST_SENTENCE.match(body.strip())
    words = (sentence.group(1) if sentence else body).lower().split()[:OPENER_WORDS]
    return Shape(page, len(text.split()), " ".join(re.sub(r"[^\w']", "", w) for w in words))


def fullest_band(lengths: Sequence[int]) -> tuple[int, int]:
    """Return the most pages any ±10% band of length holds, and its centre in words."""
    best = (0, 0)
    for lowest in sorted(lengths):
        centre = lowest / (1 - BAND)
        held = sum(1 for length in lengths if lowest <= length <= centre * (1 + BAND))
        if held > best[0]:
            best = (held, round(centre))
    return best


def commonest_opener(shapes: Sequence[Shape]) -> tuple[str, int]:
    """Return the opening words most pages share, and on how many pages."""
    counts = Counter(item.opener for item in shapes if item.opener)
    return counts.most_common(1)[0] if counts else ("", 0)


def report(shapes: Sequence[Shape]) -> str:
    """Return two lines on the spread of lengths and the commonest opening."""
    lengths = [item.words for item in shapes]
    held, centre = fullest_band(lengths)
    opener, count = commonest_opener(shapes)
    return (
        f"Page shape: {len(shapes)} guidance pages from {min(lengths, default=0)} to "
        f"{max(lengths, default=0)} words; the fullest ±10% band (around {centre} words) holds "
        f"{held}.\nCommonest opening: '{opener}' on {count} page(s)."
    )


def guidance_shapes(root: Path) -> list[Shape]:
    """Return the shape of every guidance page under `root`/docs."""
    return [shape(label, text) for label, text in guidance_texts(root)]
