"""The practice examples index: filters, plain numbered pages, and the data the filters read.

The first page and each numbered page list a fixed number of examples, so no page grows with
the data and every example is reachable without JavaScript. The filter script reads every
example's filter values from a separate file, fetched only when a reader first uses a filter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from macros.catalogue import Catalogue, Ref
from macros.links import EXAMPLES_INDEX, Link, cites_value, link_to, relative
from macros.models import Example
from macros.pages import KIND_LABELS, GeneratedPage, environment, theme_links

INDEX = EXAMPLES_INDEX
# Loaded as a script, not fetched as JSON, so the filters also work in the offline copy,
# where browsers refuse to fetch files from disk.
FILTER_DATA = "examples/filter-data.js"
PER_PAGE = 50
# Where the filters go on the first page: an empty div, kept by the sanitiser, that the build
# hook replaces with the controls the page carries.
CONTROLS_SLOT = '<div class="kip-controls"></div>'
# Stands for an example's id in the link pattern; the build hook puts in the real address.
EXAMPLE_ID = "EXAMPLE-ID"
# Page numbers shown either side of the current one; first and last are always shown.
PAGER_SPAN = 2


@dataclass(frozen=True)
class Option:
    """One value a reader can filter the examples by, with how many examples carry it."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    """One group of filters on the examples index, named as it appears in the address."""

    name: str
    legend: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Entry:
    """One example on an index page."""

    id: str
    link: Link
    kind: str
    themes: tuple[Link, ...]


@dataclass(frozen=True)
class PagerItem:
    """One entry in the list of numbered pages: a link, the current page, or a gap."""

    label: str
    href: str = ""
    current: bool = False


# Facet name in the address -> (heading, vocabulary, how to read an example's values)
FACETS: dict[str, tuple[str, str | None, str]] = {
    "theme": ("Theme", "themes", "themes"),
    "sector": ("Sector", "sectors", "sectors"),
    "nation": ("Nation", "nations", "nation"),
    "setting": ("Setting", "settings", "setting"),
    "audience": ("Who it is for", "audiences", "audiences"),
    "lever": ("What they changed", "levers", "levers"),
    "kind": ("Kind of example", None, "kind"),
}


def _values(example: Example, field: str) -> tuple[str, ...]:
    value = getattr(example, field)
    if value is None:  # a documented example may have no setting
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


def example_facets(catalogue: Catalogue, examples: list[Example]) -> list[Facet]:
    """Return the filters for the examples index: only values some example carries, with counts."""
    facets = []
    for name, (legend, vocabulary, field) in FACETS.items():
        counts: dict[str, int] = {}
        for example in examples:
            for value in _values(example, field):
                counts[value] = counts.get(value, 0) + 1
        labels = catalogue.vocabulary(vocabulary) if vocabulary else {}
        options = [
            Option(value, labels[value].label if value in labels else KIND_LABELS[value], count)
            for value, count in counts.items()
        ]
        facets.append(Facet(name, legend, tuple(sorted(options, key=lambda o: o.label))))
    return facets


def page_uri(number: int) -> str:
    """Return where the numbered page of examples lives; page 1 is the index itself."""
    return INDEX if number == 1 else f"examples/page/{number}.md"


def pager(number: int, count: int) -> list[PagerItem]:
    """Return the numbered-page links for page `number` of `count`: ends, neighbours, gaps."""
    here = page_uri(number)
    shown = sorted(
        {1, count, *range(max(1, number - PAGER_SPAN), min(count, number + PAGER_SPAN) + 1)}
    )
    items: list[PagerItem] = []
    for previous, current in zip([0, *shown], shown, strict=False):
        if current - previous > 1:
            items.append(PagerItem("…"))
        href = "" if current == number else relative(here, page_uri(current))
        items.append(PagerItem(str(current), href, current == number))
    return items


def filter_data(catalogue: Catalogue, examples: list[Example], facets: list[Facet]) -> str:
    """Return the script that hands the filters every example's values, as compactly as we can.

    Each example is [id, title, summary, kind, [value positions per facet], [cited]]; positions
    index the facet's options in the order the page lists them, and `cited` indexes `cites`,
    the pages and records examples refer to, each as its address in the site, with its title
    (for the address-only `cites` filter that "All ... that refer to this" links set).
    """
    positions = {
        facet.name: {option.value: index for index, option in enumerate(facet.options)}
        for facet in facets
    }
    cited = sorted(
        {ref for example in examples for ref in catalogue.refers_to(Ref("example", example.id))}
    )
    places = {ref: index for index, ref in enumerate(cited)}
    rows = [
        [
            example.id,
            example.title,
            example.summary,
            KIND_LABELS[example.kind],
            [
                [positions[name][value] for value in _values(example, field)]
                for name, (_, _, field) in FACETS.items()
            ],
            [places[ref] for ref in catalogue.refers_to(Ref("example", example.id))],
        ]
        for example in examples
    ]
    data = {
        "facets": list(FACETS),
        "cites": [[cites_value(ref), catalogue.title(ref)] for ref in cited],
        "examples": rows,
    }
    return f"window.kipExamples = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"


def examples_index(catalogue: Catalogue) -> list[GeneratedPage]:
    """Return the examples index, its numbered pages and the filter data."""
    env = environment()
    examples = catalogue.examples_matching()
    facets = example_facets(catalogue, examples)
    count = max(1, -(-len(examples) // PER_PAGE))
    pages = []
    for number in range(1, count + 1):
        uri = page_uri(number)
        chunk = examples[(number - 1) * PER_PAGE : number * PER_PAGE]
        entries = [
            Entry(
                example.id,
                link_to(catalogue, uri, Ref("example", example.id), example.summary),
                KIND_LABELS[example.kind],
                theme_links(catalogue, uri, example.themes),
            )
            for example in chunk
        ]
        count_text = (
            f"Examples {(number - 1) * PER_PAGE + 1} to {(number - 1) * PER_PAGE + len(chunk)}"
            f" of {len(examples)}, by title."
            if count > 1
            else f"There are {len(examples)} examples."
        )
        controls = ""
        if number == 1:
            controls = env.get_template("examples_filters.html.j2").render(
                facets=facets,
                total=len(examples),
                count_text=count_text,
                data=relative(uri, FILTER_DATA),
                link=EXAMPLE_ID,
            )
        markdown = env.get_template("examples_index.md.j2").render(
            count_text=count_text,
            entries=entries,
            number=number,
            count=count,
            first=(number - 1) * PER_PAGE + 1,
            last=(number - 1) * PER_PAGE + len(chunk),
            pager=pager(number, count) if count > 1 else [],
            index=relative(uri, INDEX),
        )
        pages.append(GeneratedPage(uri, markdown, controls=controls))
    pages.append(GeneratedPage(FILTER_DATA, filter_data(catalogue, examples, facets)))
    return pages
