"""Glossary marks: once per term on a page, and never inside a link, control or heading."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.glossary_marks import UNMARKED_INSIDE, GlossaryMarks
from macros.site import Site

GLOSSARY = {
    "discretion": "Freedom to judge.",
    "discretionary": "Freedom to judge.",
    "trust": "Faith.",
}


def render(text: str) -> BeautifulSoup:
    converter = markdown.Markdown(
        extensions=["abbr", "toc", GlossaryMarks()],
        extension_configs={"abbr": {"glossary": GLOSSARY}},
    )
    return BeautifulSoup(converter.convert(text), "html.parser")


def test_only_the_first_use_of_a_term_is_marked() -> None:
    soup = render("Use discretion. More discretion, and discretionary spending.\n\nSo trust it.")
    assert [(abbr.text, abbr["title"]) for abbr in soup.find_all("abbr")] == [
        ("discretion", "Freedom to judge."),
        ("trust", "Faith."),
    ]
    # The later uses stay in the text, as plain words in their places.
    assert soup.get_text() == (
        "Use discretion. More discretion, and discretionary spending.\nSo trust it."
    )


def test_terms_in_links_and_headings_are_not_marked() -> None:
    soup = render(
        "## Discretion and trust\n\n"
        "Read [about discretion](x.md) and [trust **and** more](y.md).\n\n"
        "Then use discretion."
    )
    marked = soup.find_all("abbr")
    assert [abbr.text for abbr in marked] == ["discretion"]
    assert marked[0].find_parent("a") is None
    assert soup.find("a").get_text() == "about discretion"
    assert soup.find("h2").get_text() == "Discretion and trust"


@pytest.mark.slow
def test_built_pages_mark_each_term_once_and_outside_links_and_headings(
    html: dict[str, BeautifulSoup],
) -> None:
    pages_with_marks = 0
    for path, soup in html.items():
        marks = soup.select("article abbr")
        pages_with_marks += bool(marks)
        inside = [abbr.text for abbr in marks if abbr.find_parent(UNMARKED_INSIDE)]
        assert inside == [], f"{path}: glossary terms marked inside a link or heading"
        terms = [abbr["title"] for abbr in marks]
        assert len(terms) == len(set(terms)), f"{path}: a glossary term is marked twice"
    assert pages_with_marks >= 30, "glossary terms are still marked on the pages that use them"


def test_a_word_in_a_phrase_with_another_sense_is_not_marked() -> None:
    converter = markdown.Markdown(
        extensions=["abbr", GlossaryMarks()],
        extension_configs={"abbr": {"glossary": {**GLOSSARY, "NHS trust": "", "trust's": ""}}},
    )
    soup = BeautifulSoup(
        converter.convert(
            "An NHS trust runs it. Check the trust's policy.\n\nStaff build trust slowly."
        ),
        "html.parser",
    )
    assert [(abbr.text, abbr["title"]) for abbr in soup.find_all("abbr")] == [("trust", "Faith.")]
    assert soup.get_text() == (
        "An NHS trust runs it. Check the trust's policy.\nStaff build trust slowly."
    )


def test_the_glossary_keeps_an_nhs_trust_apart_from_trust_as_confidence(content: Site) -> None:
    forms = content.abbreviations
    assert forms["trust"].startswith("The confidence")
    for phrase in ("NHS trust", "foundation trust", "care trust", "trust's"):
        assert forms[phrase] == "", f"'{phrase}' should be left unmarked"


@pytest.mark.slow
def test_built_pages_give_no_nhs_trust_the_meaning_of_confidence(
    html: dict[str, BeautifulSoup],
) -> None:
    wrong = []
    for path, soup in html.items():
        for abbr in soup.select("article abbr"):
            before = (abbr.previous_sibling or "") if isinstance(abbr.previous_sibling, str) else ""
            after = abbr.next_sibling if isinstance(abbr.next_sibling, str) else ""
            if abbr.text == "trust" and (
                before.rstrip().endswith(("NHS", "foundation", "care", "one real"))
                or after.startswith("'s")
            ):
                wrong.append(f"{path}: ...{before[-30:]}{abbr.text}{after[:20]}...")
    assert wrong == [], "\n".join(wrong)
