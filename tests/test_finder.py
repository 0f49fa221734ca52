"""The guided finder: every answer leads to an outcome, and outcomes list only what matches."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import pytest

from macros.finder import ALL_NATIONS, ANY_SECTOR
from macros.jurisdiction import UK_NATIONS
from macros.models import Situations
from macros.pages import GeneratedPage
from macros.problems import ContentError
from macros.site import Site, load_site

from sites import ROOT

LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
START = "finder/index.md"


def finder(site: Site) -> dict[str, GeneratedPage]:
    """The finder's pages, by their docs path."""
    return {page.src_uri: page for page in site.generated if page.src_uri.startswith("finder/")}


def situations(site: Site) -> Situations:
    data = site.catalogue.data.situations
    assert data is not None, "data/situations.yml did not load"
    return data


def links(page: GeneratedPage) -> list[tuple[str, str]]:
    """Every Markdown link on a page, as (text, target resolved to a docs path and anchor)."""
    found = []
    for text, href in LINK.findall(page.markdown):
        path, _, anchor = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), path))
        found.append((text, f"{target}#{anchor}" if anchor else target))
    return found


def follow(pages: dict[str, GeneratedPage], uri: str, answer: str) -> str:
    """Return where the link with exactly this text leads from a finder page."""
    targets = [target for text, target in links(pages[uri]) if text == answer]
    assert len(targets) == 1, f"{uri} has {len(targets)} links called {answer!r}"
    return targets[0]


def part(markdown: str, heading: str) -> str:
    """The text under a level-2 heading, up to the next one."""
    pattern = rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)"
    match = re.search(pattern, markdown, re.MULTILINE | re.DOTALL)
    assert match, f"no section {heading!r}"
    return match.group(1)


def test_situations_cover_what_staff_ask_about(content: Site) -> None:
    data = situations(content)
    assert len(data.situations) >= 15
    named = {path for situation in data.situations for path in situation.guidance}
    # saying no; complaints and anger; risk and safeguarding; discretion against a rule;
    # staff under strain; designing or commissioning a service; measurement
    for page in (
        "kindness-under-pressure/compassion-when-saying-no.md",
        "kindness-under-pressure/complaints-and-putting-things-right.md",
        "kindness-and-risk/safeguarding-and-fairness.md",
        "kindness-and-risk/when-kindness-and-rules-collide.md",
        "everyday-practice/boundaries-and-wellbeing.md",
        "designing-for-kindness/co-production.md",
        "designing-for-kindness/procurement-and-commissioning.md",
        "designing-for-kindness/measuring-what-matters.md",
    ):
        assert page in named, f"no situation leads to {page}"


def test_every_situation_leads_somewhere_for_every_sector_and_nation(content: Site) -> None:
    """Walk the links a reader follows, answer by answer, for every combination in the data."""
    pages = finder(content)
    data = situations(content)
    sector_answers = {
        **{s.id: content.catalogue.vocabulary("sectors")[s.id].label for s in data.sectors},
        ANY_SECTOR: "Another sector, or more than one",
    }
    nation_answers = {**UK_NATIONS, ALL_NATIONS: "All four UK nations"}
    for situation in data.situations:
        step2 = follow(pages, START, situation.question)
        assert step2 in pages
        for sector, sector_text in sector_answers.items():
            step3 = follow(pages, step2, sector_text)
            assert step3 in pages
            for nation, nation_text in nation_answers.items():
                target = follow(pages, step3, nation_text)
                uri, _, anchor = target.partition("#")
                assert uri in pages, f"{situation.id}/{sector}/{nation} leads nowhere"
                markdown = pages[uri].markdown
                guidance = part(markdown, "Read these first")
                assert len(re.findall(r"^- \[", guidance, re.MULTILINE)) >= 2
                names = [UK_NATIONS[nation]] if nation != ALL_NATIONS else UK_NATIONS.values()
                for name in names:
                    law = part(markdown, f"In {name}")
                    assert re.search(r"^- \w", law, re.MULTILINE), f"{uri}: no law for {name}"
                if nation != ALL_NATIONS:
                    assert anchor == f"in-{nation}"


def test_every_step_has_a_back_link_first(content: Site) -> None:
    pages = finder(content)
    assert len(pages) > 100
    for uri, page in pages.items():
        first = page.markdown.split("---\n", 2)[2].strip().splitlines()[0]
        assert first.startswith("[Back to the"), uri
        back = links(page)[0][1]
        assert back == "index.md" or back in pages, f"{uri}: back link to {back}"


