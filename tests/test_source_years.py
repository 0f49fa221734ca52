"""The source-years check: each source a page lists says when it appeared, or that it is undated."""

from __future__ import annotations

from pathlib import Path

from macros.checks.source_years import source_items, source_year_problems

FIXTURES = Path(__file__).parent / "fixtures" / "source-years"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_sources_without_a_publication_year_are_flagged_with_file_line_and_fix() -> None:
    problems = source_year_problems("docs/fails.md", fixture("fails.md"))
    # No year at all; a year only in the address; only the date it was checked.
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("docs/fails.md", 11, "sources"),
        ("docs/fails.md", 12, "sources"),
        ("docs/fails.md", 13, "sources"),
    ]
    assert all("Add the year it was published" in p.message for p in problems)
    assert "docs/fails.md:12 [sources]" in str(problems[1])


def test_a_year_undated_or_a_cite_passes() -> None:
    text = fixture("passes.md")
    assert len(source_items(text)) == 4  # the list after Sources is not read as sources
    assert source_year_problems("docs/passes.md", text) == []


def test_a_year_in_the_title_counts_but_a_full_checked_date_does_not() -> None:
    page = "# T\n\n## Sources\n\n- [Housing Act 1996](https://example.org), legislation.gov.uk.\n"
    assert source_year_problems("docs/t.md", page) == []
    checked = "# T\n\n## Sources\n\n- Example Body, checked on 2025-01-02.\n"
    (problem,) = source_year_problems("docs/t.md", checked)
    assert problem.line == 5
