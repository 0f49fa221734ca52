"""Limits on the text contributors write in data files, checked field by field.

Which limits apply where: the shape limits of macros/limits.py are for what contributors write,
here each text field of a data file (and, in macros/docpages.py, each hand-written page). What
the templates generate around that text (facts, cross-reference lists, indexes) is bounded by
design (see LISTED_EXAMPLES in macros/pages.py) and is never measured against these limits, so
a record that thousands of others cite still builds.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from macros.limits import markdown_problems
from macros.loader import Data
from macros.problems import Problem

Path_ = tuple[str | int, ...]


def data_markdown_problems(data: Data) -> list[Problem]:
    """Return a problem for each limit a text field of any data file goes over, with its line."""
    records: list[tuple[str, BaseModel | None]] = [
        ("data/vocabularies.yml", data.vocabularies),
        ("data/glossary.yml", data.glossary),
        *((data.label("examples", key), record) for key, record in data.examples.items()),
        *((data.label("reports", key), record) for key, record in data.reports.items()),
        *((data.label("organisations", key), record) for key, record in data.organisations.items()),
    ]
    problems: list[Problem] = []
    for label, record in records:
        if record is None:
            continue  # the file did not load, and is already reported
        lines = data.lines.get(label)
        for path, text in _texts(record, ()):
            line = lines.line_of(path) if lines else 0
            name = ".".join(str(part) for part in path)
            problems += [
                Problem(label, line, name, problem.message)
                for problem in markdown_problems(text, label)
            ]
    return problems


def _texts(value: object, path: Path_) -> Iterator[tuple[Path_, str]]:
    """Yield each text in a record with where it is, by field name and list position.

    A list of texts is also measured as one line, as a template may join it (authors, say).
    """
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        if value and all(isinstance(item, str) for item in value):
            yield path, ", ".join(value)
        else:
            for index, item in enumerate(value):
                yield from _texts(item, (*path, index))
