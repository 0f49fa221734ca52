"""Limits on Markdown: its shape, so no page can stall the build, and where its images come from.

Python-Markdown slows down sharply (or runs out of stack) on some shapes well under the size
limit: deep indentation, deep HTML nesting, long runs of brackets, thousands of headings.
BENCHMARKS.md records how long each shape takes at and above these limits.
Images must be files of the site: an image from a web address would be fetched by every reader
(and by the PDF step, which refuses it), telling another site who reads the handbook.
"""

from __future__ import annotations

import re

from macros.problems import Problem

MAX_INDENT = 64  # columns of leading space: 16 levels of list or admonition
MAX_QUOTE_DEPTH = 16  # '>' markers at the start of a line
MAX_BRACKETS = 200  # '[' in one paragraph
MAX_HEADINGS = 300
MAX_HTML_TAGS = 300
MAX_LINE = 20_000  # characters in one line

QUOTE_MARKERS = re.compile(r"^[ \t]*((?:>[ \t]*)+)")
HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)|^[ \t]{0,3}(?:=+|-+)[ \t]*$")
HTML_TAG = re.compile(r"<[A-Za-z]")
# An image whose address has a scheme (https:, file:, data:) or starts with '//'.
REMOTE_IMAGE = re.compile(
    r"!\[[^\]]*\]\(\s*<?\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)"
    r"|<img\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)",
    re.IGNORECASE,
)
# Unicode line and paragraph separators end a line for some readers but not for Markdown.
ODD_BREAKS = re.compile("[\u2028\u2029\x85\x0b\x0c]")


def markdown_problems(
    text: str, label: str, offset: int = 0, *, count_html: bool = True
) -> list[Problem]:
    """Return a problem for each limit the Markdown `text` goes over (first place only).

    `count_html` is off for pages made from data: data may hold no HTML, so their tags all
    come from the handbook's own templates.
    """
    found: dict[str, Problem] = {}
    headings = html_tags = brackets = 0
    for number, line in enumerate(text.split("\n"), start=1):
        headings += bool(HEADING.match(line))
        html_tags += len(HTML_TAG.findall(line)) if count_html else 0
        brackets = 0 if not line.strip() else brackets + line.count("[")
        totals = (
            (
                "headings",
                headings > MAX_HEADINGS,
                f"A page may have {MAX_HEADINGS} headings at most.",
            ),
            (
                "html",
                html_tags > MAX_HTML_TAGS,
                f"A page may have {MAX_HTML_TAGS} HTML tags at most.",
            ),
            (
                "brackets",
                brackets > MAX_BRACKETS,
                f"A paragraph may hold {MAX_BRACKETS} '[' at most.",
            ),
        )
        for kind, message in [*_line_problems(line), *((k, m) for k, over, m in totals if over)]:
            found.setdefault(kind, Problem(label, number + offset, "", message))
    return list(found.values())


def _line_problems(line: str) -> list[tuple[str, str]]:
    """Return (kind, message) for each limit one line goes over."""
    problems = []
    if len(line) > MAX_LINE:
        problems.append(("line", f"This line is longer than {MAX_LINE:,} characters. Split it."))
    if REMOTE_IMAGE.search(line):
        problems.append(("image", "Images must be files in docs/, not web addresses."))
    if ODD_BREAKS.search(line):
        problems.append(("breaks", "This line holds an unusual line-break character. Remove it."))
    spaces = line.expandtabs(4)
    if line.strip() and len(spaces) - len(spaces.lstrip(" ")) > MAX_INDENT:
        problems.append(("indent", f"This line is indented more than {MAX_INDENT} spaces."))
    quotes = QUOTE_MARKERS.match(line)
    if quotes and quotes.group(1).count(">") > MAX_QUOTE_DEPTH:
        problems.append(("quote", f"Quotes are nested more than {MAX_QUOTE_DEPTH} deep."))
    return problems
