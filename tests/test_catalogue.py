"""Cross-references: checked, and indexed both ways, on the fixture site and the real content."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.catalogue import Ref
from macros.site import Site, load_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"


@pytest.fixture(scope="module")
def fixture_site() -> Site:
    return load_site(FIXTURE / "docs", FIXTURE / "data")


@pytest.fixture(scope="module")
def real_site() -> Site:
    return load_site(ROOT / "docs", ROOT / "data")


def test_a_macro_citation_is_a_reference(fixture_site: Site) -> None:
    catalogue = fixture_site.catalogue
    page = Ref("guidance", "chapter-one/first-page.md")
    assert page in catalogue.referenced_in(Ref("example", "illustrative-example"))
    assert page in catalogue.referenced_in(Ref("report", "test-report"))


def test_a_related_list_in_data_is_a_reference(fixture_site: Site) -> None:
    catalogue = fixture_site.catalogue
    page = Ref("guidance", "chapter-one/first-page.md")
    example = Ref("example", "documented-example")
    assert page in catalogue.refers_to(example)
    assert example in catalogue.referenced_in(page)
    assert Ref("organisation", "test-council") in catalogue.refers_to(example)


def test_neighbours_join_both_directions(fixture_site: Site) -> None:
    page = Ref("guidance", "chapter-one/first-page.md")
    examples = fixture_site.catalogue.neighbours(page, "example")
    assert [ref.key for ref in examples] == ["documented-example", "illustrative-example"]


def test_filters_combine(fixture_site: Site) -> None:
    catalogue = fixture_site.catalogue
    assert [e.id for e in catalogue.examples_matching(theme="trust")] == ["documented-example"]
    assert catalogue.examples_matching(theme="trust", sector="health") == []
    assert len(catalogue.examples_matching()) == 2


def test_theme_gathers_pages_examples_and_reports(fixture_site: Site) -> None:
    pages, examples, reports = fixture_site.catalogue.on_theme("trust")
    assert [p.src_uri for p in pages] == ["chapter-one/first-page.md"]
    assert [e.id for e in examples] == ["documented-example"]
    assert [r.id for r in reports] == ["test-report"]


def test_backlinks_are_the_exact_inverse_of_links(real_site: Site) -> None:
    catalogue = real_site.catalogue
    forward = {
        (source, target) for source, targets in catalogue.links.items() for target in targets
    }
    backward = {
        (source, target) for target, sources in catalogue.backlinks.items() for source in sources
    }
    assert forward == backward
    assert forward, "the real content should cross-reference something"


def test_real_content_meets_the_minimums(real_site: Site) -> None:
    examples = real_site.catalogue.data.examples.values()
    assert len(examples) >= 12
    assert len({theme for example in examples for theme in example.themes}) >= 4
    assert len({sector for example in examples for sector in example.sectors}) >= 3
    assert len(real_site.catalogue.guidance_pages()) >= 20
    assert len(real_site.catalogue.glossary) >= 25
