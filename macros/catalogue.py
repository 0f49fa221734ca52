"""Cross-references between pages and records, both ways, and the checks that keep them whole."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from macros.docpages import DocPage, guidance_pages
from macros.jurisdiction import UK_NATIONS, nation_ids
from macros.loader import Data
from macros.models import Example, GlossaryTerm, Organisation, Related, Report, Term
from macros.problems import Problem, did_you_mean
from macros.yamlfile import LineMap

Kind = Literal["guidance", "example", "report", "organisation"]


@dataclass(frozen=True, order=True)
class Ref:
    """A pointer to one page or record."""

    kind: Kind
    key: str  # a docs path for guidance pages, an id for records


@dataclass(frozen=True)
class Catalogue:
    """Every page and record, and who refers to whom."""

    data: Data
    pages: dict[str, DocPage]
    links: dict[Ref, tuple[Ref, ...]] = field(default_factory=dict)
    backlinks: dict[Ref, tuple[Ref, ...]] = field(default_factory=dict)

    # --- lookups -------------------------------------------------------------------------
    def vocabulary(self, name: str) -> dict[str, Term]:
        """Return a closed list (themes, sectors, ...) by id."""
        if self.data.vocabularies is None:
            return {}
        terms: list[Term] = getattr(self.data.vocabularies, name)
        return {term.id: term for term in terms}

    @property
    def glossary(self) -> list[GlossaryTerm]:
        """Return the glossary terms in alphabetical order."""
        terms = self.data.glossary.terms if self.data.glossary else []
        return sorted(terms, key=lambda term: term.term.lower())

    def guidance_pages(self) -> list[DocPage]:
        """Return the pages inside chapters that are not landing pages."""
        return list(self._guidance)

    @functools.cached_property
    def _guidance(self) -> tuple[DocPage, ...]:
        # Worked out once per build: every page's search boost and every theme page ask for it.
        return tuple(guidance_pages(self.pages.values()))

    @functools.cached_property
    def guidance_uris(self) -> frozenset[str]:
        """Return the docs paths of the guidance pages."""
        return frozenset(page.src_uri for page in self._guidance)

    def referenced_in(self, ref: Ref) -> tuple[Ref, ...]:
        """Return every page or record that refers to `ref`."""
        return self.backlinks.get(ref, ())

    def refers_to(self, ref: Ref) -> tuple[Ref, ...]:
        """Return every page or record that `ref` refers to."""
        return self.links.get(ref, ())

    def neighbours(self, ref: Ref, kind: Kind) -> list[Ref]:
        """Return records of `kind` linked either way with `ref`, without repeats."""
        both = set(self.refers_to(ref)) | set(self.referenced_in(ref))
        return sorted(other for other in both if other.kind == kind)

    def related_examples(self, ref: Ref, limit: int) -> tuple[list[Ref], int]:
        """Return the few examples most relevant to a page, and how many are linked with it.

        Examples the page names itself come first; then those that name the page, ranked as
        `ranked_examples` ranks them. So a page lists a handful however many examples cite
        it, and the list does not grow with the data.
        """
        named = [other for other in self.refers_to(ref) if other.kind == "example"]
        citing = [other for other in self.citing_examples(ref) if other not in named]
        chosen = self.ranked_examples(ref, named) + self.ranked_examples(ref, citing)
        return chosen[:limit], len(chosen)

    def citing_examples(self, ref: Ref) -> list[Ref]:
        """Return the examples that refer to a page or record (its full "cited by" list)."""
        return [other for other in self.referenced_in(ref) if other.kind == "example"]

    def ranked_examples(self, ref: Ref, examples: Iterable[Ref]) -> list[Ref]:
        """Return examples most relevant to a page or record first.

        Documented examples come first; then those sharing most of its themes, then most of
        its sectors, then those from its nation; then by title, so the order is stable.
        """
        themes, sectors, nation = self._profile(ref)

        def relevance(other: Ref) -> tuple[bool, int, int, bool, str, str]:
            example = self.data.examples[other.key]
            return (
                example.kind != "documented",
                -len(themes.intersection(example.themes)),
                -len(sectors.intersection(example.sectors)),
                example.nation != nation,
                example.title,
                example.id,
            )

        return sorted(examples, key=relevance)

    def _profile(self, ref: Ref) -> tuple[set[str], set[str], str | None]:
        """Return the themes, sectors and nation of a page or record, as far as it has them."""
        record = self.record(ref)
        if isinstance(record, DocPage):
            return set(record.meta.themes), set(), None
        if isinstance(record, Example):
            return set(record.themes), set(record.sectors), record.nation
        if isinstance(record, Report):
            return set(record.themes), set(), None
        return set(), set(), record.nation

    def examples_matching(
        self,
        *,
        theme: str | None = None,
        sector: str | None = None,
        audience: str | None = None,
        lever: str | None = None,
    ) -> list[Example]:
        """Return the examples that carry every given tag, by title."""
        wanted = (
            ("themes", theme),
            ("sectors", sector),
            ("audiences", audience),
            ("levers", lever),
        )
        return sorted(
            (
                example
                for example in self.data.examples.values()
                if all(value is None or value in getattr(example, name) for name, value in wanted)
            ),
            key=lambda example: example.title,
        )

    def on_theme(self, theme: str) -> tuple[list[DocPage], list[Example], list[Report]]:
        """Return the guidance pages, examples and reports tagged with a theme."""
        pages = sorted(
            (page for page in self.guidance_pages() if theme in page.meta.themes),
            key=lambda page: page.meta.title,
        )
        examples = self.examples_matching(theme=theme)
        reports = sorted(
            (report for report in self.data.reports.values() if theme in report.themes),
            key=lambda report: report.title,
        )
        return pages, examples, reports

    def title(self, ref: Ref) -> str:
        """Return the title a page or record is shown under."""
        record = self.record(ref)
        if isinstance(record, DocPage):
            return record.meta.title
        if isinstance(record, Organisation):
            return record.name
        return record.title

    def record(self, ref: Ref) -> DocPage | Example | Report | Organisation:
        """Return the page or record a reference points to."""
        if ref.kind == "guidance":
            return self.pages[ref.key]
        if ref.kind == "example":
            return self.data.examples[ref.key]
        if ref.kind == "report":
            return self.data.reports[ref.key]
        return self.data.organisations[ref.key]


def build_catalogue(data: Data, pages: Iterable[DocPage]) -> tuple[Catalogue, list[Problem]]:
    """Check every reference in the pages and data, and index them both ways."""
    by_path = {page.src_uri: page for page in pages}
    problems: list[Problem] = []
    catalogue = Catalogue(data, by_path)
    check = _Checker(catalogue, problems)
    links: dict[Ref, set[Ref]] = defaultdict(set)
    for page in by_path.values():
        links[Ref("guidance", page.src_uri)] |= check.page(page)
    for example in data.examples.values():
        links[Ref("example", example.id)] |= check.example(example)
    for report in data.reports.values():
        links[Ref("report", report.id)] |= check.report(report)
    for organisation in data.organisations.values():
        check.organisation(organisation)
    check.vocabularies_and_glossary()
    check.search_pages()
    backlinks: dict[Ref, set[Ref]] = defaultdict(set)
    for source, targets in links.items():
        for target in targets:
            if target != source:
                backlinks[target].add(source)
    return (
        Catalogue(
            data,
            by_path,
            {ref: tuple(sorted(targets - {ref})) for ref, targets in links.items()},
            {ref: tuple(sorted(sources)) for ref, sources in backlinks.items()},
        ),
        problems,
    )


@dataclass
class _Checker:
    """Checks the references of one page or record, reporting each bad one with its line."""

    catalogue: Catalogue
    problems: list[Problem]

    def page(self, page: DocPage) -> set[Ref]:
        refs: set[Ref] = set()
        meta = page.meta
        lines = page.lines
        for name in ("audiences", "themes"):
            for index, value in enumerate(getattr(meta, name)):
                self._term(page.label, lines.line_of((name, index)), name, value)
        refs |= self._related(page.label, lines, meta.related)
        for call in page.calls:
            refs |= self._call(page.label, call.line, call.name, call.arguments)
        return refs

    def example(self, example: Example) -> set[Ref]:
        label = self.catalogue.data.label("examples", example.id)
        lines = self.catalogue.data.lines[label]
        self._term(label, lines.line_of(("nation",)), "nations", example.nation)
        if example.setting is not None:
            self._term(label, lines.line_of(("setting",)), "settings", example.setting)
        for name in ("sectors", "themes", "audiences", "levers", "barriers"):
            for index, value in enumerate(getattr(example, name)):
                self._term(label, lines.line_of((name, index)), name, value)
        refs = self._related(label, lines, example.related)
        for index, org in enumerate(example.organisations):
            line = lines.line_of(("organisations", index))
            if self._exists(label, line, "organisations", org, self.catalogue.data.organisations):
                refs.add(Ref("organisation", org))
        return refs

    def report(self, report: Report) -> set[Ref]:
        label = self.catalogue.data.label("reports", report.id)
        lines = self.catalogue.data.lines[label]
        for index, value in enumerate(report.themes):
            self._term(label, lines.line_of(("themes", index)), "themes", value)
        refs = self._related(label, lines, report.related)
        for organisation in self.catalogue.data.organisations.values():
            if organisation.name == report.publisher:
                refs.add(Ref("organisation", organisation.id))
        return refs

    def organisation(self, organisation: Organisation) -> None:
        label = self.catalogue.data.label("organisations", organisation.id)
        lines = self.catalogue.data.lines[label]
        self._term(label, lines.line_of(("type",)), "organisation_types", organisation.type)
        self._term(label, lines.line_of(("nation",)), "nations", organisation.nation)

    def vocabularies_and_glossary(self) -> None:
        data = self.catalogue.data
        if data.vocabularies is not None:
            lines = data.lines["data/vocabularies.yml"]
            for name in type(data.vocabularies).model_fields:
                self._unique(
                    "data/vocabularies.yml",
                    lines,
                    name,
                    [term.id for term in getattr(data.vocabularies, name)],
                )
        if data.glossary is not None:
            label = "data/glossary.yml"
            lines = data.lines[label]
            self._unique(label, lines, "terms", [term.id for term in data.glossary.terms])
            forms = [
                form.lower() for term in data.glossary.terms for form in (term.term, *term.aliases)
            ]
            for index, term in enumerate(data.glossary.terms):
                for form in (term.term, *term.aliases):
                    if forms.count(form.lower()) > 1:
                        self.problems.append(
                            Problem(
                                label,
                                lines.line_of(("terms", index)),
                                f"terms.{index}",
                                f"'{form}' is used by more than one glossary term. Keep it in one.",
                            )
                        )
                for theme_index, theme in enumerate(term.themes):
                    line = lines.line_of(("terms", index, "themes", theme_index))
                    self._term(label, line, "themes", theme)

    def search_pages(self) -> None:
        """Check that the everyday words and judged queries name pages that exist."""
        data = self.catalogue.data
        guidance = sorted(self.catalogue.pages)
        records = [f"examples/{key}.md" for key in data.examples]
        files = (
            ("data/search-words.yml", "words", data.search_words, guidance),
            ("data/search-queries.yml", "queries", data.search_queries, guidance + records),
        )
        for label, key, found, known in files:
            if found is None:
                continue
            lines = self.catalogue.data.lines[label]
            for index, entry in enumerate(getattr(found, key)):
                for page_index, page in enumerate(entry.pages):
                    if page not in known:
                        self.problems.append(
                            Problem(
                                label,
                                lines.line_of((key, index, "pages", page_index)),
                                f"{key}.{index}.pages",
                                f"There is no page '{page}'. Name a page by its path under "
                                f"docs/, such as everyday-practice/small-acts.md."
                                + did_you_mean(page, known),
                            )
                        )

    # --- helpers ---------------------------------------------------------------------------
    def _unique(self, label: str, lines: LineMap, name: str, ids: list[str]) -> None:
        seen: set[str] = set()
        for index, value in enumerate(ids):
            if value in seen:
                line = lines.line_of((name, index, "id"))
                self.problems.append(
                    Problem(label, line, f"{name}.{index}.id", f"The id '{value}' is used twice.")
                )
            seen.add(value)

    def _term(self, label: str, line: int, vocabulary: str, value: str) -> None:
        if self.catalogue.data.vocabularies is None:
            return  # the vocabulary file itself is broken and already reported
        choices = self.catalogue.vocabulary(vocabulary)
        if value not in choices:
            singular = vocabulary.removesuffix("s").replace("_", " ")
            self.problems.append(
                Problem(
                    label,
                    line,
                    vocabulary,
                    f"'{value}' is not a {singular} in data/vocabularies.yml."
                    f"{did_you_mean(value, choices)}",
                )
            )

    def _exists(
        self, label: str, line: int, field_name: str, value: str, records: Mapping[str, object]
    ) -> bool:
        if value in records:
            return True
        kind = {"example_card": "example", "cite": "report"}.get(field_name, field_name)
        kind = kind.rsplit(".", 1)[-1].removesuffix("s")
        self.problems.append(
            Problem(
                label,
                line,
                field_name,
                f"There is no {kind} with the id '{value}'.{did_you_mean(value, records)}",
            )
        )
        return False

    def _page_exists(self, label: str, line: int, field_name: str, path: str) -> bool:
        if path in self.catalogue.pages:
            return True
        self.problems.append(
            Problem(
                label,
                line,
                field_name,
                f"There is no page 'docs/{path}'.{did_you_mean(path, self.catalogue.pages)}",
            )
        )
        return False

    def _related(self, label: str, lines: LineMap, related: Related) -> set[Ref]:
        refs: set[Ref] = set()
        data = self.catalogue.data
        for index, path in enumerate(related.guidance):
            line = lines.line_of(("related", "guidance", index))
            if self._page_exists(label, line, "related.guidance", path):
                refs.add(Ref("guidance", path))
        for index, example_id in enumerate(related.examples):
            line = lines.line_of(("related", "examples", index))
            if self._exists(label, line, "related.examples", example_id, data.examples):
                refs.add(Ref("example", example_id))
        for index, report_id in enumerate(related.reports):
            line = lines.line_of(("related", "reports", index))
            if self._exists(label, line, "related.reports", report_id, data.reports):
                refs.add(Ref("report", report_id))
        return refs

    def _call(self, label: str, line: int, name: str, arguments: dict[str, str]) -> set[Ref]:
        data = self.catalogue.data
        if name == "example_card":
            value = arguments["example_id"]
            if self._exists(label, line, name, value, data.examples):
                return {Ref("example", value)}
        elif name == "cite":
            value = arguments["report_id"]
            if self._exists(label, line, name, value, data.reports):
                return {Ref("report", value)}
        elif name == "example_list":
            for key, value in arguments.items():
                self._term(label, line, f"{key}s", value)
        elif name == "applies_in":
            self._nations(label, line, arguments["nations"])
        return set()

    def _nations(self, label: str, line: int, value: str) -> None:
        given = nation_ids(value)
        if not given:
            self.problems.append(
                Problem(label, line, "applies_in", 'applies_in() needs nations, like "england".')
            )
        for nation in given:
            if nation not in UK_NATIONS:
                self.problems.append(
                    Problem(
                        label,
                        line,
                        "applies_in",
                        f"'{nation}' is not a UK nation. Use {', '.join(UK_NATIONS)}."
                        f"{did_you_mean(nation, UK_NATIONS)}",
                    )
                )
