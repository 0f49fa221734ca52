"""The handbook's chapters and their pages in reading order, from the navigation in mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.catalogue import Catalogue


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as plain data; `!ENV [NAME, default]` reads as its default."""


def _env_default(loader: _ConfigLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None
    return None


_ConfigLoader.add_constructor("!ENV", _env_default)


def read_config(path: Path) -> dict[str, Any]:
    """Return mkdocs.yml as plain data, with the settings of a file it INHERITs underneath."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (safe)
    data = data if isinstance(data, dict) else {}
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str):
        return {**read_config(path.parent / parent), **data}
    return data


def nav_pages(nav: object) -> list[str]:
    """Return every Markdown page named in a navigation tree, in reading order."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    return []


@dataclass(frozen=True)
class Chapter:
    """A chapter: its folder, number, title and pages in reading order (landing page first)."""

    slug: str
    number: int
    title: str
    pages: tuple[str, ...]


def chapters(catalogue: Catalogue, nav: object) -> list[Chapter]:
    """Return the chapters in order, each with its pages in the order of the navigation."""
    order = nav_pages(nav)
    found = []
    for page in catalogue.pages.values():
        if page.is_index and page.meta.chapter:
            pages = tuple(uri for uri in order if uri.split("/", 1)[0] == page.folder)
            found.append(Chapter(page.folder, page.meta.chapter, page.meta.title, pages))
    return sorted(found, key=lambda chapter: chapter.number)
