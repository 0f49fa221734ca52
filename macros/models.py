"""Typed records for the handbook's data files and page front matter; unknown keys are rejected."""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    AnyUrl,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    UrlConstraints,
    field_validator,
    model_validator,
)

# Data files hold text and Markdown, never HTML, scripts or template code: the site shows text
# exactly as written, so anything that looks like markup is refused with a plain message.
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
UNSAFE = (
    (HTML_TAG, "looks like HTML. Data files take plain text and Markdown only"),
    (
        re.compile(r"javascript\s*:|vbscript\s*:|data\s*:\s*text/html", re.IGNORECASE),
        "is a script address",
    ),
    (re.compile(r"\{\{|\{%|\{#"), "looks like template code, which is not allowed here"),
)


def no_markup(value: str) -> str:
    """Refuse HTML, script addresses and template code in a data value.

    The value is also checked with HTML entities decoded ('&lt;' as '<'), since a page
    title or a tooltip can turn them back into markup.
    """
    for candidate in dict.fromkeys((value, html.unescape(value))):
        for pattern, problem in UNSAFE:
            match = pattern.search(candidate)
            if match:
                shown = candidate[match.start() : match.start() + 12]
                raise ValueError(f"'{shown}' {problem}. Remove it.")
    return value


def one_line(value: str) -> str:
    """Refuse a line break in a title or a name, where it would start new Markdown."""
    if LINE_BREAK.search(value):
        raise ValueError("Write this on one line, with no line breaks.")
    return value


def visible(value: str) -> str:
    """Refuse invisible and direction-changing characters, which make text read differently.

    Bidi controls reorder what a reader sees (a title can look like another); zero-width and
    other format and control characters hide words from search and from reviewers.
    """
    for character in value:
        if unicodedata.category(character) in INVISIBLE:
            name = unicodedata.name(character, f"U+{ord(character):04X}").lower()
            raise ValueError(f"This holds an invisible character ({name}). Delete it.")
    return value


INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})
LINE_BREAK = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(no_markup),
    AfterValidator(one_line),
    AfterValidator(visible),
]
Paragraph = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=1500),
    AfterValidator(no_markup),
]
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=6000),
    AfterValidator(no_markup),
]


def no_credentials(url: AnyUrl) -> AnyUrl:
    """Refuse a user name or password in a web address: published, it is no longer secret."""
    if url.username or url.password:
        raise ValueError("This web address holds a user name or password (before '@'). Remove it.")
    return url


WebAddress = Annotated[
    AnyUrl, UrlConstraints(allowed_schemes=["http", "https"]), AfterValidator(no_credentials)
]
DocPath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/_-]*\.md$")]
Year = Annotated[int, Field(ge=1900, le=2100)]

SLUG_HINT = "lower-case words joined by hyphens"


class Record(BaseModel):
    """Base for every record: strict about unknown keys, frozen once loaded.

    A model validator names the field it is about as "field: message", so reports can point at it.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, use_attribute_docstrings=True
    )


class Reviewed(Record):
    """Who looks after a record and when it is next checked."""

    owner: Text
    """Who looks after this record: a team or role, such as "Handbook editorial team"."""
    last_reviewed: dt.date
    """When someone last checked it was accurate, as YYYY-MM-DD."""
    review_due: dt.date
    """When it must next be checked, as YYYY-MM-DD; later than last_reviewed."""

    @model_validator(mode="after")
    def _due_after_review(self) -> Self:
        if self.review_due <= self.last_reviewed:
            raise ValueError("review_due: The next review date must be later than last_reviewed.")
        return self


class Term(Record):
    """One entry in a closed vocabulary."""

    id: Slug
    """The id used in other files: lower-case words joined by hyphens."""
    label: Text
    """The name readers see."""
    description: Paragraph
    """One sentence on what the term covers."""
    keywords: list[Text] = []
    """Everyday words people search with for the same idea (themes only)."""


class Vocabularies(Record):
    """The closed lists every record's tags must come from."""

    themes: list[Term] = Field(min_length=1)
    sectors: list[Term] = Field(min_length=1)
    nations: list[Term] = Field(min_length=1)
    audiences: list[Term] = Field(min_length=1)
    levers: list[Term] = Field(min_length=1)
    barriers: list[Term] = Field(min_length=1)
    organisation_types: list[Term] = Field(min_length=1)
    settings: list[Term] = Field(min_length=1)


