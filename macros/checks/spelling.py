"""Spelling: common misspellings and American spellings, with codespell and our own word lists."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from macros.problems import Problem

# codespell prints "path:line: word ==> suggestion".
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>\S+) ==> (?P<fix>.+)$")


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
        if match:
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
