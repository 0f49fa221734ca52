"""Limits on what content may grow into: one page's HTML, and the whole site per byte of content.

The input limits (macros/limits.py, macros/sandbox.py) bound each page's text and its macro
calls; these bound the result, so no mix of small inputs can fill a host or a reader's device.
Figures from the handbook as built in December 2026:
- the largest hand-written page's content is 25 KB of HTML; the largest of all (the examples
  index, made from data) is 58 KB;
- the site is 11.9 MB besides the theme's assets/, made from 656 KB of docs/ and data/: 18 bytes
  published per byte of content.
"""

from __future__ import annotations

import os
from pathlib import Path

from macros.problems import Problem

# Twenty times the largest hand-written page, and twice the largest page file allowed.
MAX_PAGE_HTML = 512 * 1024
# Twice the handbook's own ratio, plus room for the fixed costs of any site, however small: the
# search tool's own scripts (1.3 MB), the 404 page, the sitemap.
MAX_BYTES_PER_CONTENT_BYTE = 40
SITE_ALLOWANCE = 4 * 1024 * 1024
# The theme's and the build's own files: their size does not depend on content.
FIXED_FOLDERS = frozenset({"assets", "downloads", "pdf"})


def page_problem(label: str, html_bytes: int) -> Problem | None:
    """Return a problem if one hand-written page's HTML is larger than the limit."""
    if html_bytes <= MAX_PAGE_HTML:
        return None
    message = (
        f"This page becomes {html_bytes // 1024:,} KB of HTML, more than the "
        f"{MAX_PAGE_HTML // 1024} KB a page may be. Use fewer macros (such as example_list()), "
        "or split the page."
    )
    return Problem(label, 0, "", message)


def content_bytes(folders: list[Path]) -> int:
    """Return the size of every file under `folders` (links are not followed)."""
    return sum(_sizes(folder) for folder in folders)


def site_bytes(site_dir: Path) -> int:
    """Return the size of the built site, without the theme's and the build's own folders."""
    total = 0
    for entry in site_dir.iterdir():
        if entry.name in FIXED_FOLDERS:
            continue
        total += _sizes(entry) if entry.is_dir() else entry.lstat().st_size
    return total


def site_problems(site: int, content: int, pages: dict[str, int]) -> list[Problem]:
    """Return problems naming the largest pages when the site outgrows its content."""
    allowed = SITE_ALLOWANCE + MAX_BYTES_PER_CONTENT_BYTE * content
    if site <= allowed:
        return []
    largest = sorted(pages.items(), key=lambda item: (-item[1], item[0]))[:3]
    message = (
        f"The site would be {site / 1e6:.1f} MB, more than the {allowed / 1e6:.1f} MB allowed "
        f"for {content // 1024:,} KB of content. This page is one of the largest, at "
        "{size:,} KB: use fewer macros (such as example_list()) on it."
    )
    return [Problem(label, 0, "", message.format(size=size // 1024)) for label, size in largest]


def _sizes(folder: Path) -> int:
    total = 0
    for here, _, files in os.walk(folder, followlinks=False):
        total += sum((Path(here) / name).lstat().st_size for name in files)
    return total