class Related(Record):
    """Links from a record to guidance pages, examples and reports."""

    guidance: list[DocPath] = []
    """Guidance pages, as paths inside docs/, such as everyday-practice/small-acts.md."""
    examples: list[Slug] = []
    """Practice examples, by id."""
    reports: list[Slug] = []
    """Reports, by id."""


class Source(Record):
    """A real, checkable publication that backs a record."""

    title: Text
    """The title of the source, as published."""
    publisher: Text
    """Who published it."""
    year: Year
    """The year it was published."""
    url: WebAddress
    """Where to read it: a full https:// address you have checked."""
    checked: dt.date
    """When you last read the source and saw it says what the record claims, as YYYY-MM-DD."""


QUOTE_WORDS_AT_MOST = 40


class Evidence(Record):
    """One figure, date or quotation in a documented example, and the source sentence behind it."""

    claim: Text
    """Words copied exactly from the example's text that hold the figure, date or quotation."""
    source: Text
    """The title of the source that supports it, exactly as written in this record's sources."""
    quote: Text
    """The sentence from that source that supports the claim, copied exactly: at most 40 words."""
    checked: dt.date
    """When you read that sentence in the source, as YYYY-MM-DD."""

    @field_validator("quote")
    @classmethod
    def _short_quote(cls, value: str) -> str:
        words = len(value.split())
        if words > QUOTE_WORDS_AT_MOST:
            raise ValueError(
                f"This quote has {words} words. Keep the part of the sentence that supports "
                f"the claim, at most {QUOTE_WORDS_AT_MOST} words."
            )
        return value


class Period(Record):
    """When the work ran: a start year and an end year or 'ongoing'."""

    from_: Year = Field(alias="from")
    """The year the work began."""
    to: Year | Literal["ongoing"]
    """The year it ended, or the word ongoing."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, use_attribute_docstrings=True
    )

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if isinstance(self.to, int) and self.to < self.from_:
            raise ValueError("to: The end year must not be earlier than 'from'.")
        return self


class Example(Reviewed):
    """A practice example: documented (with real sources) or illustrative (a labelled composite)."""

    id: Slug
    """Lower-case words joined by hyphens; the same as the file name without .yml."""
    title: Text
    """A short, plain title that says what happened."""
    kind: Literal["documented", "illustrative"]
    """documented (real work, with sources) or illustrative (a composite, labelled as such)."""
    summary: Paragraph
    """One short paragraph: who did what, and what changed."""
    organisations: list[Slug] = []
    """Organisations involved, by id from data/organisations/ (documented only)."""
    place: Text
    """Where it happened; for an illustrative example, a general description."""
    nation: Slug
    """A nation id from data/vocabularies.yml."""
    sectors: list[Slug] = Field(min_length=1)
    """One or more sector ids from data/vocabularies.yml."""
    themes: list[Slug] = Field(min_length=1)
    """One or more theme ids from data/vocabularies.yml."""
    audiences: list[Slug] = Field(min_length=1)
    """Who it is most useful for: audience ids from data/vocabularies.yml."""
    levers: list[Slug] = []
    """What people changed: lever ids from data/vocabularies.yml."""
    barriers: list[Slug] = []
    """What stood in the way: barrier ids from data/vocabularies.yml."""
    setting: Slug | None = None
    """Where the work happens: a setting id from data/vocabularies.yml; required if illustrative."""
    period: Period | None = None
    """When the work ran: from (a year) and to (a year, or ongoing); documented examples only."""
    measured: bool = False
    """true only if what_changed reports measured results, naming the measure and who measures."""
    context: Markdown
    """Markdown: the situation before the work began."""
    what_they_did: Markdown
    """Markdown: what people did."""
    what_changed: Markdown
    """Markdown: what changed; say plainly if nobody measured it."""
    what_did_not_work: Markdown | None = None
    """Markdown: an honest account of what did not work, where the sources or the story tell."""
    what_was_hard: Markdown
    """Markdown: what was hard, and how people handled it."""
    what_happened_next: Markdown | None = None
    """Markdown: for work begun over five years ago, what happened next, where sources tell."""
    try_it_yourself: Markdown
    """Markdown: a list of actions a reader could take, each starting with a verb."""
    related: Related = Related()
    """Guidance pages, examples and reports this example is linked with."""
    sources: list[Source] = []
    """Published sources (title, publisher, year, url, checked); at least one if documented."""
    evidence: list[Evidence] = []
    """For each figure, date or quotation: the claim, its source's title, the source's sentence."""
    evidence_to_do: Paragraph | None = None
    """Why some figures are not yet traced to a source sentence; the check lists them until done."""

    @model_validator(mode="after")
    def _evidence_names_a_source(self) -> Self:
        titles = {source.title for source in self.sources}
        for index, item in enumerate(self.evidence):
            if item.source not in titles:
                raise ValueError(
                    f"evidence: Item {index + 1} names the source '{item.source}', which is not "
                    "the title of any source in this record. Copy the title from sources."
                )
        return self

    @model_validator(mode="after")
    def _kind_rules(self) -> Self:
        if self.kind == "documented" and not self.sources:
            raise ValueError("sources: A documented example needs at least one source.")
        if self.kind == "documented" and self.period is None:
            raise ValueError("period: A documented example needs the years the work ran.")
        if self.kind == "illustrative":
            if self.evidence or self.evidence_to_do:
                raise ValueError(
                    "evidence: An illustrative example has no sources, so it has no evidence. "
                    "Remove evidence."
                )
            if self.organisations:
                raise ValueError(
                    "organisations: An illustrative example must not name real organisations. "
                    "Leave it empty."
                )
            if self.setting is None:
                raise ValueError(
                    "setting: An illustrative example needs a setting, such as hospital-ward."
                )
            if self.period is not None:
                raise ValueError(
                    "period: An illustrative example has no dates, so it is not mistaken for a "
                    "real event. Remove period."
                )
            if self.measured:
                raise ValueError(
                    "measured: An illustrative example has no measured results. Remove measured."
                )
        return self


class Report(Reviewed):
    """A real publication the handbook draws on."""

    id: Slug
    """Lower-case words joined by hyphens; the same as the file name without .yml."""
    title: Text
    """The report's full title, as published."""
    authors: list[Text] = Field(min_length=1)
    """The authors, or the organisation if no person is named."""
    publisher: Text
    """Who published it."""
    year: Year | None = None
    """The year it was published; leave it out if the publication is undated."""
    url: WebAddress
    """Where to read it: a full https:// address you have checked."""
    summary: Paragraph
    """A summary in your own words, 60 to 120 words."""
    key_ideas: list[Text] = Field(min_length=1)
    """Three to six key ideas, each one sentence of your own."""
    themes: list[Slug] = Field(min_length=1)
    """One or more theme ids from data/vocabularies.yml."""
    related: Related = Related()
    """Guidance pages, examples and reports this report is linked with."""


