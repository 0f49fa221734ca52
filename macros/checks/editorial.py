"""The handbook's promises to readers and its editorial rules, checked as one step of the checks.

Counts across the handbook (reach, readability, variety, reading paths) are reported against
the folder they concern; the rules for each page and record are in macros/checks/rules.py.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from pathlib import Path

from macros.checks.copying import handbook_files
from macros.checks.coverage import coverage, shortfalls
from macros.checks.page_shape import commonest_opener, fullest_band, guidance_shapes
from macros.checks.readability import TARGET, guidance_scores
from macros.checks.rules import rule_problems
from macros.problems import ContentError, Problem
from macros.site import load_site

GUIDANCE_PAGES_AT_LEAST = 20
GUIDANCE_WORDS_AT_LEAST = 18_000
AUDIENCES = ("frontline-staff", "team-managers", "senior-leaders", "policy-makers")
STOPS_AT_LEAST = 6
STOP = re.compile(r"^\d+\. \[.+\]\(\.\./.+\.md\): \w", re.MULTILINE)


def reading_problems(root: Path) -> list[Problem]:
    """Guidance is long enough to be useful, readable, and shaped by its subjects."""
    problems = []
    scores = guidance_scores(root)
    words = sum(score.words for score in scores)
    if len(scores) < GUIDANCE_PAGES_AT_LEAST or words < GUIDANCE_WORDS_AT_LEAST:
        problems.append(
            Problem(
                "docs/",
                0,
                "guidance",
                f"The guidance has {len(scores)} pages and {words} words; the handbook keeps "
                f"at least {GUIDANCE_PAGES_AT_LEAST} pages and {GUIDANCE_WORDS_AT_LEAST} words. "
                "Put back what was removed, or add guidance.",
            )
        )
    median = statistics.median(score.flesch for score in scores) if scores else TARGET
    if median < TARGET:
        hardest = ", ".join(s.page for s in sorted(scores, key=lambda s: s.flesch)[:3])
        problems.append(
            Problem(
                "docs/",
                0,
                "readability",
                f"Half the guidance pages are harder to read than the handbook allows: the "
                f"median reading ease is {median:.0f} and the handbook keeps it at {TARGET:.0f} "
                f"or more. Use shorter sentences and everyday words, starting with {hardest}.",
            )
        )
    shapes = guidance_shapes(root)
    held, centre = fullest_band([item.words for item in shapes])
    if held * 2 > len(shapes):
        problems.append(
            Problem(
                "docs/",
                0,
                "length",
                f"{held} of {len(shapes)} guidance pages are within 10% of {centre} words, as "
                "if written to a target. Let each page be as long as its subject needs.",
            )
        )
    opener, count = commonest_opener(shapes)
    if count * 4 > len(shapes):
        problems.append(
            Problem(
                "docs/",
                0,
                "opening",
                f"'{opener}' opens {count} of {len(shapes)} guidance pages; at most a quarter "
                "may share an opening. Start some of them with their own point.",
            )
        )
    return problems


def reading_path_problems(root: Path) -> list[Problem]:
    """Each audience has a reading path of at least six stops under docs/start-here/."""
    problems = []
    for audience in AUDIENCES:
        label = f"docs/start-here/{audience}.md"
        path = root / label
        stops = len(STOP.findall(path.read_text(encoding="utf-8"))) if path.is_file() else 0
        if stops < STOPS_AT_LEAST:
            problems.append(
                Problem(
                    label,
                    0,
                    "reading path",
                    f"This reading path has {stops} stops; each audience's has at least "
                    f"{STOPS_AT_LEAST}. Add numbered stops like "
                    "'1. [Small acts](../everyday-practice/small-acts.md): why it matters'.",
                )
            )
    return problems


def editorial_problems(root: Path, today: dt.date) -> list[Problem]:
    """Return every editorial rule and promise the handbook under `root` does not keep."""
    try:
        site = load_site(root / "docs", root / "data")
    except ContentError:
        return []  # the other content checks report why the content does not load
    catalogue = site.catalogue
    # What readers see: the pages and the records, not the glossary's own definitions.
    texts = [
        text
        for path, text in handbook_files(root)
        if path.startswith(("docs/", "data/examples/", "data/reports/"))
    ]
    found = coverage(catalogue.data.examples.values(), [], texts, today)
    problems = rule_problems(catalogue, texts, today)
    problems += [
        Problem("data/examples/", 0, "reach", shortfall) for shortfall in shortfalls(found)
    ]
    problems += reading_problems(root)
    problems += reading_path_problems(root)
    return problems
