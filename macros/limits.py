"""Limits on the shape of Markdown, so that no page can make the build hang or crash.

Python-Markdown slows down sharply (or runs out of stack) on some shapes well under the size
limit: deep indentation, deep HTML nesting, long runs of brackets, thousands of headings.
BENCHMARKS.md records how long each shape takes at and above these limits.
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
# Unicode line and paragraph separators end a line for some readers but not for Markdown.
ODD_BREAKS = re.compile("[\u2028\u2029\x85\x0b\x0c]")


def markdown_problems(text: str, label: str, offset: int = 0) -> list[Problem]:
    """Return a problem for each limit the Markdown `text` goes over (first place only)."""
    found: dict[str, Problem] = {}

    def note(kind: str, line: int, message: str) -> None:
        found.setdefault(kind, Problem(label, line + offset, "", message))

    headings = html_tags = brackets = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE:
            note("line", number, f"This line is longer than {MAX_LINE:,} characters. Split it.")
        if ODD_BREAKS.search(line):
            note("breaks", number, "This line holds an unusual line-break character. Remove it.")
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        if indent > MAX_INDENT and line.strip():
            note("indent", number, f"This line is indented more than {MAX_INDENT} spaces.")
        quotes = QUOTE_MARKERS.match(line)
        if quotes and quotes.group(1).count(">") > MAX_QUOTE_DEPTH:
            note("quote", number, f"Quotes are nested more than {MAX_QUOTE_DEPTH} deep.")
        headings += bool(HEADING.match(line))
        if headings > MAX_HEADINGS:
            note("headings", number, f"A page may have at most {MAX_HEADINGS} headings.")
        html_tags += len(HTML_TAG.findall(line))
        if html_tags > MAX_HTML_TAGS:
            note("html", number, f"A page may have at most {MAX_HTML_TAGS} HTML tags.")
        brackets = 0 if not line.strip() else brackets + line.count("[")
        if brackets > MAX_BRACKETS:
            note("brackets", number, f"A paragraph may hold at most {MAX_BRACKETS} '[' brackets.")
    return list(found.values())
