"""Benchmark the skewed case: thousands of examples that all cite the same three records and page.

Beside the even case of scripts/bench.py (each synthetic example cites a different page), this
builds the handbook with the real content, then with 1,000 and 10,000 synthetic examples that
all cite the same two examples, one report and one guidance page, as copies of one record would.
It prints build time, peak memory, and the size and link count of the largest page and of the
cited pages, and records them in BENCHMARKS.md. Everything is made in a temporary folder.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import kb, machine, measure, page_url, record_section  # noqa: E402

from macros.catalogue import Ref  # noqa: E402 (after the path is set)
from macros.links import src_uri  # noqa: E402
from macros.site import load_site  # noqa: E402
from macros.synthetic import add_examples  # noqa: E402

START, END = "<!-- bench:skew:start -->", "<!-- bench:skew:end -->"
# The records the issue found cited by every copy of one record (issue 25).
CITED = (
    Ref("example", "outpatient-clinic-letters"),
    Ref("example", "scotland-national-performance-framework-values"),
    Ref("report", "blind-spot-in-public-policy"),
)
LINK = re.compile(rb"<a\s[^>]*\bhref=")


@dataclass(frozen=True)
class PageSize:
    """One built page: where it is, its size in bytes and how many links it holds."""

    path: str
    size: int
    links: int


@dataclass(frozen=True)
class Skew:
    """What one skewed build cost."""

    examples: int
    pages: int
    seconds: float
    peak_mib: float
    largest: PageSize
    largest_cited: PageSize


def skewed_project(dest: Path, count: int, guidance: str) -> Path:
    """Copy the handbook to `dest` with `count` examples that all cite the same records and page."""
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "data", dest / "data")
    catalogue = load_site(ROOT / "docs", ROOT / "data").catalogue
    related = {
        "examples": [ref.key for ref in CITED if ref.kind == "example"],
        "reports": [ref.key for ref in CITED if ref.kind == "report"],
    }
    add_examples(
        dest / "data",
        count,
        [guidance],
        sorted(catalogue.vocabulary("themes")),
        sorted(catalogue.vocabulary("sectors")),
        related=related,
    )
    for name in ("macros", "overrides", "mkdocs.yml"):
        (dest / name).symlink_to(ROOT / name)
    return dest


def page_size(site: Path, path: Path) -> PageSize:
    """Return a built page's size and link count."""
    data = path.read_bytes()
    return PageSize(
        path.parent.relative_to(site).as_posix() + "/", len(data), len(LINK.findall(data))
    )


def measure_skew(folder: Path, count: int, guidance: str) -> Skew:
    """Build the skewed handbook with `count` examples and measure it."""
    project = skewed_project(folder / f"skew-{count}", count, guidance)
    build = measure(project)
    site = project / "site"
    pages = [page_size(site, path) for path in site.rglob("index.html")]
    cited = [
        page_size(site, site / page_url(src_uri(ref)) / "index.html")
        for ref in (*CITED, Ref("guidance", guidance))
    ]
    skew = Skew(
        examples=len(list((project / "data" / "examples").glob("*.yml"))),
        pages=int(build["pages"]),
        seconds=build["seconds"],
        peak_mib=build["peak_mib"],
        largest=max(pages, key=lambda page: page.size),
        largest_cited=max(cited, key=lambda page: page.size),
    )
    print(skew)
    shutil.rmtree(project)  # a site with 10,000 examples fills hundreds of megabytes
    return skew


def skew_table(skews: list[Skew], guidance: str) -> str:
    """Return the Markdown section for BENCHMARKS.md, each page against the real content's."""
    when = datetime.now(tz=UTC).strftime("%Y-%m-%d")
    base = skews[0]
    cited = ", ".join(f"`{src_uri(ref)}`" for ref in CITED)

    def versus(size: int, before: int) -> str:
        """Return a size in kB, with the change from the real content's."""
        return kb(size) if size == before else f"{kb(size)} ({size / before - 1:+.1%})"

    rows = []
    for skew in skews:
        largest, most_cited = skew.largest, skew.largest_cited
        rows.append(
            f"| {skew.examples:,} | {skew.pages:,} | {skew.seconds:.1f} | {skew.peak_mib:.0f} "
            f"| `{largest.path}` | {versus(largest.size, base.largest.size)} | {largest.links:,} "
            f"| `{most_cited.path}` | {versus(most_cited.size, base.largest_cited.size)} "
            f"| {most_cited.links:,} |"
        )
    return "\n".join(
        [
            START,
            (
                f"Measured {when} on {machine()}; the first row is the real content, the others "
                f"add synthetic examples that all cite {cited} and `docs/{guidance}`."
            ),
            "",
            (
                "| Examples | Pages | Build (s) | Peak memory (MiB) | Largest page | Size (kB) "
                "| Links | Largest cited page | Size (kB) | Links |"
            ),
            "| ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: |",
            *rows,
            END,
        ]
    )


def main() -> int:
    """Run the skewed benchmark, print it, and update BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--scales", type=int, nargs="*", default=[1000, 10000], help="examples to add"
    )
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    catalogue = load_site(ROOT / "docs", ROOT / "data").catalogue
    guidance = min(page.src_uri for page in catalogue.guidance_pages())
    with tempfile.TemporaryDirectory(prefix="bench-skew-") as name:
        skews = [measure_skew(Path(name), count, guidance) for count in [0, *args.scales]]
    record_section(START, END, skew_table(skews, guidance), write=not args.no_record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
