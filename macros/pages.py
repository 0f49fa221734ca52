"""Turn records into page Markdown through templates: one template per kind of page."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from macros.catalogue import Catalogue, Ref
from macros.links import (
    EXAMPLES_INDEX,
    GLOSSARY_PAGE,
    THEMES_FOLDER,
    Link,
    cited_by_address,
    link_to,
    relative,
    src_uri,
    theme_uri,
)
from macros.models import Example, Period, Report, Term
from macros.yamlfile import yaml_quoted

# How many practice examples a record or theme page lists, most relevant first; a link to the
# filtered examples index lists them all. Cross-reference lists are bounded by this, by design,
# so no page grows with the number of examples that cite it.
LISTED_EXAMPLES = 10
# What each kind of page or record is called in a "refer to this ..." line.
NOUNS = {
    "guidance": "page",
    "example": "example",
    "report": "report",
    "organisation": "organisation",
}
KIND_LABELS = {"documented": "Documented", "illustrative": "Illustrative"}
SECTIONS = (
    ("context", "Context"),
    ("what_they_did", "What they did"),
    ("what_changed", "What changed"),
    ("what_did_not_work", "What did not work"),
    ("what_was_hard", "What was hard"),
    ("what_happened_next", "What happened next"),
    ("try_it_yourself", "Try it yourself"),
)


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from data: where it goes, its Markdown (or a script's text), and its source."""

    src_uri: str
    markdown: str
    edit_path: str | None = None
    # HTML a handbook template wrote, which the build hook puts in the page's CONTROLS_SLOT
    # after sanitising: it may carry what content may not (data-* settings, a form).
    controls: str = ""


@dataclass(frozen=True)
class CitedBy:
    """A record's "Referenced in" list: pages and reports, then the most relevant examples."""

    links: tuple[Link, ...]
    listed: int  # how many examples the list shows
    examples: int  # how many examples refer to the record, in all
    noun: str  # what the record is, in words: "report", "page", ...
    everything: Link | None  # the filtered examples index, when the list leaves some out


@dataclass(frozen=True)
class Fact:
    """One labelled line in a record's summary box."""

    label: str
    items: tuple[Link, ...]


@functools.cache
def environment() -> jinja2.Environment:
    """Return the Jinja environment for the handbook's page templates."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("macros", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = markdown_field
    env.filters["first_sentence"] = first_sentence
    env.filters["yaml_text"] = yaml_text
    env.filters["long_date"] = long_date
    env.filters["thousands"] = thousands
    return env


def markdown_field(text: str) -> Markup:
    """Let a Markdown field from data through as Markdown rather than escaped text."""
    return Markup(text)  # noqa: S704 (Markdown from reviewed data files)


def yaml_text(value: object) -> Markup:
    """Write a front-matter value so that MkDocs reads it back unchanged, whatever it holds."""
    return Markup(yaml_quoted(value))  # noqa: S704 (quoted for YAML, not for HTML)


def thousands(number: int) -> str:
    """Return a count the GOV.UK way, with commas between thousands: 10,000."""
    return f"{number:,}"


def long_date(day: dt.date) -> str:
    """Return a date the GOV.UK way, such as 30 November 2026."""
    return f"{day.day} {day:%B %Y}"


def first_sentence(text: str) -> str:
    """Return the first sentence of a paragraph, for a page's description."""
    match = re.match(r"(.+?[.!?])(\s|$)", " ".join(text.split()))
    return match.group(1) if match else text


def generate_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    """Render every page that comes from data, but the examples index (macros/examples_index.py)."""
    env = environment()
    data = catalogue.data
    pages = [
        *(_example_page(env, catalogue, example) for example in data.examples.values()),
        *(_report_page(env, catalogue, report) for report in data.reports.values()),
        *(_organisation_page(env, catalogue, key) for key in data.organisations),
        *(_theme_page(env, catalogue, theme) for theme in catalogue.vocabulary("themes").values()),
        _reports_index(env, catalogue),
        _themes_index(env, catalogue),
        _glossary_page(env, catalogue),
    ]
    return sorted(pages, key=lambda page: page.src_uri)


def _links(catalogue: Catalogue, from_uri: str, refs: Iterable[Ref]) -> tuple[Link, ...]:
    return tuple(
        sorted((link_to(catalogue, from_uri, ref) for ref in refs), key=lambda link: link.title)
    )


