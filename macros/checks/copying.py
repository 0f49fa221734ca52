"""Find runs of words that a handbook file shares with a source text it must not copy."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

RUN = 8
WORD = re.compile(r"[a-z0-9']+")
# Web addresses are addresses, not sentences.
URL = re.compile(r"https?://\S+")
# Names of cited works may repeat the work's own words; so may its address.
BIBLIOGRAPHIC = re.compile(r"^\s*(-\s+)?(title|url):.*$")
TOP_LEVEL_KEY = re.compile(r"^[a-z_]+:")


@dataclass(frozen=True)
class CopiedRun:
    """A run of words found both in a handbook file and in a source text."""

    file: str
    line: int
    words: str

    def __str__(self) -> str:
        return f'{self.file}:{self.line}: copies "{self.words}"'


def words_with_lines(text: str) -> list[tuple[str, int]]:
    """Return every word in a text, lower-cased, with the line it is on."""
    found: list[tuple[str, int]] = []
    for number, line in enumerate(text.replace("\u2019", "'").lower().splitlines(), start=1):
        found.extend((word, number) for word in WORD.findall(line))
    return found


def runs_of(words: list[str], size: int = RUN) -> set[tuple[str, ...]]:
    """Return every run of `size` consecutive words."""
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def quotable_text(path: str, text: str) -> str:
    """Blank out what may legitimately repeat a source: addresses and titles of cited works.

    In data files, the `title` and `url` of a report and of each source name a real work.
    Line numbers are kept, so findings still point at the right line.
    """
    lines = text.splitlines()
    in_sources = False
    for index, line in enumerate(lines):
        if TOP_LEVEL_KEY.match(line):
            in_sources = line.startswith("sources:")
        cited = path.startswith("data/reports/") or in_sources
        if path.endswith(".yml") and cited and BIBLIOGRAPHIC.match(line):
            lines[index] = ""
        else:
            lines[index] = URL.sub(" ", line)
    return "\n".join(lines)


def find_copied_runs(
    files: Iterable[tuple[str, str]], sources: Iterable[str], size: int = RUN
) -> list[CopiedRun]:
    """Return each longest run of `size` or more words a file shares with any source text."""
    shared: set[tuple[str, ...]] = set()
    for source in sources:
        shared |= runs_of([word for word, _ in words_with_lines(source)], size)
    found = []
    for path, text in files:
        tokens = words_with_lines(quotable_text(path, text))
        words = [word for word, _ in tokens]
        start = 0
        while start <= len(words) - size:
            if tuple(words[start : start + size]) in shared:
                end = start + size
                while end < len(words) and tuple(words[end - size + 1 : end + 1]) in shared:
                    end += 1
                found.append(CopiedRun(path, tokens[start][1], " ".join(words[start:end])))
                start = end
            else:
                start += 1
    return found


# An evidence quote (`quote:` in a data file) copies its source on purpose: it is the source's
# sentence, shown as such, so the checks of the handbook's own words leave it out.
QUOTE_KEY = re.compile(r"^(\s*)(?:-\s+)?quote:")
NEXT_KEY = re.compile(r"^\s*(?:-\s+)?[a-z_]+:")


def without_quotes(text: str) -> str:
    """Return a data file's text with each evidence quote blanked, keeping the line numbers."""
    lines = text.split("\n")
    indent: int | None = None
    for number, line in enumerate(lines):
        match = QUOTE_KEY.match(line)
        if match:
            indent = len(match.group(1))
            lines[number] = ""
        elif indent is not None and line.strip() and not NEXT_KEY.match(line):
            if len(line) - len(line.lstrip()) > indent:
                lines[number] = ""  # a quote carried on to the next line
                continue
            indent = None
        else:
            indent = None
    return "\n".join(lines)


def handbook_files(root: Path) -> list[tuple[str, str]]:
    """Return every Markdown page and data file of the handbook, with its repository path.

    Evidence quotes in data files are blanked: they are sources' words, not the handbook's.
    """
    paths = sorted([*root.glob("docs/**/*.md"), *root.glob("data/**/*.yml")])
    files = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        files.append(
            (
                path.relative_to(root).as_posix(),
                without_quotes(text) if path.suffix == ".yml" else text,
            )
        )
    return files
