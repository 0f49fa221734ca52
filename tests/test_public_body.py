"""A public body's site in the built pages: its statement, privacy notice, permalinks, notices."""

from __future__ import annotations

from bs4 import BeautifulSoup

PERMALINK = "Link to section: "


def text_of(soup: BeautifulSoup) -> str:
    article = soup.select_one("article")
    assert article is not None
    return " ".join(article.get_text(" ").split())


def headings_of(soup: BeautifulSoup) -> list[str]:
    return [
        " ".join(h.get_text(" ").replace("¶", "").split())
        for h in soup.select("article h2, article h3")
    ]


def test_the_accessibility_statement_follows_the_public_sector_model(
    html: dict[str, BeautifulSoup],
) -> None:
    soup = html["accessibility/index.html"]
    headings = headings_of(soup)
    for heading in (
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
        "Non-accessible content",
        "Non-compliance with the accessibility regulations",
        "Disproportionate burden",
        "Preparation of this accessibility statement",
    ):
        assert heading in headings, heading
    text = text_of(soup)
    assert (
        "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA" in text
    )
    assert "Equality and Human Rights Commission (EHRC)" in text
    assert "Equality Commission for Northern Ireland (ECNI)" in text
    assert "large print, easy read, audio recording or braille" in text
    assert "This website was last tested on" in text
    assert "The test was carried out by" in text


def test_the_privacy_notice_says_what_the_site_keeps(html: dict[str, BeautifulSoup]) -> None:
    text = text_of(html["privacy/index.html"])
    assert "does not set cookies" in text
    assert "does not use analytics" in text
    assert "The website does not send it anywhere" in text


def test_every_permalink_is_named_for_its_heading(html: dict[str, BeautifulSoup]) -> None:
    checked = 0
    for path, soup in html.items():
        for link in soup.select("a.headerlink"):
            heading = link.parent
            assert heading is not None
            words = " ".join(heading.get_text(" ").replace(link.get_text(), "").split())
            assert link.get("aria-label") == PERMALINK + words, (path, link)
            checked += 1
    assert checked > 1000  # every page's headings, not a handful


def test_example_notices_are_not_warnings(html: dict[str, BeautifulSoup]) -> None:
    notices = [
        soup.select_one("article .admonition")
        for path, soup in html.items()
        if path.startswith("examples/") and soup.select_one(".kip-facts")
    ]
    assert len(notices) >= 40
    for notice in notices:
        assert notice is not None
        classes = notice.get("class") or []
        assert "kip-notice" in classes
        assert "warning" not in classes
