"""Read every data file, validate it against the models, and collect all problems together."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from macros.docfiles import data_files
from macros.models import (
    SLUG_HINT,
    Example,
    Glossary,
    JudgedQueries,
    Organisation,
    Report,
    SearchVocabulary,
    Situations,
    Vocabularies,
)
from macros.problems import ContentError, Problem, did_you_mean
from macros.yamlfile import LineMap, load_yaml_file

M = TypeVar("M", bound=BaseModel)
FIELD_PREFIX = re.compile(r"^([a-z_]+): (.+)$", re.DOTALL)

# Folder of one-record-per-file data, and the model each file holds.
COLLECTIONS: dict[str, type[BaseModel]] = {
    "examples": Example,
    "reports": Report,
    "organisations": Organisation,
}


@dataclass(frozen=True)
class Data:
    """Every record that loaded cleanly, and where each file's fields are."""

    vocabularies: Vocabularies | None
    glossary: Glossary | None
    examples: dict[str, Example] = field(default_factory=dict)
    reports: dict[str, Report] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    lines: dict[str, LineMap] = field(default_factory=dict)
    search_words: SearchVocabulary | None = None
    search_queries: JudgedQueries | None = None
    situations: Situations | None = None
    """The guided finder's situations; the finder is left out when the file is not there."""

    def label(self, collection: str, record_id: str) -> str:
        """Return the repository path of a record's file, as shown to people."""
        return f"data/{collection}/{record_id}.yml"


def load_data(data_dir: Path) -> tuple[Data, list[Problem]]:
    """Load and validate every data file under `data_dir`, returning all problems found."""
    # A link in data/ could read a file from outside the repository: refuse before reading any.
    problems = data_files(data_dir)
    if problems:
        return Data(None, None), problems
    lines: dict[str, LineMap] = {}
    vocabularies = _load_one(data_dir / "vocabularies.yml", Vocabularies, problems, lines)
    glossary = _load_one(data_dir / "glossary.yml", Glossary, problems, lines)
    # Optional: a site without everyday words or judged queries still builds.
    search_words = _load_optional(data_dir / "search-words.yml", SearchVocabulary, problems, lines)
    search_queries = _load_optional(data_dir / "search-queries.yml", JudgedQueries, problems, lines)
    situations_file = data_dir / "situations.yml"
    situations = (
        _load_one(situations_file, Situations, problems, lines)
        if situations_file.is_file()
        else None
    )
    collections: dict[str, dict[str, Any]] = {}
    for name, model in COLLECTIONS.items():
        collections[name] = _load_folder(data_dir / name, name, model, problems, lines)
    data = Data(
        vocabularies=vocabularies,
        glossary=glossary,
        examples=collections["examples"],
        reports=collections["reports"],
        organisations=collections["organisations"],
        lines=lines,
        search_words=search_words,
        search_queries=search_queries,
        situations=situations,
    )
    return data, problems


def _load_optional(
    path: Path, model: type[M], problems: list[Problem], lines: dict[str, LineMap]
) -> M | None:
    return _validate(path, f"data/{path.name}", model, problems, lines) if path.is_file() else None


def _load_one(
    path: Path, model: type[M], problems: list[Problem], lines: dict[str, LineMap]
) -> M | None:
    label = f"data/{path.name}"
    if not path.is_file():
        problems.append(Problem(label, 0, "", "The file is missing."))
        return None
    return _validate(path, label, model, problems, lines)


def _load_folder(
    folder: Path,
    name: str,
    model: type[M],
    problems: list[Problem],
    lines: dict[str, LineMap],
) -> dict[str, M]:
    records: dict[str, M] = {}
    if not folder.is_dir():
        return records
    for path in sorted(folder.iterdir()):
        label = f"data/{name}/{path.name}"
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix != ".yml":
            problems.append(
                Problem(label, 0, "", "Only .yml files belong here. Rename it to end in .yml.")
            )
            continue
        record = _validate(path, label, model, problems, lines)
        if record is None:
            continue
        record_id = getattr(record, "id", "")
        if record_id != path.stem:
            line = lines[label].line_of(("id",))
            problems.append(
                Problem(
                    label,
                    line,
                    "id",
                    f"The id '{record_id}' must match the file name '{path.stem}'. "
                    f"Rename the file to '{record_id}.yml' or change the id.",
                )
            )
            continue
        records[record_id] = record
    return records