class Organisation(Record):
    """An organisation named by documented examples or reports."""

    id: Slug
    """Lower-case words joined by hyphens; the same as the file name without .yml."""
    name: Text
    """The organisation's name."""
    type: Slug
    """An organisation type id from data/vocabularies.yml."""
    nation: Slug
    """A nation id from data/vocabularies.yml."""
    url: WebAddress
    """The organisation's website."""
    description: Paragraph | None = None
    """One sentence on who they are."""


class GlossaryTerm(Record):
    """A term the handbook explains, shown on the glossary page and on hover or focus."""

    id: Slug
    """Lower-case words joined by hyphens."""
    term: Text
    """The term as it appears in running text, usually lower case."""
    aliases: list[Text] = []
    """Other exact forms that also get the definition, such as a plural."""
    definition: Paragraph
    """One plain sentence, on one line, with no double quotes."""
    other_senses: list[Text] = []
    """Exact phrases in which the word means something else, such as "NHS trust" for trust."""
    themes: list[Slug] = []
    """Theme ids from data/vocabularies.yml."""

    @field_validator("definition")
    @classmethod
    def _one_plain_sentence(cls, value: str) -> str:
        if re.search(r"[\n\"]", value):
            raise ValueError("Write the definition on one line, with no double quotes.")
        return value


class Glossary(Record):
    """Every glossary term."""

    terms: list[GlossaryTerm] = Field(min_length=1)


class SearchWords(Record):
    """Everyday words staff type, and the pages search should find for them."""

    pages: list[Text] = Field(min_length=1)
    """Paths of pages under docs/, such as everyday-practice/small-acts.md."""
    words: list[Text] = Field(min_length=1)
    """Words and phrases as people type them, such as "angry resident"."""


class SearchVocabulary(Record):
    """Every set of everyday words for search."""

    words: list[SearchWords] = Field(min_length=1)


class JudgedQuery(Record):
    """One query as staff type it, and the pages a right answer puts in the top three."""

    query: Text
    """The words typed, typos and all."""
    pages: list[Text] = Field(min_length=1)
    """Paths of pages under docs/, or examples/<id>.md for a practice example."""


class JudgedQueries(Record):
    """The queries search is judged on."""

    queries: list[JudgedQuery] = Field(min_length=1)


