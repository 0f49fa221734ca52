"""The guided finder's decisions: what each outcome lists, and the checks on data/situations.yml.

A reader answers three questions (situation, sector, nation), each on its own page; the sector
and the nation can be skipped. The outcome is one page per situation and sector (or any sector),
with a part for each nation that the nation question links to (its own address, page#in-wales):
a page per nation as well would more than double the size of the site for the same facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markdown.extensions.toc import slugify

from macros.catalogue import Catalogue
from macros.docpages import DocPage
from macros.jurisdiction import UK_NATIONS
from macros.models import Example, FinderSector, GlossaryTerm, LawSet, Situation, Situations
from macros.problems import Problem, did_you_mean

LABEL = "data/situations.yml"
ANY_SECTOR = "any-sector"
ALL_NATIONS = "all-nations"
# How many practice examples an outcome lists; the theme pages have the rest.
OUTCOME_EXAMPLES = 4
HEADING = re.compile(r"^#{2,3}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@dataclass(frozen=True)
class Section:
    """A section of a sector page: its heading, the page and the heading's anchor."""

    heading: str
    page: str
    anchor: str


@dataclass(frozen=True)
class NationLaw:
    """One law set's lines for one nation."""

    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class NationPart:
    """What an outcome says for one nation: its law, its section of the sector page, examples."""

    nation: str
    label: str
    law: tuple[NationLaw, ...]
    section: Section | None
    examples: tuple[Example, ...]
    example_total: int


@dataclass(frozen=True)
class Outcome:
    """Everything one outcome page lists, decided from the data."""

    situation: Situation
    sector: FinderSector | None
    guidance: tuple[str, ...]
    section: Section | None
    nations: tuple[NationPart, ...]
    terms: tuple[GlossaryTerm, ...]


def headings(page: DocPage) -> dict[str, str]:
    """Return a page's level-2 and level-3 headings with the anchors MkDocs gives them."""
    found: dict[str, str] = {}
    for match in HEADING.finditer(page.body):
        text = match.group(1).strip()
        found.setdefault(text, slugify(text, "-"))
    return found


def sector_ids(situations: Situations) -> list[str]:
    """Return the sector answers in the order offered, the skip answer last."""
    return [sector.id for sector in situations.sectors] + [ANY_SECTOR]


def nation_answers() -> list[str]:
    """Return the nation answers in the order offered, the skip answer last."""
    return [*UK_NATIONS, ALL_NATIONS]


def nation_anchor(nation: str) -> str:
    """Return the anchor MkDocs gives the heading of a nation's part ("In Wales": 'in-wales')."""
    return slugify(f"In {UK_NATIONS[nation]}", "-")


def law_lines(law: LawSet, nation: str) -> tuple[str, ...]:
    """Return a law set's lines for one nation id."""
    return tuple(getattr(law, nation.replace("-", "_")))


def outcome(
    catalogue: Catalogue, situations: Situations, situation: Situation, sector_id: str
) -> Outcome:
    """Return what the outcome page for a situation and a sector (or any sector) lists.

    The page has a part for each nation; the nation question links to that part.
    """
    sector = next((s for s in situations.sectors if s.id == sector_id), None)
    laws = {law.id: law for law in situations.law}
    law_ids = list(dict.fromkeys([*situation.law, *(sector.law if sector else [])]))
    found = headings(catalogue.pages[sector.page]) if sector else {}
    glossary = {term.id: term for term in catalogue.glossary}
    parts = []
    for nation, name in UK_NATIONS.items():
        examples = matching_examples(catalogue, situation, sector.id if sector else None, nation)
        parts.append(
            NationPart(
                nation=nation,
                label=name,
                law=tuple(
                    NationLaw(laws[law_id].title, law_lines(laws[law_id], nation))
                    for law_id in law_ids
                ),
                section=nation_section(sector, found, name),
                examples=tuple(examples[:OUTCOME_EXAMPLES]),
                example_total=len(examples),
            )
        )
    heading = situation.sections.get(sector.id, sector.section) if sector else ""
    return Outcome(
        situation=situation,
        sector=sector,
        guidance=tuple(situation.guidance),
        section=Section(heading, sector.page, found[heading])
        if sector and heading in found
        else None,
        nations=tuple(parts),
        terms=tuple(glossary[term] for term in situation.terms if term in glossary),
    )


