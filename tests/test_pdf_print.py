"""Printing a page from the browser: A4 pages, and glossary meanings printed on paper."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GUIDANCE = "/kindness-and-risk/proportionate-risk/"
A4 = (595, 842)  # points, rounded


def test_browser_prints_on_a4_with_the_meanings_of_terms(page: Page, site_url: str) -> None:
    page.goto(site_url + GUIDANCE)
    page.wait_for_load_state("networkidle")
    first = page.locator(".md-typeset abbr[title]").first.get_attribute("title")
    assert first
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert f"({first})" in text


def after(page: Page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, "els => els.map(e => getComputedStyle(e, '::after').content)"
    )


def test_glossary_meaning_is_printed_after_the_first_use_of_each_term(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + GUIDANCE)
    page.wait_for_load_state("networkidle")
    terms = page.eval_on_selector_all(
        ".md-typeset abbr[title]", "els => els.map(e => [e.textContent.toLowerCase(), e.title])"
    )
    assert terms
    page.emulate_media(media="print")
    printed = after(page, ".md-typeset abbr[title]")
    seen: set[str] = set()
    for (term, meaning), content in zip(terms, printed, strict=True):
        if term in seen:
            assert content in ("none", "normal"), term
        else:
            assert content == '" (" attr(title) ")"' or meaning in content, (term, content)
        seen.add(term)
    page.emulate_media(media="screen")
    assert set(after(page, ".md-typeset abbr[title]")) <= {"none", "normal"}


def test_glossary_page_tells_readers_about_screen_and_paper(page: Page, site_url: str) -> None:
    page.goto(site_url + "/glossary/")
    intro = page.locator(".md-typeset p").first.inner_text()
    assert "On screen" in intro
    assert "On paper" in intro
