"""Flag a law of only some UK nations named without its reach, and a marker that repeats it.

Readers work in all four nations; a rule stated without its reach reads as UK-wide. Wherever a
paragraph names one of the laws or bodies below, the same paragraph must say where it applies:
with the jurisdiction macro for exactly those nations (`The Care Act 2014 {{ applies_in("england")
}}`) or with a lead-in that names them (`**England.** The Care Act 2014 ...`). A marker that only
repeats what the paragraph's lead-in or the law's own title already says reads as machine output,
so the check flags that too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.checks.paraphrase import LIST_ITEM, paragraphs
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
    # Part 7 (homelessness) has applied in England only since 27 April 2015; Part 2 of the
    # Housing (Wales) Act 2014 replaced it in Wales. The rest of the 1996 Act still reaches Wales.
    _law("Part 7 of the Housing Act 1996", "england", r"Part 7 of the Housing Act 1996"),
    _law("the Housing Act 1996", "england wales", r"(?<!Part 7 of the )Housing Act 1996"),
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
NATION_NAMES = {"england": "england", "scotland": "scotland", "wales": "wales"}
NATION_NAMES["northern ireland"] = "northern-ireland"
# A bold lead-in that opens a paragraph or list item: "**Scotland.**", "**In England and Wales**".
LEAD_IN = re.compile(r"^\s*(?:(?:[-*+]|\d+\.)\s+)?\*\*(?:In )?([A-Z][A-Za-z ,]*?)[.:,]?\*\*")
# A law whose title names its nation, then a marker straight after it:
# "the Housing (Scotland) Act 2010 {{ applies_in("scotland") }}".
TITLED_LAW = re.compile(
    r"\((Scotland|Wales|Northern Ireland)\)[^.{}()]{0,40}?\b(?:1[89]|20)\d\d\s*("
    + MARKER.pattern
    + ")"
)
SOURCES_HEADING = re.compile(r"^##\s+Sources\s*$", re.MULTILINE)


def jurisdiction_problems(path: str, text: str) -> list[Problem]:
    """Return a problem for each law named in a paragraph without a matching marker."""
    sources = SOURCES_HEADING.search(text)
    # The Sources list names works, not rules; stop before it.
    body = text[: sources.start()] if sources else text
    problems = redundant_marker_problems(path, body)
    for line, paragraph in _raw_paragraphs(path, body):
        marked = {frozenset(nation_ids(found)) for found in MARKER.findall(paragraph)}
        lead_in = nations_led_in(paragraph)
        if lead_in:
            marked.add(lead_in)
        for law in LAWS:
            problems += _wrong_markers(path, line, law, paragraph)
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


def _wrong_markers(path: str, line: int, law: Law, paragraph: str) -> list[Problem]:
    """Return a problem for a marker straight after the law that names a nation it does not reach.

    A narrower marker can be right (Part 1 of the Equality Act 2010 is in force in Scotland and
    Wales only), so only a nation the law never reaches counts as wrong.
    """
    after = re.compile(f"(?:{law.pattern.pattern})\\s*" + MARKER.pattern)
    code = '{{ applies_in("' + " ".join(sorted(law.nations)) + '") }}'
    return [
        Problem(
            path,
            line,
            "jurisdiction",
            f"This marks {law.name} as applying in {applies_label(found.group(1))}, but it "
            f"applies in {applies_label(' '.join(law.nations))}. Write {code} instead.",
        )
        for found in after.finditer(paragraph)
        if not frozenset(nation_ids(found.group(1))) <= law.nations
    ]


def nations_led_in(paragraph: str) -> frozenset[str]:
    """Return the nations a paragraph's bold lead-in names, or none if it names something else."""
    lead_in = LEAD_IN.match(paragraph)
    if not lead_in:
        return frozenset()
    names = [name.strip().lower() for name in re.split(r",|\band\b", lead_in.group(1))]
    if not all(name in NATION_NAMES for name in names):
        return frozenset()
    return frozenset(NATION_NAMES[name] for name in names)


def redundant_marker_problems(path: str, body: str) -> list[Problem]:
    """Return a problem for each marker that repeats a lead-in or the title it follows."""
    problems: list[Problem] = []
    for line, paragraph in _raw_paragraphs(path, body):
        lead_in = nations_led_in(paragraph)
        problems.extend(
            _repeat(path, line, found.group(0), "the paragraph's lead-in")
            for found in MARKER.finditer(paragraph)
            if lead_in and frozenset(nation_ids(found.group(1))) == lead_in
        )
    for number, raw in enumerate(body.splitlines(), start=1):
        for titled in TITLED_LAW.finditer(raw):
            nation = NATION_NAMES[titled.group(1).lower()]
            if frozenset(nation_ids(titled.group(3))) == {nation}:
                problems.append(_repeat(path, number, titled.group(2), "the law's title"))
    # A marker after a titled law inside a led-in paragraph is one mistake: report it once.
    unique = {(problem.line, problem.message.split(" only ")[0]): problem for problem in problems}
    return sorted(unique.values())


def _repeat(path: str, line: int, marker: str, what: str) -> Problem:
    return Problem(
        path,
        line,
        "jurisdiction",
        f"This {marker} only repeats what {what} already says. Remove it.",
    )


def _raw_paragraphs(path: str, text: str) -> list[tuple[int, str]]:
    """Return paragraphs with their macros kept: the check needs to see the markers."""
    keep = {line for line, _ in paragraphs(path, text)}
    lines = text.splitlines()
    found = []
    for start in sorted(keep):
        block = [lines[start - 1]]
        for raw in lines[start:]:
            # A blank line ends a paragraph; each item of a list stands on its own.
            if not raw.strip() or LIST_ITEM.match(raw):
                break
            block.append(raw)
        found.append((start, " ".join(block)))
    return found
