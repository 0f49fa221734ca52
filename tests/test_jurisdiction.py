"""The jurisdiction check: a law of only some UK nations is never stated without its reach."""

from __future__ import annotations

from macros.checks.jurisdiction_markers import jurisdiction_problems

PAGE = "---\ntitle: T\n---\n\n# T\n\nIntro.\n\n{text}\n\n## Sources\n\n- [Care Act 2014](x)\n"


def test_a_law_named_without_its_reach_is_flagged_with_line_and_fix() -> None:
    (problem,) = jurisdiction_problems(
        "docs/a.md", PAGE.format(text="The Care Act 2014 sets duties.")
    )
    assert (problem.file, problem.line, problem.field) == ("docs/a.md", 9, "jurisdiction")
    assert "applies in England only" in problem.message
    assert '{{ applies_in("england") }}' in problem.message


def test_a_marker_for_the_right_nations_in_the_paragraph_passes() -> None:
    text = 'The Mental Capacity Act 2005 {{ applies_in("england wales") }} sets a test.'
    assert jurisdiction_problems("docs/a.md", PAGE.format(text=text)) == []


def test_a_marker_for_the_wrong_nations_is_flagged() -> None:
    text = 'The Mental Capacity Act 2005 {{ applies_in("england") }} sets a test.'
    (problem,) = jurisdiction_problems("docs/a.md", PAGE.format(text=text))
    assert "England and Wales only" in problem.message


def test_each_law_in_a_paragraph_needs_its_own_marker() -> None:
    text = (
        'The Care Act 2014 {{ applies_in("england") }} and the Equality Act 2010 both apply.\n'
        "CQC inspects care."
    )
    problems = jurisdiction_problems("docs/a.md", PAGE.format(text=text))
    assert sorted(p.message.split(",")[0] for p in problems) == ["This names the Equality Act 2010"]
    assert len(problems) == 1


def test_the_sources_list_names_works_not_rules() -> None:
    assert jurisdiction_problems("docs/a.md", PAGE.format(text="Nothing here.")) == []
