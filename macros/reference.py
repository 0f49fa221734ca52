"""The field-by-field reference for contributors, made from the models so it cannot drift."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pydantic import BaseModel

from macros.models import (
    Evidence,
    Example,
    FinderSector,
    GlossaryTerm,
    LawSet,
    Organisation,
    Period,
    Related,
    Report,
    Situation,
    Source,
)

START, END = "<!-- reference:start -->", "<!-- reference:end -->"
RECORDS: tuple[tuple[str, str, type[BaseModel]], ...] = (
    ("Fields of a practice example", "In `data/examples/<id>.yml`.", Example),
    ("Fields of a report", "In `data/reports/<id>.yml`.", Report),
    ("Fields of an organisation", "In `data/organisations/<id>.yml`.", Organisation),
    (
        "Fields of a glossary term",
        "Each entry under `terms:` in `data/glossary.yml`.",
        GlossaryTerm,
    ),
    ("Fields of related", "Inside an example or a report, under `related:`.", Related),
    ("Fields of a source", "Each entry under `sources:` in an example.", Source),
    ("Fields of period", "Inside an example, under `period:`.", Period),
    (
        "Fields of a situation",
        "Each entry under `situations:` in `data/situations.yml`, the guided finder's situations.",
        Situation,
    ),
    (
        "Fields of a finder sector",
        "Each entry under `sectors:` in `data/situations.yml`.",
        FinderSector,
    ),
    ("Fields of a law set", "Each entry under `law:` in `data/situations.yml`.", LawSet),
    ("Fields of evidence", "Each entry under `evidence:` in a documented example.", Evidence),
)


def table(model: type[BaseModel]) -> list[str]:
    """Return a Markdown table of a model's fields: name, whether required, what it holds."""
    rows = ["| Field | Required | What it holds |", "| --- | --- | --- |"]
    for name, info in model.model_fields.items():
        required = "yes" if info.is_required() else "no"
        rows.append(f"| `{info.alias or name}` | {required} | {info.description or ''} |")
    return rows


def reference() -> str:
    """Return the whole reference, between its markers."""
    lines = [START, "", "_Made from the models by `make reference`; do not edit by hand._", ""]
    for title, where, model in RECORDS:
        lines += [f"### {title}", "", where, "", *table(model), ""]
    return "\n".join([*lines, END])


def with_reference(text: str) -> str:
    """Return `text` with its reference section replaced by the current one."""
    pattern = re.escape(START) + ".*?" + re.escape(END)
    return re.sub(pattern, lambda _: reference(), text, flags=re.DOTALL)


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "CONTRIBUTING.md")
    path.write_text(with_reference(path.read_text(encoding="utf-8")), encoding="utf-8")
