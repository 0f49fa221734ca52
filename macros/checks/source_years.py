"""Flag a source listed under a page's Sources heading that gives no year and does not say undated.

A reader judges how current advice is from the dates of its sources. A report record carries
its own year, so `{{ cite("...") }}` is enough; any other source names the year it was
published or made, or says `undated`. A year only in the address or only in the date it was
checked does not count: neither says when the work appeared.
"""

from __future__ import annotations

import re

from macros.checks.markdown_checks import CITE
from macros.checks.paraphrase import LIST_ITEM
from macros.problems import Problem

SOURCES_HEADING = re.compile(r"^##\s+Sources\s*$")
# A heading of the same or a higher level ends the Sources section; a sub-heading does not.
SECTION_END = re.compile(r"^#{1,2}\s")
CODE_FENCE = re.compile(r"^\s*(```|~~~)")
ADDRESS = re.compile(r"\]\([^)]*\)|<?https?://[^\s>)]+>?")
CHECKED = re.compile(r"\bchecked\s+(?:on\s+)?\d{4}-\d{2}-\d{2}", re.IGNORECASE)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
UNDATED = re.compile(r"\bundated\b", re.IGNORECASE)


def source_items(text: str) -> list[tuple[int, str]]:
    """Return each list item under a `## Sources` heading, with the line it starts on."""
    items: list[tuple[int, str]] = []
    in_sources = in_code = False
    for number, line in enumerate(text.splitlines(), start=1):
        if CODE_FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        if SECTION_END.match(line):
            in_sources = bool(SOURCES_HEADING.match(line))
        elif in_sources and LIST_ITEM.match(line):
            items.append((number, line.strip()))
        elif in_sources and items and line.startswith((" ", "\t")) and line.strip():
            # An indented line carries on the item above it.
            start, item = items[-1]
            items[-1] = (start, f"{item} {line.strip()}")
    return items


def gives_year(item: str) -> bool:
    """Say whether a Sources item cites a report, names a year or says it is undated."""
    if CITE.search(item):
        return True
    words = CHECKED.sub(" ", ADDRESS.sub(" ", item))
    return bool(YEAR.search(words) or UNDATED.search(words))


def source_year_problems(path: str, text: str) -> list[Problem]:
    """Return a problem for each Sources item with no year, no `undated` and no cite."""
    return [
        Problem(
            path,
            line,
            "sources",
            "This source gives no year. Add the year it was published or made (or the "
            "year the page was last updated) after the publisher, as in "
            "`[Title](https://...), Publisher, 2024.`; write `undated` if the work gives no "
            'date, or cite a report the handbook holds with {{ cite("report-id") }}.',
        )
        for line, item in source_items(text)
        if not gives_year(item)
    ]
