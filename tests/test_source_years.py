"""The source-years check: each source a page lists says when it appeared, or that it is undated."""

from __future__ import annotations

import shutil
from pathlib import Path

from macros.checks.__main__ import content_problems
from macros.checks.copying import handbook_files
from macros.checks.source_years import source_items, source_year_problems

from sites import ROOT, fixture_project

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


def test_every_source_in_the_handbook_gives_its_year() -> None:
    pages = [(path, text) for path, text in handbook_files(ROOT) if path.endswith(".md")]
    listed = sum(len(source_items(text)) for _, text in pages)
    assert listed > 300  # the check really reads the handbook's Sources lists
    assert [str(p) for path, text in pages for p in source_year_problems(path, text)] == []


def test_the_content_checks_run_it(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    shutil.copytree(ROOT / ".codespell", project / ".codespell")
    page = project / "docs/chapter-one/first-page.md"
    before = page.read_text(encoding="utf-8")
    page.write_text(
        before + "\n## Sources\n\n- [A guide](https://example.org), Example Council.\n",
        encoding="utf-8",
    )
    line = before.count("\n") + 4
    found = [p for p in content_problems(project, None) if p.field == "sources"]
    assert [(p.file, p.line) for p in found] == [("docs/chapter-one/first-page.md", line)]
