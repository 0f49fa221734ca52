"""How far the practice examples and glossary reach: by nation, sector, evidence and setting.

The content checks print these counts, and fail when one falls below the floors set here,
which are the handbook's promises to readers in every nation and sector.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from macros.checks.copying import handbook_files
from macros.models import Example, GlossaryTerm
from macros.problems import ContentError
from macros.site import load_site

DOCUMENTED_AT_LEAST = 24
PER_NATION_AT_LEAST = 2
PER_SECTOR_AT_LEAST = 2
MEASURED_SHARE_AT_LEAST = 1 / 3
DID_NOT_WORK_AT_LEAST = 2
ILLUSTRATIVE_SECTOR_SHARE_AT_MOST = 1 / 4
OLD_AFTER_YEARS = 5
NATIONS = ("england", "scotland", "wales", "northern-ireland")
# The sectors with a page of their own in the sectors chapter.
CHAPTER_SECTORS = (
    "housing",
    "health",
    "adult-social-care",
    "children-and-families",
    "policing-and-justice",
    "education",
)


@dataclass(frozen=True)
class Coverage:
    """The counts readers and editors care about."""

    documented: int
    by_nation: Mapping[str, int]
    by_sector: Mapping[str, int]
    measured: int
    did_not_work: int
    old_without_sequel: tuple[str, ...]
    illustrative: int
    illustrative_by_setting: Mapping[str, int]
    illustrative_by_sector: Mapping[str, int]
    unused_terms: tuple[str, ...]


def coverage(
    examples: Iterable[Example],
    terms: Iterable[GlossaryTerm],
    texts: Iterable[str],
    today: dt.date,
) -> Coverage:
    """Count the examples and glossary terms; `texts` are the pages and records readers see."""
    examples = list(examples)
    documented = [e for e in examples if e.kind == "documented"]
    illustrative = [e for e in examples if e.kind == "illustrative"]
    return Coverage(
        documented=len(documented),
        by_nation=_count(e.nation for e in documented),
        by_sector=_count(s for e in documented for s in e.sectors),
        measured=sum(e.measured for e in documented),
        did_not_work=sum(e.what_did_not_work is not None for e in documented),
        old_without_sequel=tuple(
            e.id
            for e in documented
            if e.period
            and e.period.from_ <= today.year - OLD_AFTER_YEARS
            and e.what_happened_next is None
        ),
        illustrative=len(illustrative),
        illustrative_by_setting=_count(e.setting or "none" for e in illustrative),
        illustrative_by_sector=_count(s for e in illustrative for s in e.sectors),
        unused_terms=unused_terms(terms, texts),
    )


def handbook_coverage(root: Path, today: dt.date) -> Coverage | None:
    """Count the handbook's own examples and terms, or return None if its data does not load."""
    try:
        site = load_site(root / "docs", root / "data")
    except ContentError:
        return None  # the content checks report why
    data = site.catalogue.data
    # What readers see: the pages and the records, not the glossary's own definitions.
    texts = [
        text
        for path, text in handbook_files(root)
        if path.startswith(("docs/", "data/examples/", "data/reports/"))
    ]
    terms = data.glossary.terms if data.glossary else []
    return coverage(data.examples.values(), terms, texts, today)


def unused_terms(terms: Iterable[GlossaryTerm], texts: Iterable[str]) -> tuple[str, ...]:
    """Return the glossary terms that no page or record uses, in any of their forms."""
    everything = "\n".join(texts)
    return tuple(
        term.id
        for term in terms
        if not any(
            re.search(rf"(?<!\w){re.escape(form)}(?!\w)", everything, re.IGNORECASE)
            for form in (term.term, *term.aliases)
        )
    )


def shortfalls(found: Coverage) -> list[str]:
    """Return each promise on reach the counts do not keep, in plain words with what to do."""
    problems = []
    if found.documented < DOCUMENTED_AT_LEAST:
        problems.append(
            f"There are {found.documented} documented examples; the handbook promises at least "
            f"{DOCUMENTED_AT_LEAST}. Add a documented example, with its sources."
        )
    problems += [
        f"There are {found.by_nation.get(nation, 0)} documented examples from {nation}; the "
        f"handbook promises at least {PER_NATION_AT_LEAST} from each nation. Add one from {nation}."
        for nation in NATIONS
        if found.by_nation.get(nation, 0) < PER_NATION_AT_LEAST
    ]
    problems += [
        f"There are {found.by_sector.get(sector, 0)} documented examples in {sector}; the "
        f"handbook promises at least {PER_SECTOR_AT_LEAST} for each sector with a page. "
        f"Add one in {sector}."
        for sector in CHAPTER_SECTORS
        if found.by_sector.get(sector, 0) < PER_SECTOR_AT_LEAST
    ]
    if found.measured < MEASURED_SHARE_AT_LEAST * found.documented:
        problems.append(
            f"{found.measured} of {found.documented} documented examples have measured results; "
            "the handbook promises at least a third. Add one whose results were measured "
            "('measured: true'), or mark those that were."
        )
    if found.did_not_work < DID_NOT_WORK_AT_LEAST:
        problems.append(
            f"{found.did_not_work} documented examples say what did not work; the handbook "
            f"promises at least {DID_NOT_WORK_AT_LEAST}. Add 'what_did_not_work:' where a "
            "source says what fell short."
        )
    problems += [
        f"{count} of {found.illustrative} illustrative examples are in {sector}; at most a "
        "quarter may share a sector. Add illustrative examples from other sectors."
        for sector, count in found.illustrative_by_sector.items()
        if count > ILLUSTRATIVE_SECTOR_SHARE_AT_MOST * found.illustrative
    ]
    return problems


def report(found: Coverage) -> str:
    """Return the counts as a few short lines for `make check`."""
    lines = [
        f"Practice examples: {found.documented} documented, {found.illustrative} illustrative.",
        f"  Documented by nation: {_line(found.by_nation, NATIONS)}",
        f"  Documented by sector: {_line(found.by_sector, CHAPTER_SECTORS)}",
        f"  Measured results: {found.measured}; saying what did not work: {found.did_not_work}",
        f"  Illustrative by setting: {_line(found.illustrative_by_setting)}",
        f"Glossary terms used on no page: {', '.join(found.unused_terms) or 'none'}",
    ]
    return "\n".join(lines)


def _count(values: Iterable[str]) -> dict[str, int]:
    return dict(Counter(values))


def _line(counts: Mapping[str, int], order: Sequence[str] = ()) -> str:
    keys = list(order) or sorted(counts)
    return ", ".join(f"{key} {counts.get(key, 0)}" for key in keys)
