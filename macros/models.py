"""Typed records for the handbook's data files and page front matter; unknown keys are rejected."""

from __future__ import annotations

import datetime as dt
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
    """Refuse HTML, script addresses and template code in a data value."""
    for pattern, problem in UNSAFE:
        match = pattern.search(value)
        if match:
            shown = value[match.start() : match.start() + 12]
            raise ValueError(f"'{shown}' {problem}. Remove it.")
    return value


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(no_markup),
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

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Reviewed(Record):
    """Who looks after a record and when it is next checked."""

    owner: Text
    last_reviewed: dt.date
    review_due: dt.date

    @model_validator(mode="after")
    def _due_after_review(self) -> Self:
        if self.review_due <= self.last_reviewed:
            raise ValueError("review_due: The next review date must be later than last_reviewed.")
        return self


class Term(Record):
    """One entry in a closed vocabulary."""

    id: Slug
    label: Text
    description: Paragraph
    # Everyday words people search with for the same idea, such as "red tape" for procedures.
    keywords: list[Text] = []


class Vocabularies(Record):
    """The closed lists every record's tags must come from."""

    themes: list[Term] = Field(min_length=1)
    sectors: list[Term] = Field(min_length=1)
    nations: list[Term] = Field(min_length=1)
    audiences: list[Term] = Field(min_length=1)
    levers: list[Term] = Field(min_length=1)
    barriers: list[Term] = Field(min_length=1)
    organisation_types: list[Term] = Field(min_length=1)


class Related(Record):
    """Links from a record to guidance pages, examples and reports."""

    guidance: list[DocPath] = []
    examples: list[Slug] = []
    reports: list[Slug] = []


class Source(Record):
    """A real, checkable publication that backs a record."""

    title: Text
    publisher: Text
    year: Year
    url: WebAddress


class Period(Record):
    """When the work ran: a start year and an end year or 'ongoing'."""

    from_: Year = Field(alias="from")
    to: Year | Literal["ongoing"]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if isinstance(self.to, int) and self.to < self.from_:
            raise ValueError("to: The end year must not be earlier than 'from'.")
        return self


class Example(Reviewed):
    """A practice example: documented (with real sources) or illustrative (a labelled composite)."""

    id: Slug
    title: Text
    kind: Literal["documented", "illustrative"]
    summary: Paragraph
    organisations: list[Slug] = []
    place: Text
    nation: Slug
    sectors: list[Slug] = Field(min_length=1)
    themes: list[Slug] = Field(min_length=1)
    audiences: list[Slug] = Field(min_length=1)
    levers: list[Slug] = []
    barriers: list[Slug] = []
    period: Period
    context: Markdown
    what_they_did: Markdown
    what_changed: Markdown
    what_was_hard: Markdown
    try_it_yourself: Markdown
    related: Related = Related()
    sources: list[Source] = []

    @model_validator(mode="after")
    def _kind_rules(self) -> Self:
        if self.kind == "documented" and not self.sources:
            raise ValueError("sources: A documented example needs at least one source.")
        if self.kind == "illustrative" and self.organisations:
            raise ValueError(
                "organisations: An illustrative example must not name real organisations. "
                "Leave it empty."
            )
        return self


class Report(Reviewed):
    """A real publication the handbook draws on."""

    id: Slug
    title: Text
    authors: list[Text] = Field(min_length=1)
    publisher: Text
    year: Year | None = None  # None for an undated publication
    url: WebAddress
    summary: Paragraph
    key_ideas: list[Text] = Field(min_length=1)
    themes: list[Slug] = Field(min_length=1)
    related: Related = Related()


class Organisation(Record):
    """An organisation named by documented examples or reports."""

    id: Slug
    name: Text
    type: Slug
    nation: Slug
    url: WebAddress
    description: Paragraph | None = None


class GlossaryTerm(Record):
    """A term the handbook explains, shown on the glossary page and on hover or focus."""

    id: Slug
    term: Text
    aliases: list[Text] = []
    definition: Paragraph
    themes: list[Slug] = []

    @field_validator("definition")
    @classmethod
    def _one_plain_sentence(cls, value: str) -> str:
        if re.search(r"[\n\"]", value):
            raise ValueError("Write the definition on one line, with no double quotes.")
        return value


class Glossary(Record):
    """Every glossary term."""

    terms: list[GlossaryTerm] = Field(min_length=1)


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
    # Read by the theme and search, not by the handbook's code.
    hide: list[str] = []
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