class Change(Record):
    """One line of a page's history, shown to readers."""

    date: dt.date
    """When the change was made, as YYYY-MM-DD."""
    note: Text
    """One line on what changed or what was checked, such as "Checked against the 2025 Act"."""


class PageMeta(Record):
    """The front matter of a hand-written page."""

    title: Text
    description: Text
    owner: Text | None = None
    last_reviewed: dt.date | None = None
    review_due: dt.date | None = None
    audiences: list[Slug] = []
    themes: list[Slug] = []
    related: Related = Related()
    chapter: Annotated[int, Field(ge=1, le=50)] | None = None
    history: list[Change] = []
    # Read by the theme and search, not by the handbook's code.
    hide: list[str] = []
    template: Literal["home.html"] | None = None  # the home page's layout, in overrides/
    # Strict: a boost written as text ("2") would reach the search index as text.
    search: dict[str, Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=10)]] = {}

    @model_validator(mode="after")
    def _review_dates(self) -> Self:
        if self.last_reviewed and self.review_due and self.review_due <= self.last_reviewed:
            raise ValueError("review_due: The next review date must be later than last_reviewed.")
        return self


class GuidanceMeta(PageMeta):
    """The front matter every page inside a chapter must have."""

    owner: Text
    last_reviewed: dt.date
    review_due: dt.date
    audiences: list[Slug] = Field(min_length=1)
    themes: list[Slug] = Field(min_length=1)
    history: list[Change] = Field(min_length=1)

    @model_validator(mode="after")
    def _review_is_recorded(self) -> Self:
        dates = [change.date for change in self.history]
        if dates != sorted(dates, reverse=True):
            raise ValueError("history: List the changes newest first.")
        if self.last_reviewed not in dates:
            raise ValueError(
                "last_reviewed: Add a line to history for the review on this date, saying "
                "what you checked the page against."
            )
        return self


NationLaw = Annotated[list[Text], Field(min_length=1, max_length=8)]


class LawSet(Record):
    """The laws and bodies on one subject, nation by nation, for the finder's outcome pages."""

    id: Slug
    """Lower-case words joined by hyphens; situations and sectors name the set by it."""
    title: Text
    """What the laws and bodies are about, such as "Complaints and ombudsmen"."""
    england: NationLaw
    """The laws and bodies that apply in England, one per line."""
    scotland: NationLaw
    """The laws and bodies that apply in Scotland, one per line."""
    wales: NationLaw
    """The laws and bodies that apply in Wales, one per line."""
    northern_ireland: NationLaw = Field(alias="northern-ireland")
    """The laws and bodies that apply in Northern Ireland, one per line."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, use_attribute_docstrings=True
    )


class FinderSector(Record):
    """A sector the finder offers, with the sector page that covers it."""

    id: Slug
    """A sector id from data/vocabularies.yml."""
    page: DocPath
    """The sector's page, as a path inside docs/, such as sectors/housing.md."""
    section: Text
    """The heading on that page to send readers to when a situation names none for this sector."""
    law: list[Slug] = []
    """Law sets (by id, from law: in this file) that apply to every situation in this sector."""


class Situation(Record):
    """One situation a reader can start the finder from, in the words staff use."""

    id: Slug
    """Lower-case words joined by hyphens; it becomes the finder's address for the situation."""
    question: Text
    """What is happening, as staff would say it, such as "I have to say no to someone"."""
    description: Paragraph
    """One or two sentences on what the outcome page helps with."""
    guidance: list[DocPath]
    """The two to four guidance pages that answer it, as paths inside docs/."""
    themes: list[Slug] = Field(min_length=1)
    """Theme ids from data/vocabularies.yml; they pick the practice examples shown."""
    sections: dict[Slug, Text] = {}
    """For each sector id, the heading on its sector page that speaks to this situation."""
    law: list[Slug] = Field(min_length=1)
    """Law sets (by id, from law: in this file) that apply to this situation."""
    terms: list[Slug] = []
    """Glossary term ids (from data/glossary.yml) the outcome page explains."""

    @field_validator("guidance")
    @classmethod
    def _two_to_four(cls, value: list[str]) -> list[str]:
        if not 2 <= len(value) <= 4:
            raise ValueError("Name two to four guidance pages, the ones that answer it best.")
        return value


class Situations(Record):
    """The guided finder: its sectors, its law sets and its situations."""

    sectors: list[FinderSector] = Field(min_length=1)
    law: list[LawSet] = Field(min_length=1)
    situations: list[Situation] = Field(min_length=1)