def nation_section(sector: FinderSector | None, found: dict[str, str], name: str) -> Section | None:
    """Return the sector page's own section on a nation ("Wales", "Wales: ..."), if it has one."""
    if sector is None:
        return None
    for heading, anchor in found.items():
        if heading == name or heading.startswith(f"{name}:"):
            return Section(heading, sector.page, anchor)
    return None


def matching_examples(
    catalogue: Catalogue, situation: Situation, sector: str | None, nation: str
) -> list[Example]:
    """Return the examples on the situation's themes, in the sector and nation (or UK-wide).

    Documented examples come first, then those sharing most of the situation's themes.
    """
    themes = set(situation.themes)
    nations = {nation, "uk-wide"}
    chosen = [
        example
        for example in catalogue.data.examples.values()
        if themes.intersection(example.themes)
        and (sector is None or sector in example.sectors)
        and example.nation in nations
    ]
    return sorted(
        chosen,
        key=lambda e: (e.kind != "documented", -len(themes.intersection(e.themes)), e.title),
    )


def finder_problems(catalogue: Catalogue) -> list[Problem]:
    """Check every name in data/situations.yml points at something that exists."""
    situations = catalogue.data.situations
    if situations is None or catalogue.data.vocabularies is None:
        return []  # a broken vocabulary file is reported on its own
    check = _Checker(catalogue, situations, [])
    check.unique_ids()
    check.sectors()
    for index, situation in enumerate(situations.situations):
        check.situation(index, situation)
    return check.problems


@dataclass
class _Checker:
    """Reports each name in data/situations.yml that points at nothing, with its line."""

    catalogue: Catalogue
    data: Situations
    problems: list[Problem]

    def report(self, path: tuple[str | int, ...], message: str) -> None:
        field = ".".join(str(part) for part in path)
        line = self.catalogue.data.lines[LABEL].line_of(path)
        self.problems.append(Problem(LABEL, line, field, message))

    def one_of(
        self, path: tuple[str | int, ...], value: str, choices: Iterable[str], what: str
    ) -> bool:
        choices = list(choices)
        if value in choices:
            return True
        self.report(path, f"There is no {what} '{value}'.{did_you_mean(value, choices)}")
        return False

    def unique_ids(self) -> None:
        for name, records in (
            ("sectors", self.data.sectors),
            ("law", self.data.law),
            ("situations", self.data.situations),
        ):
            ids = [record.id for record in records]
            for index, value in enumerate(ids):
                if ids.index(value) != index:
                    self.report((name, index, "id"), f"The id '{value}' is used twice. Change one.")

    def laws(self, where: tuple[str | int, ...], law_ids: list[str]) -> None:
        known = [law.id for law in self.data.law]
        for index, law_id in enumerate(law_ids):
            self.one_of((*where, "law", index), law_id, known, "law set in this file called")

    def sectors(self) -> None:
        vocabulary = self.catalogue.vocabulary("sectors")
        for index, sector in enumerate(self.data.sectors):
            where = ("sectors", index)
            self.one_of((*where, "id"), sector.id, vocabulary, "sector in data/vocabularies.yml")
            if self.one_of((*where, "page"), sector.page, self.catalogue.pages, "page in docs/"):
                self.heading((*where, "section"), sector.page, sector.section)
            self.laws(where, sector.law)

    def heading(self, path: tuple[str | int, ...], page: str, heading: str) -> None:
        found = headings(self.catalogue.pages[page])
        self.one_of(path, heading, found, f"heading on docs/{page} called")

    def situation(self, index: int, situation: Situation) -> None:
        where = ("situations", index)
        guidance = sorted(self.catalogue.guidance_uris)
        for number, path in enumerate(situation.guidance):
            self.one_of((*where, "guidance", number), path, guidance, "guidance page in docs/")
        themes = self.catalogue.vocabulary("themes")
        for number, theme in enumerate(situation.themes):
            self.one_of((*where, "themes", number), theme, themes, "theme")
        pages = {s.id: s.page for s in self.data.sectors if s.page in self.catalogue.pages}
        for sector_id, heading in situation.sections.items():
            at = (*where, "sections", sector_id)
            if self.one_of(at, sector_id, pages, "sector in this file's sectors called"):
                self.heading(at, pages[sector_id], heading)
        self.laws(where, situation.law)
        glossary = [term.id for term in self.catalogue.glossary]
        for number, term in enumerate(situation.terms):
            self.one_of((*where, "terms", number), term, glossary, "glossary term")
