"""The paraphrase check: it sees a source sentence retold with its words swapped, and no more."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from macros.checks.paraphrase import find_paraphrases, paragraphs
from macros.checks.wordnet import WordNetMissingError, meanings

from sites import ROOT

SEEDS = Path(os.environ.get("SEEDS_DIR", ROOT.parent / "shared" / "seeds"))
TOO_CLOSE = ROOT / "tests/fixtures/paraphrase/too-close.yml"
SOURCE = (
    "We need our leaders to champion kindness, but we also need to be kinder to our leaders.\n"
    "Due to the levels of risk, it is not easy to be coercive in a kind way.\n"
    "Procurement rules were written to secure value for money in every contract.\n"
)


def test_a_sentence_retold_with_words_swapped_is_found_with_its_line() -> None:
    page = (
        "---\ntitle: T\n---\n\n# T\n\nAn opening line.\n\n"
        "We need leaders to champion kindness, and we also need to treat those leaders more "
        "kindly.\n"
    )
    (found,) = find_paraphrases([("docs/a.md", page)], [SOURCE])
    assert (found.file, found.line) == ("docs/a.md", 9)
    assert found.source.startswith("We need our leaders to champion kindness")


def test_the_handbooks_own_point_on_the_same_subject_passes() -> None:
    page = (
        "Leaders who are treated harshly protect themselves first. Give them the support you "
        "ask them to give their staff, and they can afford to take a kinder risk.\n"
    )
    assert find_paraphrases([("docs/a.md", page)], [SOURCE]) == []


def test_a_quotation_that_says_whose_words_it_is_is_exempt() -> None:
    quoted = (
        'Jennifer Wallace wrote: "We need our leaders to champion kindness, but we also need '
        'to be kinder to our leaders."\n'
    )
    unattributed = (
        '"We need our leaders to champion kindness, but we also need to be kinder to our '
        'leaders."\n'
    )
    assert find_paraphrases([("docs/a.md", quoted)], [SOURCE]) == []
    assert len(find_paraphrases([("docs/b.md", unattributed)], [SOURCE])) == 1


def test_data_files_are_checked_and_names_of_works_are_not() -> None:
    record = (
        "title: We need our leaders to champion kindness but also be kinder to leaders\n"
        "related:\n  reports:\n    - we-need-our-leaders-to-champion-kindness-and-be-kinder\n"
        "  examples: [we-need-our-leaders, to-champion-kindness, and-be-kinder-to-leaders]\n"
        "summary: >-\n  Leaders should champion kindness, and we also need to be kinder to "
        "those same leaders.\n"
    )
    (found,) = find_paraphrases([("data/reports/x.yml", record)], [SOURCE])
    assert found.line == 7
    assert [line for line, _ in paragraphs("data/reports/x.yml", record)] == [7]


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed articles are not at {SEEDS}")
def test_most_of_the_passages_the_review_found_too_close_are_flagged() -> None:
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    passages = yaml.safe_load(TOO_CLOSE.read_text(encoding="utf-8"))["passages"]
    assert len(passages) == 17
    flagged = [
        passage["where"]
        for passage in passages
        if find_paraphrases([(passage["where"].split(":")[0], passage["text"])], seeds)
    ]
    assert len(flagged) >= 12, flagged


def test_a_missing_wordnet_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(WordNetMissingError, match="apt-get install wordnet-base"):
        meanings("room", tmp_path)
