"""Where each page and record lives in the site, and relative links between them."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from macros.catalogue import Catalogue, Ref

# The folder each kind of generated record page lives in.
FOLDERS = {"example": "examples", "report": "reports", "organisation": "organisations"}
THEMES_FOLDER = "themes"
GLOSSARY_PAGE = "glossary.md"
EXAMPLES_INDEX = "examples/index.md"


def src_uri(ref: Ref) -> str:
    """Return the docs-relative Markdown path of a page or record."""
    if ref.kind == "guidance":
        return ref.key
    return f"{FOLDERS[ref.kind]}/{ref.key}.md"


def section_index(uri: str) -> str | None:
    """Return the index page of the section a record page belongs to, or None for other pages.

    Record pages stay out of the sidebar; the sidebar marks this index page instead.
    """
    folder, _, name = uri.partition("/")
    if not name or name == "index.md" or folder not in (*FOLDERS.values(), THEMES_FOLDER):
        return None
    return "examples/index.md" if folder == FOLDERS["organisation"] else f"{folder}/index.md"


def cites_value(ref: Ref) -> str:
    """Return how the examples index's address names a page or record: its path in the site."""
    return src_uri(ref).removesuffix(".md")


def cited_by_address(from_uri: str, ref: Ref) -> str:
    """Return a link to the examples index filtered to the examples that refer to `ref`.

    The filter script (overrides/assets/javascripts/filters.js) reads `cites` from the address.
    """
    return f"{relative(from_uri, EXAMPLES_INDEX)}?cites={quote(cites_value(ref), safe='/')}"


def theme_uri(theme_id: str) -> str:
    """Return the docs-relative path of a theme's page."""
    return f"{THEMES_FOLDER}/{theme_id}.md"


def relative(from_uri: str, to_uri: str) -> str:
    """Return a Markdown link from one docs page to another, which MkDocs then checks."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


@dataclass(frozen=True)
class Link:
    """A titled link, ready for a template."""

    title: str
    href: str
    note: str = ""


def link_to(catalogue: Catalogue, from_uri: str, ref: Ref, note: str = "") -> Link:
    """Return a link from the page at `from_uri` to a page or record, titled as it is titled."""
    return Link(catalogue.title(ref), relative(from_uri, src_uri(ref)), note)
