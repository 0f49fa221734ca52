"""Pages made from data, rendered without MkDocs: right place, right front matter, right labels."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from macros.docpages import FRONT_MATTER
from macros.examples_index import examples_index
from macros.finder_pages import finder_pages
from macros.pages import GeneratedPage, first_sentence, generate_pages, long_date
from macros.site import Site


def pages_by_uri(site: Site) -> dict[str, GeneratedPage]:
    return {page.src_uri: page for page in site.generated}


def front_matter(page: GeneratedPage) -> dict[str, object]:
    match = FRONT_MATTER.match(page.markdown)
    assert match, page.src_uri
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


def test_every_record_and_theme_gets_a_page(content: Site) -> None:
    data = content.catalogue.data
    expected = {
        *(f"examples/{key}.md" for key in data.examples),
        *(f"reports/{key}.md" for key in data.reports),
        *(f"organisations/{key}.md" for key in data.organisations),
        *(f"themes/{key}.md" for key in content.catalogue.vocabulary("themes")),
        "examples/index.md",
        "examples/filter-data.js",
        "reports/index.md",
        "themes/index.md",
        "glossary.md",
    }
    situations = data.situations.situations if data.situations else []
    sectors = [s.id for s in data.situations.sectors] if data.situations else []
    expected |= {"finder/index.md"} if situations else set()
    for situation in situations:
        expected.add(f"finder/{situation.id}/index.md")
        for sector in [*sectors, "any-sector"]:
            expected |= {f"finder/{situation.id}/{sector}/{n}.md" for n in ("index", "answer")}
    assert set(pages_by_uri(content)) == expected


def test_generation_is_deterministic(content: Site) -> None:
    pages = [
        *generate_pages(content.catalogue),
        *examples_index(content.catalogue),
        *finder_pages(content.catalogue),
    ]
    assert sorted(pages, key=lambda page: page.src_uri) == list(content.generated)


def test_front_matter_is_valid_and_switches_macros_off(content: Site) -> None:
    for page in content.generated:
        if not page.src_uri.endswith(".md"):
            continue  # the filter data for the examples index
        meta = front_matter(page)
        assert meta["render_macros"] is False, page.src_uri
        assert meta["title"], page.src_uri
        assert meta["description"], page.src_uri


def test_illustrative_examples_say_so_at_the_top(content: Site) -> None:
    pages = pages_by_uri(content)
    for example in content.catalogue.data.examples.values():
        body = FRONT_MATTER.sub("", pages[f"examples/{example.id}.md"].markdown)
        top = body.split("\n## ", 1)[0]
        label = "Illustrative example" if example.kind == "illustrative" else "Documented example"
        assert label in top, example.id


def test_record_pages_edit_their_data_file(content: Site) -> None:
    pages = pages_by_uri(content)
    for key in content.catalogue.data.examples:
        assert pages[f"examples/{key}.md"].edit_path == f"data/examples/{key}.yml"
    for key in content.catalogue.data.reports:
        assert pages[f"reports/{key}.md"].edit_path == f"data/reports/{key}.yml"
    assert pages["glossary.md"].edit_path == "data/glossary.yml"
    assert pages["examples/index.md"].edit_path is None


def test_trust_signals_are_in_record_front_matter(content: Site) -> None:
    pages = pages_by_uri(content)
    for example in content.catalogue.data.examples.values():
        meta = front_matter(pages[f"examples/{example.id}.md"])
        assert meta["owner"] == example.owner
        assert meta["review_due"] == example.review_due


def test_text_from_data_is_escaped(content: Site) -> None:
    example = next(iter(content.catalogue.data.examples.values()))
    hostile = example.model_copy(update={"title": "<script>alert(1)</script> & more"})
    data = content.catalogue.data
    catalogue = type(content.catalogue)(
        type(data)(
            data.vocabularies,
            data.glossary,
            {**data.examples, example.id: hostile},
            data.reports,
            data.organisations,
            data.lines,
        ),
        content.catalogue.pages,
        content.catalogue.links,
        content.catalogue.backlinks,
    )
    page = next(p for p in generate_pages(catalogue) if p.src_uri == f"examples/{example.id}.md")
    assert "<script>" not in page.markdown
    assert "&lt;script&gt;" in page.markdown
    assert front_matter(page)["title"] == "<script>alert(1)</script> & more"


def test_glossary_headings_carry_their_ids(content: Site) -> None:
    glossary = pages_by_uri(content)["glossary.md"].markdown
    for term in content.catalogue.glossary:
        assert re.search(rf"^## .+ \{{ #{term.id} \}}$", glossary, re.MULTILINE), term.id


def test_first_sentence() -> None:
    assert first_sentence("One. Two.") == "One."
    assert first_sentence("No full stop") == "No full stop"
    assert first_sentence("A council in the U.K.\nworked") == "A council in the U.K."


def test_example_pages_show_optional_sections_and_dates_only_when_given(content: Site) -> None:
    pages = pages_by_uri(content)
    optional = {
        "what_did_not_work": "## What did not work",
        "what_happened_next": "## What happened next",
    }
    for example in content.catalogue.data.examples.values():
        body = FRONT_MATTER.sub("", pages[f"examples/{example.id}.md"].markdown)
        for name, heading in optional.items():
            assert (heading in body) == (getattr(example, name) is not None), (example.id, name)
        # An illustrative example has no dates, so it is never taken for a real event.
        assert ("When\n:" in body) == (example.period is not None), example.id
        assert ("Results\n:   Measured" in body) == example.measured, example.id


def test_example_sources_say_when_they_were_checked(content: Site) -> None:
    pages = pages_by_uri(content)
    for example in content.catalogue.data.examples.values():
        body = pages[f"examples/{example.id}.md"].markdown
        for source in example.sources:
            assert f"(checked {long_date(source.checked)})" in body, (example.id, source.url)


def test_long_date() -> None:
    assert long_date(dt.date(2026, 11, 3)) == "3 November 2026"
