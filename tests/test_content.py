"""The real content: original wording, and the measures the editorial rules are built on."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from macros.checks.copying import find_copied_runs, handbook_files
from macros.checks.page_shape import commonest_opener, fullest_band, shape
from macros.checks.readability import prose
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


def test_prose_leaves_out_markup_and_sources() -> None:
    page = (
        "---\ntitle: T\n---\n\n# T\n\n- A [link](x.md) and {{ related() }}.\n\n## Sources\n\n- X\n"
    )
    assert prose(page).split() == ["T", "A", "link", "and", "."]


def test_there_is_a_reading_path_for_each_audience(content: Site) -> None:
    # Its stops are an editorial rule: macros/checks/editorial.py (tests/test_editorial.py).
    nav = read_config(ROOT / "mkdocs.yml")["nav"]
    start_here = next(item["Start here"] for item in nav if "Start here" in item)
    for audience in AUDIENCES:
        uri = f"start-here/{audience}.md"
        page = content.catalogue.pages[uri]
        assert page.meta.audiences == [audience]
        assert uri in start_here


def test_the_handbook_has_seven_chapters(content: Site) -> None:
    # How many pages each holds is an editorial rule, checked with the content.
    assert len({page.folder for page in content.catalogue.guidance_pages()}) == 7


def test_the_fullest_length_band_and_the_commonest_opener_are_counted() -> None:
    assert fullest_band([100, 105, 109, 200, 400]) == (3, 111)
    assert fullest_band([100, 200, 400]) == (1, 111)
    pages = [
        shape("a", "---\ntitle: A\n---\n\n# A\n\nThis page is for you. More.\n"),
        shape("b", "# B\n\nThis page is about B.\n"),
        shape("c", "# C\n\nRent arrears rise in winter.\n"),
    ]
    assert commonest_opener(pages) == ("this page is", 2)


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
