"""Figures and quotations in documented examples trace to a source sentence, or the check says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from macros.checks.copying import without_quotes
from macros.checks.evidence import handbook_evidence, numbers, report, trace
from macros.checks.spelling import spelling_problems
from macros.loader import validation_problems
from macros.models import Example
from macros.site import Site
from macros.yamlfile import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
TITLE = "A report"


def example(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "an-example",
        "title": "A council answers the phone",
        "kind": "documented",
        "summary": "A council answered the phone.",
        "place": "Somewhere",
        "nation": "england",
        "sectors": ["housing"],
        "themes": ["relationships"],
        "audiences": ["frontline-staff"],
        "period": {"from": 2020, "to": 2022},
        "context": "It began in 2020.",
        "what_they_did": "- Staff answered 400 calls a week.",
        "what_changed": 'Waiting fell by 30 per cent. A manager said it was "a relief".',
        "what_was_hard": "Staff were tired.",
        "try_it_yourself": "- Answer the phone.",
        "sources": [
            {
                "title": TITLE,
                "publisher": "A council",
                "year": 2020,
                "url": "https://example.org/report",
                "checked": "2026-12-01",
            }
        ],
        "owner": "Handbook editorial team",
        "last_reviewed": "2026-12-01",
        "review_due": "2027-12-01",
    }
    return record | changes


def evidence(claim: str, quote: str) -> dict[str, str]:
    return {"claim": claim, "source": TITLE, "quote": quote, "checked": "2026-12-01"}


FULL = [
    evidence("It began in 2020.", "The service began in spring."),
    evidence("400 calls a week", "Staff now answer 400 calls a week."),
    evidence("Waiting fell by 30 per cent", "Waiting times fell by 30%."),
    evidence('it was "a relief"', "One manager told us it was a relief."),
]


def traced(record: dict[str, Any]) -> Any:
    text = yaml.safe_dump(record, sort_keys=False)
    raw, lines = parse_yaml(text, "data/examples/an-example.yml")
    return trace(Example.model_validate(raw), "data/examples/an-example.yml", lines, text)


def messages(record: dict[str, Any]) -> list[str]:
    return [f"{p.field}: {p.message}" for p in traced(record).problems]


def test_every_figure_and_quotation_with_evidence_passes() -> None:
    result = traced(example(evidence=FULL))
    assert result.problems == ()
    assert (result.traced, result.figures) == (4, 4)


def test_a_figure_with_no_evidence_fails_with_its_line() -> None:
    result = traced(example(evidence=FULL[:1] + FULL[2:]))
    [problem] = result.problems
    assert problem.field == "what_they_did"
    assert "400 has no evidence" in problem.message
    text = yaml.safe_dump(example(evidence=[]), sort_keys=False).splitlines()
    assert "400" in text[problem.line - 1]


def test_a_quotation_with_no_evidence_fails() -> None:
    found = messages(example(evidence=FULL[:3]))
    assert found == [
        (
            'what_changed: "a relief" has no evidence. Add an evidence entry whose claim holds '
            "these words, with the source's sentence that supports it; or remove the figure if "
            "no source you can read gives it."
        )
    ]


def test_a_quote_whose_number_differs_from_the_claim_fails() -> None:
    wrong = [*FULL[:2], evidence("Waiting fell by 30 per cent", "Waiting fell by 13%."), FULL[3]]
    [found] = messages(example(evidence=wrong))
    assert found.startswith("evidence.3.quote: The claim gives 30, but the quote does not.")


def test_a_quote_that_lacks_the_quoted_words_fails() -> None:
    wrong = [*FULL[:3], evidence('it was "a relief"', "One manager said it was a help.")]
    [found] = messages(example(evidence=wrong))
    assert found.startswith('evidence.4.quote: The claim quotes "a relief"')


def test_a_claim_not_in_the_text_fails() -> None:
    found = messages(example(evidence=[*FULL, evidence("500 calls", "We took 500 calls.")]))
    assert found[0].startswith('evidence.5.claim: The claim "500 calls" is not in')


def test_a_year_may_be_the_sources_own_year_and_numbers_may_be_words() -> None:
    record = example(
        context="In 2020 staff took ten calls.",
        evidence=[evidence("In 2020 staff took ten calls.", "Staff took ten calls.")],
        what_they_did="- Answer.",
        what_changed="Less waiting.",
    )
    assert traced(record).problems == ()


def test_compound_number_words_and_names_with_numbers() -> None:
    assert "25" in numbers("Twenty five contracts", words=True)
    assert "25" in numbers("twenty-five contracts", words=True)
    assert numbers("during the COVID-19 crisis") == set()
    assert numbers("68 Groups in Primary, and 16Nurture Bases") == {"68", "16"}
    assert numbers("£7.7 million in 2019, 8am, 1,000 staff") == {"7.7", "2019", "8", "1000"}


def test_list_numbers_are_layout_not_figures() -> None:
    result = traced(example(evidence=FULL, try_it_yourself="1. Answer.\n2. Listen."))
    assert result.figures == 4


def test_unfinished_evidence_is_reported_not_failed() -> None:
    result = traced(example(evidence_to_do="Two sources still to read."))
    assert result.problems == ()
    assert (result.traced, result.figures) == (0, 4)
    assert "an-example: 0 of 4 traced (marked as still to do)" in report([result])


def test_a_long_quote_is_refused_with_the_field_and_line() -> None:
    long = evidence("400 calls a week", " ".join(["word"] * 41))
    text = yaml.safe_dump(example(evidence=[long]), sort_keys=False)
    raw, lines = parse_yaml(text, "x.yml")
    with pytest.raises(ValidationError) as error:
        Example.model_validate(raw)
    [problem] = validation_problems(error.value, "x.yml", lines, Example)
    assert problem.field == "evidence.0.quote"
    assert "41 words" in problem.message
    assert "quote:" in text.splitlines()[problem.line - 1]


def test_evidence_must_name_a_listed_source() -> None:
    stray = evidence("400 calls a week", "400 calls a week.") | {"source": "Another report"}
    with pytest.raises(ValidationError, match="not the title of any source"):
        Example.model_validate(example(evidence=[stray]))


def test_the_report_prints_the_traced_share() -> None:
    done = traced(example(evidence=FULL))
    half = traced(example(id="b", evidence=FULL[:2], evidence_to_do="Later."))
    assert report([done, half]).splitlines()[0].endswith("6 of 8 (75%).")


def test_every_finished_documented_example_is_fully_traced() -> None:
    results = handbook_evidence(ROOT)
    assert len(results) >= 25
    assert [p for result in results for p in result.problems] == []
    finished = [r for r in results if r.example.evidence_to_do is None]
    assert all(r.traced == r.figures for r in finished)
    # A ratchet: examples traced so far stay traced; raise these as more are done.
    assert len(finished) >= 19
    traced_count = sum(r.traced for r in results)
    assert traced_count >= 197
    assert f"{traced_count} of {sum(r.figures for r in results)}" in report(results)


def test_the_example_page_shows_each_quote_under_its_claim(content: Site) -> None:
    [page] = [p for p in content.generated if p.src_uri == "examples/wigan-deal.md"]
    assert "## Evidence for the figures" in page.markdown
    assert '??? quote "staff engagement scores rose by 18.5 per cent' in page.markdown
    assert "    > From 2013 to 2016 staff engagement scores improved by 18.5%." in page.markdown
    assert f"(checked {dt.date(2026, 12, 7).day} December 2026)" in page.markdown


def test_a_quote_keeps_its_sources_spelling_but_the_handbooks_text_does_not(
    tmp_path: Path,
) -> None:
    (tmp_path / ".codespell").mkdir()
    for name in ("british.txt", "words.txt"):
        (tmp_path / ".codespell" / name).write_text(
            (ROOT / ".codespell" / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.yml").write_text(
        "what_changed: Ten organizations took part.\n"
        "evidence:\n"
        "  - claim: Ten organisations\n"
        "    quote: Ten organizations took part.\n",
        encoding="utf-8",
    )
    found = spelling_problems(tmp_path, ["data"])
    assert [(p.file, p.line) for p in found] == [("data/x.yml", 1)]


def test_the_checks_of_the_handbooks_own_words_leave_evidence_quotes_out() -> None:
    text = (
        "evidence:\n"
        "  - claim: Ten organisations\n"
        "    quote: Ten organizations took part,\n"
        "      said the report.\n"
        "    checked: 2026-12-01\n"
    )
    assert without_quotes(text).split("\n") == [
        "evidence:",
        "  - claim: Ten organisations",
        "",
        "",
        "    checked: 2026-12-01",
        "",
    ]
