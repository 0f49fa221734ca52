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
# Boxes inside boxes, counted over the whole text: open HTML elements, plus the quote and list
# markers and indentation levels that start a line. The PDF step runs out of stack somewhere
# between 100 and 150 nested boxes (measured with WeasyPrint 70); the handbook reaches 2.
MAX_NESTING = 32
MAX_BRACKETS = 200  # '[' in one paragraph
MAX_HEADINGS = 300
MAX_HTML_TAGS = 300
MAX_LINE = 20_000  # characters in one line

QUOTE_MARKERS = re.compile(r"^[ \t]*((?:>[ \t]*)+)")
# The run of quote and list markers a line starts with: '> - > - 1. x' is six boxes deep.
CONTAINER_PREFIX = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+")
CONTAINER_MARKER = re.compile(r">|[-*+]|\d{1,9}[.)]")
# Opening and closing tags; elements that never hold others do not deepen the nesting.
OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>")
CLOSE_TAG = re.compile(r"</[A-Za-z][A-Za-z0-9-]*\s*>")
VOID = frozenset(
    {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)|^[ \t]{0,3}(?:=+|-+)[ \t]*$")
HTML_TAG = re.compile(r"<[A-Za-z]")
# An image whose address has a scheme (https:, file:, data:) or starts with '//'.
REMOTE_IMAGE = re.compile(
    r"!\[[^\]]*\]\(\s*<?\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)"
    r"|<img\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)",
    re.IGNORECASE,
)
# A web address with a user name or password before its host (https://user:pass@host/).
CREDENTIALS = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//[^\s/?#@()<>\[\]\"']*@")
# Unicode line and paragraph separators end a line for some readers but not for Markdown.
ODD_BREAKS = re.compile("[\u2028\u2029\x85\x0b\x0c]")


CREDENTIALS_MESSAGE = (
    "This web address holds a user name or password (the part before '@'). Remove it: "
    "a published password is no longer secret, and a reader's browser would send it."
)


def markdown_problems(
    text: str, label: str, offset: int = 0, *, count_html: bool = True
) -> list[Problem]:
    """Return a problem for each limit the Markdown `text` goes over (first place only).

    `count_html` is off for pages made from data: data may hold no HTML, so their tags all
    come from the handbook's own templates.
    """
    found: dict[str, Problem] = {}
    headings = html_tags = brackets = html_depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        headings += bool(HEADING.match(line))
        html_depth = max(0, html_depth + _depth_change(line))
        if html_depth + _line_nesting(line) > MAX_NESTING:
            message = (
                f"Quotes, lists and HTML elements are nested more than {MAX_NESTING} deep here. "
                "Flatten the structure."
            )
            found.setdefault("nesting", Problem(label, number + offset, "", message))
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
    if CREDENTIALS.search(line):
        problems.append(("credentials", CREDENTIALS_MESSAGE))
    if ODD_BREAKS.search(line):
        problems.append(("breaks", "This line holds an unusual line-break character. Remove it."))
    spaces = line.expandtabs(4)
    if line.strip() and len(spaces) - len(spaces.lstrip(" ")) > MAX_INDENT:
        problems.append(("indent", f"This line is indented more than {MAX_INDENT} spaces."))
    quotes = QUOTE_MARKERS.match(line)
    if quotes and quotes.group(1).count(">") > MAX_QUOTE_DEPTH:
        problems.append(("quote", f"Quotes are nested more than {MAX_QUOTE_DEPTH} deep."))
    return problems


def _line_nesting(line: str) -> int:
    """Return how many boxes deep a line's start goes: its markers and indentation levels."""
    prefix = CONTAINER_PREFIX.match(line)
    markers = len(CONTAINER_MARKER.findall(prefix.group(0))) if prefix else 0
    spaces = line.expandtabs(4)
    indent = len(spaces) - len(spaces.lstrip(" ")) if line.strip() else 0
    return markers + indent // 4


def _depth_change(line: str) -> int:
    """Return how many more HTML elements are open after `line` than before it."""
    opened = sum(
        1
        for match in OPEN_TAG.finditer(line)
        if match.group(2) != "/" and match.group(1).lower() not in VOID
    )
    return opened - len(CLOSE_TAG.findall(line))