def cited_by(catalogue: Catalogue, uri: str, ref: Ref, leave_out: Iterable[Ref] = ()) -> CitedBy:
    """Return what refers to a record, but `leave_out`, with the examples bounded.

    Guidance pages and reports are listed in full, by title: people write them one by one.
    Examples can be thousands, so only the LISTED_EXAMPLES most relevant are; the count and
    a link to the examples index, filtered to every example that refers to the record, stand
    for the rest.
    """
    left_out = set(leave_out)
    others = [other for other in catalogue.referenced_in(ref) if other not in left_out]
    citing = catalogue.citing_examples(ref)
    examples = catalogue.ranked_examples(ref, (o for o in others if o.kind == "example"))
    links = (
        *_links(catalogue, uri, (o for o in others if o.kind != "example")),
        *(link_to(catalogue, uri, other) for other in examples[:LISTED_EXAMPLES]),
    )
    noun = NOUNS[ref.kind]
    everything = (
        Link(
            f"All {thousands(len(citing))} practice examples that refer to this {noun}",
            cited_by_address(uri, ref),
        )
        if len(examples) > LISTED_EXAMPLES
        else None
    )
    listed = min(len(examples), LISTED_EXAMPLES)
    return CitedBy(links, listed, len(citing), noun, everything)


def _referenced_in(catalogue: Catalogue, uri: str, ref: Ref) -> dict[str, object]:
    """Return the "Referenced in" list of a record without those already under "Related".

    The section is left out when every page that refers to the record is listed under Related.
    """
    found = cited_by(catalogue, uri, ref, catalogue.refers_to(ref))
    return {
        "referenced_in": found,
        "show_referenced_in": bool(found.links) or not catalogue.referenced_in(ref),
    }


def _terms(catalogue: Catalogue, vocabulary: str, ids: Iterable[str]) -> tuple[Link, ...]:
    terms = catalogue.vocabulary(vocabulary)
    return tuple(Link(terms[term_id].label, "") for term_id in ids if term_id in terms)


def theme_links(catalogue: Catalogue, from_uri: str, ids: Iterable[str]) -> tuple[Link, ...]:
    """Return links to the theme pages of the given theme ids, skipping unknown ones."""
    themes = catalogue.vocabulary("themes")
    return tuple(
        Link(themes[theme_id].label, relative(from_uri, theme_uri(theme_id)))
        for theme_id in ids
        if theme_id in themes
    )


def period_text(period: Period) -> str:
    """Return when an example ran, in words."""
    start, end = period.from_, period.to
    if end == "ongoing":
        return f"{start} to now"
    return str(start) if end == start else f"{start} to {end}"


def _example_page(env: jinja2.Environment, catalogue: Catalogue, example: Example) -> GeneratedPage:
    ref = Ref("example", example.id)
    uri = src_uri(ref)
    nations = catalogue.vocabulary("nations")
    nation = nations[example.nation].label if example.nation in nations else example.nation
    sources = {source.title: source for source in example.sources}
    facts = [
        Fact("Where", (Link(f"{example.place}, {nation}", ""),)),
        # An illustrative example has no dates, so it cannot be taken for a real event.
        Fact("When", (Link(period_text(example.period), ""),) if example.period else ()),
        Fact(
            "Setting", _terms(catalogue, "settings", [example.setting] if example.setting else [])
        ),
        Fact("Kind", (Link(KIND_LABELS[example.kind], ""),)),
        Fact("Results", (Link("Measured", ""),) if example.measured else ()),
        Fact(
            "Organisations",
            _links(catalogue, uri, (Ref("organisation", o) for o in example.organisations)),
        ),
        Fact("Sectors", _terms(catalogue, "sectors", example.sectors)),
        Fact("Themes", theme_links(catalogue, uri, example.themes)),
        Fact("For", _terms(catalogue, "audiences", example.audiences)),
        Fact("What they changed", _terms(catalogue, "levers", example.levers)),
        Fact("What stood in the way", _terms(catalogue, "barriers", example.barriers)),
    ]
    markdown = env.get_template("example.md.j2").render(
        example=example,
        kind_label=KIND_LABELS[example.kind],
        facts=[fact for fact in facts if fact.items],
        sections=[
            (title, getattr(example, name))
            for name, title in SECTIONS
            if getattr(example, name) is not None
        ],
        related=_links(catalogue, uri, catalogue.refers_to(ref)),
        evidence=[
            (item, sources[item.source]) for item in example.evidence if item.source in sources
        ],
        **_referenced_in(catalogue, uri, ref),
    )
    return GeneratedPage(uri, markdown, catalogue.data.label("examples", example.id))


