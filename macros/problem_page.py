"""The page `make serve` shows in place of every page while the content has problems."""

from __future__ import annotations

import re

import jinja2
from markupsafe import Markup

from macros.pages import environment


def problem_page(report: str) -> str:
    """Return the Markdown of a page that shows the problem report as plain text."""
    # A fence longer than any run of backticks in the report, so the report stays plain text.
    fence = "`" * max([3, *(len(run) + 1 for run in re.findall("`+", report))])
    template: jinja2.Template = environment().get_template("problem_page.md.j2")
    # Not escaped for HTML: the report sits in a code fence, which Markdown escapes itself.
    return template.render(fence=fence, report=Markup(report))  # noqa: S704
