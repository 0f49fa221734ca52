"""Load the whole handbook once per build: data, pages, cross-references and generated pages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from macros.catalogue import Catalogue, build_catalogue
from macros.data_limits import data_markdown_problems
from macros.docpages import FRONT_MATTER, mkdocs_front_matter, scan_docs
from macros.examples_index import examples_index
from macros.finder import finder_problems
from macros.finder_pages import finder_pages
from macros.loader import load_data
from macros.pages import GeneratedPage, abbreviations, generate_pages
from macros.problems import ContentError, Problem
from macros.stages import CROSS_REFERENCE, FROM_DATA, LOAD, stage


@dataclass(frozen=True)
class Site:
    """Everything the build needs from the handbook's content, checked and cross-referenced."""

    catalogue: Catalogue
    generated: tuple[GeneratedPage, ...]
    abbreviations: dict[str, str]


def load_site(docs_dir: Path, data_dir: Path) -> Site:
    """Read and check all content; raise ContentError listing every problem found."""
    with stage(LOAD):
        data, problems = load_data(data_dir)
        pages, page_problems = scan_docs(docs_dir)
    with stage(CROSS_REFERENCE):
        catalogue, reference_problems = build_catalogue(data, pages)
    # Contributors' text in data files meets the shape limits field by field, before any page
    # is made from it; the pages made from data are then not measured (macros/data_limits.py).
    with stage(LOAD):
        shape_problems = data_markdown_problems(data) if not problems else []
    problems = [
        *problems,
        *page_problems,
        *reference_problems,
        *shape_problems,
        *finder_problems(catalogue),
    ]
    if problems:
        raise ContentError(problems)
    with stage(FROM_DATA):
        generated = sorted(
            [*generate_pages(catalogue), *examples_index(catalogue), *finder_pages(catalogue)],
            key=lambda page: page.src_uri,
        )
    # 'x.md' and 'x/index.md' are both published at x/: one would silently replace the other.
    hand_written: dict[str, str] = {}
    clashes = []
    for src_uri in sorted(catalogue.pages):
        other = hand_written.setdefault(address(src_uri), src_uri)
        if other != src_uri:
            message = f"This page has the same address as docs/{other}. Rename or merge one."
            clashes.append(Problem(f"docs/{src_uri}", 0, "", message))
    clashes += [
        Problem(
            f"docs/{written}",
            0,
            "",
            "This page is made from data at build time. Delete the Markdown file.",
        )
        for page in generated
        for written in [hand_written.get(address(page.src_uri))]
        if written is not None
    ]
    with stage(LOAD):  # the pages made from data are checked as MkDocs will read them
        clashes += generated_page_problems(generated)
    if clashes:
        raise ContentError(clashes)
    return Site(catalogue, tuple(generated), abbreviations(catalogue))


def address(src_uri: str) -> str:
    """Return the address a page is published at, as MkDocs makes it ('a/b.md' -> 'a/b/')."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def generated_page_problems(generated: list[GeneratedPage]) -> list[Problem]:
    """Check pages made from data as MkDocs will read them; name the data file behind each.

    Their shape is not measured against the contributor limits of macros/limits.py: the text
    contributors wrote in them was, field by field, and the rest is the templates' own,
    bounded by design (a cross-reference list shows LISTED_EXAMPLES, then a count and a link).
    """
    problems: list[Problem] = []
    uris = Counter(page.src_uri for page in generated)
    for page in generated:
        if not page.src_uri.endswith(".md"):
            continue  # a data file for a script, such as the examples' filter data, not a page
        label = page.edit_path or f"docs/{page.src_uri}"
        if uris[page.src_uri] > 1 and page.edit_path:
            message = f"This record's id gives the address {page.src_uri}, which another page has."
            problems.append(Problem(label, 0, "id", f"{message} Choose another id."))
        match = FRONT_MATTER.match(page.markdown)
        if not match:
            problems.append(
                Problem(label, 0, "", "The page made from this file has no front matter.")
            )
            continue
        try:
            mkdocs_front_matter(match.group(1), label)
        except ContentError as error:
            # Lines in the made page are not lines in the data file, so only the file is named.
            problems += [
                Problem(label, 0, "", f"In the page made from this file: {problem.message}")
                for problem in error.problems
            ]
    return problems
