"""Breadcrumbs: every page inside a chapter shows the way back to the home page and its chapter."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow


def trail(soup: BeautifulSoup) -> list[str]:
    crumbs = soup.select_one('nav.md-path[aria-label="Breadcrumb"]')
    return [link.get_text(strip=True) for link in crumbs.select("a")] if crumbs else []


def test_pages_in_a_chapter_show_home_then_their_chapter(html: dict[str, BeautifulSoup]) -> None:
    assert trail(html["everyday-practice/small-acts/index.html"]) == [
        "Home",
        "Everyday practice",
    ]
    # A chapter's own page leads home; it does not link to itself.
    assert trail(html["everyday-practice/index.html"]) == ["Home"]
    assert trail(html["index.html"]) == []
    in_chapters = [path for path in html if path.count("/") >= 2 and path.split("/")[0] in {
        "everyday-practice", "kindness-and-risk", "leading-for-kindness", "sectors",
    }]  # fmt: skip
    assert len(in_chapters) > 20
    for path in in_chapters:
        assert trail(html[path])[:1] == ["Home"], f"{path} has no breadcrumbs"
