"""Time spent in each stage of a build, which the benchmark reports stage by stage."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter

LOAD = "Load and validate"
CROSS_REFERENCE = "Cross-reference"
FROM_DATA = "Make pages from data"
RENDER = "Render pages (Markdown, macros, sanitiser)"
THEME = "Theme (templates, navigation)"
SEARCH = "Search indexing"

# Seconds spent in each stage so far in this process, less the stages nested inside it.
SPENT: dict[str, float] = {}
# For each stage under way, innermost last: the seconds its nested stages took.
_NESTED: list[float] = []


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Count the time the block takes towards `name` (a clock read or two: no slower build)."""
    start = perf_counter()
    _NESTED.append(0.0)
    try:
        yield
    finally:
        spent = perf_counter() - start
        SPENT[name] = SPENT.get(name, 0.0) + spent - _NESTED.pop()
        if _NESTED:
            _NESTED[-1] += spent
