"""What each macro puts into a page: data in, Markdown out, through templates."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from macros.catalogue import Catalogue, Ref
from macros.finder_pages import START, situation_links
from macros.jurisdiction import applies_label
from macros.links import (
    EXAMPLES_INDEX,
    Link,
    cited_by_address,
    link_to,
    relative,
    theme_uri,
)
from macros.pages import KIND_LABELS, LISTED_EXAMPLES, environment, thousands


def example_card(catalogue: Catalogue, page_uri: str, example_id: str) -> str:
    """Return a card for one practice example."""
    example = catalogue.data.examples[example_id]
    return (
        environment()
        .get_template("macros/example_card.md.j2")
        .render(
            example=example,
            kind_label=KIND_LABELS[example.kind],
            link=link_to(catalogue, page_uri, Ref("example", example_id)),
        )
    )


def example_list(catalogue: Catalogue, page_uri: str, filters: Mapping[str, str | None]) -> str:
    """Return the practice examples that carry every given tag (theme, sector, ...).

    Only the LISTED_EXAMPLES most relevant to the page are listed, with the count and a link
    to the examples index with the same filters set, so the list does not grow with the data.
    """
    matching = catalogue.examples_matching(**filters)
    ranked = catalogue.ranked_examples(
        Ref("guidance", page_uri), (Ref("example", e.id) for e in matching)
    )
    links = [
        link_to(
            catalogue,
            page_uri,
            ref,
            f"{catalogue.data.examples[ref.key].summary} "
            f"({KIND_LABELS[catalogue.data.examples[ref.key].kind]})",
        )
        for ref in ranked[:LISTED_EXAMPLES]
    ]
    index = relative(page_uri, EXAMPLES_INDEX)
    chosen = urlencode({name: value for name, value in filters.items() if value})
    everything = (
        Link(f"All {thousands(len(matching))} practice examples in this list", f"{index}?{chosen}")
        if len(matching) > LISTED_EXAMPLES
        else None
    )
    return (
        environment()
        .get_template("macros/example_list.md.j2")
        .render(links=links, total=len(matching), everything=everything, index=index)
    )


def cite(catalogue: Catalogue, page_uri: str, report_id: str) -> str:
    """Return an inline citation of a report, linked to its page."""
    report = catalogue.data.reports[report_id]
    authors = [name for name in report.authors if name != report.publisher]
    return (
        environment()
        .get_template("macros/cite.md.j2")
        .render(
            report=report,
            authors=authors,
            link=link_to(catalogue, page_uri, Ref("report", report_id)),
        )
        .strip()
    )


# How many practice examples a page's related panel lists; the rest are a link away.
RELATED_EXAMPLES = 5


def related(catalogue: Catalogue, page_uri: str) -> str:
    """Return the related-content panel for a page: a few examples, reports and themes."""
    ref = Ref("guidance", page_uri)
    chosen, total = catalogue.related_examples(ref, RELATED_EXAMPLES)
    examples = [
        link_to(
            catalogue,
            page_uri,
            other,
            f"{catalogue.data.examples[other.key].summary} "
            f"({KIND_LABELS[catalogue.data.examples[other.key].kind]})",
        )
        for other in chosen
    ]
    reports = [link_to(catalogue, page_uri, other) for other in catalogue.neighbours(ref, "report")]
    page = catalogue.pages.get(page_uri)
    themes = catalogue.vocabulary("themes")
    theme_links = [
        (themes[theme_id].label, relative(page_uri, theme_uri(theme_id)))
        for theme_id in (page.meta.themes if page else [])
        if theme_id in themes
    ]
    return (
        environment()
        .get_template("macros/related.md.j2")
        .render(
            examples=examples,
            more=total - len(examples),
            everything=Link(
                f"All {thousands(len(catalogue.citing_examples(ref)))} practice examples"
                " that refer to this page",
                cited_by_address(page_uri, ref),
            ),
            reports=reports,
            themes=theme_links,
            index=relative(page_uri, "examples/index.md"),
        )
    )


def applies_in(nations: str) -> str:
    """Return the marker that says which UK nations a rule or body applies to."""
    return (
        environment()
        .get_template("macros/applies_in.md.j2")
        .render(label=applies_label(nations))
        .strip()
    )


def finder(catalogue: Catalogue, page_uri: str) -> str:
    """Return the finder's first question, for the home page: one link per situation."""
    return (
        environment()
        .get_template("macros/finder.md.j2")
        .render(situations=situation_links(catalogue, page_uri), start=relative(page_uri, START))
        .strip()
    )
