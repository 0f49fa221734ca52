"""The handbook's Python package; as mkdocs-macros' entry point it registers the page macros."""

from __future__ import annotations

from typing import Any

from macros import render


def define_env(env: Any) -> None:
    """Register the one-line macros authors use in Markdown pages."""

    def catalogue() -> Any:
        return env.conf["kindness_site"].catalogue

    def here() -> str:
        return str(env.page.file.src_uri)

    def example_card(example_id: str) -> str:
        return render.example_card(catalogue(), here(), example_id)

    def example_list(
        theme: str | None = None,
        sector: str | None = None,
        audience: str | None = None,
        lever: str | None = None,
    ) -> str:
        filters = {"theme": theme, "sector": sector, "audience": audience, "lever": lever}
        return render.example_list(catalogue(), here(), filters)

    def cite(report_id: str) -> str:
        return render.cite(catalogue(), here(), report_id)

    def related() -> str:
        return render.related(catalogue(), here())

    def applies_in(nations: str) -> str:
        return render.applies_in(nations)

    def finder() -> str:
        return render.finder(catalogue(), here())

    for function in (example_card, example_list, cite, related, applies_in, finder):
        env.macro(function)
