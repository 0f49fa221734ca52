"""The real content: original wording, readable, and as complete as the handbook promises."""

from __future__ import annotations

import os
import re
import statistics
from pathlib import Path

import pytest

from macros.checks.copying import find_copied_runs, handbook_files
from macros.checks.page_shape import commonest_opener, fullest_band, guidance_shapes, shape
from macros.checks.readability import TARGET, guidance_scores, prose
from macros.navigation import read_config
from macros.site import Site

from sites import ROOT

# The articles the handbook draws on; kept beside the repository, not in it (they are not ours).
SEEDS = Path(os.environ.get("SEEDS_DIR", ROOT.parent / "shared" / "seeds"))
AUDIENCES = ("frontline-staff", "team-managers", "senior-leaders", "policy-makers")


def test_copy_check_finds_a_copied_run_with_its_line() -> None:
    source = "Kindness matters because people remember how a public service made them feel."
    files = [
        (
            "docs/a.md",
            "Intro line.\nWe know people remember how a public service made them feel today.\n",
        ),
        ("docs/b.md", "People remember services that were kind to them.\n"),
    ]
    (run,) = find_copied_runs(files, [source])
    assert (run.file, run.line) == ("docs/a.md", 2)
    assert run.words == "people remember how a public service made them feel"


def test_copy_check_allows_addresses_and_the_titles_of_cited_works() -> None:
    source = "Kindness in public policy: the importance of leadership for every council"
    report = (
        "id: x\ntitle: Kindness in public policy: the importance of leadership for every council\n"
    )
    example = (
        "summary: Fine.\nsources:\n  - title: Kindness in public policy: the importance of "
        "leadership for every council\n    url: https://example.org/kindness-in-public-policy-"
        "the-importance-of-leadership-for-every-council/\nowner: x\n"
    )
    files = [("data/reports/x.yml", report), ("data/examples/y.yml", example)]
    assert find_copied_runs(files, [source]) == []
    copied_summary = (
        "summary: Kindness in public policy: the importance of leadership for every council\n"
    )
    assert len(find_copied_runs([("data/examples/z.yml", copied_summary)], [source])) == 1


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed articles are not at {SEEDS}")
def test_no_file_copies_eight_words_from_a_seed_article() -> None:
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    assert seeds
    copied = find_copied_runs(handbook_files(ROOT), seeds)
    assert copied == [], "\n".join(str(run) for run in copied)


def test_guidance_is_long_enough_and_readable() -> None:
    scores = guidance_scores(ROOT)
    assert len(scores) >= 20
    assert sum(score.words for score in scores) >= 18_000
    assert statistics.median(score.flesch for score in scores) >= TARGET


def test_prose_leaves_out_markup_and_sources() -> None:
    page = (
        "---\ntitle: T\n---\n\n# T\n\n- A [link](x.md) and {{ related() }}.\n\n## Sources\n\n- X\n"
    )
    assert prose(page).split() == ["T", "A", "link", "and", "."]


def test_there_is_a_reading_path_for_each_audience(content: Site) -> None:
    nav = read_config(ROOT / "mkdocs.yml")["nav"]
    start_here = next(item["Start here"] for item in nav if "Start here" in item)
    for audience in AUDIENCES:
        uri = f"start-here/{audience}.md"
        page = content.catalogue.pages[uri]
        assert page.meta.audiences == [audience]
        assert uri in start_here
        text = (ROOT / "docs" / uri).read_text(encoding="utf-8")
        stops = re.findall(r"^\d+\. \[.+\]\(\.\./.+\.md\): \w", text, re.MULTILINE)
        assert len(stops) >= 6, uri


def test_every_chapter_has_three_to_seven_guidance_pages(content: Site) -> None:
    chapters: dict[str, int] = {}
    for page in content.catalogue.guidance_pages():
        chapters[page.folder] = chapters.get(page.folder, 0) + 1
    assert len(chapters) == 7
    assert all(3 <= count <= 7 for count in chapters.values()), chapters


def test_documented_examples_cite_sources_and_illustrative_ones_are_anonymous(
    content: Site,
) -> None:
    examples = content.catalogue.data.examples.values()
    documented = [e for e in examples if e.kind == "documented"]
    illustrative = [e for e in examples if e.kind == "illustrative"]
    assert documented
    assert illustrative
    assert all(e.sources for e in documented)
    names = {org.name for org in content.catalogue.data.organisations.values()}
    for example in illustrative:
        fields = (example.title, example.summary, example.context, example.what_they_did)
        text = " ".join((*fields, example.place))
        assert not [name for name in names if name in text], example.id


def test_the_fullest_length_band_and_the_commonest_opener_are_counted() -> None:
    assert fullest_band([100, 105, 109, 200, 400]) == (3, 111)
    assert fullest_band([100, 200, 400]) == (1, 111)
    pages = [
        shape("a", "---\ntitle: A\n---\n\n# A\n\nThis page is for you. More.\n"),
        shape("b", "# B\n\nThis page is about B.\n"),
        shape("c", "# C\n\nRent arrears rise in winter.\n"),
    ]
    assert commonest_opener(pages) == ("this page is", 2)


def test_guidance_lengths_follow_their_subjects_not_a_target() -> None:
    shapes = guidance_shapes(ROOT)
    held, centre = fullest_band([item.words for item in shapes])
    assert held * 2 <= len(shapes), (
        f"{held} of {len(shapes)} pages are within 10% of {centre} words"
    )


def test_no_opening_is_shared_by_more_than_a_quarter_of_guidance_pages() -> None:
    shapes = guidance_shapes(ROOT)
    opener, count = commonest_opener(shapes)
    assert count * 4 <= len(shapes), f"'{opener}' opens {count} of {len(shapes)} pages"


def _section_items(text: str, heading: str) -> list[str]:
    """Return the list items under one '## heading' of a page."""
    found = re.search(rf"^## {heading}\n\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    body = found.group(1) if found else ""
    return [line[2:].strip() for line in body.splitlines() if line.startswith("- ")]


def test_sector_pages_are_shaped_by_their_sectors_not_one_template() -> None:
    pages = sorted((ROOT / "docs" / "sectors").glob("*.md"))
    texts = {
        page.name: page.read_text(encoding="utf-8") for page in pages if page.name != "index.md"
    }
    assert len(texts) == 6
    for heading in ("Try this", "Questions for your team", "Watch out for"):
        counts = {name: len(_section_items(text, heading)) for name, text in texts.items()}
        assert all(counts.values()), f"a sector page has no '{heading}' list: {counts}"
        assert len(set(counts.values())) > 1, f"every sector page has the same '{heading}' count"
    last_watch_outs = [_section_items(text, "Watch out for")[-1] for text in texts.values()]
    assert len(set(last_watch_outs)) == len(last_watch_outs)
    watch_outs = [item for text in texts.values() for item in _section_items(text, "Watch out for")]
    assert all(re.match(r"\*\*[^*]+\*\* \S", item) for item in watch_outs), (
        "each watch-out reads '**The risk in bold.** How to handle it.'"
    )


def test_no_sector_scenario_ends_on_a_verdict_of_mixed_results() -> None:
    for page in (ROOT / "docs" / "sectors").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"The (outcome|result) is (mixed|not tidy)", text), page.name
        assert "This is an invented scenario" not in text, f"{page.name}: use the admonition"
