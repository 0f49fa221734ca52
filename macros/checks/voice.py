"""The handbook's voice: how often pages lean on "X, not Y", and sentences pages repeat."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from macros.docpages import FRONT_MATTER
from macros.problems import Problem

# A page may use one contrast per 1,000 words; a page shorter than that may still use one.
PER_THOUSAND = 1.0
REPEAT_WORDS = 8
# "For example:" may close many paragraphs; a closing line of 4 or more words is a cadence.
CLOSING_WORDS = 4
# What is not the page's own prose: macros, link addresses, code, and the lists of sources.
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
TAIL = re.compile(r"^## (Sources|Related practice examples)\b.*", re.MULTILINE | re.DOTALL)
BLOCK_MARK = re.compile(r"^(?:[-*+]|\d+\.)\s+|^(?:!!!|\?\?\?).*")
EMPHASIS = re.compile(r"[*_`]")
# Words in quotation marks are someone else's, or a phrase held up for comment.
QUOTED = re.compile(r"\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d")
SENTENCE_END = re.compile(r"(?<=[.?!])[\"\u201d)]?\s+(?=[\"\u201c(]?[A-Z0-9])")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

# After ", not", these words hedge or add ("not only", "not yet", "not least"): no contrast.
NOT_A_CONTRAST = (
    "only|just|merely|simply|least|yet|always|all|every|everyone|everything|enough|"
    "necessarily|much|many|more|even|quite|so|too|unless|if|counting|including|the case"
)
COMMA_NOT = re.compile(rf",\s+not\s+(?!(?:{NOT_A_CONTRAST})\b)\w", re.IGNORECASE)
# "not a therapy but a way of working": at most six words between, with no comma to pause on.
NOT_BUT = re.compile(
    r"\bnot\s+(?!only\b|just\b|merely\b|simply\b)(?:[\w'-]+\s+){1,6}?but\s+\w", re.IGNORECASE
)
# "The rules did not change. The relationship did.": a denial answered by a short echo.
NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n't\b", re.IGNORECASE)
# "Kindness here is not softness. It is...": a short denial answered by what the thing is.
DENIAL = re.compile(
    r"\b(?:is|are|was|were|does|do)\s+not\s+(?!only\b|just\b)|\b(?:isn't|aren't|doesn't|don't)\s",
    re.IGNORECASE,
)
ANSWER = re.compile(r"^(?:it|they|this|that)\s+(?:is|are|means?)\b|^it's\b", re.IGNORECASE)
DENIAL_WORDS = 10
ECHO = re.compile(
    r"^(?:[\w'-]+\s+){1,4}(?:did|had|has|have|was|were|is|are|does|do|could|can|will|would)"
    r"(?:\s+too)?[.!]$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a page's own prose, with the line it starts on."""

    text: str
    line: int
    closing: bool  # the last sentence of a paragraph or scenario (list items do not close)


@dataclass(frozen=True)
class Contrast:
    """A sentence built on an "X, not Y" contrast."""

    page: str
    line: int
    text: str


@dataclass(frozen=True)
class PageVoice:
    """How many words a page has and which of its sentences are contrasts."""

    page: str
    words: int
    contrasts: tuple[Contrast, ...]

    @property
    def rate(self) -> float:
        """Contrasts per 1,000 words."""
        return 1000 * len(self.contrasts) / self.words if self.words else 0.0

    @property
    def allowed(self) -> int:
        """The most contrasts the page may hold: 1 per 1,000 words, and 1 on a short page."""
        return max(1, int(self.words * PER_THOUSAND / 1000))


@dataclass(frozen=True)
class Repeat:
    """A sentence found on more than one page, and where."""

    text: str
    places: tuple[tuple[str, int], ...]
    closing: bool


def blocks(markdown: str) -> list[tuple[int, str, bool]]:
    """Return each paragraph, list item or scenario as text, its first line, and if it is an item.

    Headings, quotation blocks, tables and the Sources and Related sections are left out:
    they are not the handbook's own sentences.
    """
    body = FRONT_MATTER.sub(lambda found: "\n" * found.group(0).count("\n"), markdown)
    body = TAIL.sub("", body)
    body = MACRO.sub(lambda found: "\n" * found.group(0).count("\n"), body)
    found: list[tuple[int, str, bool]] = []
    current: list[str] = []
    start = 0
    item = False

    def close() -> None:
        text = " ".join(current).strip()
        if text:
            found.append((start, text, item))
        current.clear()

    for number, raw in enumerate(body.splitlines(), start=1):
        line = raw.strip()
        skipped = line.startswith(("#", ">", "|", "```", "<")) or not line
        new_item = bool(BLOCK_MARK.match(line))
        if skipped or new_item:
            close()
        if skipped or line.startswith(("!!!", "???")):
            continue
        if not current:
            start, item = number, new_item
        text = BLOCK_MARK.sub("", line) if new_item else line
        current.append(EMPHASIS.sub("", LINK.sub(r"\1", text)))
    close()
    return found


def sentences(markdown: str) -> list[Sentence]:
    """Return the page's own sentences, marking the last of each block as a closing line."""
    found: list[Sentence] = []
    for line, block, item in blocks(markdown):
        parts = [part.strip() for part in SENTENCE_END.split(block) if part.strip()]
        found += [
            Sentence(part, line, not item and index == len(parts) - 1)
            for index, part in enumerate(parts)
        ]
    return found


