"""Contributor workflow: content checks with file and line, scaffolds, references, redirects."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.checks.__main__ import content_problems
from macros.problems import Problem
from macros.reference import with_reference

from sites import FIXTURE_SITE, ROOT, fixture_project, mkdocs_build

PAGE = "docs/chapter-one/first-page.md"
RENAMED = "chapter-one/renamed-page.md"
SEED = (
    "Public bodies that trust their staff to use judgement tend to earn more trust from the "
    "people they serve."
)


def project_copy(tmp_path: Path) -> Path:
    """A small handbook to break on purpose: the fixture site with the real word lists."""
    project = fixture_project(tmp_path / "project")
    shutil.copytree(ROOT / ".codespell", project / ".codespell")
    return project


def problems_in(project: Path, file: str, seeds: Path | None = None) -> list[Problem]:
    return [problem for problem in content_problems(project, seeds) if problem.file == file]


def append(project: Path, file: str, text: str) -> int:
    """Add text to the end of a file; return the line it starts on."""
    path = project / file
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1 + text[: len(text) - len(text.lstrip("\n"))].count("\n")


def test_the_fixture_passes_the_content_checks(tmp_path: Path) -> None:
    assert content_problems(project_copy(tmp_path), None) == []


def test_a_misspelling_is_caught_with_file_and_line(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    line = append(project, PAGE, "\nWe recieve letters about the behavior of staff.\n")
    problems = problems_in(project, PAGE)
    found = {(p.line, p.message.split("'")[1]) for p in problems if p.field == "spelling"}
    assert found == {(line, "recieve"), (line, "behavior")}
    assert any("'behavior' should be 'behaviour'" in p.message for p in problems)


def test_an_image_without_alternative_text_is_caught(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    line = append(project, PAGE, "\n![](chart.png)\n")
    (problem,) = problems_in(project, PAGE)
    assert (problem.line, problem.field) == (line, "image")
    assert "'chart.png' has no alternative text" in problem.message


def test_a_citation_in_a_sentence_without_brackets_is_caught(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    cite = '{{ cite("test-report") }}'
    line = append(project, PAGE, f"\nThe report says so {cite}.\n\nIt agrees ({cite}).\n")
    (problem,) = problems_in(project, PAGE)
    assert (problem.line, problem.field) == (line, "citation")
    assert "in brackets" in problem.message


def test_a_copied_run_of_eight_words_is_caught(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "source.txt").write_text(SEED, encoding="utf-8")
    line = append(
        project, PAGE, "\nWe know that bodies that trust their staff to use judgement win.\n"
    )
    problems = problems_in(project, PAGE, seeds)
    # A copied sentence also follows its source closely, so the paraphrase check names it too.
    assert sorted(problem.field for problem in problems) == ["copied", "paraphrase"]
    (problem,) = [problem for problem in problems if problem.field == "copied"]
    assert problem.line == line
    assert "bodies that trust their staff to use judgement" in problem.message


def test_a_broken_internal_link_is_caught_with_file_and_line(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    line = append(project, PAGE, "\nRead [the missing page](missing-page.md) first.\n")
    (problem,) = problems_in(project, PAGE)
    assert (problem.line, problem.field) == (line, "link")
    assert "docs/chapter-one/missing-page.md" in problem.message


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("www.example.org/report", "looks like a website"),
        ("ftp://example.org/file", "is not a web address"),
        ("https://localhost/x", "is not a complete web address"),
    ],
)
def test_link_addresses_are_checked_without_the_network(
    tmp_path: Path, target: str, words: str
) -> None:
    project = project_copy(tmp_path)
    append(project, PAGE, f"\nSee [this]({target}).\n")
    (problem,) = problems_in(project, PAGE)
    assert words in problem.message


def test_make_check_runs_the_content_checks() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    check = makefile.split("\ncheck:", 1)[1].split("\n\n", 1)[0]
    assert "$(MAKE) check-content" in check
    assert "$(MAKE) test" in check
    check_content = makefile.split("\ncheck-content:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/check_content.py" in check_content
    assert "make check" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def scaffold(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "scripts" / "new.py"), *args, "--root", str(project)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def fill(text: str) -> str:
    """Replace every placeholder the way a contributor would: with real words."""
    text = text.replace("REPLACE-with-the-address-of-the-report", "reports/kindness-at-work")
    text = text.replace(
        "REPLACE with a source: [Title](https://example.org), Publisher, Year.",
        "[Kindness at work](https://example.org/kindness-at-work), The Example Trust, 2024.",
    )
    return re.sub(r"REPLACE[^\"\n*]*", "Staff agreed to call people before sending letters.", text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "name", "file"),
    [
        ("example", "calling-before-writing", "data/examples/calling-before-writing.yml"),
        ("report", "kindness-at-work", "data/reports/kindness-at-work.yml"),
        ("page", "chapter-one/saying-sorry", "docs/chapter-one/saying-sorry.md"),
    ],
)
def test_scaffold_builds_fails_the_check_until_filled(
    tmp_path: Path, kind: str, name: str, file: str
) -> None:
    project = project_copy(tmp_path)
    result = scaffold(project, kind, name)
    assert result.returncode == 0, result.stderr
    assert file in result.stdout
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.output
    placeholders = [p for p in problems_in(project, file) if p.field == "placeholder"]
    assert placeholders
    lines = (project / file).read_text(encoding="utf-8").splitlines()
    assert all("REPLACE" in lines[p.line - 1] for p in placeholders)
    assert all("Replace the placeholder" in p.message for p in placeholders)
    (project / file).write_text(fill((project / file).read_text(encoding="utf-8")), "utf-8")
    assert problems_in(project, file) == []
    assert mkdocs_build(project, tmp_path / "site-filled").returncode == 0


def test_scaffold_refuses_a_bad_id_or_chapter(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    bad_id = scaffold(project, "example", "Not_A_Slug")
    assert bad_id.returncode == 2
    assert "lower-case words joined by hyphens" in bad_id.stderr
    existing = scaffold(project, "example", "documented-example")
    assert "already exists" in existing.stderr
    no_chapter = scaffold(project, "page", "no-such-chapter/page")
    assert "is not a chapter. Chapters: chapter-one." in no_chapter.stderr
    assert "Traceback" not in bad_id.stderr + existing.stderr + no_chapter.stderr


def test_the_field_reference_is_up_to_date() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert with_reference(text) == text, "CONTRIBUTING.md is out of date: run `make reference`"
    assert "| `what_they_did` | yes | Markdown: what people did. |" in text


@pytest.mark.slow
def test_a_moved_page_keeps_its_old_address(built_site: Path) -> None:
    redirect_maps = {
        "kindness-under-pressure/decisions-that-feel-unkind/index.html": "../making-hard-decisions/"
    }
    for old, new in redirect_maps.items():
        soup = BeautifulSoup((built_site / old).read_text(encoding="utf-8"), "html.parser")
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        assert refresh is not None
        assert refresh["content"] == f"0; url={new}"
        assert (built_site / old).parent.joinpath(new, "index.html").resolve().is_file()


@pytest.mark.slow
def test_a_moved_fixture_page_redirects(tmp_path: Path) -> None:
    moved = (FIXTURE_SITE / PAGE).read_text(encoding="utf-8")
    project = fixture_project(
        tmp_path / "project",
        files={f"docs/{RENAMED}": moved},
        remove=(PAGE,),
        nav=[
            {"Home": "index.md"},
            {"One": ["chapter-one/index.md", RENAMED]},
            {"Glossary": "glossary.md"},
        ],
        settings={
            "plugins": [
                "search",
                {
                    "redirects": {
                        "redirect_maps": {
                            "chapter-one/first-page.md": "chapter-one/renamed-page.md"
                        }
                    }
                },
                {
                    "macros": {
                        "module_name": "macros",
                        "on_error_fail": True,
                        "on_undefined": "strict",
                        "render_by_default": False,
                    }
                },
            ]
        },
    )
    for source in [*(project / "data").rglob("*.yml"), *(project / "docs").rglob("*.md")]:
        text = source.read_text(encoding="utf-8").replace("first-page.md", "renamed-page.md")
        source.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    old = (tmp_path / "site/chapter-one/first-page/index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../renamed-page/"' in old


@pytest.mark.slow
def test_the_handbook_builds_unchanged_with_properdocs(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "properdocs-site"
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(site)]
    env_result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert env_result.returncode == 0, env_result.stdout + env_result.stderr
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    proper = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert proper == pages
    assert len(pages) > 90
