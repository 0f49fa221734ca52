"""The handbook's editorial rules for each page and record, reported with file, line and fix."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

from macros.catalogue import Catalogue, Ref
from macros.checks.coverage import OLD_AFTER_YEARS
from macros.checks.readability import prose
from macros.docpages import DocPage
from macros.models import Example, GlossaryTerm
from macros.problems import Problem

PAGES_PER_CHAPTER = (3, 7)
# The sections every guidance page has, in this order; a page may add others between them.
SECTIONS = (
    "In brief",
    "Try this",
    "Questions for your team",
    "Watch out for",
    "Related practice examples",
    "Sources",
)
# Three points; a sector page has one for each of the four nations.
IN_BRIEF_POINTS = (3, 4)
HEADING = re.compile(r"^## +(.+?) *$")
POINT = re.compile(r"^[-*] ")


def chapter_problems(catalogue: Catalogue) -> list[Problem]:
    """Each chapter holds 3 to 7 guidance pages, so readers can take it in at one sitting."""
    counts = Counter(page.folder for page in catalogue.guidance_pages())
    fewest, most = PAGES_PER_CHAPTER
    problems = []
    for chapter, count in sorted(counts.items()):
        rule = f"This chapter has {count} guidance pages; a chapter holds {fewest} to {most}."
        if count > most:
            fix = "Move a page to a chapter with fewer pages, or ask the editors to split it."
        elif count < fewest:
            fix = "Add pages to it, or ask the editors to merge it with another chapter."
        else:
            continue
        problems.append(Problem(f"docs/{chapter}/", 0, "chapter size", f"{rule} {fix}"))
    return problems


def section_problems(page: DocPage) -> list[Problem]:
    """A guidance page has the handbook's sections in order, and three or four points in brief."""
    lines = page.text.split("\n")
    headings = [
        (number, match.group(1))
        for number, line in enumerate(lines, start=1)
        if (match := HEADING.match(line))
    ]
    found = [(number, name) for number, name in headings if name in SECTIONS]
    order = ", ".join(f"'## {name}'" for name in SECTIONS)
    problems = []
    names = [name for _, name in found]
    for index, name in enumerate(SECTIONS):
        if name not in names:
            after = SECTIONS[index - 1] if index else ""
            place = f" after '## {after}'" if after else " after the page's title"
            line = next((number for number, heading in found if heading == after), 0)
            problems.append(
                Problem(
                    page.label,
                    line,
                    "sections",
                    f"The page has no '## {name}' section. Every guidance page has these "
                    f"sections, in this order: {order}. Add it{place}.",
                )
            )
    present = [name for name in SECTIONS if name in names]
    if not problems and names != present:
        number, name = next(
            (number, name)
            for (number, name), want in zip(found, present, strict=False)
            if name != want
        )
        problems.append(
            Problem(
                page.label,
                number,
                "sections",
                f"'## {name}' is out of order. Every guidance page has these sections, in "
                f"this order: {order}. Move the section to its place.",
            )
        )
    start = next((number for number, name in found if name == "In brief"), None)
    if start is not None:
        points = 0
        for text in lines[start:]:
            if text.startswith("#"):
                break
            points += bool(POINT.match(text))
        fewest, most = IN_BRIEF_POINTS
        if not fewest <= points <= most:
            problems.append(
                Problem(
                    page.label,
                    start,
                    "in brief",
                    f"'In brief' has {points} points; it has {fewest} (or {most} on a sector "
                    "page, one for each nation). Make each point a line starting '- '.",
                )
            )
    return problems


def glossary_problems(page: DocPage, terms: Iterable[GlossaryTerm]) -> list[Problem]:
    """A guidance page uses at least one glossary term, so readers meet its definitions."""
    text = prose(page.text)
    if any(_uses(text, term) for term in terms):
        return []
    return [
        Problem(
            page.label,
            0,
            "glossary",
            "The page uses none of the glossary's terms. Use one where it fits (see the "
            "glossary page), or add a term this page relies on to data/glossary.yml.",
        )
    ]


def unused_term_problems(catalogue: Catalogue, texts: Iterable[str]) -> list[Problem]:
    """Every glossary term is used on some page or record, or it does not belong there."""
    everything = "\n".join(texts)
    terms = catalogue.data.glossary.terms if catalogue.data.glossary else []
    lines = catalogue.data.lines.get("data/glossary.yml")
    return [
        Problem(
            "data/glossary.yml",
            lines.line_of(("terms", index, "id")) if lines else 0,
            "glossary",
            f"No page or record uses the term '{term.term}'. Use it where it fits, or remove "
            "it from the glossary.",
        )
        for index, term in enumerate(terms)
        if not _uses(everything, term)
    ]


def example_problems(catalogue: Catalogue, example: Example, today: dt.date) -> list[Problem]:
    """Old work says what happened next; illustrative ones are anonymous; guidance links each."""
    label = catalogue.data.label("examples", example.id)
    lines = catalogue.data.lines.get(label)

    def line(*path: str) -> int:
        return lines.line_of(path) if lines else 0

    problems = []
    if (
        example.kind == "documented"
        and example.period
        and example.period.from_ <= today.year - OLD_AFTER_YEARS
        and example.what_happened_next is None
    ):
        problems.append(
            Problem(
                label,
                line("period"),
                "what_happened_next",
                f"This work began in {example.period.from_}, over {OLD_AFTER_YEARS} years ago, "
                "so readers will ask how it went. Add 'what_happened_next:' saying what became "
                "of it, in a sentence or two.",
            )
        )
    if example.kind == "illustrative":
        names = [org.name for org in catalogue.data.organisations.values()]
        for name_of_field in ("title", "summary", "place", "context", "what_they_did"):
            text = getattr(example, name_of_field)
            problems += [
                Problem(
                    label,
                    line(name_of_field),
                    name_of_field,
                    f"An illustrative example names no real organisation, but this names "
                    f"'{name}'. Leave the name out, or make it a documented example with sources.",
                )
                for name in names
                if name in text
            ]
    if not catalogue.neighbours(Ref("example", example.id), "guidance"):
        problems.append(
            Problem(
                label,
                line("related"),
                "related.guidance",
                "No guidance page links to this example, so readers will not find it. Name a "
                "guidance page under 'related:' as 'guidance:', like "
                "'guidance: [everyday-practice/small-acts.md]'.",
            )
        )
    return problems


def rule_problems(catalogue: Catalogue, texts: Iterable[str], today: dt.date) -> list[Problem]:
    """Return every break of the editorial rules; `texts` are the pages and records readers see."""
    terms = catalogue.glossary
    problems = chapter_problems(catalogue)
    for page in catalogue.guidance_pages():
        problems += section_problems(page)
        problems += glossary_problems(page, terms)
    for example in catalogue.data.examples.values():
        problems += example_problems(catalogue, example, today)
    problems += unused_term_problems(catalogue, texts)
    return problems


def _uses(text: str, term: GlossaryTerm) -> bool:
    return any(
        re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE)
        for form in (term.term, *term.aliases)
    )
