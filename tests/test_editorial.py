"""The editorial rules and promises: each is caught on fixture content, the handbook keeps them."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.checks.__main__ import content_problems
from macros.checks.editorial import editorial_problems
from macros.problems import Problem
from macros.review import build_date

from sites import ENV, ROOT, fixture_project

TODAY = dt.date(2026, 11, 30)
PAGE = "docs/chapter-one/first-page.md"
FRONT = """---
title: {title}
description: A guidance page for the test suite.
audiences: [frontline-staff]
themes: [trust]
owner: Test editor
last_reviewed: 2026-01-01
review_due: 2027-01-01
history:
  - date: 2026-01-01
    note: First published.
---

# {title}
"""
SHAPED = """
Some discretion is good ({{ cite("test-report") }}).

{{ example_card("illustrative-example") }}

## In brief

- One.
- Two.
- Three.

## Try this

Try it.

## Questions for your team

- Why?

## Watch out for

Risks.

## Related practice examples

{{ related() }}

## Sources

- A source, Test Council, 2024.
"""


def shaped_page(title: str, body: str = SHAPED) -> str:
    return FRONT.format(title=title) + body


def problems(project: Path, field: str) -> list[Problem]:
    return [p for p in editorial_problems(project, TODAY) if p.field == field]


def project_with(tmp_path: Path, files: dict[str, str] | None = None) -> Path:
    return fixture_project(
        tmp_path / "project", files={PAGE: shaped_page("First page"), **(files or {})}
    )


def line_of(project: Path, file: str, text: str) -> int:
    lines = (project / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(text))


def test_a_shaped_page_keeps_the_page_rules(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    assert problems(project, "sections") == []
    assert problems(project, "in brief") == []
    assert problems(project, "glossary") == []


def test_a_chapter_of_eight_pages_is_caught(tmp_path: Path) -> None:
    extra = {f"docs/chapter-one/page-{n}.md": shaped_page(f"Page {n}") for n in range(2, 9)}
    (problem,) = problems(project_with(tmp_path, extra), "chapter size")
    assert problem.file == "docs/chapter-one/"
    assert problem.message.startswith("This chapter has 8 guidance pages; a chapter holds 3 to 7.")
    assert "Move a page to a chapter with fewer pages" in problem.message


def test_a_chapter_of_one_page_is_caught(tmp_path: Path) -> None:
    (problem,) = problems(project_with(tmp_path), "chapter size")
    assert "This chapter has 1 guidance pages" in problem.message
    assert "Add pages to it" in problem.message


def test_a_missing_sources_section_is_caught_with_where_to_add_it(tmp_path: Path) -> None:
    body = SHAPED.split("## Sources", maxsplit=1)[0]
    project = project_with(tmp_path, {PAGE: shaped_page("First page", body)})
    (problem,) = problems(project, "sections")
    assert problem.file == PAGE
    assert problem.line == line_of(project, PAGE, "## Related practice examples")
    assert problem.message.startswith("The page has no '## Sources' section.")
    assert "Add it after '## Related practice examples'." in problem.message


def test_a_section_out_of_order_is_caught_on_its_line(tmp_path: Path) -> None:
    body = SHAPED.replace("## Try this", "## Was try").replace("## Watch out for", "## Try this")
    body = body.replace("## Was try", "## Watch out for")
    project = project_with(tmp_path, {PAGE: shaped_page("First page", body)})
    (problem,) = problems(project, "sections")
    assert problem.line == line_of(project, PAGE, "## Watch out for")
    assert "'## Watch out for' is out of order." in problem.message


def test_in_brief_with_two_points_is_caught(tmp_path: Path) -> None:
    body = SHAPED.replace("- Three.\n", "")
    project = project_with(tmp_path, {PAGE: shaped_page("First page", body)})
    (problem,) = problems(project, "in brief")
    assert problem.line == line_of(project, PAGE, "## In brief")
    assert "'In brief' has 2 points" in problem.message


def test_a_page_without_a_glossary_term_is_caught(tmp_path: Path) -> None:
    body = SHAPED.replace("Some discretion is good", "Some room is good")
    project = project_with(tmp_path, {PAGE: shaped_page("First page", body)})
    (problem,) = [p for p in problems(project, "glossary") if p.file == PAGE]
    assert "The page uses none of the glossary's terms" in problem.message


def test_a_glossary_term_no_page_uses_is_caught_on_its_line(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    glossary = project / "data/glossary.yml"
    with glossary.open("a", encoding="utf-8") as terms:
        terms.write("  - id: moral-injury\n    term: moral injury\n    definition: A harm.\n")
    (problem,) = problems(project, "glossary")
    assert (problem.file, problem.line) == (
        "data/glossary.yml",
        line_of(project, "data/glossary.yml", "  - id: moral-injury"),
    )
    assert "No page or record uses the term 'moral injury'" in problem.message


def test_old_work_without_what_happened_next_is_caught_on_its_period(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    file = "data/examples/documented-example.yml"
    (problem,) = problems(project, "what_happened_next")
    assert (problem.file, problem.line) == (file, line_of(project, file, "period:"))
    assert "began in 2018, over 5 years ago" in problem.message
    with (project / file).open("a", encoding="utf-8") as record:
        record.write("what_happened_next: It carried on.\n")
    assert problems(project, "what_happened_next") == []


def test_an_illustrative_example_that_names_an_organisation_is_caught(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    file = "data/examples/illustrative-example.yml"
    text = (project / file).read_text(encoding="utf-8")
    (project / file).write_text(text.replace("\ntitle: ", "\ntitle: Test Council and "), "utf-8")
    (problem,) = problems(project, "title")
    assert (problem.file, problem.line) == (file, line_of(project, file, "title:"))
    assert "names 'Test Council'" in problem.message


def test_an_example_no_guidance_links_is_caught(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    file = "data/examples/documented-example.yml"
    text = (project / file).read_text(encoding="utf-8")
    (project / file).write_text(
        text.replace("  guidance: [chapter-one/first-page.md]\n", ""), "utf-8"
    )
    (problem,) = problems(project, "related.guidance")
    assert (problem.file, problem.line) == (file, line_of(project, file, "related:"))
    assert "No guidance page links to this example" in problem.message


def test_reach_readability_and_reading_paths_are_promises(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    reach = [p.message for p in problems(project, "reach")]
    assert (
        "There are 1 documented examples; the handbook promises at least 24. "
        "Add a documented example, with its sources."
    ) in reach
    (guidance,) = problems(project, "guidance")
    assert "the handbook keeps at least 20 pages and 18000 words" in guidance.message
    paths = problems(project, "reading path")
    assert [p.file for p in paths][:1] == ["docs/start-here/frontline-staff.md"]
    assert "This reading path has 0 stops" in paths[0].message


def test_the_handbook_keeps_every_rule_and_promise() -> None:
    assert [str(p) for p in editorial_problems(ROOT, build_date())] == []


@pytest.mark.slow
def test_the_content_checks_report_the_rules_in_plain_words(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    shutil.copytree(ROOT / ".codespell", project / ".codespell")
    assert content_problems(project, None) == []  # only the editorial rules are broken
    result = subprocess.run(
        [sys.executable, "-m", "macros.checks"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**ENV, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 1
    assert "In docs/chapter-one/:\n  - file, chapter size: This chapter has 1 guidance" in (
        result.stdout
    )
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.slow
def test_check_content_reports_the_checks_and_the_build_in_one_run(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    shutil.copytree(ROOT / ".codespell", project / ".codespell")
    with (project / PAGE).open("a", encoding="utf-8") as page:
        page.write("\nSee [the next page](next-page.md).\n")
    (project / "site").mkdir()
    (project / "site" / "old.html").write_text("old", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_content.py"), "--root", str(project)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    printed = result.stdout + result.stderr
    assert result.returncode == 1
    # The build ran and refused the broken link, leaving site/ as it was ...
    assert "next-page.md" in result.stderr
    assert "The build failed, so site/ was left as it was." in result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["old.html"]
    # ... and the content checks ran beside it and said what to fix, with the line.
    line = (project / PAGE).read_text(encoding="utf-8").count("\n")
    assert f"  - line {line}, link: 'next-page.md' points to a page that does not exist" in (
        result.stdout
    )
    assert "  - file, chapter size: This chapter has 1 guidance pages" in result.stdout
    assert "Fix the problems above, then run `make check-content` again." in result.stdout
    assert "Traceback" not in printed


def test_the_page_scaffold_refuses_an_eighth_page_in_a_chapter(tmp_path: Path) -> None:
    extra = {f"docs/chapter-one/page-{n}.md": shaped_page(f"Page {n}") for n in range(2, 8)}
    project = project_with(tmp_path, extra)
    command = [sys.executable, str(ROOT / "scripts" / "new.py"), "page", "chapter-one/eighth"]
    result = subprocess.run(
        [*command, "--root", str(project)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "'chapter-one' already has 7 guidance pages; a chapter holds 3 to 7." in result.stderr
    assert not (project / "docs/chapter-one/eighth.md").exists()
    assert "Traceback" not in result.stderr


def test_a_data_error_is_reported_once_without_a_traceback(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    shutil.copytree(ROOT / ".codespell", project / ".codespell")
    file = project / "data/examples/documented-example.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("nation: scotland", "nation: mars"))
    result = subprocess.run(
        [sys.executable, "-m", "macros.checks"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**ENV, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 1
    assert "In data/examples/documented-example.yml:" in result.stdout
    assert "'mars' is not a nation" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