def _report_page(env: jinja2.Environment, catalogue: Catalogue, report: Report) -> GeneratedPage:
    ref = Ref("report", report.id)
    uri = src_uri(ref)
    markdown = env.get_template("report.md.j2").render(
        report=report,
        themes=theme_links(catalogue, uri, report.themes),
        related=_links(catalogue, uri, catalogue.refers_to(ref)),
        **_referenced_in(catalogue, uri, ref),
    )
    return GeneratedPage(uri, markdown, catalogue.data.label("reports", report.id))


def _organisation_page(env: jinja2.Environment, catalogue: Catalogue, key: str) -> GeneratedPage:
    ref = Ref("organisation", key)
    uri = src_uri(ref)
    organisation = catalogue.data.organisations[key]
    markdown = env.get_template("organisation.md.j2").render(
        organisation=organisation,
        kind=_terms(catalogue, "organisation_types", [organisation.type]),
        nation=_terms(catalogue, "nations", [organisation.nation]),
        referenced_in=cited_by(catalogue, uri, ref),
    )
    return GeneratedPage(uri, markdown, catalogue.data.label("organisations", key))


def _theme_page(env: jinja2.Environment, catalogue: Catalogue, theme: Term) -> GeneratedPage:
    uri = theme_uri(theme.id)
    pages, examples, reports = catalogue.on_theme(theme.id)
    markdown = env.get_template("theme.md.j2").render(
        theme=theme,
        guidance=[
            link_to(catalogue, uri, Ref("guidance", page.src_uri), page.meta.description)
            for page in pages
        ],
        examples=[
            link_to(catalogue, uri, Ref("example", e.id), e.summary)
            for e in sorted(examples, key=lambda e: (e.kind != "documented", e.title))[
                :LISTED_EXAMPLES
            ]
        ],
        all_examples=Link(
            f"All {thousands(len(examples))} practice examples on this theme",
            relative(uri, EXAMPLES_INDEX) + f"?theme={theme.id}",
        )
        if len(examples) > LISTED_EXAMPLES
        else None,
        reports=[link_to(catalogue, uri, Ref("report", r.id)) for r in reports],
        terms=[term for term in catalogue.glossary if theme.id in term.themes],
        glossary=relative(uri, GLOSSARY_PAGE),
    )
    return GeneratedPage(uri, markdown, "data/vocabularies.yml")


def _reports_index(env: jinja2.Environment, catalogue: Catalogue) -> GeneratedPage:
    uri = "reports/index.md"
    reports = sorted(catalogue.data.reports.values(), key=lambda r: (r.year or 0, r.title))
    markdown = env.get_template("reports_index.md.j2").render(
        reports=[(link_to(catalogue, uri, Ref("report", r.id), r.summary), r) for r in reports],
    )
    return GeneratedPage(uri, markdown)


def _themes_index(env: jinja2.Environment, catalogue: Catalogue) -> GeneratedPage:
    uri = f"{THEMES_FOLDER}/index.md"
    themes = sorted(catalogue.vocabulary("themes").values(), key=lambda theme: theme.label)
    markdown = env.get_template("themes_index.md.j2").render(
        themes=[
            Link(theme.label, relative(uri, theme_uri(theme.id)), theme.description)
            for theme in themes
        ],
    )
    return GeneratedPage(uri, markdown, "data/vocabularies.yml")


def _glossary_page(env: jinja2.Environment, catalogue: Catalogue) -> GeneratedPage:
    markdown = env.get_template("glossary.md.j2").render(
        terms=[
            (
                term.term[:1].upper() + term.term[1:],
                term,
                theme_links(catalogue, GLOSSARY_PAGE, term.themes),
            )
            for term in catalogue.glossary
        ],
    )
    return GeneratedPage(GLOSSARY_PAGE, markdown, "data/glossary.yml")


def abbreviations(catalogue: Catalogue) -> dict[str, str]:
    """Return each form of each glossary term with its definition, for hover definitions.

    A phrase in which a term's word has another sense maps to no definition: the abbr extension
    matches the longest phrase first and leaves a phrase with an empty definition unmarked.
    """
    unmarked = {phrase: "" for term in catalogue.glossary for phrase in term.other_senses}
    return unmarked | {
        form: term.definition for term in catalogue.glossary for form in (term.term, *term.aliases)
    }
