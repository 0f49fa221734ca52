"""Render one PDF per chapter from a built site into a folder, and say what was made."""

from __future__ import annotations

import time
from pathlib import Path

from macros.downloads import Download
from macros.navigation import chapters, read_config
from macros.pdf.compose import compose, render_document
from macros.pdf.render import render_pdf
from macros.problems import ContentError, Problem
from macros.review import build_date
from macros.site import load_site


def render_chapters(root: Path, site_dir: Path, out_dir: Path) -> list[Download]:
    """Render every chapter's PDF into `out_dir`; return them, each offered on its landing page."""
    config = read_config(root / "mkdocs.yml")
    site = load_site(root / "docs", root / "data")
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for chapter in chapters(site.catalogue, config["nav"]):
        started = time.perf_counter()
        document = compose(site.catalogue, chapter, site_dir, config["site_url"], build_date())
        html = render_document(document, config["site_name"])
        try:
            pdf = render_pdf(html, site_dir.as_uri() + "/", document.places)
        except RecursionError:
            # The Markdown limits keep nesting well below this; a message, should one slip by.
            message = (
                "This chapter's PDF could not be laid out: something in its pages is nested too "
                "deeply (quotes, lists or HTML inside one another). Flatten the structure."
            )
            raise ContentError([Problem(f"docs/{chapter.pages[0]}", 0, "", message)]) from None
        path = out_dir / f"{chapter.slug}.pdf"
        path.write_bytes(pdf.data)
        seconds = time.perf_counter() - started
        print(f"  {path.name}: {pdf.pages} pages, {len(pdf.data)} bytes, {seconds:.1f} s")  # noqa: T201
        made.append(
            Download(
                uri=f"pdf/{path.name}",
                label=f"Download this chapter: {chapter.title}",
                kind="PDF",
                size_bytes=len(pdf.data),
                page=chapter.pages[0],
                file=str(path),
                pages=pdf.pages,
            )
        )
    return made
