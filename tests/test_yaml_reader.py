"""The YAML reader: libyaml's parser, with PyYAML's lines and refusals kept exactly."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from macros import yamlfile
from macros.problems import ContentError
from macros.site import load_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
# The reader's two parsers, and its read with either, are what this file tests.
LIBYAML = yamlfile._Loader  # noqa: SLF001
PYYAML = yamlfile._PyLoader  # noqa: SLF001
read_with = yamlfile._parse  # noqa: SLF001

# What libyaml accepts and PyYAML refuses: each must still be refused, with PyYAML's words.
PYYAML_REFUSES = {
    "tab-after-colon": "id: a\nsummary:\t Some words.\n",
    "tab-inside-a-value": "id: a\nsummary: Some\twords.\n",
    "question-mark-in-a-flow-list": "id: a\nthemes: [trust? , risk]\n",
    "comment-glued-to-a-block-scalar": "id: a\ncontext: |#\n  Some words.\n",
    "byte-order-mark-after-the-start": "id: a\n\ufeff\nsummary: Some words.\n",
}


def outcome(text: str, loader: type[yaml.SafeLoader] | None) -> object:
    """What reading `text` gives: its data and lines, or its problems, whichever parser reads it."""
    try:
        if loader is None:
            data, lines = yamlfile.parse_yaml(text, "data/x.yml", 2)
        else:
            data, lines = read_with(text, "data/x.yml", 2, loader)
    except ContentError as error:
        return ("refused", error.problems)
    return ("read", repr(data), sorted(lines.lines.items(), key=repr))


def corpus() -> list[str]:
    """Every data file of the handbook and the fixtures, broken and whole."""
    paths = sorted((ROOT / "data").rglob("*.yml")) + sorted(FIXTURES.rglob("*.yml"))
    texts = []
    for path in paths:
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue  # refused before any parser sees it
    return texts


def mutations(texts: list[str], count: int) -> list[str]:
    """Files broken at random (seeded), in the ways a hand-edited file goes wrong."""
    pieces = ["\t", "\r", "\r\n", ":", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ",
              '"', "'", "#", "|", ">", "---\n", "? ", "?", ",", "\\", "  ", "\n", "%", "\ufeff",
              "\u2028", "\x85", "|-#", ">2"]  # fmt: skip
    chosen = random.Random(26)  # noqa: S311 (repeatable, not secret)
    broken = []
    for _ in range(count):
        text = chosen.choice(texts)
        for _ in range(chosen.randint(1, 3)):
            at = chosen.randint(0, len(text))
            if chosen.random() < 0.6:
                text = text[:at] + chosen.choice(pieces) + text[at:]
            else:
                text = text[:at] + text[at + chosen.randint(1, 6) :]
        broken.append(text)
    return broken


def test_the_loader_in_use_is_libyamls(monkeypatch: pytest.MonkeyPatch) -> None:
    assert yaml.__with_libyaml__
    assert issubclass(LIBYAML, yaml.CSafeLoader)
    # A good file is read by libyaml alone: PyYAML's parser is never asked.
    monkeypatch.setattr(yamlfile, "_PyLoader", None)
    data, lines = yamlfile.parse_yaml("id: a\nthemes: [trust]\nperiod:\n  from: 2018\n", "x.yml")
    assert data == {"id": "a", "themes": ["trust"], "period": {"from": 2018}}
    assert lines.line_of(("period", "from")) == 4


@pytest.mark.parametrize("case", sorted(PYYAML_REFUSES))
def test_what_pyyaml_refuses_is_still_refused(case: str) -> None:
    text = PYYAML_REFUSES[case]
    assert yaml.load(text, Loader=LIBYAML) is not None  # noqa: S506 (libyaml alone accepts it)
    found = outcome(text, None)
    assert found[0] == "refused"
    assert found == outcome(text, PYYAML)


def test_libyaml_and_pyyaml_give_the_same_data_lines_and_refusals() -> None:
    texts = corpus()
    assert len(texts) > 50
    for text in texts + mutations(texts, 1500):
        assert outcome(text, None) == outcome(text, PYYAML), text


def front_matters() -> list[str]:
    """The front matter of every guidance page and every page made from data, as MkDocs reads it."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md"))]
    site = FIXTURES / "site"
    texts += [page.markdown for page in load_site(site / "docs", site / "data").generated]
    return [text.split("---\n")[1] for text in texts if text.startswith("---\n")]


def pyyaml_outcome(text: str, load: object) -> object:
    """What MkDocs' way of reading front matter gives: the data, or the error and its words."""
    assert callable(load)
    try:
        return ("read", repr(load(text)))
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as error:
        return ("refused", type(error).__name__, str(error))


def test_front_matter_reads_as_mkdocs_reads_it() -> None:
    texts = front_matters() + corpus()[:20]
    assert len(texts) > 50
    for text in [*texts, *mutations(texts, 1000), *PYYAML_REFUSES.values()]:
        mkdocs = pyyaml_outcome(text, lambda t: yaml.load(t, Loader=yaml.SafeLoader))
        assert pyyaml_outcome(text, yamlfile.load_as_pyyaml) == mkdocs, text


@pytest.mark.parametrize("character", ["\x07", "\x1b", "\x7f", "\ufffe"])
def test_a_control_character_is_a_message_with_its_line_not_a_traceback(character: str) -> None:
    text = f"id: a\ntitle: A title\nsummary: Some{character}words.\n"
    with pytest.raises(ContentError) as raised:
        yamlfile.parse_yaml(text, "data/examples/a.yml")
    (problem,) = raised.value.problems
    assert (problem.file, problem.line) == ("data/examples/a.yml", 3)
    assert "control character" in problem.message
