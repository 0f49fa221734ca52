"""A Jinja sandbox for rendering pages: only the handbook's macros, and no way into Python."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment


def sandboxed_environment(
    macros: Mapping[str, Callable[..., Any]], undefined: type[jinja2.Undefined]
) -> jinja2.Environment:
    """Return an environment that exposes only `macros` and refuses Python internals.

    The sandbox blocks attributes such as `__class__` and `__globals__`, and unsafe methods;
    the usual globals (range, cycler, joiner, namespace, lipsum) are removed, so a page can
    reach nothing but the handbook's own macros.
    """
    environment = ImmutableSandboxedEnvironment(undefined=undefined, autoescape=False)
    environment.globals.clear()
    environment.globals.update(macros)
    return environment
