"""Pure functions behind trust signals, feedback links, search tuning and example filters."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from macros.examples_index import example_facets
from macros.feedback import feedback_links
from macros.links import section_index
from macros.review import build_date, review_status
from macros.search import GUIDANCE_BOOST, search_boost, search_tags
from macros.site import Site

TODAY = dt.date(2026, 11, 22)
META = {"owner": "Editor", "last_reviewed": "2026-01-01"}


def test_review_states() -> None:
    assert review_status({**META, "review_due": "2026-11-21"}, TODAY).state == "overdue"  # type: ignore[union-attr]
    assert review_status({**META, "review_due": "2027-01-21"}, TODAY).state == "due-soon"  # type: ignore[union-attr]
    assert review_status({**META, "review_due": "2027-01-22"}, TODAY).state == "current"  # type: ignore[union-attr]
    assert review_status({"owner": "Editor"}, TODAY) is None


def test_review_dates_may_come_as_dates_or_text() -> None:
    status = review_status({**META, "review_due": dt.date(2027, 6, 1)}, TODAY)
    assert status is not None
    assert status.review_due == dt.date(2027, 6, 1)
    assert status.last_reviewed == dt.date(2026, 1, 1)


def test_build_date_follows_source_date_epoch() -> None:
    assert build_date({"SOURCE_DATE_EPOCH": "1767225600"}) == dt.date(2026, 1, 1)


def test_feedback_links_name_the_page() -> None:
    links = feedback_links(
        "Small acts", "https://x.org/small-acts/", "https://git.org/o/r/", "a@b.org"
    )
    query = parse_qs(urlsplit(links.issue_url).query)
    assert links.issue_url.startswith("https://git.org/o/r/issues/new?")
    assert query["title"] == ["Problem with the page: Small acts"]
    assert "https://x.org/small-acts/" in query["body"][0]
    mail = parse_qs(urlsplit(links.email_url).query)
    assert links.email_url.startswith("mailto:a@b.org?")
    assert mail["subject"] == ["Problem with the page: Small acts"]


def test_search_tags_add_everyday_words_for_each_theme(content: Site) -> None:
    tags = search_tags(content.catalogue, ["people-before-procedures", "no-such-theme"])
    assert tags[0] == "People before procedures"
    assert "red tape" in tags
    assert len(tags) == len(set(tags))


def test_guidance_pages_are_boosted(content: Site) -> None:
    assert search_boost(content.catalogue, "everyday-practice/small-acts.md") == GUIDANCE_BOOST
    assert search_boost(content.catalogue, "about.md") is None


def test_example_facets_count_what_the_data_says(content: Site) -> None:
    examples = list(content.catalogue.data.examples.values())
    facets = {facet.name: facet for facet in example_facets(content.catalogue, examples)}
    assert set(facets) == {"theme", "sector", "nation", "setting", "audience", "lever", "kind"}
    kinds = {option.value: option.count for option in facets["kind"].options}
    assert kinds == {
        kind: sum(1 for e in examples if e.kind == kind) for kind in ("documented", "illustrative")
    }
    for option in facets["theme"].options:
        assert option.count == sum(1 for e in examples if option.value in e.themes)
    for option in facets["setting"].options:
        assert option.count == sum(1 for e in examples if e.setting == option.value)


def test_record_pages_belong_to_their_section() -> None:
    assert section_index("examples/wigan-deal.md") == "examples/index.md"
    assert section_index("organisations/wigan-council.md") == "examples/index.md"
    assert section_index("themes/trust.md") == "themes/index.md"
    assert section_index("examples/index.md") is None
    assert section_index("kindness-and-risk/proportionate-risk.md") is None
