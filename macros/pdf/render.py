"""Render a chapter's print document to an accessible, tagged PDF with WeasyPrint."""

from __future__ import annotations

import gc
import importlib.resources
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import CSS, HTML

from macros.pdf.fetcher import SiteFetcher
from macros.pdf.tags import finish_tags

STYLESHEET = (importlib.resources.files("macros") / "templates" / "pdf" / "chapter.css").read_text(
    encoding="utf-8"
)


@dataclass(frozen=True)
class RenderedPdf:
    """A rendered PDF and how many pages it has."""

    data: bytes
    pages: int


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while WeasyPrint lays out and writes a chapter.

    WeasyPrint makes millions of objects as it lays pages out; each few hundred set the
    collector scanning, again and again, every object alive. Paused, a chapter renders in about
    a sixth less time (BENCHMARKS.md); what it leaves behind is collected once, at the end.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.collect()


def render_pdf(html: str, base_url: str, places: Mapping[str, str] | None = None) -> RenderedPdf:
    """Render print HTML as a tagged PDF (PDF/UA-1), with bookmarks from its headings.

    `base_url` is the built site's folder as a file:// address; nothing outside it is fetched.
    `places` says in words what is at each anchor, for the descriptions of links to it.
    """
    fetcher = SiteFetcher(Path(url2pathname(urlsplit(base_url).path)), html)
    with collector_paused():
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
            stylesheets=[CSS(string=STYLESHEET)]
        )
        fetcher.check("A chapter PDF")
        # Streams are left for pikepdf to compress when the tags are finished: it does so faster.
        data = document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=True)
        if data is None:  # write_pdf returns bytes when no target is given
            raise RuntimeError("WeasyPrint returned no PDF")
        pages = len(document.pages)
        del document  # its boxes go with the collection at the end
    return RenderedPdf(finish_tags(data, places or {}), pages)
