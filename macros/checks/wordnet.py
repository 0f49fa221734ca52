"""Which English words can stand for each other, read from the WordNet database files.

The paraphrase check needs to know that "room" can stand for "space" and "central" for
"critical". WordNet's database (Princeton, free to use) answers that; Debian ships it as
`wordnet-base`, which `make check` installs. We read its index files directly: NLTK's reader
refuses folders outside its own data path and needs a `lexnames` file that Debian does not ship,
and a lookup of lemma to synsets is all we need.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path

WORDNET_DIR = "WORDNET_DIR"
DEFAULT_DIR = Path("/usr/share/wordnet")
PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")
# Only a word's most common senses: rarer ones make nearly every pair of words "synonyms".
SENSES = 6
# WordNet's own rules for finding a word's base form (Morphy), less its exception lists.
DETACHMENT = {
    "noun": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
             ("men", "man"), ("ies", "y")),
    "verb": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", "")),
    "adj": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "adv": (),
}  # fmt: skip


class WordNetMissingError(Exception):
    """Raised when the WordNet database files cannot be found."""


def wordnet_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """Return the folder holding WordNet's database files."""
    return Path(environ.get(WORDNET_DIR, DEFAULT_DIR))


@functools.cache
def _database(folder: Path) -> tuple[dict[str, dict[str, tuple[str, ...]]], dict[str, set[str]]]:
    """Read lemma -> most common synsets per part of speech, and the exception lists."""
    if not (folder / "index.noun").is_file():
        raise WordNetMissingError(
            f"The WordNet database is not in {folder}. Install it with "
            "'sudo apt-get install wordnet-base', or set WORDNET_DIR to its folder."
        )
    senses: dict[str, dict[str, tuple[str, ...]]] = {}
    exceptions: dict[str, set[str]] = {}
    for pos in PARTS_OF_SPEECH:
        table: dict[str, tuple[str, ...]] = {}
        for line in (folder / f"index.{pos}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue  # the licence at the top of the file
            fields = line.split()
            # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
            count = int(fields[2])
            table[fields[0]] = tuple(f"{pos}:{offset}" for offset in fields[-count:][:SENSES])
        senses[pos] = table
        exc = folder / f"{pos}.exc"
        if exc.is_file():
            for line in exc.read_text(encoding="utf-8").splitlines():
                inflected, *bases = line.split()
                exceptions.setdefault(inflected, set()).update(bases)
    return senses, exceptions


def meanings(word: str, folder: Path | None = None) -> frozenset[str]:
    """Return the ids of the most common meanings of a word, in any part of speech."""
    senses, exceptions = _database(folder or wordnet_dir())
    word = word.lower()
    found: set[str] = set()
    for pos, table in senses.items():
        bases = {word, *exceptions.get(word, ())}
        bases |= {word[: -len(end)] + add for end, add in DETACHMENT[pos] if word.endswith(end)}
        for base in bases:
            found.update(table.get(base, ()))
    return frozenset(found)
