"""Read hand-written Markdown pages exactly as MkDocs reads them: text, front matter, macros."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from macros.docfiles import PAGE_SUFFIX, docs_files
from macros.images import image_problems
from macros.limits import markdown_problems
from macros.loader import validation_problems
from macros.models import GuidanceMeta, PageMeta
from macros.problems import ContentError, Problem
from macros.sandbox import MacroCall, Part, parse_template
from macros.yamlfile import LineMap, load_as_pyyaml, parse_yaml, read_text

# The same front-matter block MkDocs recognises (mkdocs.utils.meta.YAML_RE), read the same way.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)

# The macros a page may call, with the names of their arguments in order.
MACRO_SIGNATURES: dict[str, tuple[str, ...]] = {
    "example_card": ("example_id",),
    "example_list": ("theme", "sector", "audience", "lever"),
    "cite": ("report_id",),
    "related": (),
    "applies_in": ("nations",),
    "finder": (),
}


@dataclass(frozen=True)
class DocPage:
    """A hand-written page: where it is, what its front matter says, which macros it calls."""

    src_uri: str
    meta: PageMeta
    parts: tuple[Part, ...] = ()
    lines: LineMap = field(default_factory=LineMap)
    text: str = ""
    """The whole file as MkDocs reads it (newlines made '\\n'): the build publishes this text."""
    front: dict[str, Any] = field(default_factory=dict)
    """The front matter as MkDocs parses it."""

    @property
    def calls(self) -> tuple[MacroCall, ...]:
        """Return the macro calls the page makes."""
        return tuple(part for part in self.parts if isinstance(part, MacroCall))

    @property
    def body(self) -> str:
        """Return the text after the front matter, as MkDocs hands it to the Markdown step."""
        match = FRONT_MATTER.match(self.text)
        return self.text[match.end() :].lstrip("\n") if match else self.text

    @property
    def label(self) -> str:
        """Return the page's path in the repository."""
        return f"docs/{self.src_uri}"

    @property
    def folder(self) -> str:
        """Return the top-level folder (a chapter's slug), or '' for pages at the top."""
        return self.src_uri.split("/", 1)[0] if "/" in self.src_uri else ""

    @property
    def is_index(self) -> bool:
        """Return True for a section's landing page."""
        return self.src_uri.rsplit("/", 1)[-1] == "index.md"


def scan_docs(docs_dir: Path) -> tuple[list[DocPage], list[Problem]]:
    """Read every Markdown page under `docs_dir`; guidance rules apply inside chapter folders.

    Every file is checked first (docs/ may hold pages and images only, and no links).
    """
    files, problems = docs_files(docs_dir)
    problems += image_problems(docs_dir, files)
    pages = []
    broken = set()
    for src_uri in files:
        if not src_uri.endswith(PAGE_SUFFIX):
            continue
        path = docs_dir / src_uri
        try:
            pages.append(read_page(path, src_uri))
        except ContentError as error:
            problems.extend(error.problems)
            # Keep the page in the list, so links to it are not reported as broken too.
            broken.add(src_uri)
            pages.append(DocPage(src_uri, PageMeta.model_construct(title=src_uri, description="")))
    for page in guidance_pages(pages):
        if page.src_uri not in broken:
            problems.extend(_guidance_problems(page))
    return pages, problems


def guidance_pages(pages: Iterable[DocPage]) -> list[DocPage]:
    """Return the guidance pages: those in a chapter's folder, other than its landing page.

    A folder is a chapter when its index.md says `chapter: N` in its front matter.
    """
    pages = list(pages)
    chapters = {page.folder for page in pages if page.is_index and page.meta.chapter}
    return [page for page in pages if page.folder in chapters and not page.is_index]


def read_page(path: Path, src_uri: str) -> DocPage:
    """Read one page's front matter and macro calls; raise ContentError on any problem."""
    label = f"docs/{src_uri}"
    # MkDocs reads pages in text mode, which turns Windows and old Mac line endings into '\n'.
    text = read_text(path, label).replace("\r\n", "\n").replace("\r", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(
            [Problem(label, 1, "", "The page needs front matter: '---' lines around title etc.")]
        )
    raw, lines = parse_yaml(match.group(1), label, offset=1)
    if not isinstance(raw, dict):
        raise ContentError(
            [Problem(label, 2, "", "The front matter must hold 'field: value' lines.")]
        )
    front = mkdocs_front_matter(match.group(1), label)
    try:
        meta = PageMeta.model_validate(raw)
        # MkDocs and the theme read the front matter with YAML's own guesses (a time of day
        # makes a title a datetime, '2' a boost text): those must be the types checked too.
        PageMeta.model_validate(front, strict=True)
    except ValidationError as error:
        raise ContentError(validation_problems(error, label, lines, PageMeta)) from None
    body = text[match.end() :]
    stripped = body.lstrip("\n")
    body_offset = match.group(0).count("\n") + len(body) - len(stripped)
    problems = markdown_problems(stripped, label, body_offset)
    if problems:
        raise ContentError(problems)
    parts = parse_template(stripped, label, body_offset, MACRO_SIGNATURES)
    return DocPage(src_uri, meta, parts, lines, text, front)


def mkdocs_front_matter(block: str, label: str) -> dict[str, Any]:
    """Parse front matter as MkDocs does; refuse it where MkDocs would fail and show it as text.

    MkDocs ignores front matter its YAML reader cannot load, and then publishes it, macros and
    all, as part of the page. So whatever it cannot load is a problem, with its line.
    """
    try:
        front = load_as_pyyaml(block)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 2) if mark else 2
        message = f"MkDocs cannot read this front matter: {error.problem or error}."
        raise ContentError([Problem(label, line, "", message)]) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as error:
        message = f"MkDocs cannot read this front matter: {error}."
        raise ContentError([Problem(label, 2, "", message)]) from None
    if not isinstance(front, dict):
        raise ContentError(
            [Problem(label, 2, "", "The front matter must hold 'field: value' lines.")]
        )
    return front


def _guidance_problems(page: DocPage) -> list[Problem]:
    raw = page.meta.model_dump(exclude_unset=True, by_alias=True)
    try:
        GuidanceMeta.model_validate(raw)
    except ValidationError as error:
        return validation_problems(error, page.label, page.lines, GuidanceMeta)
    return []
