"""Time Python-Markdown on the page shapes that macros/limits.py bounds, at and above each limit.

Run `.venv/bin/python scripts/bench_shapes.py`; it prints a Markdown table for BENCHMARKS.md.
Each shape runs in its own process with a time limit, as a shape over the limit may not finish.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable

import markdown

from macros.navigation import read_config

SHAPES: dict[str, Callable[[int], str]] = {
    "nested lists (levels)": lambda n: "".join("    " * i + "- x\n" for i in range(n)),
    "nested quotes (levels)": lambda n: ">" * n + " x\n",
    "run of '[' (brackets)": lambda n: "[" * n + "x" + "]" * n + "\n",
    "headings with one name": lambda n: "## a\n\n" * n,
    "nested <div markdown> (tags)": lambda n: "<div markdown>\n" * n + "x\n" + "</div>\n" * n,
}
SIZES = {
    "nested lists (levels)": (16, 100, 400),
    "nested quotes (levels)": (16, 1000, 5000),
    "run of '[' (brackets)": (200, 1000, 4000),
    "headings with one name": (300, 4000, 20000),
    "nested <div markdown> (tags)": (300, 1000, 2000),
}
LIMIT_SECONDS = 60


def convert(shape: str, size: int) -> None:
    """Convert one shape with the handbook's Markdown extensions (run in a child process)."""
    config = read_config(__import__("pathlib").Path("mkdocs.yml"))
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    markdown.markdown(SHAPES[shape](size), extensions=extensions)


def measure(shape: str, size: int) -> str:
    """Return how long one conversion took, or how it ended."""
    started = time.perf_counter()
    command = [sys.executable, __file__, shape, str(size)]
    try:
        result = subprocess.run(command, capture_output=True, timeout=LIMIT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        return f"over {LIMIT_SECONDS} s"
    if result.returncode != 0:
        return "crashes" if b"RecursionError" in result.stderr else "fails"
    return f"{time.perf_counter() - started:.1f} s"


def main() -> None:
    """Print the table."""
    print("| Shape | At the limit | Above | Far above |")
    print("|---|---|---|---|")
    for shape, sizes in SIZES.items():
        cells = [f"{size:,}: {measure(shape, size)}" for size in sizes]
        print(f"| {shape} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        convert(sys.argv[1], int(sys.argv[2]))
    else:
        main()
