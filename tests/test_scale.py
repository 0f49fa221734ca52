"""Pages that do not grow with the data: related panels, theme pages and the examples index."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from macros.catalogue import Ref
from macros.examples_index import PER_PAGE, example_facets, examples_index, pager
from macros.pages import LISTED_EXAMPLES
from macros.render import RELATED_EXAMPLES, related
from macros.site import Site, load_site
from macros.synthetic import add_examples

from sites import FIXTURE_SITE, fixture_project, mkdocs_build

GUIDANCE = "chapter-one/first-page.md"
# Enough synthetic examples for several numbered pages and a long list of citing examples.
SYNTHETIC = 240


def scaled_copy(dest: Path, count: int) -> Path:
    """Copy the fixture site's content and add `count` synthetic examples that cite its page."""
    shutil.copytree(FIXTURE_SITE, dest)
    add_examples(dest / "data", count, [GUIDANCE], ["trust", "risk"], ["housing", "health"])
    return dest


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Site:
    folder = scaled_copy(tmp_path_factory.mktemp("scaled") / "site", SYNTHETIC)
    return load_site(folder / "docs", folder / "data")


def test_related_panel_lists_a_handful_named_examples_first(scaled: Site) -> None:
    catalogue = scaled.catalogue
    chosen, total = catalogue.related_examples(Ref("guidance", GUIDANCE), RELATED_EXAMPLES)
    assert total == len(catalogue.neighbours(Ref("guidance", GUIDANCE), "example"))
    assert total > SYNTHETIC  # every synthetic example cites the page
    assert len(chosen) == RELATED_EXAMPLES
    assert chosen[0] == Ref("example", "illustrative-example")  # named on the page by example_card
    markdown = related(catalogue, GUIDANCE)
    assert len(re.findall(r"^- \[.+\]\(\.\./examples/", markdown, re.MULTILINE)) == RELATED_EXAMPLES
    assert f"{total - RELATED_EXAMPLES} more practice examples refer to this page" in markdown


def test_examples_sharing_the_page_themes_come_before_others(scaled: Site) -> None:
    chosen, _ = scaled.catalogue.related_examples(Ref("guidance", GUIDANCE), RELATED_EXAMPLES)
    page_themes = set(scaled.catalogue.pages[GUIDANCE].meta.themes)
    citing = [scaled.catalogue.data.examples[ref.key] for ref in chosen[1:]]
    assert all(page_themes & set(example.themes) for example in citing)


def test_theme_page_lists_a_few_and_links_to_the_filtered_index(scaled: Site) -> None:
    page = next(p for p in scaled.generated if p.src_uri == "themes/trust.md")
    example_links = re.findall(r"^- \[.+\]\(\.\./examples/[^)]+\.md\)", page.markdown, re.MULTILINE)
    assert len(example_links) == LISTED_EXAMPLES
    on_theme = len(scaled.catalogue.examples_matching(theme="trust"))
    assert (
        f"[All {on_theme} practice examples on this theme](../examples/index.md?theme=trust)"
        in (page.markdown)
    )


def test_examples_index_is_split_into_numbered_pages(scaled: Site) -> None:
    pages = {p.src_uri: p for p in examples_index(scaled.catalogue)}
    total = len(scaled.catalogue.data.examples)
    count = -(-total // PER_PAGE)
    assert set(pages) == {
        "examples/index.md",
        "examples/filter-data.js",
        *(f"examples/page/{n}.md" for n in range(2, count + 1)),
    }
    listed = [
        link
        for uri, page in pages.items()
        if uri.endswith(".md")
        for link in re.findall(r"^## \[.+\]\(([^)]+)\)$", page.markdown, re.MULTILINE)
    ]
    assert len(listed) == total
    assert {Path(link).stem for link in listed} == set(scaled.catalogue.data.examples)


def test_pager_shows_ends_neighbours_and_gaps() -> None:
    items = pager(6, 20)
    assert [item.label for item in items] == ["1", "…", "4", "5", "6", "7", "8", "…", "20"]
    assert [item.current for item in items].count(True) == 1
    assert items[0].href == "../index.md"
    assert items[2].href == "4.md"
    assert [item.label for item in pager(1, 3)] == ["1", "2", "3"]


def test_filter_data_holds_every_example_once(scaled: Site) -> None:
    data_file = next(p for p in examples_index(scaled.catalogue) if p.src_uri.endswith(".js"))
    data = json.loads(data_file.markdown.removeprefix("window.kipExamples = ").rstrip(";\n"))
    assert sorted(row[0] for row in data["examples"]) == sorted(scaled.catalogue.data.examples)
    trust = next(row for row in data["examples"] if row[0] == "documented-example")
    examples = list(scaled.catalogue.data.examples.values())
    theme_facet = example_facets(scaled.catalogue, examples)[0]
    assert theme_facet.name == "theme"
    positions = [option.value for option in theme_facet.options]
    assert trust[4][0] == [positions.index("trust")]  # by place among the theme filters


@pytest.mark.slow
def test_guidance_page_size_does_not_grow_with_the_examples(tmp_path: Path) -> None:
    sizes = {}
    for count in (0, SYNTHETIC):
        project = fixture_project(tmp_path / f"project-{count}")
        add_examples(project / "data", count, [GUIDANCE], ["trust", "risk"], ["housing", "health"])
        result = mkdocs_build(project, tmp_path / f"site-{count}")
        assert result.returncode == 0, result.output
        page = result.site_dir / "chapter-one" / "first-page" / "index.html"
        sizes[count] = page.stat().st_size
    assert sizes[SYNTHETIC] <= sizes[0] * 1.1, sizes