def _validate(
    path: Path,
    label: str,
    model: type[M],
    problems: list[Problem],
    lines: dict[str, LineMap],
) -> M | None:
    try:
        raw, line_map = load_yaml_file(path, label)
    except ContentError as error:
        problems.extend(error.problems)
        return None
    lines[label] = line_map
    if not isinstance(raw, dict):
        problems.append(Problem(label, 1, "", "The file must hold 'field: value' lines."))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        problems.extend(validation_problems(error, label, line_map, model))
        return None


def validation_problems(
    error: ValidationError, label: str, line_map: LineMap, model: type[BaseModel]
) -> list[Problem]:
    """Turn pydantic's errors into plain-worded problems with a line and a field each."""
    known = sorted(_field_names(model))
    found = []
    for item in error.errors():
        loc = tuple(item["loc"])
        message = item["msg"].removeprefix("Value error, ")
        named = FIELD_PREFIX.match(message)
        if item["type"] == "value_error" and named:
            # Model validators name their field as "field: message".
            loc = (*loc, named.group(1))
            message = named.group(2)
        field_name = ".".join(str(part) for part in loc)
        text = _plain(item["type"], loc, item.get("input"), message, known)
        found.append(Problem(label, line_map.line_of(loc), field_name, text))
    return found


def _plain(
    kind: str, loc: tuple[Any, ...], value: object, message: str, known: Iterable[str]
) -> str:
    name = str(loc[-1]) if loc else "record"
    shown = repr(value) if isinstance(value, str | int | float) else ""
    plain = {
        "missing": f"'{name}' is missing. Add it.",
        "extra_forbidden": f"'{name}' is not a field here.{did_you_mean(name, known)}"
        " Remove it or fix its spelling.",
        "string_pattern_mismatch": f"{shown} must be a page path such as 'chapter/page.md'."
        if str(value).endswith(".md") or "/" in str(value)
        else f"{shown} must be {SLUG_HINT}.",
        "date_from_datetime_parsing": f"{shown} is not a date. Write it as YYYY-MM-DD.",
        "date_parsing": f"{shown} is not a date. Write it as YYYY-MM-DD.",
        "date_type": f"{shown} is not a date. Write it as YYYY-MM-DD.",
        "url_scheme": f"{shown} must be a web address starting with https:// or http://.",
        "url_parsing": f"{shown} is not a web address. Use a full https:// address.",
        "list_type": f"'{name}' must be a list, one '- item' per line.",
        "too_short": f"'{name}' needs at least one entry.",
        "string_type": f"'{name}' must be text.",
        "int_parsing": f"{shown} must be a whole number, such as a year.",
        "int_type": f"'{name}' must be a whole number, such as a year.",
        "float_type": f"'{name}' must be a number, written without quotes.",
        "finite_number": f"'{name}' must be an ordinary number, such as 2.",
        "model_type": f"'{name}' must hold 'field: value' lines.",
        "dict_type": f"'{name}' must hold 'field: value' lines.",
    }
    if kind == "value_error":
        return message
    if kind == "string_type" and isinstance(value, dt.date | int | float):
        guess = "a date" if isinstance(value, dt.date) else "a number or a yes/no"
        return f"YAML reads this as {guess}, not text. Put the value in double quotes."
    return plain.get(kind, f"'{name}': {message}.")


def _field_names(model: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    for name, info in model.model_fields.items():
        names.add(info.alias or name)
        annotation = info.annotation
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                names |= _field_names(candidate)
    return names