def test_outcomes_list_only_the_guidance_and_examples_that_match(content: Site) -> None:
    pages = finder(content)
    data = situations(content)
    examples = content.catalogue.data.examples
    checked = 0
    for situation in data.situations:
        for sector in [s.id for s in data.sectors] + [ANY_SECTOR]:
            page = pages[f"finder/{situation.id}/{sector}/answer.md"]
            guidance = [t for _, t in links_in(page, part(page.markdown, "Read these first"))]
            assert guidance == [p.removesuffix(".md") + ".md" for p in situation.guidance]
            for nation, name in UK_NATIONS.items():
                listed = [
                    posixpath.basename(target).removesuffix(".md")
                    for _, target in links_in(page, part(page.markdown, f"In {name}"))
                    if "/examples/" in f"/{target}"
                ]
                expected = sorted(
                    (
                        e
                        for e in examples.values()
                        if set(situation.themes) & set(e.themes)
                        and (sector == ANY_SECTOR or sector in e.sectors)
                        and e.nation in (nation, "uk-wide")
                    ),
                    key=lambda e: (
                        e.kind != "documented",
                        -len(set(situation.themes) & set(e.themes)),
                        e.title,
                    ),
                )
                assert listed == [e.id for e in expected[: len(listed)]]
                assert len(listed) == min(len(expected), 4)
                checked += len(listed)
    assert checked > 0, "no outcome lists any example"


def links_in(page: GeneratedPage, text: str) -> list[tuple[str, str]]:
    """Links in part of a page, resolved like `links`."""
    return links(GeneratedPage(page.src_uri, text))


def test_outcome_names_the_sector_section_and_glossary_terms(content: Site) -> None:
    pages = finder(content)
    page = pages["finder/complaint/housing/answer.md"]
    assert "[Complaints and regulators](../../../sectors/housing.md#complaints-and-regulators)" in (
        page.markdown
    )
    assert "(../../../glossary.md#ombudsman)" in part(page.markdown, "Words used here")
    # A sector page with a section per nation links each nation's part to it.
    schools = pages["finder/complaint/education/answer.md"].markdown
    assert "(../../../sectors/schools.md#wales)" in part(schools, "In Wales")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real docs and data, to break."""
    for folder in ("docs", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


TWO_GUIDANCE_LINES = (
    "      - kindness-under-pressure/making-hard-decisions.md\n"
    "      - kindness-under-pressure/austerity-and-cuts.md\n"
)


@pytest.mark.parametrize(
    "case",
    [
        (
            TWO_GUIDANCE_LINES,
            "",
            "situations.0.guidance",
            "two to four guidance pages",
            "guidance:",
        ),
        (
            "      - kindness-under-pressure/compassion-when-saying-no.md\n",
            "      - kindness-under-pressure/compassion-saying-no.md\n",
            "situations.0.guidance.0",
            "Did you mean 'kindness-under-pressure/compassion-when-saying-no.md'?",
            "compassion-saying-no.md",
        ),
        (
            "      housing: Homelessness\n",
            "      housing: Homelessnes\n",
            "situations.0.sections.housing",
            "Did you mean 'Homelessness'?",
            "housing: Homelessnes",
        ),
        (
            "    law: [ombudsmen]\n",
            "    law: [ombudsman]\n",
            "situations.2.law.0",
            "Did you mean 'ombudsmen'?",
            "law: [ombudsman]",
        ),
        (
            "    terms: [ombudsman]\n",
            "    terms: [ombudsmen]\n",
            "situations.2.terms.0",
            "Did you mean 'ombudsman'?",
            "terms: [ombudsmen]",
        ),
        (
            "    section: Try this\n    law: [health-bodies]\n",
            "    section: Try that\n    law: [health-bodies]\n",
            "sectors.0.section",
            "docs/sectors/health.md",
            "section: Try that",
        ),
        (
            "  - id: ombudsmen\n",
            "  - id: ombudsmen\n    titel: x\n",
            "law.0.titel",
            "not a field here",
            "titel: x",
        ),
    ],
)
def test_mistakes_in_situations_name_the_line_and_the_fix(
    project: Path, case: tuple[str, str, str, str, str]
) -> None:
    old, new, field, words, on_line = case
    path = project / "data" / "situations.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_site(project / "docs", project / "data")
    problems = [p for p in error.value.problems if p.file == "data/situations.yml"]
    assert problems, str(error.value)
    problem = problems[0]
    assert problem.field == field
    assert words in problem.message
    lines = text.replace(old, new, 1).splitlines()
    assert problem.line > 0
    assert on_line in lines[problem.line - 1]
