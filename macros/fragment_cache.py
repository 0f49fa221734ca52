"""A `{% cache key %}` block for templates: rendered once per key, then given back as it was."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from jinja2 import Environment, Undefined, nodes
from jinja2.ext import Extension
from jinja2.parser import Parser


class FragmentCache(Extension):
    """Jinja's own fragment-cache example, kept for one build: a key of none renders every time.

    The key must name everything the block's output depends on; the build hook works it out.
    """

    tags = {"cache"}  # noqa: RUF012 (Jinja declares it so)

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        self.rendered: dict[Hashable, str] = {}

    def parse(self, parser: Parser) -> nodes.Node:
        """Read `{% cache key %} ... {% endcache %}`."""
        line = next(parser.stream).lineno
        key = parser.parse_expression()
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        call = self.call_method("_render", [key])
        return nodes.CallBlock(call, [], [], body).set_lineno(line)

    def _render(self, key: Hashable | None, caller: Callable[[], str]) -> str:
        if key is None or isinstance(key, Undefined):  # a page without a key renders its own
            return caller()
        if key not in self.rendered:
            self.rendered[key] = caller()
        return self.rendered[key]
