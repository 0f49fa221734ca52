"""Problems found in the handbook's content, and how to report them to people."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, said in plain words with where to find it."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{printable(self.file)}:{self.line}" if self.line else printable(self.file)
        field = f" [{printable(self.field)}]" if self.field else ""
        return f"{where}{field}: {printable(self.message)}"


class ContentError(Exception):
    """Raised with every problem found, so contributors can fix them all in one go."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(set(problems)))
        super().__init__(format_report(self.problems))


def printable(text: str) -> str:
    """Return `text` with every control, format or line-break character written as an escape.

    File names and values reach the report from content: a newline or a terminal escape in one
    must not start a line of its own, nor hide or recolour the report around it.
    """
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """Return ' Did you mean 'x'?' for the closest choice, or an empty string."""
    matches = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{matches[0]}'?" if matches else ""


def format_report(
    problems: Iterable[Problem], heading: str = "The handbook cannot be built:"
) -> str:
    """Group problems by file, in a short report a non-programmer can act on."""
    problems = sorted(set(problems))
    lines = [f"{heading} {len(problems)} problem(s) to fix.", ""]
    current = None
    for problem in problems:
        if problem.file != current:
            current = problem.file
            lines.append(f"In {printable(problem.file)}:")
        where = f"line {problem.line}" if problem.line else "file"
        field = f", {printable(problem.field)}" if problem.field else ""
        lines.append(f"  - {where}{field}: {printable(problem.message)}")
    return "\n".join(lines)
