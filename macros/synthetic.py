"""Synthetic practice examples, for the benchmark and the tests that check pages at scale."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml


def synthetic_example(
    number: int,
    guidance: list[str],
    themes: list[str],
    sectors: list[str],
    related: Mapping[str, list[str]] | None = None,
) -> dict[str, object]:
    """Return a valid illustrative example, varied by its number.

    `related` adds examples and reports it refers to, as a copied record keeps its own.
    """
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
        "related": {"guidance": [guidance[number % len(guidance)]], **(related or {})},
        "owner": "Benchmark",
        "last_reviewed": "2026-01-01",
        "review_due": "2027-01-01",
    }


def add_examples(  # noqa: PLR0913 (each is a plain setting of the made-up content)
    data: Path,
    count: int,
    guidance: list[str],
    themes: list[str],
    sectors: list[str],
    *,
    related: Mapping[str, list[str]] | None = None,
    start: int = 0,
) -> None:
    """Write `count` synthetic examples, numbered from `start`, into a copy's data/examples."""
    for number in range(start, start + count):
        record = synthetic_example(number, guidance, themes, sectors, related)
        path = data / "examples" / f"{record['id']}.yml"
        path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
