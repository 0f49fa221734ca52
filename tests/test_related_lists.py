"""Record pages: "Related" and "Referenced in" never list the same page twice, and lose none."""

from __future__ import annotations

import posixpath

import pytest
from bs4 import BeautifulSoup, Tag

from macros.catalogue import Ref
from macros.links import src_uri
from macros.site import Site

pytestmark = pytest.mark.slow


def section_links(soup: BeautifulSoup, anchor: str) -> set[str]:
    """Return the addresses linked in the section under the h2 with this id."""
    heading = soup.select_one(f"article h2#{anchor}")
    links: set[str] = set()
    for sibling in heading.find_next_siblings() if heading else []:
        if isinstance(sibling, Tag) and sibling.name == "h2":
            break
        links |= {str(a["href"]) for a in sibling.find_all("a", href=True)}
    return links


def folder(ref: Ref) -> str:
    """Return the folder a page is built into, relative to the site ("." for the home page)."""
    return posixpath.normpath(src_uri(ref).removesuffix(".md").removesuffix("index") or ".")


def test_related_and_referenced_in_do_not_repeat_each_other(
    content: Site, html: dict[str, BeautifulSoup]
) -> None:
    catalogue = content.catalogue
    records = [Ref("example", key) for key in catalogue.data.examples]
    records += [Ref("report", key) for key in catalogue.data.reports]
    linked_both_ways = 0
    for ref in records:
        here = folder(ref)
        soup = html[f"{here}/index.html"]
        related = section_links(soup, "related")
        referenced_in = section_links(soup, "referenced-in")
        assert related.isdisjoint(referenced_in), here
        linked_both_ways += bool(set(catalogue.refers_to(ref)) & set(catalogue.referenced_in(ref)))
        # Every page that refers to this one is still listed, under one heading or the other.
        shown = {posixpath.normpath(posixpath.join(here, href)) for href in related | referenced_in}
        for other in catalogue.referenced_in(ref):
            assert folder(other) in shown, (here, other)
    assert linked_both_ways > 0, "no record is linked both ways, so nothing here was tested"
