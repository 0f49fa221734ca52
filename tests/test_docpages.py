"""Reading hand-written pages: front matter, macro calls, and problems with their lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from macros.docpages import MACRO_SIGNATURES, read_page
from macros.jurisdiction import applies_label
from macros.models import GuidanceMeta
from macros.problems import ContentError
from macros.sandbox import parse_template

PAGE = """---
title: A page
description: A page for a test.
---

# A page

Text before.

{{ example_card("an-example") }}

{{ example_list(theme="trust", sector="housing") }}

See {{ cite("a-report") }} and {{ related() }}.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_macro_calls_are_found_with_their_real_line(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, PAGE), "chapter/page.md")
    calls = {(call.name, tuple(sorted(call.arguments.items())), call.line) for call in page.calls}
    assert calls == {
        ("example_card", (("example_id", "an-example"),), 10),
        ("example_list", (("sector", "housing"), ("theme", "trust")), 12),
        ("cite", (("report_id", "a-report"),), 14),
        ("related", (), 14),
    }
    assert page.meta.title == "A page"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (
            "{{ exmaple_card('x') }}",
            "'exmaple_card' is not one of the handbook's macros. Did you mean 'example_card'?",
        ),
        ("{{ page_title }}", "'page_title' is not one of the handbook's macros"),
        ("{{ cite(report) }}", "needs its report_id in quotes"),
        ("{{ cite('a', 'b') }}", "takes one argument"),
        ("{{ example_list(them='trust') }}", "has no 'them' argument. Did you mean 'theme'?"),
        ("{{ cite() }}", "needs its report_id in quotes"),
        ("{% for x in y %}{% endfor %}", "may not use {% %} blocks"),
        ("{{ ''.__class__ }}", "not attributes"),
        ("{{ cite('a' }}", "A macro is written wrongly"),
    ],
)
def test_bad_macro_use_is_reported_with_its_line(body: str, words: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse_template(f"line one\n\n{body}\n", "docs/x.md", 4, MACRO_SIGNATURES)
    messages = [str(problem) for problem in caught.value.problems]
    assert any(words in message and message.startswith("docs/x.md:7") for message in messages), (
        messages
    )


def test_missing_front_matter_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        read_page(write(tmp_path, "# No front matter\n"), "page.md")
    assert "needs front matter" in str(caught.value)


def test_broken_front_matter_is_reported_with_its_line(tmp_path: Path) -> None:
    text = "---\ntitle: A page\ndescription: [unclosed\n---\n\n# A page\n"
    with pytest.raises(ContentError) as caught:
        read_page(write(tmp_path, text), "page.md")
    (problem,) = caught.value.problems
    assert problem.file == "docs/page.md"
    assert problem.line >= 3
    assert "not valid YAML" in problem.message


def test_unknown_front_matter_key_is_reported(tmp_path: Path) -> None:
    text = "---\ntitle: A page\ndescription: d\nthemse: [trust]\n---\n"
    with pytest.raises(ContentError) as caught:
        read_page(write(tmp_path, text), "page.md")
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (4, "themse")
    assert "Did you mean 'themes'?" in problem.message


def test_jurisdiction_marker_names_the_nations_in_words() -> None:
    assert applies_label("england") == "England only"
    assert applies_label("england, wales") == "England and Wales"
    assert applies_label("wales scotland england") == "England, Scotland and Wales"
    assert applies_label("england scotland wales northern-ireland") == "All four UK nations"


def test_a_guidance_page_must_record_its_review_in_its_history() -> None:
    base = {
        "title": "T",
        "description": "D",
        "owner": "O",
        "audiences": ["frontline-staff"],
        "themes": ["trust"],
        "last_reviewed": "2026-11-30",
        "review_due": "2027-11-30",
    }
    good = [{"date": "2026-11-30", "note": "Checked against the Act."}]
    GuidanceMeta.model_validate({**base, "history": good})
    with pytest.raises(ValidationError, match="Add a line to history"):
        GuidanceMeta.model_validate(
            {**base, "history": [{"date": "2026-11-20", "note": "First published."}]}
        )
    with pytest.raises(ValidationError, match="newest first"):
        GuidanceMeta.model_validate(
            {**base, "history": [{"date": "2026-01-01", "note": "A."}, *good]}
        )
