"""Measure each chapter PDF: pages, size, render time, nearly empty pages, PDF/UA-1 result.

Builds the real handbook's HTML once, then composes and renders each chapter's PDF as the build
does, and rewrites its own section of BENCHMARKS.md (between the pdf-bench markers).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import page as validator
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.navigation import chapters, read_config  # noqa: E402
from macros.pdf.compose import ChapterDocument, compose, render_document  # noqa: E402
from macros.pdf.fill import short_pages  # noqa: E402
from macros.pdf.render import render_pdf  # noqa: E402
from macros.review import build_date  # noqa: E402
from macros.site import load_site  # noqa: E402

START, END = "<!-- pdf-bench:start -->", "<!-- pdf-bench:end -->"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def words(document: ChapterDocument) -> int:
    """Count the words of the chapter's pages and examples (not its notes or addresses)."""
    html = "".join(str(section.html) for section in (*document.sections, *document.appendix))
    return len(WORD.findall(BeautifulSoup(html, "html.parser").get_text(" ")))


@dataclass(frozen=True)
class Row:
    """One chapter's figures."""

    file: str
    pages: int
    words: int
    kb: float
    seconds: float
    cpu: float
    short: int
    rules: str
    compliant: bool


def measure(built: Path) -> list[Row]:
    """Render every chapter from a built site; return one row of figures per chapter."""
    config = read_config(ROOT / "mkdocs.yml")
    site = load_site(ROOT / "docs", ROOT / "data")
    rows = []
    for chapter in chapters(site.catalogue, config["nav"]):
        started, cpu = time.perf_counter(), time.process_time()
        document = compose(site.catalogue, chapter, built, config["site_url"], build_date())
        html = render_document(document, config["site_name"])
        pdf = render_pdf(html, built.as_uri() + "/", document.places)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        report = validator.validate_pdf_bytes(pdf.data, profile="ua1")
        row = Row(
            f"{chapter.slug}.pdf",
            pdf.pages,
            words(document),
            len(pdf.data) / 1000,
            seconds,
            cpu,
            len(short_pages(pdf.data)),
            f"{report.rules.passed} of {report.rules.total} passed",
            report.is_compliant,
        )
        print(row)
        rows.append(row)
    return rows


def table(rows: list[Row]) -> str:
    """Return the figures as the Markdown section of BENCHMARKS.md."""
    when = datetime.now(tz=UTC).strftime("%Y-%m-%d")
    load = os.getloadavg()[0]
    lines = [
        START,
        (
            f"Measured {when} on {platform.system()} {platform.machine()}, {os.cpu_count()} cores"
            f" (load average {load:.1f} when it started)."
        ),
        "",
        (
            "| Chapter PDF | Pages | Words | Pages per 1,000 words | Size (KB) | Render (s) "
            "| Seconds per 30 pages | CPU seconds per 30 pages | Seconds per 1,000 words "
            "| Pages under a fifth full (not the last) | PDF/UA-1 (page, ua1) |"
        ),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        verdict = "conforms" if row.compliant else "FAILS"
        lines.append(
            f"| {row.file} | {row.pages} | {row.words:,} | {row.pages / row.words * 1000:.2f} "
            f"| {row.kb:.0f} | {row.seconds:.1f} | {row.seconds / row.pages * 30:.1f} "
            f"| {row.cpu / row.pages * 30:.1f} | {row.seconds / row.words * 1000:.2f} "
            f"| {row.short} | {verdict}: {row.rules} rules |"
        )
    pages = sum(row.pages for row in rows)
    count = sum(row.words for row in rows)
    lines += [
        (
            f"| All {len(rows)} chapters | {pages} | {count:,} | {pages / count * 1000:.2f} "
            "| | | | | | | |"
        ),
        END,
    ]
    return "\n".join(lines)


def record(section: str, path: Path) -> None:
    """Replace the section between the markers in BENCHMARKS.md, or add it at the end."""
    text = path.read_text(encoding="utf-8")
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> int:
    """Build the site, measure the chapter PDFs, print the table and record it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as folder:
        built = Path(folder) / "site"
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(built)]
        subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, check=True)
        section = table(measure(built))
    print(section)
    if not args.no_record:
        record(section, ROOT / "BENCHMARKS.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
