"""JSON Schemas for the data files, made from the models, so editors check YAML as people type."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from macros.models import (
    Example,
    Glossary,
    JudgedQueries,
    Organisation,
    Report,
    SearchVocabulary,
    Situations,
    Vocabularies,
)

SCHEMAS: dict[str, type[BaseModel]] = {
    "example": Example,
    "report": Report,
    "organisation": Organisation,
    "vocabularies": Vocabularies,
    "glossary": Glossary,
    "search-words": SearchVocabulary,
    "search-queries": JudgedQueries,
    "situations": Situations,
}


def schema_text(model: type[BaseModel]) -> str:
    """Return a model's JSON Schema as stable, readable JSON."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def expected_files() -> dict[str, str]:
    """Return every schema file's name and the text it should hold."""
    return {f"{name}.schema.json": schema_text(model) for name, model in SCHEMAS.items()}


def write(folder: Path) -> None:
    """Write every schema into `folder`."""
    folder.mkdir(exist_ok=True)
    for name, text in expected_files().items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas"))
