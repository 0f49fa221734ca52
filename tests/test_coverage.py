"""The reach of the practice examples and glossary: counted, and held to the handbook's promises."""

from __future__ import annotations

import datetime as dt
from typing import Any

from macros.checks.coverage import coverage, handbook_coverage, shortfalls
from macros.models import Example, GlossaryTerm
from macros.review import build_date

from sites import ROOT

TODAY = dt.date(2026, 11, 30)


def example(**fields: Any) -> Example:
    base: dict[str, Any] = {
        "id": "an-example",
        "title": "A title",
        "kind": "documented",
        "summary": "A summary.",
        "place": "Somewhere",
        "nation": "wales",
        "sectors": ["housing"],
        "themes": ["trust"],
        "audiences": ["frontline-staff"],
        "period": {"from": 2024, "to": "ongoing"},
        "context": "C.",
        "what_they_did": "D.",
        "what_changed": "W.",
        "what_was_hard": "H.",
        "try_it_yourself": "- Try.",
        "owner": "Editors",
        "last_reviewed": "2026-11-30",
        "review_due": "2027-11-30",
        "sources": [
            {
                "title": "T",
                "publisher": "P",
                "year": 2025,
                "url": "https://example.org/",
                "checked": "2026-11-30",
            }
        ],
    }
    return Example.model_validate({**base, **fields})


def test_counts_by_nation_sector_evidence_and_setting() -> None:
    examples = [
        example(id="a", measured=True, what_did_not_work="It stalled."),
        example(id="b", nation="scotland", sectors=["health", "housing"]),
        example(id="c", period={"from": 2015, "to": 2018}),
        example(
            id="d",
            kind="illustrative",
            sources=[],
            period=None,
            setting="school",
            sectors=["education"],
        ),
    ]
    terms = [
        GlossaryTerm(id="moral-injury", term="moral injury", definition="A harm."),
        GlossaryTerm(id="due-regard", term="due regard", definition="A duty."),
    ]
    found = coverage(examples, terms, ["Moral injury hurts."], TODAY)
    assert found.documented == 3
    assert found.by_nation == {"wales": 2, "scotland": 1}
    assert found.by_sector == {"housing": 3, "health": 1}
    assert (found.measured, found.did_not_work) == (1, 1)
    assert found.old_without_sequel == ("c",)
    assert found.illustrative_by_setting == {"school": 1}
    assert found.unused_terms == ("due-regard",)
    problems = shortfalls(found)
    assert "3 documented examples; at least 24" in problems
    assert "0 documented examples from england; at least 2" in problems
    assert "c began over 5 years ago and does not say what happened next" in problems
    assert "1 of 1 illustrative examples are in education; at most a quarter" in problems
    assert "the glossary term 'due-regard' is used on no page" in problems


def test_the_handbook_keeps_its_promises_on_reach() -> None:
    found = handbook_coverage(ROOT, build_date())
    assert found is not None
    assert shortfalls(found) == []
