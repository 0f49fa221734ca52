"""Typed records for the handbook's data files and page front matter; unknown keys are rejected."""

from __future__ import annotations

import datetime as dt
import html
import re
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


LINE_BREAK = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(no_markup),
    AfterValidator(one_line),
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
WebAddress = Annotated[AnyUrl, UrlConstraints(allowed_schemes=["http", "https"])]
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

    @model_validator(mode="after")
    def _kind_rules(self) -> Self:
        if self.kind == "documented" and not self.sources:
            raise ValueError("sources: A documented example needs at least one source.")
        if self.kind == "documented" and self.period is None:
            raise ValueError("period: A documented example needs the years the work ran.")
        if self.kind == "illustrative":
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
    search: dict[str, float] = {}

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
