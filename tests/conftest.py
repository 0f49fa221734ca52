"""Shared fixtures: the real site built once, throw-away fixture sites, and a browser."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect, sync_playwright

from macros.navigation import read_config
from macros.site import Site, load_site

from browser import CHROMIUM_ARGS, OffNetwork, chromium_path
from sites import ROOT, mkdocs_build, publish

# Browser tests share two cores with site builds; give slow moments room before failing.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def content() -> Site:
    """The real handbook's content, loaded and checked without MkDocs."""
    return load_site(ROOT / "docs", ROOT / "data")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real handbook, built once per test session into a temporary folder."""
    site = tmp_path_factory.mktemp("real-site") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.output
    return site


@pytest.fixture(scope="session")
def html(built_site: Path) -> dict[str, BeautifulSoup]:
    """Every built HTML page, parsed, by its path in the site."""
    pages = {
        path.relative_to(built_site).as_posix(): BeautifulSoup(
            path.read_text(encoding="utf-8"), "html.parser"
        )
        for path in sorted(built_site.rglob("*.html"))
    }
    # Pages left at moved pages' old addresses only send the reader on; they are tested apart.
    return {path: soup for path, soup in pages.items() if not is_redirect(soup)}


def is_redirect(soup: BeautifulSoup) -> bool:
    """Return True for a page that only redirects to where a page has moved."""
    return soup.find("meta", attrs={"http-equiv": "refresh"}) is not None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}  # noqa: RUF012 (set per server by `serve`)

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        pass


def serve(folder: Path, mount: str = "", headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve a folder on a free port on 127.0.0.1 for as long as the generator lives.

    `mount` is the path the site is published under (from site_url), so absolute links work;
    `headers` are sent with every response, as a host would send them.
    """
    root = folder
    if mount:
        root = Path(tempfile.mkdtemp(prefix="mount-"))
        (root / mount).symlink_to(folder, target_is_directory=True)
    handler_class = type("Handler", (_QuietHandler,), {"extra_headers": headers or {}})
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{mount}".rstrip("/")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The address of the real handbook, served locally under its published path."""
    config = read_config(ROOT / "mkdocs.yml")
    yield from serve(built_site, urlsplit(config["site_url"]).path.strip("/"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium, shared by the browser tests."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def off_network() -> OffNetwork:
    """The record of requests a test's pages tried to send off this machine."""
    return OffNetwork()


@pytest.fixture
def page(browser: Browser, off_network: OffNetwork) -> Iterator[Page]:
    """A fresh browser tab that can reach 127.0.0.1 and nothing else."""
    context = browser.new_context()
    context.route("**/*", off_network)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real handbook as `make build` publishes it: HTML, chapter PDFs and the offline copy."""
    target = tmp_path_factory.mktemp("published") / "site"
    with fixed_build_date():
        assert publish(ROOT, target) == 0
    return target


# The date builds stamp into pages, PDFs and the zip; fixed, so two builds can be compared.
BUILD_EPOCH = "1795000000"


@contextlib.contextmanager
def fixed_build_date() -> Iterator[None]:
    """Build as of a fixed date, as a release build does with SOURCE_DATE_EPOCH."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
