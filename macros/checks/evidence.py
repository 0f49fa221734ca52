"""Trace every figure and quotation in a documented example to a sentence from its source.

A figure is a number written in digits (a year, a count, a sum, a percentage); a quotation is
text in double quotation marks. Each must sit inside the `claim` of one of the record's
`evidence` entries, and every number in a claim must appear in its supporting quote (a year may
instead be the year its source was published). An example that gives `evidence_to_do` is
listed as unfinished instead of failing, so work in progress is visible but honest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from macros.models import Evidence, Example
from macros.problems import ContentError, Problem
from macros.site import load_site
from macros.yamlfile import LineMap

# The example's fields a reader sees as text, in page order.
TEXT_FIELDS = (
    "title",
    "summary",
    "context",
    "what_they_did",
    "what_changed",
    "what_did_not_work",
    "what_was_hard",
    "what_happened_next",
    "try_it_yourself",
)
# Digits, with thousands separators and decimals; "£150m", "8am" and a source's "16Nurture"
# count, "E3" does not.
# A number joined to a word by a hyphen is part of a name ("COVID-19"), not a figure.
NUMBER = re.compile(
    r"(?<![\w.])(?<![A-Za-z]-)\d+(?:,\d{3})*(?:\.\d+)?(?![\w])"
    r"|(?<![\w.])(?<![A-Za-z]-)\d+(?:\.\d+)?(?=[a-z]{1,2}\b|[A-Z][a-z])"
)
# A Markdown ordered-list marker is layout, not a figure.
LIST_MARKER = re.compile(r"(?m)^\s*\d+\.\s")
QUOTATION = re.compile(r"\"([^\"]+)\"|\u201c([^\u201d]+)\u201d")
SPACE = re.compile(r"\s+")
SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
TEENS = "fifteen sixteen seventeen eighteen nineteen twenty"
WORD_NUMBERS = {word: str(value) for value, word in enumerate(f"{SMALL} {TEENS}".split(" "))} | {
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "thousand": "1000",
}
WORD = re.compile(r"[a-z]+")
# "twenty five" or "twenty-five": a tens word and a units word make one number.
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
COMPOUND = re.compile(rf"\b({'|'.join(TENS)})[\s-]({SMALL.replace(' ', '|')})\b")


@dataclass(frozen=True)
class Found:
    """One figure or quotation in an example's text, and whether evidence covers it."""

    field: str
    text: str
    traced: bool


@dataclass(frozen=True)
class Traced:
    """What the check found in one documented example."""

    example: Example
    found: tuple[Found, ...]
    problems: tuple[Problem, ...]

    @property
    def figures(self) -> int:
        """How many figures and quotations the example's text holds."""
        return len(self.found)

    @property
    def traced(self) -> int:
        """How many of them an evidence entry covers."""
        return sum(item.traced for item in self.found)


def flat(text: str) -> str:
    """Return text with every run of white space as one space, as a reader sees it."""
    return SPACE.sub(" ", text).strip()


def numbers(text: str, *, words: bool = False) -> set[str]:
    """Return the numbers in `text` in digits, without thousands separators.

    With `words`, numbers written as words count too: a source may say "ten" where the
    handbook writes 10.
    """
    found = {match.group().replace(",", "") for match in NUMBER.finditer(text)}
    if words:
        lower = text.lower()
        found |= {WORD_NUMBERS[w] for w in WORD.findall(lower) if w in WORD_NUMBERS}
        found |= {
            str(TENS[tens] + int(WORD_NUMBERS[unit])) for tens, unit in COMPOUND.findall(lower)
        }
    return found


