"""The voice check: "X, not Y" contrasts per 1,000 words, and sentences pages repeat."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.checks.voice import (
    handbook_pages,
    handbook_voice,
    is_contrast,
    page_voice,
    repeats,
    sentences,
    voice_problems,
)

from sites import ROOT, fixture_project

CONTRASTS = [
    "A reasonable adjustment is a legal duty, not a favour.",
    "Plan with people, not for them.",
    "Use it to learn, not to rank teams.",
    "Brief your lead member before, not after, your next test of change.",
    "The answer is not fewer measures but better ones.",
    "Kind choices are dropped not because a rule forbids them but because of fear.",
    'Say "linked with", not "leads to".',
]
NOT_CONTRASTS = [
    "It is not easy, but it helps.",
    "Many councils, not least the smallest, struggle to recruit.",
    "The Act is passed, not yet in force.",
    "Some teams, not all, keep a log.",
    "Do not give benefits advice yourself unless you are trained to.",
    "This is not only about money but also about time.",
    "The ombudsman does not cover schools.",
    "Nothing here is new.",
]


@pytest.mark.parametrize("sentence", CONTRASTS)
def test_finds_a_contrast(sentence: str) -> None:
    assert is_contrast(sentence)


@pytest.mark.parametrize("sentence", NOT_CONTRASTS)
def test_leaves_other_uses_of_not_alone(sentence: str) -> None:
    assert not is_contrast(sentence)


def test_a_denial_answered_by_a_short_echo_is_a_contrast() -> None:
    assert is_contrast("The rules did not change.", "The relationship did.")
    assert is_contrast("The law had not changed.", "The habit had.")
    assert not is_contrast("The rules did not change.", "Staff were told why.")
    assert not is_contrast("The rules changed.", "The relationship did.")


def test_a_short_denial_answered_by_what_the_thing_is_is_a_contrast() -> None:
    assert is_contrast("Kindness here is not softness.", "It is the relationship that helps.")
    assert is_contrast("A kind response does not mean agreeing.", "It means taking you seriously.")
    assert not is_contrast("Kindness is not only a frontline task.", "It is shaped by rules.")
    assert not is_contrast("The Act is not in force.", "Ministers expect it in 2027.")
    long_denial = "The ombudsman does not look at complaints about schools in any of the nations."
    assert not is_contrast(long_denial, "It covers councils.")


PAGE = """---
title: A page
---

# A page

Plan with people, not for them. Ask what matters.

- Use it to learn, not to rank teams.
- Keep a log.

> Quoted words are someone else's, not ours.

!!! example "An illustrative scenario"
    A tenant calls again. The rules did not change. The relationship did.

## Sources

- [A report, not a page](https://example.org), Publisher, 2020.
"""


def test_counts_contrasts_in_prose_lists_and_scenarios_but_not_quotes_or_sources() -> None:
    voice = page_voice("docs/a.md", PAGE)
    assert [item.line for item in voice.contrasts] == [7, 9, 15]
    assert voice.words == 32
    assert voice.allowed == 1


def test_the_last_sentence_of_a_paragraph_or_scenario_is_its_closing_line() -> None:
    closing = [item.text for item in sentences(PAGE) if item.closing]
    assert closing == ["Ask what matters.", "The relationship did."]


def test_a_page_over_its_allowance_is_a_problem_naming_every_line() -> None:
    (problem,) = voice_problems([page_voice("docs/a.md", PAGE)], [])
    assert (problem.file, problem.line, problem.field) == ("docs/a.md", 9, "contrast")
    assert "has 3" in problem.message
    assert "line 7; line 9; line 15" in problem.message


def test_a_long_page_may_have_one_contrast_per_thousand_words() -> None:
    filler = "Ask the person what would help them today and write it down. " * 170
    voice = page_voice("docs/b.md", f"# B\n\n{filler}\n\nPlan with people, not for them.\n")
    assert voice.words > 2000
    assert voice.allowed == 2
    assert voice_problems([voice], []) == []


def test_finds_closing_lines_and_long_sentences_two_pages_share() -> None:
    shared = "We met the family at home and listened to what they wanted first."
    first = f"# A\n\n{shared} We left.\n"
    second = f"# B\n\n{shared} Then we wrote.\n\nThe habit had.\n"
    third = f'# C\n\n"{shared[:-1]}," she said.\n'
    found = repeats([("docs/a.md", first), ("docs/b.md", second), ("docs/c.md", third)])
    assert [(item.text, item.closing) for item in found] == [
        ("we met the family at home and listened to what they wanted first", False)
    ]
    short_closing = "# D\n\nThey kept it. The rules did not change for anyone here at all.\n"
    found = repeats(
        [("docs/d.md", short_closing), ("docs/e.md", short_closing.replace("They kept", "Kept"))]
    )
    assert [(item.places, item.closing) for item in found] == [
        ((("docs/d.md", 3), ("docs/e.md", 3)), True)
    ]
    problems = voice_problems([], found)
    assert [(p.file, p.field) for p in problems] == [("docs/e.md", "repeated")]
    assert "closing line is also on docs/d.md" in problems[0].message


def test_pointers_to_other_pages_are_not_repeated_sentences() -> None:
    page = "# A\n\nRead the guidance. See safeguarding and fairness for the procedure to follow.\n"
    assert repeats([("docs/a.md", page), ("docs/b.md", page)]) == []


# The sector chapter is being rewritten in the same content edition; `make check` covers it.
SECTORS = "docs/sectors/"


def test_every_page_outside_the_sector_chapter_keeps_to_its_contrast_allowance() -> None:
    voices, _ = handbook_voice(ROOT)
    own = [voice for voice in voices if not voice.page.startswith(SECTORS)]
    assert len(own) >= 45
    over = [voice.page for voice in own if len(voice.contrasts) > voice.allowed]
    assert over == []
    words = sum(voice.words for voice in own)
    assert 1000 * sum(len(voice.contrasts) for voice in own) / words <= 1.0


def test_no_two_pages_outside_the_sector_chapter_share_a_closing_line_or_sentence() -> None:
    _, repeated = handbook_voice(ROOT)
    own = [
        repeat
        for repeat in repeated
        if sum(1 for page, _ in repeat.places if not page.startswith(SECTORS)) > 1
    ]
    assert [repeat for repeat in own if repeat.closing] == []
    assert own == []


def test_a_contributor_who_adds_contrasts_is_told_the_file_and_the_lines(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    assert voice_problems(*handbook_voice(project)) == []
    page = project / "docs/chapter-one/first-page.md"
    before, related = page.read_text(encoding="utf-8").split("## Related", 1)
    added = "Plan with people, not for them.\n\nUse data to learn, not to blame.\n\n"
    page.write_text(f"{before}{added}## Related{related}", encoding="utf-8")
    first = before.count("\n") + 1
    (problem,) = voice_problems(*handbook_voice(project))
    assert (problem.file, problem.line) == ("docs/chapter-one/first-page.md", first + 2)
    assert f"line {first}; line {first + 2}" in problem.message


def test_a_page_linked_from_outside_the_handbook_is_not_read(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    outside = tmp_path / "secret.md"
    outside.write_text(
        "# Secret\n\nPlan with people, not for them. Use it to learn, not to rank.\n"
    )
    (project / "docs/chapter-one/linked.md").symlink_to(outside)
    pages = [page for page, _ in handbook_pages(project)]
    assert "docs/chapter-one/linked.md" not in pages
    assert "docs/chapter-one/first-page.md" in pages
