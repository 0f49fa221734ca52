"""The guided finder's pages: one question per page, then an outcome for every set of answers."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from macros.catalogue import Catalogue, Ref
from macros.finder import (
    ALL_NATIONS,
    ANY_SECTOR,
    Outcome,
    Section,
    nation_anchor,
    nation_answers,
    outcome,
    sector_ids,
)
from macros.jurisdiction import UK_NATIONS
from macros.links import GLOSSARY_PAGE, Link, link_to, relative, theme_uri
from macros.models import Situation, Situations
from macros.pages import KIND_LABELS, GeneratedPage, environment

FOLDER = "finder"
START = f"{FOLDER}/index.md"
EDIT_PATH = "data/situations.yml"
SKIP_SECTOR = "Another sector, or more than one"
SKIP_NATION = "All four UK nations"


@dataclass(frozen=True)
class Answer:
    """An answer given so far, with a link to change it."""

    question: str
    answer: str
    change: str


def sector_step(situation: str) -> str:
    """Return the address of the sector question for a situation."""
    return f"{FOLDER}/{situation}/index.md"


def nation_step(situation: str, sector: str) -> str:
    """Return the address of the nation question for a situation and sector."""
    return f"{FOLDER}/{situation}/{sector}/index.md"


def outcome_uri(situation: str, sector: str) -> str:
    """Return the address of the outcome page for a situation and a sector."""
    return f"{FOLDER}/{situation}/{sector}/answer.md"


def nation_link(from_uri: str, situation: str, sector: str, nation: str) -> str:
    """Return a link to the outcome, at the chosen nation's part unless all nations were asked."""
    link = relative(from_uri, outcome_uri(situation, sector))
    return link if nation == ALL_NATIONS else f"{link}#{nation_anchor(nation)}"


def finder_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    """Return every page of the finder, or none when there is no data/situations.yml."""
    situations = catalogue.data.situations
    if situations is None:
        return []
    env = environment()
    pages = [_start(env, catalogue)]
    for situation in situations.situations:
        pages.append(_sector_question(env, catalogue, situations, situation))
        for sector in sector_ids(situations):
            pages.append(_nation_question(env, catalogue, situation, sector))
            found = outcome(catalogue, situations, situation, sector)
            pages.append(_outcome_page(env, catalogue, found, sector))
    return pages


def sector_label(catalogue: Catalogue, sector: str) -> str:
    """Return how an answer to the sector question reads."""
    terms = catalogue.vocabulary("sectors")
    return terms[sector].label if sector in terms else SKIP_SECTOR


def nation_label(nation: str) -> str:
    """Return how an answer to the nation question reads."""
    return UK_NATIONS.get(nation, SKIP_NATION)


def situation_links(catalogue: Catalogue, from_uri: str) -> list[Link]:
    """Return the first question's answers: one link per situation."""
    situations = catalogue.data.situations
    if situations is None:
        return []
    return [
        Link(situation.question, relative(from_uri, sector_step(situation.id)))
        for situation in situations.situations
    ]


def _start(env: jinja2.Environment, catalogue: Catalogue) -> GeneratedPage:
    markdown = env.get_template("finder_start.md.j2").render(
        situations=situation_links(catalogue, START),
        back=relative(START, "index.md"),
        skip=relative(START, "start-here/index.md"),
    )
    return GeneratedPage(START, markdown, EDIT_PATH)


def _sector_question(
    env: jinja2.Environment, catalogue: Catalogue, situations: Situations, situation: Situation
) -> GeneratedPage:
    uri = sector_step(situation.id)
    answers = [
        Link(sector_label(catalogue, sector), relative(uri, nation_step(situation.id, sector)))
        for sector in sector_ids(situations)
    ]
    markdown = env.get_template("finder_question.md.j2").render(
        title="Which sector do you work in?",
        page_title=f"{situation.question}: which sector?",
        description=f"{situation.question}: choose your sector to narrow the guidance.",
        step=2,
        back=relative(uri, START),
        given=[Answer("What is happening", situation.question, relative(uri, START))],
        answers=answers[:-1],
        skip=answers[-1],
    )
    return GeneratedPage(uri, markdown, EDIT_PATH)


def _nation_question(
    env: jinja2.Environment, catalogue: Catalogue, situation: Situation, sector: str
) -> GeneratedPage:
    uri = nation_step(situation.id, sector)
    answers = [
        Link(nation_label(nation), nation_link(uri, situation.id, sector, nation))
        for nation in nation_answers()
    ]
    markdown = env.get_template("finder_question.md.j2").render(
        title="Which UK nation do you work in?",
        page_title=f"{situation.question}: {sector_label(catalogue, sector)}: which nation?",
        description=f"{situation.question}: choose your nation for the law that applies there.",
        step=3,
        back=relative(uri, sector_step(situation.id)),
        given=[
            Answer("What is happening", situation.question, relative(uri, START)),
            Answer(
                "Sector", sector_label(catalogue, sector), relative(uri, sector_step(situation.id))
            ),
        ],
        answers=answers[:-1],
        skip=answers[-1],
    )
    return GeneratedPage(uri, markdown, EDIT_PATH)


def _outcome_page(
    env: jinja2.Environment, catalogue: Catalogue, found: Outcome, sector: str
) -> GeneratedPage:
    situation = found.situation
    uri = outcome_uri(situation.id, sector)
    where = sector_label(catalogue, sector) if sector != ANY_SECTOR else ""
    markdown = env.get_template("finder_outcome.md.j2").render(
        title=situation.question + (f" ({where})" if where else ""),
        situation=situation,
        where=where,
        back=relative(uri, nation_step(situation.id, sector)),
        start=relative(uri, START),
        given=[
            Answer("What is happening", situation.question, relative(uri, START)),
            Answer(
                "Sector", sector_label(catalogue, sector), relative(uri, sector_step(situation.id))
            ),
        ],
        nation_step=relative(uri, nation_step(situation.id, sector)),
        guidance=[
            link_to(catalogue, uri, Ref("guidance", path), catalogue.pages[path].meta.description)
            for path in found.guidance
        ],
        sector_page=(
            link_to(catalogue, uri, Ref("guidance", found.sector.page)) if found.sector else None
        ),
        section=_section_link(uri, found.section),
        nations=[
            (
                part,
                nation_anchor(part.nation),
                _section_link(uri, part.section),
                [
                    (link_to(catalogue, uri, Ref("example", e.id)), KIND_LABELS[e.kind])
                    for e in part.examples
                ],
            )
            for part in found.nations
        ],
        themes=[
            Link(label, relative(uri, theme_uri(theme_id)))
            for theme_id in situation.themes
            for label in [catalogue.vocabulary("themes")[theme_id].label]
        ],
        terms=found.terms,
        glossary=relative(uri, GLOSSARY_PAGE),
    )
    return GeneratedPage(uri, markdown, EDIT_PATH)


def _section_link(from_uri: str, section: Section | None) -> Link | None:
    if section is None:
        return None
    return Link(section.heading, f"{relative(from_uri, section.page)}#{section.anchor}")
