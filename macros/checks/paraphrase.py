"""Find sentences that follow a source sentence's ideas in the same order with words swapped.

The copy check (copying.py) finds shared runs of words; a close paraphrase shares few of them.
This check compares the *content words* of each sentence (and each pair of sentences) in the
handbook with each sentence (and pair) of a source, and measures how many of them appear in the
same order (the longest common subsequence). Two words match when they share a stem ("kinder",
"kindness") or one of their common meanings in WordNet ("room", "space"), which is how a
synonym swap is seen. A passage is flagged when that ordered overlap covers enough of both the
source sentence and the passage.
The thresholds are calibrated on the 17 passages an outside review found too close
(tests/fixtures/paraphrase/too-close.yml; tests/test_paraphrase.py).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import snowballstemmer

from macros.checks.wordnet import meanings

# A passage is too close when at least MIN_SHARED content words appear in the source's order
# and their weight, against the weight of both passage and source sentence (a cosine-like
# score from 0 to 1), reaches THRESHOLD. Rare words weigh more than common ones, so sharing
# "transactional" says more than sharing "kindness". Calibrated on the review's 17 passages.
MIN_SHARED = 4
THRESHOLD = 0.30

# Words that carry no idea of their own. A short list of our own rather than a library's: what
# counts here is that names and ideas survive, and general lists drop words like "need" and
# "first" that carry the argument.
STOPWORDS = frozenset(
    (
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
        "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
        "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
        "just",
        "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
        "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves",
        "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
        "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "also",
        "may", "might", "must", "shall", "us", "one", "ones", "s", "t", "re", "ve", "ll", "d", "m",
    )
)  # fmt: skip
NAMED_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])")
# Quoted words, in straight or curly double quotes: a quotation, not the handbook's wording.
QUOTED = re.compile(r"\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d")
# A quotation is exempt when the paragraph says whose words they are.
ATTRIBUTION = re.compile(
    r"\]\(|cite\(|\b(?:says?|said|writes?|wrote|puts? it|asks?|asked|according to)\b",
    re.IGNORECASE,
)
# Macros, links (their text names a page or work), titles in italics and addresses are names.
MARKUP = re.compile(
    r"\{\{.*?\}\}|\[[^\]]*\]\([^)]*\)|(?<![\w*])\*[^*\n]+\*(?![\w*])|https?://\S+|[*_`#>\[\]|]"
)
YAML_KEY = re.compile(r"^\s*(?:-\s+)?[a-z_]+:\s*[>|]?-?\s*")
FENCES = ("---", "...")
BIBLIOGRAPHIC_KEY = re.compile(r"^\s*(?:-\s+)?(?:title|url|publisher|place|id|owner):")


@dataclass(frozen=True)
class Word:
    """A content word as the check compares it: its stem and its common meanings."""

    stem: str
    meanings: frozenset[str]

    @property
    def keys(self) -> frozenset[str]:
        """Return everything another word can match this one by."""
        return self.meanings | {self.stem}

    def matches(self, other: Word) -> bool:
        """Return True when two words share a stem or a common meaning."""
        return self.stem == other.stem or not self.meanings.isdisjoint(other.meanings)


@dataclass(frozen=True)
class Sentence:
    """A sentence (or two) with its content words and the line it starts on."""

    text: str
    line: int
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Paraphrase:
    """A handbook passage that follows a source sentence too closely."""

    file: str
    line: int
    passage: str
    source: str
    score: float

    def __str__(self) -> str:
        return f'{self.file}:{self.line}: follows the source sentence "{self.source}"'


@functools.cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@functools.cache
def _word(word: str) -> Word:
    return Word(_stemmer().stemWord(word), meanings(word))


def content_words(text: str) -> tuple[Word, ...]:
    """Return the content words of a text, in order.

    Names (capitalised words after the first) are facts the handbook may repeat, not wording,
    so they are left out too.
    """
    words = NAMED_WORD.findall(text.replace("\u2019", "'"))
    kept = [
        word.lower().split("'")[0]
        for position, word in enumerate(words)
        if position == 0 or not word[0].isupper()
    ]
    return tuple(_word(word) for word in kept if word not in STOPWORDS)


def _ordered_overlap(
    first: Sequence[Word], second: Sequence[Word], weight: Mapping[str, float]
) -> tuple[float, int]:
    """Return the weight and number of words the two lists share in the same order.

    A longest common subsequence, weighted: the order of ideas is what a paraphrase keeps.
    """
    previous = [(0.0, 0)] * (len(second) + 1)
    for word in first:
        current = [(0.0, 0)]
        for index, other in enumerate(second):
            if word.matches(other):
                gain = (weight[word.stem] + weight[other.stem]) / 2
                current.append((previous[index][0] + gain, previous[index][1] + 1))
            else:
                current.append(max(previous[index + 1], current[-1]))
        previous = current
    return previous[-1]


def word_weights(texts: Iterable[str]) -> dict[str, float]:
    """Return each stem's weight: higher for words found in fewer paragraphs (IDF)."""
    documents = 0
    found: Counter[str] = Counter()
    for text in texts:
        documents += 1
        found.update({word.stem for word in content_words(text)})
    weights: dict[str, float] = defaultdict(lambda: math.log(documents + 1) + 0.5)
    weights.update(
        {stem: math.log((documents + 1) / (count + 1)) + 0.5 for stem, count in found.items()}
    )
    return weights