def is_contrast(sentence: str, following: str = "") -> bool:
    """Whether a sentence is "X, not Y", "not X but Y", "not X. Y did." or "not X. It is Y"."""
    own = QUOTED.sub("Q", sentence)
    if COMMA_NOT.search(own) or NOT_BUT.search(own):
        return True
    if NEGATION.search(own) and ECHO.match(following.strip()):
        return True
    short = len(own.split()) <= DENIAL_WORDS
    return bool(short and DENIAL.search(own) and ANSWER.match(following.strip()))


def words_in(text: str) -> int:
    """Count the words of a stretch of prose."""
    return len(WORD.findall(text.lower()))


def page_voice(page: str, markdown: str) -> PageVoice:
    """Return a page's length and its contrasts."""
    found = sentences(markdown)
    contrasts = tuple(
        Contrast(page, item.line, item.text)
        for index, item in enumerate(found)
        if is_contrast(item.text, found[index + 1].text if index + 1 < len(found) else "")
    )
    return PageVoice(page, sum(words_in(item.text) for item in found), contrasts)


def normalised(sentence: str) -> str:
    """Return a sentence's own words, lower-cased, without quotations or punctuation."""
    return " ".join(WORD.findall(QUOTED.sub(" ", sentence).lower().replace("\u2019", "'")))


def repeats(pages: Iterable[tuple[str, str]]) -> list[Repeat]:
    """Return sentences of 8 or more words, and closing lines of 4 or more, on 2+ pages.

    A pointer to another page ("See safeguarding and fairness.") is a citation, not a sentence.
    """
    places: dict[str, list[tuple[str, int]]] = defaultdict(list)
    closing: dict[str, bool] = defaultdict(bool)
    for page, markdown in pages:
        for item in sentences(markdown):
            key = normalised(item.text)
            size = len(key.split())
            if key.startswith("see ") or size < (CLOSING_WORDS if item.closing else REPEAT_WORDS):
                continue
            if page not in {where for where, _ in places[key]}:
                places[key].append((page, item.line))
            closing[key] |= item.closing
    return sorted(
        (
            Repeat(key, tuple(where), closing[key])
            for key, where in places.items()
            if len(where) > 1
        ),
        key=lambda repeat: repeat.places,
    )


def voice_problems(voices: Sequence[PageVoice], repeated: Sequence[Repeat]) -> list[Problem]:
    """Return a problem for each page over its contrast allowance and each repeated sentence."""
    problems = [
        Problem(
            voice.page,
            voice.contrasts[voice.allowed].line,
            "contrast",
            f'This page has {len(voice.contrasts)} "X, not Y" contrasts in {voice.words} words; '
            f"it may have {voice.allowed}. Say what the thing is, and drop the contrast: "
            + "; ".join(f"line {item.line}" for item in voice.contrasts),
        )
        for voice in voices
        if len(voice.contrasts) > voice.allowed
    ]
    for repeat in repeated:
        (first, _), *others = repeat.places
        kind = "closing line" if repeat.closing else "sentence"
        problems += [
            Problem(
                page,
                line,
                "repeated",
                f'This {kind} is also on {first}: "{repeat.text}". Write it for this page.',
            )
            for page, line in others
        ]
    return problems


def report(voices: Sequence[PageVoice], repeated: Sequence[Repeat]) -> str:
    """Return the contrast rate overall and on the densest pages, and the repeat counts."""
    words = sum(voice.words for voice in voices)
    contrasts = sum(len(voice.contrasts) for voice in voices)
    overall = 1000 * contrasts / words if words else 0.0
    lines = [
        (
            f'Voice: {contrasts} "X, not Y" contrasts in {words} words over {len(voices)} pages '
            f"({overall:.2f} per 1,000 words; each page may have 1 per 1,000 words)."
        ),
    ]
    lines += [
        f"  {voice.rate:4.1f} per 1,000  {len(voice.contrasts)} in {voice.words:5d} words  "
        f"{voice.page}"
        for voice in sorted(voices, key=lambda item: -item.rate)
        if voice.contrasts
    ]
    shared_closings = sum(1 for repeat in repeated if repeat.closing)
    lines.append(
        f"Repeated across pages: {len(repeated) - shared_closings} sentence(s) of "
        f"{REPEAT_WORDS}+ words and {shared_closings} closing line(s)."
    )
    return "\n".join(lines)


def handbook_pages(root: Path) -> list[tuple[str, str]]:
    """Return every Markdown page under `root`/docs with its repository path.

    A link that leads out of docs/ is not a page: the check reads nothing outside the handbook.
    """
    docs = (root / "docs").resolve()
    return [
        (path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted((root / "docs").glob("**/*.md"))
        if path.is_file() and not path.is_symlink() and path.resolve().is_relative_to(docs)
    ]


def handbook_voice(root: Path) -> tuple[list[PageVoice], list[Repeat]]:
    """Return every page's contrasts and the sentences repeated across pages."""
    pages = handbook_pages(root)
    return [page_voice(page, text) for page, text in pages], repeats(pages)
