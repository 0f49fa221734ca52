"""The loader: every broken data file gets a plain message naming its file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.problems import ContentError, Problem
from macros.site import load_site

FIXTURES = Path(__file__).parent / "fixtures"
INVALID = FIXTURES / "invalid"

# fixture file -> (field the problem names, words the message must contain)
CASES: dict[str, tuple[str, str]] = {
    "examples__bad-yaml.yml": ("", "not valid YAML"),
    "examples__unknown-key.yml": ("sumary", "Did you mean 'summary'?"),
    "examples__missing-field.yml": ("title", "'title' is missing"),
    "examples__wrong-type.yml": ("sources.0.year", "must be a whole number"),
    "examples__unknown-theme.yml": ("themes", "Did you mean 'trust'?"),
    "examples__id-mismatch.yml": ("id", "must match the file name"),
    "examples__dangling-example.yml": (
        "related.examples",
        "no example with the id 'no-such-example'",
    ),
    "examples__dangling-guidance.yml": (
        "related.guidance",
        "Did you mean 'chapter-one/first-page.md'?",
    ),
    "examples__dangling-report.yml": ("related.reports", "Did you mean 'test-report'?"),
    "examples__bad-date.yml": ("last_reviewed", "Write it as YYYY-MM-DD"),
    "examples__review-due-before-last-reviewed.yml": ("review_due", "later than last_reviewed"),
    "examples__documented-without-source.yml": ("sources", "needs at least one source"),
    "examples__illustrative-naming-organisation.yml": ("organisations", "must not name real"),
    "examples__unsafe-url.yml": ("sources.0.url", "https://"),
    "examples__unknown-nation.yml": ("nations", "Did you mean 'scotland'?"),
    "examples__unknown-organisation.yml": ("organisations", "Did you mean 'test-council'?"),
    "examples__tab-indent.yml": ("", "tab"),
    "examples__empty.yml": ("", "empty"),
    "examples__yaml-alias.yml": ("", "aliases"),
    "examples__period-backwards.yml": ("period.to", "earlier than 'from'"),
    "examples__no-themes.yml": ("themes", "at least one"),
    "examples__illustrative-without-setting.yml": ("setting", "needs a setting"),
    "examples__illustrative-with-dates.yml": ("period", "has no dates"),
    "examples__illustrative-measured.yml": ("measured", "no measured results"),
    "examples__unknown-setting.yml": ("settings", "Did you mean 'hospital-ward'?"),
    "examples__source-not-checked.yml": ("sources.0.checked", "'checked' is missing"),
    "examples__documented-without-dates.yml": ("period", "needs the years the work ran"),
    "examples__not-a-mapping.yml": ("", "'field: value'"),
    "examples__bad-kind.yml": ("kind", "'documented' or 'illustrative'"),
    "examples__bad-id.yml": ("id", "lower-case words joined by hyphens"),
    "examples__wrong-extension.yaml": ("", "Rename it to end in .yml"),
    "examples__not-utf8.yml": ("", "not UTF-8"),
    "examples__byte-order-mark.yml": ("", "byte-order mark"),
    "reports__missing-url.yml": ("url", "'url' is missing"),
    "reports__unknown-theme.yml": ("themes", "Did you mean 'trust'?"),
    "organisations__unknown-type.yml": ("organisation_types", "Did you mean 'local-authority'?"),
    "vocabularies__duplicate-id.yml": ("themes.1.id", "used twice"),
    "glossary__duplicate-term.yml": ("terms.1", "more than one glossary term"),
}
# Files with no lines to point at: the whole file is the problem.
WHOLE_FILE = {"examples__wrong-extension.yaml"}


def place(case: str, project: Path) -> str:
    """Put an invalid fixture where it belongs in a copy of the fixture site; return its label."""
    collection, name = case.split("__", 1)
    if collection in ("vocabularies", "glossary"):
        target = project / "data" / f"{collection}.yml"
    else:
        target = project / "data" / collection / name
    shutil.copyfile(INVALID / case, target)
    return target.relative_to(project).as_posix()


def problems_for(project: Path) -> tuple[Problem, ...]:
    with pytest.raises(ContentError) as caught:
        load_site(project / "docs", project / "data")
    return caught.value.problems


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "site", tmp_path / "site")
    return tmp_path / "site"


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(path.name for path in INVALID.iterdir()) == sorted(CASES)
    assert len(CASES) >= 20


def test_the_valid_fixture_loads(project: Path) -> None:
    site = load_site(project / "docs", project / "data")
    assert set(site.catalogue.data.examples) == {"documented-example", "illustrative-example"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_invalid_file_is_reported_with_file_line_and_field(case: str, project: Path) -> None:
    label = place(case, project)
    field, words = CASES[case]
    problems = [problem for problem in problems_for(project) if problem.file == label]
    assert problems, f"no problem reported for {label}"
    matching = [p for p in problems if p.field == field and words in p.message]
    assert matching, f"expected [{field}] '{words}' in: {[str(p) for p in problems]}"
    if case not in WHOLE_FILE:
        assert all(problem.line >= 1 for problem in matching)


def test_line_numbers_point_at_the_field(project: Path) -> None:
    label = place("examples__unknown-theme.yml", project)
    (problem,) = [p for p in problems_for(project) if p.file == label]
    lines = (project / label).read_text(encoding="utf-8").splitlines()
    assert "trsut" in lines[problem.line - 1]


def test_all_problems_are_reported_together(project: Path) -> None:
    labels = {
        place(case, project) for case in ("examples__unknown-key.yml", "reports__unknown-theme.yml")
    }
    (project / "docs" / "chapter-one" / "first-page.md").write_text(
        "---\ntitle: First page\ndescription: d\n---\n\n# First page\n", encoding="utf-8"
    )
    found = {problem.file for problem in problems_for(project)}
    assert labels | {"docs/chapter-one/first-page.md"} <= found


def test_report_groups_problems_by_file(project: Path) -> None:
    place("examples__unknown-theme.yml", project)
    with pytest.raises(ContentError) as caught:
        load_site(project / "docs", project / "data")
    report = str(caught.value)
    assert report.startswith("The handbook cannot be built: 1 problem(s) to fix.")
    assert "In data/examples/unknown-theme.yml:" in report
    assert "'trsut' is not a theme in data/vocabularies.yml. Did you mean 'trust'?" in report