def paragraphs(path: str, text: str) -> list[tuple[int, str]]:
    """Return the prose paragraphs of a page or data file, each with its first line.

    Front matter, headings, code, names of cited works and addresses are left out; so are
    quotations whose paragraph says whose words they are.
    """
    found: list[tuple[int, str]] = []
    lines = text.splitlines()
    start, block = 0, list[str]()
    front_matter_ends = _front_matter_end(path, lines)
    for number, raw in enumerate(lines, start=1):
        line = _prose(path, raw) if number > front_matter_ends else ""
        if line:
            start = start if block else number
            block.append(line)
        elif block:
            found.append((start, " ".join(block)))
            block = []
    if block:
        found.append((start, " ".join(block)))
    return [(line, _unquoted(text)) for line, text in found]


def _front_matter_end(path: str, lines: list[str]) -> int:
    """Return the number of the line that closes a page's front matter, or 0."""
    if not path.endswith(".md") or not lines or lines[0].strip() != "---":
        return 0
    return next(
        (number for number, line in enumerate(lines[1:], start=2) if line.strip() in FENCES),
        0,
    )


def _prose(path: str, line: str) -> str:
    """Return the prose on one line, or '' for a heading, code, an id or a cited work's name."""
    if path.endswith(".yml"):
        line = "" if BIBLIOGRAPHIC_KEY.match(line) else YAML_KEY.sub("", line)
        if " " not in line.strip():
            return ""  # an id, a date or a page's path, not prose
    if line.lstrip().startswith(("#", "!!!", "???", "```")):
        return ""
    return line.strip()


def _unquoted(paragraph: str) -> str:
    if ATTRIBUTION.search(paragraph):
        paragraph = QUOTED.sub(" ", paragraph)
    return MARKUP.sub(" ", paragraph)


def sentences_of(paragraph: str, line: int) -> list[Sentence]:
    """Split a paragraph into sentences, and add each pair of neighbouring sentences.

    Pairs catch a source sentence split in two, or two source sentences run together.
    """
    parts = [part.strip() for part in SENTENCE_END.split(paragraph) if part.strip()]
    single = [Sentence(part, line, content_words(part)) for part in parts]
    pairs = [
        Sentence(f"{a.text} {b.text}", line, a.words + b.words)
        for a, b in itertools.pairwise(single)
    ]
    return [sentence for sentence in (*single, *pairs) if len(sentence.words) >= MIN_SHARED]


def source_sentences(sources: Iterable[str]) -> list[Sentence]:
    """Return the sentences, and neighbouring pairs, of the source texts."""
    found: list[Sentence] = []
    for source in sources:
        for number, paragraph in enumerate(source.splitlines(), start=1):
            if paragraph.strip():
                found += sentences_of(paragraph.strip(), number)
    return found


def _score(passage: Sentence, source: Sentence, weight: Mapping[str, float]) -> float:
    """Return how closely a passage follows a source sentence, from 0 to 1."""
    shared, count = _ordered_overlap(passage.words, source.words, weight)
    if count < MIN_SHARED:
        return 0.0
    total = sum(weight[word.stem] for word in passage.words) * sum(
        weight[word.stem] for word in source.words
    )
    return shared / math.sqrt(total)


@dataclass(frozen=True)
class _Sources:
    """The source sentences, the weight of each word, and which sentences hold which words."""

    sentences: list[Sentence]
    weight: Mapping[str, float]
    index: Mapping[str, set[int]]

    @classmethod
    def of(cls, texts: Iterable[str]) -> _Sources:
        sentences = source_sentences(texts)
        index: dict[str, set[int]] = defaultdict(set)
        for number, sentence in enumerate(sentences):
            for word in sentence.words:
                for key in word.keys:
                    index[key].add(number)
        # Weights come from the sources alone, so a passage scores the same whatever else the
        # handbook holds.
        return cls(sentences, word_weights(sentence.text for sentence in sentences), index)

    def closest(self, passage: Sentence) -> tuple[float, Sentence | None]:
        """Return the source sentence the passage follows most closely, with the score."""
        # Only sources that share enough words with the passage are worth comparing.
        counts: Counter[int] = Counter()
        for word in set(passage.words):
            counts.update(set().union(*(self.index.get(key, ()) for key in word.keys)))
        scored = [
            (_score(passage, self.sentences[number], self.weight), self.sentences[number])
            for number, count in counts.items()
            if count >= MIN_SHARED
        ]
        return max(scored, key=lambda pair: pair[0], default=(0.0, None))


def find_paraphrases(
    files: Iterable[tuple[str, str]], sources: Iterable[str], threshold: float = THRESHOLD
) -> list[Paraphrase]:
    """Return the handbook passages that follow a source sentence too closely, one per paragraph."""
    known = _Sources.of(sources)
    found = []
    for path, body in files:
        for line, paragraph in paragraphs(path, body):
            matches = [
                (*known.closest(passage), passage) for passage in sentences_of(paragraph, line)
            ]
            score, source, passage = max(
                matches, key=lambda match: match[0], default=(0.0, None, None)
            )
            if source and passage and score >= threshold:
                found.append(Paraphrase(path, line, passage.text, source.text, score))
    return found
