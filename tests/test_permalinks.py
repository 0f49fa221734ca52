"""Permalink anchors carry the name of the section they link to."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.permalinks import Permalinks


def test_each_anchor_is_named_for_its_heading() -> None:
    converter = markdown.Markdown(
        extensions=["toc", "abbr", Permalinks()],
        extension_configs={"toc": {"permalink": True}, "abbr": {"glossary": {"risk": "Harm."}}},
    )
    soup = BeautifulSoup(
        converter.convert("## Saying *no* kindly\n\n### A risk check\n\nText."), "html.parser"
    )
    assert [a["aria-label"] for a in soup.select("a.headerlink")] == [
        "Link to section: Saying no kindly",
        "Link to section: A risk check",
    ]


@pytest.mark.slow
def test_built_pages_name_every_permalink(html: dict[str, BeautifulSoup]) -> None:
    anchors = 0
    for path, soup in html.items():
        for anchor in soup.select("article a.headerlink"):
            anchors += 1
            heading = anchor.find_parent(["h1", "h2", "h3", "h4", "h5", "h6"])
            words = " ".join(heading.get_text().replace("¶", "").split())
            assert anchor.get("aria-label") == f"Link to section: {words}", path
    assert anchors > 500, "the site's headings should have their permalinks"
