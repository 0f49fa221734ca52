"""Flag a page that names a law or body of only some UK nations without saying where it applies.

Readers work in all four nations; a rule stated without its reach reads as UK-wide. Wherever a
paragraph names one of the laws or bodies below, the same paragraph must carry the jurisdiction
macro for exactly those nations, for example `The Care Act 2014 {{ applies_in("england") }}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.checks.paraphrase import paragraphs
from macros.jurisdiction import applies_label, nation_ids
from macros.problems import Problem


@dataclass(frozen=True)
class Law:
    """A law, duty or body whose reach stops short of the whole UK."""

    name: str
    pattern: re.Pattern[str]
    nations: frozenset[str]


def _law(name: str, nations: str, pattern: str | None = None) -> Law:
    return Law(name, re.compile(pattern or re.escape(name)), frozenset(nation_ids(nations)))


# Add to this list when the handbook starts to cite another law or body of part of the UK.
LAWS = (
    _law("the Care Act 2014", "england", r"Care Act 2014"),
    _law("the Mental Capacity Act 2005", "england wales", r"Mental Capacity Act 2005"),
    _law("the Mental Health Act 1983", "england wales", r"Mental Health Act 1983"),
    _law("the Housing Act 1996", "england wales", r"Housing Act 1996"),
    _law("the Homelessness Reduction Act 2017", "england", r"Homelessness Reduction Act"),
    _law("the Children Act 1989", "england wales", r"Children Act 1989"),
    _law("the Health and Social Care Act 2008", "england", r"Health and Social Care Act 2008"),
    _law("the Care Quality Commission", "england", r"Care Quality Commission|\bCQC\b"),
    _law("Ofsted", "england", r"\bOfsted\b"),
    _law(
        "the Local Government and Social Care Ombudsman",
        "england",
        r"Local Government and Social Care Ombudsman|\bLGSCO\b",
    ),
    _law("the Housing Ombudsman", "england", r"(?<!Scottish )Housing Ombudsman"),
    _law("the Regulator of Social Housing", "england", r"Regulator of Social Housing"),
    _law("Awaab's Law", "england", r"Awaab['\u2019]s Law"),
    _law("the Provider Selection Regime", "england", r"Provider Selection Regime"),
    _law("the Procurement Act 2023", "england wales northern-ireland", r"Procurement Act 2023"),
    _law("the Equality Act 2010", "england scotland wales", r"Equality Act 2010"),
    _law(
        "the Public Services (Social Value) Act 2012",
        "england wales",
        r"Social Value\)? Act 2012",
    ),
    _law("the Compensation Act 2006", "england wales", r"Compensation Act 2006"),
)
MARKER = re.compile(r"\{\{-?\s*applies_in\(\s*['\"]([^'\"]*)['\"]\s*\)\s*-?\}\}")
SOURCES_HEADING = re.compile(r"^##\s+Sources\s*$", re.MULTILINE)


def jurisdiction_problems(path: str, text: str) -> list[Problem]:
    """Return a problem for each law named in a paragraph without a matching marker."""
    sources = SOURCES_HEADING.search(text)
    # The Sources list names works, not rules; stop before it.
    body = text[: sources.start()] if sources else text
    problems = []
    for line, paragraph in _raw_paragraphs(path, body):
        marked = {frozenset(nation_ids(found)) for found in MARKER.findall(paragraph)}
        for law in LAWS:
            if law.pattern.search(paragraph) and law.nations not in marked:
                where = applies_label(" ".join(law.nations))
                code = '{{ applies_in("' + " ".join(sorted(law.nations)) + '") }}'
                problems.append(
                    Problem(
                        path,
                        line,
                        "jurisdiction",
                        f"This names {law.name}, which applies in {where.removesuffix(' only')} "
                        f"only. Add {code} after it in the same paragraph, and say what applies "
                        "in the other nations.",
                    )
                )
    return problems


def _raw_paragraphs(path: str, text: str) -> list[tuple[int, str]]:
    """Return paragraphs with their macros kept: the check needs to see the markers."""
    keep = {line for line, _ in paragraphs(path, text)}
    lines = text.splitlines()
    found = []
    for start in sorted(keep):
        block = []
        for raw in lines[start - 1 :]:
            if not raw.strip():
                break
            block.append(raw)
        found.append((start, " ".join(block)))
    return found