def figures_and_quotations(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, text) for each figure and quotation in one flattened field."""
    spans = [(m.start(), m.end(), m.group()) for m in QUOTATION.finditer(text)]
    inside = [(start, end) for start, end, _ in spans]
    spans.extend(
        (match.start(), match.end(), match.group())
        for match in NUMBER.finditer(text)
        if not any(start <= match.start() < end for start, end in inside)
    )
    return sorted(spans)


def _claim_spans(text: str, claims: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for claim in claims:
        start = text.find(claim)
        while start != -1:
            spans.append((start, start + len(claim)))
            start = text.find(claim, start + 1)
    return spans


def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w£%]+", text.lower()))


def evidence_problems(
    item: Evidence, years: Mapping[str, int], texts: Iterable[str]
) -> list[tuple[str, str]]:
    """Return (field, message) for an evidence entry that does not support its claim."""
    problems = []
    claim = flat(item.claim)
    if not any(claim in text for text in texts):
        problems.append(
            (
                "claim",
                (
                    f'The claim "{claim}" is not in the example\'s text. Copy the words '
                    "exactly from the sentence that holds the figure or quotation."
                ),
            )
        )
    missing = sorted(
        number
        for number in numbers(claim) - numbers(item.quote, words=True)
        if number != str(years.get(item.source))
    )
    if missing:
        problems.append(
            (
                "quote",
                (
                    f"The claim gives {', '.join(missing)}, but the quote does not. Quote the "
                    "sentence that gives the same figure, or correct the claim."
                ),
            )
        )
    for match in QUOTATION.finditer(claim):
        quoted = _words(match.group(1) or match.group(2))
        if quoted and quoted not in _words(item.quote):
            problems.append(
                (
                    "quote",
                    (
                        f"The claim quotes {match.group()}, but the supporting quote does not "
                        "hold those words. Quote the source's own sentence."
                    ),
                )
            )
    return problems


def _line(lines: list[str], first: int, shown: str) -> int:
    """Return the first line from `first` on that holds the start of `shown`, else `first`."""
    start = shown.split(maxsplit=1)[0] if shown.strip() else shown
    for number in range(first, len(lines) + 1):
        if start in lines[number - 1]:
            return number
    return first


def trace(example: Example, label: str, line_map: LineMap, source: str) -> Traced:
    """Check one documented example's figures and quotations against its evidence.

    `line_map` and the file's `source` text let each problem name the line to look at.
    """
    lines = source.splitlines()
    texts = {name: flat(LIST_MARKER.sub(" ", getattr(example, name) or "")) for name in TEXT_FIELDS}
    claims = [flat(item.claim) for item in example.evidence]
    years = {source.title: source.year for source in example.sources}
    found: list[Found] = []
    problems: list[Problem] = []
    for name, text in texts.items():
        covered = _claim_spans(text, claims)
        for start, end, shown in figures_and_quotations(text):
            traced = any(c_start <= start and end <= c_end for c_start, c_end in covered)
            found.append(Found(name, shown, traced))
            if not traced and example.evidence_to_do is None:
                problems.append(
                    Problem(
                        label,
                        _line(lines, line_map.line_of((name,)), shown),
                        name,
                        f"{shown} has no evidence. Add an evidence entry whose claim holds "
                        "these words, with the source's sentence that supports it; or remove "
                        "the figure if no source you can read gives it.",
                    )
                )
    for index, item in enumerate(example.evidence):
        for field, message in evidence_problems(item, years, texts.values()):
            problems.append(
                Problem(
                    label,
                    line_map.line_of(("evidence", index, field)),
                    f"evidence.{index + 1}.{field}",
                    message,
                )
            )
    return Traced(example, tuple(found), tuple(problems))


def report(results: Iterable[Traced]) -> str:
    """Return the traced share of figures in documented examples, and what is left to do."""
    results = list(results)
    figures = sum(result.figures for result in results)
    traced = sum(result.traced for result in results)
    share = traced / figures if figures else 1.0
    lines = [
        (
            "Figures and quotations in documented examples traced to a source sentence: "
            f"{traced} of {figures} ({share:.0%})."
        )
    ]
    for result in sorted(results, key=lambda result: result.example.id):
        if result.traced < result.figures:
            to_do = " (marked as still to do)" if result.example.evidence_to_do else ""
            counts = f"{result.traced} of {result.figures} traced"
            lines.append(f"  {result.example.id}: {counts}{to_do}")
    return "\n".join(lines)


def handbook_evidence(root: Path) -> list[Traced]:
    """Trace every documented example under `root`, or none if the data does not load."""
    try:
        site = load_site(root / "docs", root / "data")
    except ContentError:
        return []  # the content checks report why
    data = site.catalogue.data
    results = []
    for example in data.examples.values():
        if example.kind != "documented":
            continue
        label = data.label("examples", example.id)
        source = (root / label).read_text(encoding="utf-8")
        results.append(trace(example, label, data.lines[label], source))
    return results
