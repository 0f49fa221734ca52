"""The reach of the practice examples and glossary, counted (tests/test_editorial.py holds them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from macros.checks.coverage import coverage, shortfalls
from macros.models import Example, GlossaryTerm

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
    assert (
        "There are 3 documented examples; the handbook promises at least 24. "
        "Add a documented example, with its sources."
    ) in problems
    assert (
        "There are 0 documented examples from england; the handbook promises at least 2 from "
        "each nation. Add one from england."
    ) in problems
    assert (
        "1 of 1 illustrative examples are in education; at most a quarter may share a sector. "
        "Add illustrative examples from other sectors."
    ) in problems
