"""Which UK nations a rule applies to: the nation ids authors write and the words readers see."""

from __future__ import annotations

import re

# In the order the handbook names them; ids match data/vocabularies.yml.
UK_NATIONS = {
    "england": "England",
    "scotland": "Scotland",
    "wales": "Wales",
    "northern-ireland": "Northern Ireland",
}


def nation_ids(value: str) -> list[str]:
    """Split what an author wrote ("england wales", "england, wales") into nation ids."""
    return [part for part in re.split(r"[\s,]+", value.strip().lower()) if part]


def applies_label(value: str) -> str:
    """Return the words for a jurisdiction marker: "England only", "England and Wales", ..."""
    given = set(nation_ids(value))
    names = [name for nation, name in UK_NATIONS.items() if nation in given]
    if len(names) == len(UK_NATIONS):
        return "All four UK nations"
    if len(names) == 1:
        return f"{names[0]} only"
    return ", ".join(names[:-1]) + f" and {names[-1]}"
