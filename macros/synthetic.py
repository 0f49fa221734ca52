"""Synthetic practice examples, for the benchmark and the tests that check pages at scale."""

from __future__ import annotations

from pathlib import Path

import yaml


def synthetic_example(
    number: int, guidance: list[str], themes: list[str], sectors: list[str]
) -> dict[str, object]:
    """Return a valid illustrative example, varied by its number."""
    return {
        "id": f"synthetic-example-{number:05d}",
        "title": f"Synthetic example {number}",
        "kind": "illustrative",
        "summary": f"A made-up team tries a kinder way of working, number {number}.",
        "place": "A town somewhere",
        "nation": "england",
        "sectors": [sectors[number % len(sectors)]],
        "themes": [themes[number % len(themes)]],
        "audiences": ["frontline-staff"],
        "setting": "school",  # in the real and the fixture vocabularies
        "context": "A team found its process got in the way.\n\n- It was slow.\n- It was cold.",
        "what_they_did": "They talked to people first, and wrote down why.",
        "what_changed": "People said they felt heard. Nobody measured it.",
        "what_was_hard": "Some managers worried about consistency.",
        "try_it_yourself": "- Ask what matters.\n- Record your reasons.",
        "related": {"guidance": [guidance[number % len(guidance)]]},
        "owner": "Benchmark",
        "last_reviewed": "2026-01-01",
        "review_due": "2027-01-01",
    }


def add_examples(
    data: Path, count: int, guidance: list[str], themes: list[str], sectors: list[str]
) -> None:
    """Write `count` synthetic examples into a copy's data/examples folder."""
    for number in range(count):
        record = synthetic_example(number, guidance, themes, sectors)
        path = data / "examples" / f"{record['id']}.yml"
        path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
