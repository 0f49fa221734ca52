"""Strict builds: broken links, anchors, macros and data stop the build with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from sites import ROOT, fixture_project, mkdocs_build, publish

PAGE = "docs/chapter-one/first-page.md"
FIRST_PAGE = (ROOT / "tests/fixtures/site" / PAGE).read_text(encoding="utf-8")

pytestmark = pytest.mark.slow


def build_with(tmp_path: Path, files: dict[str, str]) -> tuple[int, str]:
    project = fixture_project(tmp_path / "project", files=files)
    result = mkdocs_build(project, tmp_path / "site")
    return result.returncode, result.output


def test_the_fixture_site_builds(tmp_path: Path) -> None:
    code, output = build_with(tmp_path, {})
    assert code == 0, output


def test_a_link_to_a_missing_page_fails_and_names_the_file(tmp_path: Path) -> None:
    code, output = build_with(tmp_path, {PAGE: FIRST_PAGE + "\nSee [nowhere](no-such-page.md).\n"})
    assert code != 0
    assert "chapter-one/first-page.md" in output
    assert "no-such-page.md" in output


def test_a_link_to_a_missing_anchor_fails_and_names_the_file(tmp_path: Path) -> None:
    code, output = build_with(
        tmp_path, {PAGE: FIRST_PAGE + "\nSee [there](index.md#no-such-part).\n"}
    )
    assert code != 0
    assert "chapter-one/first-page.md" in output
    assert "no-such-part" in output


def test_an_undefined_macro_variable_fails_and_names_file_and_line(tmp_path: Path) -> None:
    code, output = build_with(tmp_path, {PAGE: FIRST_PAGE + "\n{{ undefined_thing }}\n"})
    assert code != 0
    line = FIRST_PAGE.count("\n") + 2
    assert f"line {line}: 'undefined_thing' is not one of the handbook's macros" in output
    assert "In docs/chapter-one/first-page.md:" in output
    assert "Traceback" not in output


def test_an_unknown_example_id_fails_with_a_suggestion(tmp_path: Path) -> None:
    code, output = build_with(
        tmp_path, {PAGE: FIRST_PAGE + '\n{{ example_card("documented-exampel") }}\n'}
    )
    assert code != 0
    assert (
        "There is no example with the id 'documented-exampel'. Did you mean 'documented-example'?"
        in output
    )
    assert "Traceback" not in output


def test_a_data_error_fails_without_a_traceback(tmp_path: Path) -> None:
    broken = (ROOT / "tests/fixtures/invalid/examples__unknown-theme.yml").read_text(
        encoding="utf-8"
    )
    code, output = build_with(tmp_path, {"data/examples/unknown-theme.yml": broken})
    assert code != 0
    assert "data/examples/unknown-theme.yml" in output
    assert "Did you mean 'trust'?" in output
    assert "Traceback" not in output


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    target = tmp_path / "published"
    assert publish(project, target, pdf=False, offline=False) == 0
    before = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    (project / PAGE).write_text(FIRST_PAGE + "\n[broken](missing.md)\n", encoding="utf-8")
    assert publish(project, target, pdf=False, offline=False) != 0
    after = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    assert after == before
    assert not list(project.glob(".site-*")), "the staging folder was not cleaned up"


def test_a_page_missing_from_the_navigation_fails(tmp_path: Path) -> None:
    orphan = FIRST_PAGE.replace("title: First page", "title: Forgotten page")
    code, output = build_with(tmp_path, {"docs/chapter-one/forgotten.md": orphan})
    assert code != 0
    assert "chapter-one/forgotten.md" in output


def test_a_jurisdiction_marker_says_where_a_rule_applies(tmp_path: Path) -> None:
    page = FIRST_PAGE + '\nThe Care Act 2014 {{ applies_in("england") }} sets duties.\n'
    project = fixture_project(tmp_path / "project", files={PAGE: page})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    html = (tmp_path / "site/chapter-one/first-page/index.html").read_text(encoding="utf-8")
    assert 'The Care Act 2014 <span class="kip-applies">(England only)</span> sets' in html


def test_a_jurisdiction_marker_with_an_unknown_nation_fails(tmp_path: Path) -> None:
    page = FIRST_PAGE + '\nThe Act {{ applies_in("englnd") }} applies.\n'
    code, output = build_with(tmp_path, {PAGE: page})
    assert code != 0
    assert "'englnd' is not a UK nation" in output
    assert "Did you mean 'england'?" in output
    assert "Traceback" not in output
