"""Search tuning: the words a page is found by, beyond its own text."""

from __future__ import annotations

from collections.abc import Iterable

from macros.catalogue import Catalogue

# How much more a match counts, by kind of page: guidance first, then the theme that gathers it.
GUIDANCE_BOOST = 2.0
THEME_BOOST = 1.5


def search_tags(catalogue: Catalogue, themes: Iterable[str]) -> list[str]:
    """Return the tags a page is indexed under: its themes' names and everyday words for them.

    Material's search weighs tags above titles and text, so someone who types "red tape" or
    "compassion" finds the pages on those ideas even when the page uses other words.
    """
    vocabulary = catalogue.vocabulary("themes")
    tags: list[str] = []
    for theme_id in themes:
        term = vocabulary.get(theme_id)
        if term is None:
            continue
        for tag in (term.label, *term.keywords):
            if tag not in tags:
                tags.append(tag)
    return tags


def search_boost(catalogue: Catalogue, src_uri: str) -> float | None:
    """Return how much a hand-written page's matches are boosted, or None to leave them be."""
    return GUIDANCE_BOOST if src_uri in catalogue.guidance_uris else None
