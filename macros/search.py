"""Search: the words a page is found by, and the index a browser searches in small pieces.

The published site is searched with Pagefind, which splits its index into chunks and fetches
only the ones a query needs (BENCHMARKS.md has the comparison with Material's own search). Its
list of pages is fetched whole, though, and grows with every page: at 10,000 practice examples it
alone weighed more than the rest of a first search. So the practice examples have an index of
their own, which every search loads while the examples are few, and a search adds when the reader
asks for it once they are many. The offline copy keeps Material's
search, because browsers refuse to fetch files from disk and Pagefind must fetch.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pagefind_bin  # type: ignore[import-untyped]
from bs4 import BeautifulSoup
from markupsafe import Markup

from macros.catalogue import Catalogue
from macros.examples_index import INDEX as EXAMPLES_INDEX
from macros.pages import environment

# How much more a match counts, by kind of page: guidance first, then the theme that gathers it.
GUIDANCE_BOOST = 2.0
THEME_BOOST = 1.5
# Practice examples, reports and organisations weigh less than the guidance they support.
RECORD_BOOST = 0.5
RECORD_FOLDERS = ("examples/", "reports/", "organisations/")
# A page's everyday words weigh like a subheading, times its boost; Pagefind's weights stop at 10.
TAG_WEIGHT = 5.0
MAX_WEIGHT = 10.0
# Pages that only list other pages, which searches would find in place of the pages themselves.
UNSEARCHED_FOLDERS = ("examples/page/",)
# Parts of a page that are not its text: permalink marks beside headings; and on practice
# examples, reports and organisations, what every one of them repeats (their section headings,
# the notice on the kind of example, the labels in the facts box), which would otherwise match
# "kindness" (the label "Kind") or "context" on every record and crowd out the ones that say it.
EXCLUDED = (
    ".headerlink",
    ".kip-search-record > h2",
    ".kip-search-record > .admonition",
    ".kip-facts > summary",
    ".kip-facts dt",
)
INDEX_FOLDER = "pagefind"
# Practice examples have their own index inside the main one's folder (searched from the start
# or on request: examples_in_first_search); the page that lists them stays in the main index.
EXAMPLES_FOLDER = "examples/"
EXAMPLES_INDEX_FOLDER = "examples"
# The words a misspelt query is matched against (search.js), one a line, beside the index.
WORDS_FILE = "words.txt"
# Shorter words are left as typed: a typo in a short word is too often another real word.
SHORTEST_CORRECTED = 5
WORD = re.compile(r"[a-z]+")
MIN_USES = 2


def examples_in_first_search(examples: int, limit: int) -> bool:
    """Say whether every search includes the practice examples, or adds them on request.

    Up to `limit` examples (mkdocs.yml sets it), they share the main index and add a few
    kilobytes to a first search. With thousands, their list of pages alone outweighs the rest
    of a first search, so they have an index of their own, which readers add when they want it.
    """
    return examples <= limit


@dataclass(frozen=True)
class SearchDocument:
    """One page as the search index reads it, and the address its result links to."""

    url: str
    html: str
    on_request: bool = False  # a practice example, in the index searched when the reader asks


def search_tags(catalogue: Catalogue, themes: Iterable[str]) -> list[str]:
    """Return the tags a page is indexed under: its themes' names and everyday words for them.

    Search weighs tags above the text, so someone who types "red tape" or "compassion"
    finds the pages on those ideas even when the page uses other words.
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


def everyday_words(catalogue: Catalogue) -> dict[str, list[str]]:
    """Return the everyday words each page is found by, from data/search-words.yml."""
    found = catalogue.data.search_words
    words: dict[str, list[str]] = {}
    for entry in found.words if found else []:
        for page in entry.pages:
            listed = words.setdefault(page, [])
            listed.extend(word for word in entry.words if word not in listed)
    return words


def known_words(texts: Iterable[str]) -> list[str]:
    """Return the words a search can correct a misspelling to, in alphabetical order.

    Every word of at least SHORTEST_CORRECTED letters used at least twice in the texts: a word
    used once is as likely a name or a slip as a word a reader means, and leaving those out
    halves the list a first search fetches.
    """
    counts = Counter(
        word
        for text in texts
        for word in WORD.findall(text.lower())
        if len(word) >= SHORTEST_CORRECTED
    )
    return sorted(word for word, count in counts.items() if count >= MIN_USES)


def search_boost(catalogue: Catalogue, src_uri: str) -> float | None:
    """Return how much a hand-written page's matches are boosted, or None to leave them be."""
    return GUIDANCE_BOOST if src_uri in catalogue.guidance_uris else None


def search_document(
    src_uri: str, url: str, title: str, meta: Mapping[str, object], content: str
) -> SearchDocument | None:
    """Return what the index reads for a built page, or None for a page left out of search."""
    if src_uri.startswith(UNSEARCHED_FOLDERS):
        return None
    search = meta.get("search")
    boost = search.get("boost", 1.0) if isinstance(search, Mapping) else 1.0
    if src_uri.startswith(RECORD_FOLDERS):
        boost = RECORD_BOOST  # a record backs the guidance up; the guidance comes first
    tags = meta.get("tags")
    words = meta.get("search_words")
    html = (
        environment()
        .get_template("search/document.html.j2")
        .render(
            title=title,
            tags=tags if isinstance(tags, list) else [],
            words=words if isinstance(words, list) else [],
            tag_weight=min(TAG_WEIGHT * boost, MAX_WEIGHT),
            description=meta.get("description") or "",
            boost=boost,
            record=src_uri.startswith(RECORD_FOLDERS),
            content=Markup(content),  # noqa: S704 (the page's own HTML, already sanitised)
        )
    )
    example = src_uri.startswith(EXAMPLES_FOLDER) and src_uri != EXAMPLES_INDEX
    return SearchDocument("/" + url, html, on_request=example)


def write_search_index(
    site_dir: Path, documents: Iterable[SearchDocument], *, examples_apart: bool
) -> None:
    """Write the search index into the built site, with the practice examples apart or in it.

    While every search includes the examples, they share the main index: each word a reader
    types then fetches one piece of one index, not a piece of each of two (BENCHMARKS.md).
    """
    main: list[SearchDocument] = []
    on_request: list[SearchDocument] = []
    for document in documents:
        (on_request if document.on_request and examples_apart else main).append(document)
    index = site_dir / INDEX_FOLDER
    run_pagefind(main, index)
    if examples_apart:
        run_pagefind(on_request, index / EXAMPLES_INDEX_FOLDER)
    texts = (BeautifulSoup(d.html, "html.parser").get_text(" ") for d in [*main, *on_request])
    (index / WORDS_FILE).write_text("\n".join(known_words(texts)) + "\n", encoding="utf-8")


def run_pagefind(documents: Iterable[SearchDocument], output: Path) -> None:
    """Index the documents with Pagefind's own program, writing the index to `output`.

    The documents go to a scratch folder, one file per page at its address, which the program
    indexes. (Pagefind's Python interface was tried first: it stopped before writing its larger
    files whole.)
    """
    with tempfile.TemporaryDirectory(prefix="search-") as folder:
        scratch = Path(folder)
        for document in documents:
            path = scratch / document.url.strip("/") / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(document.html, encoding="utf-8")
        command = [
            str(pagefind_bin.get_executable()),
            "--site", str(scratch),
            "--output-path", str(output),
            "--force-language", "en",
            "--exclude-selectors", ",".join(EXCLUDED),
            "--silent",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 (our own arguments)
        if result.returncode != 0:
            msg = f"Pagefind could not index the site:\n{result.stdout}{result.stderr}"
            raise RuntimeError(msg)
