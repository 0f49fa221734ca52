"""Page weight, search cost and Lighthouse scores of a built site, measured in Chromium.

Used by scripts/bench.py. The site is served from 127.0.0.1 with gzip compression, as a host
would serve it; each resource's size is also worked out uncompressed, gzipped and brotli'd.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli  # comes with WeasyPrint's font tools; used here only to size files
from playwright.sync_api import Page, Response, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM_ARGS, chromium_path  # noqa: E402 (after the path is set)

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
SEARCH_PATHS = ("/pagefind/", "/search/", "/workers/search")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


@dataclass
class Weight:
    """Bytes a browser fetched: as sent by the server, and each file uncompressed, gzip, brotli."""

    requests: int = 0
    transferred: int = 0
    raw: int = 0
    gzip: int = 0
    brotli: int = 0
    urls: list[str] = field(default_factory=list)
    # Each response's address, bytes as sent and bytes uncompressed, for a file-by-file breakdown.
    files: list[tuple[str, int, int]] = field(default_factory=list)

    def add(self, response: Response) -> None:
        """Count one response."""
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 (a redirect or aborted request has no body to size)
            return
        sizes = response.request.sizes()
        sent = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        self.requests += 1
        self.transferred += sent
        self.raw += len(body)
        self.gzip += len(gzip.compress(body, compresslevel=6))
        self.brotli += len(brotli.compress(body, quality=9))
        self.urls.append(response.url)
        self.files.append((response.url, sent, len(body)))

    def breakdown(self) -> str:
        """Return one line per file fetched: bytes as sent, uncompressed, and the address's path."""
        return "\n".join(
            f"{sent:>9,} {raw:>9,}  {urlsplit(url).path}" for url, sent, raw in self.files
        )

    def searched(self) -> list[str]:
        """Return the fetched addresses that are search data or code."""
        return [url for url in self.urls if any(p in urlsplit(url).path for p in SEARCH_PATHS)]


class _CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzipped when the browser accepts it, as static hosts do."""

    cache: dict[Path, bytes] = {}  # noqa: RUF012 (shared by every request of one server)

    def send_head(self) -> Any:  # noqa: ANN401 (the standard library returns a file or None)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        if path not in self.cache:
            self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        pass


class _Body:
    """A file-like object over bytes, which SimpleHTTPRequestHandler copies to the client."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        chunk, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return chunk

    def close(self) -> None:
        self.data = b""


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site with compression on a free port of 127.0.0.1."""
    handler_class = type("Handler", (_CompressingHandler,), {"cache": {}})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _first_view(page: Page, url: str) -> Weight:
    with recording(page) as responses:
        page.goto(url, wait_until="networkidle")
        return weigh(responses)


@contextmanager
def recording(page: Page) -> Iterator[list[Response]]:
    """Collect the responses a page receives while the block runs."""
    responses: list[Response] = []

    def record(response: Response) -> None:
        responses.append(response)

    page.on("response", record)
    try:
        yield responses
    finally:
        page.remove_listener("response", record)


def weigh(responses: list[Response]) -> Weight:
    """Size the responses a page received, while the page is still open."""
    weight = Weight()
    for response in responses:
        weight.add(response)
    return weight


# Types a query as one input, then waits for the first result; returns milliseconds taken.
TIME_SEARCH = """
async words => {
  const box = document.querySelector("[data-kip-search] input");
  box.focus();
  const started = performance.now();
  box.value = words;
  box.dispatchEvent(new Event("input"));
  while (!document.querySelector(".md-search-result__item")) {
    await new Promise(resolve => setTimeout(resolve, 5));
    if (performance.now() - started > 30000) { return -1; }
  }
  return performance.now() - started;
}
"""


# Asks for the practice examples too, after a search; returns milliseconds until the count changes.
TIME_EXAMPLES = """
async () => {
  const meta = document.querySelector("[data-kip-search] .md-search-result__meta");
  const before = meta.textContent;
  const started = performance.now();
  document.querySelector("[data-kip-examples] button").click();
  while (meta.textContent === before) {
    await new Promise(resolve => setTimeout(resolve, 5));
    if (performance.now() - started > 30000) { return -1; }
  }
  return performance.now() - started;
}
"""


@dataclass(frozen=True)
class SiteWeights:
    """What one built site costs a reader."""

    guidance: Weight
    examples_index: Weight
    first_search: Weight
    search_ms: float
    examples_search: Weight  # the practice examples, added to that search on request
    examples_ms: float
    examples_first: bool  # the build put the examples in every search (few of them)


def measure_site(site: Path, guidance_path: str, words: str) -> SiteWeights:
    """Load a guidance page and the examples index in a fresh browser; then search once."""
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            page = context.new_page()
            guidance = _first_view(page, f"{url}/{guidance_path}")
            with recording(page) as responses:
                search_ms = float(page.evaluate(TIME_SEARCH, words))
                page.wait_for_timeout(2000)  # the rest of the first screen of results
                search = weigh(responses)
            first = "!!document.querySelector('[data-examples-first]')"
            examples_first = bool(page.evaluate(first))
            examples_search, examples_ms = Weight(), 0.0
            if not examples_first:
                with recording(page) as responses:
                    examples_ms = float(page.evaluate(TIME_EXAMPLES))
                    page.wait_for_timeout(2000)
                    examples_search = weigh(responses)
            context.close()
            context = browser.new_context()
            examples = _first_view(context.new_page(), f"{url}/examples/")
            context.close()
        finally:
            browser.close()
    return SiteWeights(
        guidance, examples, search, search_ms, examples_search, examples_ms, examples_first
    )


def folder_size(folder: Path) -> tuple[int, int, int]:
    """Return the bytes of every file in a folder: raw, gzip and brotli, file by file."""
    raw = zipped = brotlied = 0
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            zipped += len(gzip.compress(data, compresslevel=6))
            brotlied += len(brotli.compress(data, quality=9))
    return raw, zipped, brotlied


def file_size(path: Path) -> tuple[int, int, int]:
    """Return one file's bytes: raw, gzip and brotli."""
    data = path.read_bytes() if path.is_file() else b""
    return (
        len(data),
        len(gzip.compress(data, compresslevel=6)),
        len(brotli.compress(data, quality=9)),
    )


