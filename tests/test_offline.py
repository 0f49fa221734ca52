"""The offline copy: a zip that works when opened from disk, search included."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from browser import OffNetwork, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def unpacked(published_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = published_site / "downloads" / "kindness-in-practice-offline.zip"
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(folder)
    return folder / "kindness-in-practice"


def test_about_page_links_the_offline_copy(published_site: Path) -> None:
    html = (published_site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/kindness-in-practice-offline.zip"' in html


def test_offline_copy_navigates_and_searches_from_disk(browser: Browser, unpacked: Path) -> None:
    context = browser.new_context()
    off_network = OffNetwork()
    context.route("**/*", off_network)
    page = context.new_page()
    try:
        page.goto((unpacked / "index.html").as_uri())
        expect(page).to_have_title("Kindness in Practice")
        page.locator("article").get_by_role("link", name="Kindness and risk").first.click()
        expect(page).to_have_url(re.compile(r"kindness-and-risk/index\.html$"))
        page.locator("article").get_by_role("link", name="Proportionate risk").first.click()
        expect(page).to_have_url(re.compile(r"kindness-and-risk/proportionate-risk\.html$"))
        expect(page.get_by_role("heading", level=1)).to_contain_text("Proportionate risk")
        search(page, "red tape")
        result = page.locator(".md-search-result__item > a").first
        expect(result).to_be_visible()
        assert result.get_attribute("href")
        assert off_network.blocked == []
    finally:
        context.close()


def test_only_the_offline_copy_carries_materials_search_index(
    published_site: Path, unpacked: Path
) -> None:
    assert (unpacked / "search" / "search_index.json").is_file()
    assert not (published_site / "search").exists()  # the published site searches with Pagefind
