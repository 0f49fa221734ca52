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


def test_a_nation_lead_in_marks_the_paragraph() -> None:
    text = "**England.** The Care Act 2014 sets duties."
    assert jurisdiction_problems("docs/a.md", PAGE.format(text=text)) == []


def test_a_lead_in_for_other_nations_does_not_mark_the_law() -> None:
    text = "**Scotland and Wales.** The Care Act 2014 does not apply."
    (problem,) = jurisdiction_problems("docs/a.md", PAGE.format(text=text))
    assert "applies in England only" in problem.message


def test_a_bold_phrase_that_is_not_a_nation_is_no_lead_in() -> None:
    text = "**Debt.** The Care Act 2014 sets duties."
    (problem,) = jurisdiction_problems("docs/a.md", PAGE.format(text=text))
    assert problem.line == 9


def test_each_list_item_has_its_own_lead_in() -> None:
    text = (
        "- **Wales.** Councils there use their own law.\n"
        "- **England.** The Care Act 2014 sets duties.\n"
        "- **Scotland.** The Care Act 2014 does not apply here."
    )
    (problem,) = jurisdiction_problems("docs/a.md", PAGE.format(text=text))
    assert problem.line == 11


def test_a_marker_that_repeats_the_lead_in_is_flagged_with_its_fix() -> None:
    text = '**Scotland.** Police Scotland {{ applies_in("scotland") }} states its values.'
    (problem,) = jurisdiction_problems("docs/a.md", PAGE.format(text=text))
    assert problem.line == 9
    assert "repeats what the paragraph's lead-in already says. Remove it." in problem.message


def test_a_marker_that_repeats_a_laws_title_is_flagged() -> None:
    text = 'The Housing (Scotland) Act 2010 {{ applies_in("scotland") }} added steps.'
    (problem,) = jurisdiction_problems("docs/a.md", PAGE.format(text=text))
    assert "repeats what the law's title already says" in problem.message


def test_a_laws_title_needs_no_marker_and_other_markers_stay() -> None:
    text = (
        "The Addressing Bullying in Schools Act (Northern Ireland) 2016 defines bullying. "
        'The Education Authority {{ applies_in("northern-ireland") }} helps schools.'
    )
    assert jurisdiction_problems("docs/a.md", PAGE.format(text=text)) == []


def test_one_repeated_marker_is_reported_once() -> None:
    text = '**Wales.** The Housing (Wales) Act 2014 {{ applies_in("wales") }} sets duties.'
    assert len(jurisdiction_problems("docs/a.md", PAGE.format(text=text))) == 1


def test_part_7_of_the_housing_act_1996_is_england_only() -> None:
    text = 'Part 7 of the Housing Act 1996 {{ applies_in("england wales") }} sets duties.'
    messages = [p.message for p in jurisdiction_problems("docs/a.md", PAGE.format(text=text))]
    wrong = "applying in England and Wales, but it applies in England only"
    assert any(wrong in message for message in messages)
    text = 'Part 7 of the Housing Act 1996 {{ applies_in("england") }} sets duties.'
    assert jurisdiction_problems("docs/a.md", PAGE.format(text=text)) == []


def test_a_narrower_marker_for_part_of_a_law_is_allowed() -> None:
    text = 'The Fairer Scotland Duty, Part 1 of the Equality Act 2010 {{ applies_in("scotland") }}.'
    messages = [p.message for p in jurisdiction_problems("docs/a.md", PAGE.format(text=text))]
    assert messages
    assert not any("but it applies" in message for message in messages)
