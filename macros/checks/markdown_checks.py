"""Checks on Markdown pages: image descriptions, link addresses, citations and placeholders."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from macros.checks.paraphrase import LIST_ITEM
from macros.problems import Problem

PLACEHOLDER = re.compile(r"\bREPLACE\b")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)[^)]*\)")
HTML_IMAGE = re.compile(r"<img\b(?P<attributes>[^>]*)>", re.IGNORECASE)
ALT = re.compile(r"\balt\s*=\s*\"[^\"]+\"")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
# A citation in a sentence sits in brackets; one that starts a list item is a Sources entry.
CITE_CALL = r"\{\{-?\s*cite\("
CITE = re.compile(CITE_CALL)
BRACKETED_CITE = re.compile(r"\(" + CITE_CALL + r"[^}]*\}\}\)")
LISTED_CITE = re.compile(LIST_ITEM.pattern + CITE_CALL)
LOOKS_LIKE_A_HOST = re.compile(r"^(www\.|[a-z0-9-]+\.(org|com|gov|uk|net)\b)", re.IGNORECASE)


def placeholder_problems(path: str, text: str) -> list[Problem]:
    """Return each line that still holds a template placeholder."""
    return [
        Problem(path, number, "placeholder", f"Replace the placeholder: {line.strip()[:70]}")
        for number, line in enumerate(text.splitlines(), start=1)
        if PLACEHOLDER.search(line)
    ]


def citation_problems(path: str, text: str) -> list[Problem]:
    """Return each citation that sits in a sentence without brackets round it."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        loose = len(CITE.findall(line)) - len(BRACKETED_CITE.findall(line))
        loose -= 1 if LISTED_CITE.match(line) else 0
        if loose > 0:
            problems.append(
                Problem(
                    path,
                    number,
                    "citation",
                    'Put a citation in a sentence in brackets: ({{ cite("report-id") }}). '
                    "Only a Sources list item starts with one on its own.",
                )
            )
    return problems


def image_problems(path: str, text: str) -> list[Problem]:
    """Return each image that has no text alternative."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        problems += [
            Problem(
                path,
                number,
                "image",
                f"The image '{match['src']}' has no alternative text. Describe it inside "
                "the square brackets, like ![A chart of visits by month](chart.png).",
            )
            for match in IMAGE.finditer(line)
            if not match["alt"].strip()
        ]
        problems += [
            Problem(path, number, "image", 'This image has no alt text. Add alt="...".')
            for match in HTML_IMAGE.finditer(line)
            if not ALT.search(match["attributes"])
        ]
    return problems


def link_problems(path: str, text: str, pages: Iterable[str]) -> list[Problem]:
    """Return links whose address is malformed, or that point at a page that does not exist.

    `path` is the page's repository path (docs/...); `pages` are the docs-relative paths of
    every page the site will have, hand-written or made from data. Nothing is fetched.
    """
    known = set(pages)
    folder = posixpath.dirname(path.removeprefix("docs/"))
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in LINK.finditer(line):
            message = _link_problem(match["target"], folder, known)
            if message:
                problems.append(Problem(path, number, "link", message))
    return problems


def _link_problem(target: str, folder: str, known: set[str]) -> str:
    parts = urlsplit(target)
    message = ""
    if parts.scheme in ("http", "https"):
        if "." not in parts.netloc or " " in target:
            message = f"'{target}' is not a complete web address."
    elif parts.scheme and parts.scheme != "mailto":
        message = f"'{target}' is not a web address. Links must start with https:// or http://."
    elif not parts.scheme and LOOKS_LIKE_A_HOST.match(target):
        message = f"'{target}' looks like a website. Start it with https:// to link to it."
    elif not parts.scheme and parts.path.endswith(".md"):
        resolved = posixpath.normpath(posixpath.join(folder, parts.path))
        if resolved not in known:
            message = f"'{target}' points to a page that does not exist (docs/{resolved})."
    return message
