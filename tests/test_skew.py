"""A record cited by a thousand others: the build passes and its page stays short and useful."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import serve
from markupsafe import Markup
from playwright.sync_api import Page, expect

from macros.catalogue import Ref
from macros.docpages import FRONT_MATTER
from macros.limits import markdown_problems
from macros.links import cited_by_address
from macros.navigation import Chapter
from macros.pages import LISTED_EXAMPLES
from macros.pdf.compose import ChapterDocument, Section, chapter_examples, render_document
from macros.render import example_list, related
from macros.site import Site, load_site
from macros.synthetic import add_examples

from sites import FIXTURE_SITE, fixture_project, mkdocs_build

GUIDANCE = "chapter-one/first-page.md"
CITED = Ref("example", "illustrative-example")
CITING = 1000
OTHERS = 20  # examples that cite neither record, which the filtered list must leave out
RECORD_PAGE = "examples/illustrative-example.md"


def skewed_data(data: Path) -> None:
    """Add a thousand examples that each cite one example and one report, and a few that do not."""
    themes, sectors = ["trust", "risk"], ["housing", "health"]
    related = {"examples": [CITED.key], "reports": ["test-report"]}
    add_examples(data, CITING, [GUIDANCE], themes, sectors, related=related)
    add_examples(data, OTHERS, [GUIDANCE], themes, sectors, start=CITING)


@pytest.fixture(scope="module")
def skewed(tmp_path_factory: pytest.TempPathFactory) -> Site:
    folder = tmp_path_factory.mktemp("skewed") / "site"
    shutil.copytree(FIXTURE_SITE, folder)
    skewed_data(folder / "data")
    return load_site(folder / "docs", folder / "data")


def generated(site: Site, uri: str) -> str:
    return next(page.markdown for page in site.generated if page.src_uri == uri)


def section(markdown: str, heading: str) -> str:
    return markdown.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_the_cited_record_lists_a_few_with_the_count_and_a_link_to_all(skewed: Site) -> None:
    citing = skewed.catalogue.citing_examples(CITED)
    assert len(citing) == CITING
    listed = section(generated(skewed, RECORD_PAGE), "Referenced in")
    examples = re.findall(r"^- \[.+\]\(([a-z0-9-]+)\.md\)$", listed, re.MULTILINE)
    assert len(examples) == LISTED_EXAMPLES
    assert set(examples) <= {ref.key for ref in citing}
    # All illustrative: those sharing the record's themes come first.
    record = skewed.catalogue.data.examples[CITED.key]
    for key in examples:
        assert set(record.themes) & set(skewed.catalogue.data.examples[key].themes), key
    assert f"These are {LISTED_EXAMPLES} of the 1,000 practice examples" in listed
    address = cited_by_address(RECORD_PAGE, CITED)
    assert address == "index.md?cites=examples/illustrative-example"
    assert f"[All 1,000 practice examples that refer to this example]({address})" in listed


def test_documented_examples_come_first_in_a_cited_list(skewed: Site) -> None:
    listed = section(generated(skewed, "reports/test-report.md"), "Referenced in")
    examples = re.findall(r"^- \[.+\]\(\.\./examples/([a-z0-9-]+)\.md\)$", listed, re.MULTILINE)
    assert examples[0] == "documented-example"  # the fixture's one documented example cites it
    assert len(examples) == LISTED_EXAMPLES
    assert "1,001 practice examples that refer to this report" in listed


def test_no_page_made_from_data_trips_a_contributor_limit(skewed: Site) -> None:
    pages = [page for page in skewed.generated if page.src_uri.endswith(".md")]
    assert len(pages) > CITING
    for page in pages:
        match = FRONT_MATTER.match(page.markdown)
        assert match, page.src_uri
        body = page.markdown[match.end() :]
        assert markdown_problems(body, page.src_uri, count_html=False) == [], page.src_uri


def test_the_guidance_panel_links_to_every_example_that_cites_it(skewed: Site) -> None:
    markdown = related(skewed.catalogue, GUIDANCE)
    citing = len(skewed.catalogue.citing_examples(Ref("guidance", GUIDANCE)))
    assert citing > CITING
    assert (
        f"[All {citing:,} practice examples that refer to this page]"
        "(../examples/index.md?cites=chapter-one/first-page)"
    ) in markdown


# --- The built site, and the link followed in a browser ---------------------------------------
@pytest.fixture(scope="module")
def skewed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("skewed-build")
    project = fixture_project(folder / "project")
    skewed_data(project / "data")
    result = mkdocs_build(project, folder / "site")
    assert result.returncode == 0, result.output
    return result.site_dir


@pytest.fixture(scope="module")
def skewed_url(skewed_build: Path) -> Iterator[str]:
    yield from serve(skewed_build)


@pytest.mark.slow
def test_the_built_record_page_is_bounded(skewed_build: Path) -> None:
    html = (skewed_build / "examples" / "illustrative-example" / "index.html").read_text("utf-8")
    soup = BeautifulSoup(html, "lxml")
    heading = soup.find(id="referenced-in")
    assert heading is not None
    links = [str(a["href"]) for a in heading.find_next("ul").find_all("a")]
    assert "../../chapter-one/first-page/" in links  # pages that refer to it come in full
    examples = [link for link in links if re.fullmatch(r"\.\./[a-z0-9-]+/", link)]
    assert len(examples) == LISTED_EXAMPLES
    everything = soup.find("a", string=re.compile("^All 1,000 practice examples"))
    assert everything is not None
    assert everything["href"] == "../?cites=examples/illustrative-example"


@pytest.mark.slow
@pytest.mark.browser
def test_the_link_lists_exactly_the_citing_examples(
    page: Page, skewed_url: str, skewed: Site
) -> None:
    page.goto(skewed_url + "/examples/illustrative-example/")
    page.get_by_role("link", name="All 1,000 practice examples that refer to this example").click()
    status = page.locator(".kip-filter__count")
    total = CITING + OTHERS + len(list((FIXTURE_SITE / "data" / "examples").iterdir()))
    expect(status).to_have_text(
        f"Practice examples that refer to “An illustrative example”. "
        f"Showing {CITING} of {total} examples."
    )
    more = page.get_by_role("button", name="Show more examples")
    while more.count():
        shown = page.locator(".kip-examples:visible .kip-example").count()
        more.click()
        expect(page.locator(".kip-examples:visible .kip-example")).not_to_have_count(shown)
    hrefs = page.locator(".kip-examples:visible .kip-example h2 a").evaluate_all(
        "links => links.map(link => link.href)"
    )
    ids = [urlsplit(urljoin(page.url, href)).path.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]
    assert len(ids) == CITING
    assert set(ids) == {ref.key for ref in skewed.catalogue.citing_examples(CITED)}
    # Clearing the filters drops the address-only filter too.
    page.get_by_role("button", name="Clear all filters").click()
    expect(page).to_have_url(re.compile(r"/examples/$"))


def test_the_chapter_appendix_prints_a_bounded_few_with_the_count(skewed: Site) -> None:
    chapter = Chapter("chapter-one", 1, "Chapter one", ("chapter-one/index.md", GUIDANCE))
    printed, linked = chapter_examples(skewed.catalogue, chapter)
    assert linked == len(skewed.catalogue.neighbours(Ref("guidance", GUIDANCE), "example"))
    assert linked > CITING
    assert "illustrative-example" in printed  # named on the page, so always printed
    assert len(printed) <= LISTED_EXAMPLES + 1
    document = ChapterDocument(
        chapter,
        (),
        tuple(Section(f"x-{key}", key, Markup("")) for key in printed),
        (),
        dt.date(2026, 1, 1),
        None,
        {},
        "https://example.org/handbook/",
        linked,
    )
    html = render_document(document, "Kindness in Practice")
    assert (
        f"These {len(printed)} practice examples are the most relevant of the {linked:,} linked"
    ) in html
    assert "example.org/handbook/examples/, lists every one" in html


def test_a_tag_list_on_a_page_lists_a_few_and_links_to_the_filtered_index(skewed: Site) -> None:
    markdown = example_list(skewed.catalogue, GUIDANCE, {"theme": "risk", "sector": None})
    on_risk = len(skewed.catalogue.examples_matching(theme="risk"))
    assert on_risk > CITING // 2
    assert len(re.findall(r"^- \[.+\]\(\.\./examples/", markdown, re.MULTILINE)) == LISTED_EXAMPLES
    assert f"These are {LISTED_EXAMPLES} of the {on_risk:,} practice examples" in markdown
    address = "../examples/index.md?theme=risk"
    assert f"[All {on_risk:,} practice examples in this list]({address})" in markdown
