"""Readability of each guidance page (Flesch reading ease), measured on its prose alone."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import textstat

from macros.docpages import FRONT_MATTER, guidance_pages, scan_docs

TARGET = 55.0
# What is not prose: macros, link addresses, headings' markers, list markers, emphasis marks.
MACRO = re.compile(r"\{\{.*?\}\}")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKUP = re.compile(r"^\s*(#+|[-*]|\d+\.|!!!.*|\?\?\?.*)\s*", re.MULTILINE)


@dataclass(frozen=True)
class Score:
    """How readable one page is."""

    page: str
    flesch: float
    words: int


def prose(markdown: str) -> str:
    """Return a page's readable text: no front matter, macros, addresses or Markdown marks."""
    text = FRONT_MATTER.sub("", markdown)
    text = text.split("\n## Sources", 1)[0]
    text = MACRO.sub("", text)
    text = LINK.sub(r"\1", text)
    text = MARKUP.sub("", text)
    return text.replace("*", "").replace("`", "")


def score(page: str, markdown: str) -> Score:
    """Return the Flesch reading ease and word count of one page."""
    text = prose(markdown)
    return Score(page, float(textstat.flesch_reading_ease(text)), len(text.split()))


def report(scores: list[Score]) -> str:
    """Return a short table of scores, hardest first, with the median."""
    lines = ["Readability (Flesch reading ease; higher is easier, aim for 55 or more):"]
    for item in sorted(scores, key=lambda s: s.flesch):
        flag = "  below target" if item.flesch < TARGET else ""
        lines.append(f"  {item.flesch:5.1f}  {item.words:5d} words  {item.page}{flag}")
    median = statistics.median(s.flesch for s in scores) if scores else 0.0
    total = sum(s.words for s in scores)
    lines.append(f"Median {median:.1f} over {len(scores)} pages; {total} words of guidance.")
    return "\n".join(lines)


def guidance_texts(root: Path) -> list[tuple[str, str]]:
    """Return each guidance page's path and Markdown (chapter pages, not landing pages)."""
    pages, _ = scan_docs(root / "docs")
    return [
        (page.label, (root / page.label).read_text(encoding="utf-8"))
        for page in guidance_pages(pages)
    ]


def guidance_scores(root: Path) -> list[Score]:
    """Score every guidance page."""
    return [score(label, text) for label, text in guidance_texts(root)]
