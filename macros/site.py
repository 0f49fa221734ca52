"""Load the whole handbook once per build: data, pages, cross-references and generated pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.catalogue import Catalogue, build_catalogue
from macros.docpages import scan_docs
from macros.examples_index import examples_index
from macros.loader import load_data
from macros.pages import GeneratedPage, abbreviations, generate_pages
from macros.problems import ContentError, Problem


@dataclass(frozen=True)
class Site:
    """Everything the build needs from the handbook's content, checked and cross-referenced."""

    catalogue: Catalogue
    generated: tuple[GeneratedPage, ...]
    abbreviations: dict[str, str]


def load_site(docs_dir: Path, data_dir: Path) -> Site:
    """Read and check all content; raise ContentError listing every problem found."""
    data, problems = load_data(data_dir)
    pages, page_problems = scan_docs(docs_dir)
    catalogue, reference_problems = build_catalogue(data, pages)
    problems = [*problems, *page_problems, *reference_problems]
    if problems:
        raise ContentError(problems)
    generated = sorted(
        [*generate_pages(catalogue), *examples_index(catalogue)], key=lambda page: page.src_uri
    )
    clashes = [
        Problem(
            f"docs/{page.src_uri}",
            0,
            "",
            "This page is made from data at build time. Delete the Markdown file.",
        )
        for page in generated
        if page.src_uri in catalogue.pages
    ]
    if clashes:
        raise ContentError(clashes)
    return Site(catalogue, tuple(generated), abbreviations(catalogue))