def lighthouse(site: Path, paths: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Return Lighthouse's mobile performance and accessibility scores for each page."""
    if not LIGHTHOUSE.exists():
        msg = "Lighthouse is missing: `make bench` installs it with npm ci."
        raise SystemExit(msg)
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    scores = {}
    with serve(site) as url, tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        for name, path in paths.items():
            report = Path(folder) / "report.json"
            command = [
                str(LIGHTHOUSE),
                f"{url}/{path}",
                "--only-categories=performance,accessibility",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ]
            subprocess.run(command, env=env, check=True, timeout=300)
            categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
            scores[name] = (
                round(categories["performance"]["score"] * 100),
                round(categories["accessibility"]["score"] * 100),
            )
            print(f"Lighthouse {name}: {scores[name]}")
    shutil.rmtree(folder, ignore_errors=True)
    return scores


@dataclass(frozen=True)
class QuerySearch:
    """One judged query, searched first in a fresh browser: bytes sent, and the top results."""

    query: str
    transferred: int
    top: list[str]


def search_queries(site: Path, queries: list[str], delay_ms: int = 120) -> list[QuerySearch]:
    """Search each query first in a fresh browser, typed key by key, as a reader would.

    Counts every byte sent from focusing the search field until the results settle (search.js
    marks the box with the settled query), and keeps the addresses of the first results.
    """
    found: list[QuerySearch] = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            for query in queries:
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{url}/", wait_until="networkidle")
                box = page.locator("[data-kip-search] input")
                with recording(page) as responses:
                    box.focus()
                    box.press_sequentially(query, delay=delay_ms)
                    settled = f"[data-kip-settled={json.dumps(query)}]"
                    page.wait_for_selector(settled, state="attached", timeout=60_000)
                    page.wait_for_load_state("networkidle")
                    weight = weigh(responses)
                hrefs = page.locator(".md-search-result__item > a").evaluate_all(
                    "links => links.map(link => link.href)"
                )
                top = [urlsplit(href).path for href in hrefs]
                found.append(QuerySearch(query, weight.transferred, top))
                context.close()
        finally:
            browser.close()
    return found
