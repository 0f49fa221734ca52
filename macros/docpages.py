"""Read hand-written Markdown pages: their front matter and the macro calls they make."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes
from pydantic import ValidationError

from macros.loader import validation_problems
from macros.models import GuidanceMeta, PageMeta
from macros.problems import ContentError, Problem, did_you_mean
from macros.yamlfile import LineMap, parse_yaml, read_text

# The same front-matter block MkDocs recognises: '---' lines around YAML at the top of the file.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

# The macros a page may call, with the names of their arguments in order.
MACRO_SIGNATURES: dict[str, tuple[str, ...]] = {
    "example_card": ("example_id",),
    "example_list": ("theme", "sector", "audience", "lever"),
    "cite": ("report_id",),
    "related": (),
    "applies_in": ("nations",),
}


@dataclass(frozen=True)
class MacroCall:
    """One macro call in a page, with its arguments resolved to plain values."""

    name: str
    arguments: dict[str, str]
    line: int


@dataclass(frozen=True)
class DocPage:
    """A hand-written page: where it is, what its front matter says, which macros it calls."""

    src_uri: str
    meta: PageMeta
    calls: tuple[MacroCall, ...] = ()
    lines: LineMap = field(default_factory=LineMap)

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
    """Read every Markdown page under `docs_dir`; guidance rules apply inside chapter folders."""
    problems: list[Problem] = []
    pages = []
    broken = set()
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
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
    text = read_text(path, label)
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
    try:
        meta = PageMeta.model_validate(raw)
    except ValidationError as error:
        raise ContentError(validation_problems(error, label, lines, PageMeta)) from None
    body_offset = match.group(0).count("\n")
    calls = find_macro_calls(text[match.end() :], label, body_offset)
    return DocPage(src_uri, meta, calls, lines)


def _guidance_problems(page: DocPage) -> list[Problem]:
    raw = page.meta.model_dump(exclude_unset=True, by_alias=True)
    try:
        GuidanceMeta.model_validate(raw)
    except ValidationError as error:
        return validation_problems(error, page.label, page.lines, GuidanceMeta)
    return []


def find_macro_calls(body: str, label: str, offset: int) -> tuple[MacroCall, ...]:
    """Parse a page body as a Jinja template and return its macro calls.

    Only the handbook's own macros, with quoted text arguments, are allowed: anything
    else is a problem reported with its line.
    """
    environment = jinja2.Environment(autoescape=False)  # noqa: S701 (parsed, never rendered)
    try:
        tree = environment.parse(body)
    except jinja2.TemplateSyntaxError as error:
        raise ContentError(
            [
                Problem(
                    label,
                    (error.lineno or 0) + offset,
                    "",
                    f"A macro is written wrongly: {error.message}. "
                    'Write macros as {{ name("value") }}.',
                )
            ]
        ) from None
    problems: list[Problem] = []
    calls: list[MacroCall] = []
    for node in tree.find_all((nodes.Call, nodes.Name, nodes.Getattr, nodes.Stmt)):
        line = node.lineno + offset
        if isinstance(node, nodes.Call):
            call = _read_call(node, label, line, problems)
            if call:
                calls.append(call)
        elif isinstance(node, nodes.Name) and node.name not in MACRO_SIGNATURES:
            problems.append(_unknown_name(label, line, node.name))
        elif isinstance(node, nodes.Getattr):
            problems.append(
                Problem(
                    label, line, "", "Pages may only call the handbook's macros, not attributes."
                )
            )
        elif isinstance(node, nodes.Stmt) and not isinstance(node, nodes.Output):
            problems.append(
                Problem(label, line, "", "Pages may not use {% %} blocks. Use the macros only.")
            )
    if problems:
        raise ContentError(problems)
    return tuple(calls)


def _read_call(
    node: nodes.Call, label: str, line: int, problems: list[Problem]
) -> MacroCall | None:
    if not isinstance(node.node, nodes.Name):
        problems.append(Problem(label, line, "", "Only the handbook's macros can be called here."))
        return None
    name = node.node.name
    if name not in MACRO_SIGNATURES:
        return None  # reported as an unknown name
    arguments, problem = _arguments(node, name, MACRO_SIGNATURES[name])
    if problem:
        problems.append(Problem(label, line, "", problem))
        return None
    return MacroCall(name, arguments, line)


def _arguments(
    node: nodes.Call, name: str, expected: tuple[str, ...]
) -> tuple[dict[str, str], str]:
    """Return a macro call's arguments by name, or what is wrong with them in plain words."""
    if len(node.args) > len(expected):
        return {}, f"{name}() takes {_count(len(expected))}; it was given more."
    given: list[tuple[str, nodes.Expr]] = list(zip(expected, node.args, strict=False))
    for keyword in node.kwargs:
        if keyword.key not in expected:
            hint = did_you_mean(keyword.key, expected)
            return {}, f"{name}() has no '{keyword.key}' argument.{hint}"
        given.append((keyword.key, keyword.value))
    arguments = {}
    for key, value in given:
        if not isinstance(value, nodes.Const) or not isinstance(value.value, str):
            return {}, f'{name}() needs its {key} in quotes, like "trust".'
        arguments[key] = value.value
    if name in ("example_card", "cite", "applies_in") and expected[0] not in arguments:
        return {}, f'{name}() needs an id, like {name}("an-id").'
    return arguments, ""


def _unknown_name(label: str, line: int, name: str) -> Problem:
    hint = did_you_mean(name, MACRO_SIGNATURES)
    return Problem(
        label,
        line,
        "",
        f"'{name}' is not one of the handbook's macros.{hint} "
        f"The macros are: {', '.join(sorted(MACRO_SIGNATURES))}.",
    )


def _count(number: int) -> str:
    return {0: "no arguments", 1: "one argument"}.get(number, f"{number} arguments")
