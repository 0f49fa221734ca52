"""Spelling: common misspellings and American spellings, with codespell and our own word lists."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from macros.problems import Problem

# codespell prints "path:line: word ==> suggestion".
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>\S+) ==> (?P<fix>.+)$")
# An evidence quote copies its source exactly, American spelling and all.
QUOTE_LINE = re.compile(r"^\s*(?:-\s+)?quote:")


def _is_quote(root: Path, path: str, line: int) -> bool:
    """Say whether a finding sits on a data file's `quote:` line."""
    if not path.startswith("data/"):
        return False
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    return 0 < line <= len(lines) and bool(QUOTE_LINE.match(lines[line - 1]))


def spelling_problems(root: Path, paths: list[str]) -> list[Problem]:
    """Return every word codespell flags in the given files (paths relative to `root`)."""
    command = [
        sys.executable,
        "-m",
        "codespell_lib",
        "--dictionary",
        "-",
        "--dictionary",
        ".codespell/british.txt",
        "--ignore-words",
        ".codespell/words.txt",
        *paths,
    ]
    result = subprocess.run(  # noqa: S603 (our own fixed command)
        command, cwd=root, capture_output=True, text=True, check=False
    )
    problems = []
    for line in result.stdout.splitlines():
        match = FINDING.match(line)
        if match and not _is_quote(root, match["path"], int(match["line"])):
            problems.append(
                Problem(
                    match["path"],
                    int(match["line"]),
                    "spelling",
                    f"'{match['word']}' should be '{match['fix']}'. If it is a name, add it to "
                    ".codespell/words.txt.",
                )
            )
    return problems
