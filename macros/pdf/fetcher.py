"""What the PDF step may load: files inside the built site, and nothing from anywhere else."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

SECTION = re.compile(r'<section class="page" id="([^"]*)"')


class FetchRefusedError(RuntimeError):
    """The document asked for something outside the built site."""


class SiteFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type hints
    """A WeasyPrint fetcher that serves files from `site_dir` and refuses every other address.

    Refused addresses are remembered with the page (section) of the document that asked, so the
    build can stop and say where they are; WeasyPrint itself only warns and carries on.
    """

    def __init__(self, site_dir: Path, html: str) -> None:
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self.site_dir = site_dir
        self.html = html
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """Return the file for WeasyPrint, or refuse the address."""
        path = self.local_file(url)
        if path is None:
            self.refused.append(f"{self.page_asking(url)} asked for {url[:200]}")
            msg = f"Refused to fetch {url[:200]}: it is not a file of the built site."
            raise FetchRefusedError(msg)
        response: URLFetcherResponse = super().fetch(path.as_uri(), headers)
        return response

    def local_file(self, url: str) -> Path | None:
        """Return the file a file:// address names, if it is inside the built site."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        # resolve() follows links, so a link inside the site to a file outside it is refused too.
        path = Path(unquote(parts.path)).resolve()
        site = self.site_dir.resolve()
        return path if path.is_relative_to(site) and path.is_file() else None

    def page_asking(self, url: str) -> str:
        """Return the id of the document section whose HTML holds `url` (the page that asked)."""
        target = unquote(url).rsplit("/", 1)[-1] or url
        at = self.html.find(target)
        sections = [m for m in SECTION.finditer(self.html) if at < 0 or m.start() < at]
        return f"the page '{sections[-1].group(1)}'" if sections and at >= 0 else "the document"

    def check(self, document: str) -> None:
        """Raise FetchRefusedError naming every refused address and who asked for it."""
        if self.refused:
            listed = "; ".join(sorted(set(self.refused)))
            msg = f"{document} may only use files of the built site: {listed}."
            raise FetchRefusedError(msg)
