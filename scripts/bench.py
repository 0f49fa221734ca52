"""Benchmark: build the handbook with 2,000 synthetic examples, and the same pages in bare Material.

Prints build time and peak memory for both, and records them in BENCHMARKS.md. Everything is made
in a temporary folder; nothing is written into docs/ or data/.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_browser import (  # noqa: E402
    QuerySearch,
    SiteWeights,
    Weight,
    file_size,
    folder_size,
    lighthouse,
    measure_site,
    search_queries,
)

from macros.navigation import read_config  # noqa: E402
from macros.site import load_site  # noqa: E402 (after the path is set)
from macros.stages import (  # noqa: E402
    CROSS_REFERENCE,
    FROM_DATA,
    LOAD,
    RENDER,
    SEARCH,
    THEME,
)
from macros.synthetic import add_examples  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
START, END = "<!-- bench:examples:start -->", "<!-- bench:examples:end -->"
WEIGHT_START, WEIGHT_END = "<!-- bench:weight:start -->", "<!-- bench:weight:end -->"
LIGHTHOUSE_START, LIGHTHOUSE_END = (
    "<!-- bench:lighthouse:start -->",
    "<!-- bench:lighthouse:end -->",
)
LIGHTHOUSE_VERSION = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))[
    "devDependencies"
]["lighthouse"]
QUERIES_START, QUERIES_END = "<!-- bench:queries:start -->", "<!-- bench:queries:end -->"
# A word on nearly every page: the first search fetches the most it will.
SEARCH_WORDS = "kindness"


def handbook_project(dest: Path, count: int) -> Path:
    """Copy the handbook to `dest` and add `count` synthetic examples to its data."""
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "data", dest / "data")
    catalogue = load_site(ROOT / "docs", ROOT / "data").catalogue
    add_examples(
        dest / "data",
        count,
        [page.src_uri for page in catalogue.guidance_pages()],
        sorted(catalogue.vocabulary("themes")),
        sorted(catalogue.vocabulary("sectors")),
    )
    for name in ("macros", "overrides", "mkdocs.yml"):
        (dest / name).symlink_to(ROOT / name)
    return dest


def plain_project(dest: Path, handbook: Path) -> Path:
    """Write the same pages as plain Markdown, built by bare Material with no macros or hooks."""
    site = load_site(handbook / "docs", handbook / "data")
    docs = dest / "docs"
    for page in site.generated:
        path = docs / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    macro = re.compile(r"\{\{.*?\}\}")
    # The home page's template is one of the handbook's theme changes; bare Material lacks it.
    template = re.compile(r"^template: .*\n", re.MULTILINE)
    for source in (handbook / "docs").rglob("*.md"):
        path = docs / source.relative_to(handbook / "docs")
        path.parent.mkdir(parents=True, exist_ok=True)
        plain = template.sub("", macro.sub("", source.read_text(encoding="utf-8")))
        path.write_text(plain, encoding="utf-8")
    # Same navigation and Markdown extensions as the handbook, so only our machinery differs.
    handbook_config = read_config(ROOT / "mkdocs.yml")
    config = {
        "site_name": "Plain",
        "theme": {"name": "material"},
        "markdown_extensions": handbook_config["markdown_extensions"],
        "plugins": ["search"],
        "nav": handbook_config["nav"],
        "not_in_nav": handbook_config["not_in_nav"],
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return dest


# Runs one build in a fresh process and prints its time, peak memory and the stages it timed.
# MkDocs' own two steps for a page are timed from outside (the build itself times the rest), and
# Material's search plugin is counted as search in both builds.
BUILD_CODE = """
import json, resource, sys, time
import mkdocs.commands.build as steps
from material.plugins.search.plugin import SearchPlugin
from mkdocs.config import load_config
from macros import stages

def timed(name, function):
    def run(*args, **kwargs):
        with stages.stage(name):
            return function(*args, **kwargs)
    return run

steps._populate_page = timed(stages.RENDER, steps._populate_page)
steps._build_page = timed(stages.THEME, steps._build_page)
SearchPlugin.on_page_context = timed(stages.SEARCH, SearchPlugin.on_page_context)
SearchPlugin.on_post_build = timed(stages.SEARCH, SearchPlugin.on_post_build)
start = time.perf_counter()
steps.build(load_config("mkdocs.yml", site_dir=sys.argv[1]))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_kib": peak, "stages": stages.SPENT}))
"""
OTHER = "Other (MkDocs: files, navigation, copying the theme)"


def measure(project: Path) -> dict[str, Any]:
    """Build a project in a fresh process; return its wall time, peak memory and stages."""
    site = project / "site"
    result = subprocess.run(
        [sys.executable, "-c", BUILD_CODE, str(site)],
        cwd=project,
        env={**ENV, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"The build in {project} failed:\n{result.stderr[-3000:]}")
    figures = json.loads(result.stdout.splitlines()[-1])
    stages: dict[str, float] = figures["stages"]
    stages[OTHER] = figures["seconds"] - sum(stages.values())
    pages = sum(1 for _ in site.rglob("index.html"))
    return {
        "seconds": figures["seconds"],
        "peak_mib": figures["peak_kib"] / 1024,
        "pages": pages,
        "stages": stages,
    }


def load_average() -> str:
    """Return the machine's load average over the last minute, five and fifteen minutes."""
    return ", ".join(f"{load:.1f}" for load in os.getloadavg())


STAGE_ORDER = (LOAD, CROSS_REFERENCE, FROM_DATA, RENDER, THEME, SEARCH, OTHER)


def whole_rows(
    results: dict[int, dict[str, dict[str, Any]]], columns: list[tuple[int, str]]
) -> list[str]:
    """Return the rows for `make build` as a whole, step by step, where it was timed."""
    wholes: list[dict[str, Any] | None] = [results[c][n].get("whole") for c, n in columns]
    timed = [whole for whole in wholes if whole]
    if not timed:
        return []
    rows = []
    for name in timed[0]["steps"]:
        cells = ["none" if w is None else f"{w['steps'].get(name, 0.0):.1f}" for w in wholes]
        rows.append(f"| `make build`: {name.lower()} | " + " | ".join(cells) + " |")
    cells = ["none" if w is None else f"**{w['seconds']:.1f}**" for w in wholes]
    rows.append("| **`make build`, everything** | " + " | ".join(cells) + " |")
    return rows


def record(results: dict[int, dict[str, dict[str, Any]]], loads: tuple[str, str]) -> str:
    """Return the Markdown table for BENCHMARKS.md: each build stage by stage, at each scale."""
    when = datetime.now(tz=UTC).strftime("%Y-%m-%d")
    counts = sorted(results)
    columns = [(count, name) for count in counts for name in ("handbook", "plain")]

    def row(label: str, cells: list[str]) -> str:
        return f"| {label} | " + " | ".join(cells) + " |"

    def stage_cell(build: dict[str, Any], name: str) -> str:
        seconds = build["stages"].get(name)
        return "none" if seconds is None else f"{seconds:.1f}"

    lines = [
        START,
        (
            f"Measured {when} on {machine()}, Python {platform.python_version()}, with synthetic "
            f"examples added to the real content. Load average (1, 5, 15 minutes) at the start: "
            f"{loads[0]}; at the end: {loads[1]}."
        ),
        "",
        "| Seconds | "
        + " | ".join(
            f"{'Handbook' if name == 'handbook' else 'Bare Material'}, {count:,} examples"
            for count, name in columns
        )
        + " |",
        "| --- |" + " ---: |" * len(columns),
    ]
    lines += [
        row(name, [stage_cell(results[c][n], name) for c, n in columns]) for name in STAGE_ORDER
    ]
    lines += [
        row("**Whole build**", [f"**{results[c][n]['seconds']:.1f}**" for c, n in columns]),
        *whole_rows(results, columns),
        row("Pages", [f"{results[c][n]['pages']:,}" for c, n in columns]),
        row("Peak memory (MiB)", [f"{results[c][n]['peak_mib']:.0f}" for c, n in columns]),
        END,
    ]
    ratios = [
        f"| {count:,} examples | "
        f"{results[count]['handbook']['seconds'] / results[count]['plain']['seconds']:.2f} | "
        f"{results[count]['handbook']['peak_mib'] / results[count]['plain']['peak_mib']:.2f} |"
        for count in counts
    ]
    lines[-1:-1] = [
        "",
        "| Ratio (handbook / bare Material) | Time | Peak memory |",
        "| --- | ---: | ---: |",
        *ratios,
    ]
    return "\n".join(lines)


def kb(size: float) -> str:
    """Return a byte count in kilobytes (1,000 bytes), as the tables show them."""
    return f"{size / 1000:,.1f}"


def page_url(src_uri: str) -> str:
    """Return where a Markdown page is published, with directory addresses."""
    path = src_uri.removesuffix(".md")
    return "" if path == "index" else path.removesuffix("/index") + "/"


@dataclass(frozen=True)
class Scale:
    """Everything measured for the handbook at one number of examples."""

    examples: int
    build: dict[str, float]
    weights: SiteWeights
    pagefind: tuple[int, int, int]
    material_index: tuple[int, int, int]
    material_worker: tuple[int, int, int]
    examples_html: tuple[int, int, int]
    filter_data: tuple[int, int, int]
    sitemap: tuple[int, int, int]
    guidance_html: int
    site_bytes: int


def measure_scale(folder: Path, count: int, guidance: str) -> Scale:
    """Build the handbook with `count` synthetic examples added and measure what it costs."""
    project = handbook_project(folder / f"handbook-{count}", count)
    build = measure(project)
    site = project / "site"
    weights = measure_site(site, page_url(guidance), SEARCH_WORDS)
    print(f"First search at {count} examples, file by file (bytes as sent, uncompressed, path):")
    print(weights.first_search.breakdown())
    print("Practice examples added on request, file by file:")
    print(weights.examples_search.breakdown())
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    scale = Scale(
        examples=len(list((project / "data" / "examples").glob("*.yml"))),
        build=build,
        weights=weights,
        pagefind=folder_size(site / "pagefind"),
        material_index=file_size(site / "search" / "search_index.json"),
        material_worker=file_size(worker),
        examples_html=file_size(site / "examples" / "index.html"),
        filter_data=file_size(site / "examples" / "filter-data.js"),
        sitemap=file_size(site / "sitemap.xml"),
        guidance_html=(site / page_url(guidance) / "index.html").stat().st_size,
        site_bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    )
    print(json.dumps(dataclasses.asdict(scale), default=str)[:2000])
    shutil.rmtree(project)  # a site with 10,000 examples fills hundreds of megabytes
    return scale


def weight_table(scales: list[Scale], guidance: str) -> str:
    """Return the Markdown section on page weight and search, one column per scale."""

    def row(label: str, values: list[str]) -> str:
        return f"| {label} | " + " | ".join(values) + " |"

    def on_request(values: list[str]) -> list[str]:
        pairs = zip(scales, values, strict=True)
        return ["in the first search" if s.weights.examples_first else v for s, v in pairs]

    def sizes(weights: list[Weight]) -> list[str]:
        return [f"{kb(w.raw)} / {kb(w.gzip)} / {kb(w.brotli)}" for w in weights]

    def triple(values: list[tuple[int, int, int]]) -> list[str]:
        return [f"{kb(raw)} / {kb(gz)} / {kb(br)}" for raw, gz, br in values]

    guidance_views = [s.weights.guidance for s in scales]
    searches = [s.weights.first_search for s in scales]
    indexes = [s.weights.examples_index for s in scales]
    material_first = [
        (
            s.material_index[0] + s.material_worker[0],
            s.material_index[1] + s.material_worker[1],
            s.material_index[2] + s.material_worker[2],
        )
        for s in scales
    ]
    when = datetime.now(tz=UTC).strftime("%Y-%m-%d")
    return "\n".join(
        [
            WEIGHT_START,
            (
                f"Measured {when} on {machine()}, Chromium driven by Playwright. Sizes in KB "
                "(1,000 bytes), each given as uncompressed / gzip / brotli, summed file by file. "
                f"Guidance page: `{page_url(guidance)}`. First search: the words "
                f'"{SEARCH_WORDS}" typed into the search field of that page.'
            ),
            "",
            "| | " + " | ".join(f"{s.examples:,} examples" for s in scales) + " |",
            "| --- |" + " ---: |" * len(scales),
            row("Pages built", [f"{s.build['pages']:,.0f}" for s in scales]),
            row("Build time (s)", [f"{s.build['seconds']:.1f}" for s in scales]),
            row("Guidance page, first view: requests", [str(w.requests) for w in guidance_views]),
            row("Guidance page, first view: size", sizes(guidance_views)),
            row(
                "Guidance page, first view: as sent (gzip)",
                [kb(w.transferred) for w in guidance_views],
            ),
            row(
                "Search requests before a search",
                [str(len(w.searched())) for w in guidance_views],
            ),
            row("First search: requests", [str(w.requests) for w in searches]),
            row("First search: size", sizes(searches)),
            row("First search: as sent", [kb(w.transferred) for w in searches]),
            row(
                "First search: time to first result (ms)",
                [f"{s.weights.search_ms:.0f}" for s in scales],
            ),
            row(
                "Practice examples added to that search on request: requests",
                on_request([str(s.weights.examples_search.requests) for s in scales]),
            ),
            row(
                "Practice examples added on request: as sent",
                on_request([kb(s.weights.examples_search.transferred) for s in scales]),
            ),
            row(
                "Practice examples added on request: time to new results (ms)",
                on_request([f"{s.weights.examples_ms:.0f}" for s in scales]),
            ),
            row("Pagefind index, all files on disk", triple([s.pagefind for s in scales])),
            row(
                "Material's search, first search (worker and index; since issue 26 only the "
                "offline copy has an index)",
                triple(material_first),
            ),
            row("Examples index, first view: size", sizes(indexes)),
            row("Examples index, first view: as sent", [kb(w.transferred) for w in indexes]),
            row("Examples index HTML", triple([s.examples_html for s in scales])),
            row(
                "Filter data (fetched when the filters are first opened)",
                triple([s.filter_data for s in scales]),
            ),
            row(
                "sitemap.xml (fetched by no page since instant navigation was turned off)",
                triple([s.sitemap for s in scales]),
            ),
            row("Guidance page HTML (KB)", [kb(s.guidance_html) for s in scales]),
            row("Whole site (MB)", [f"{s.site_bytes / 1e6:,.1f}" for s in scales]),
            WEIGHT_END,
        ]
    )


def lighthouse_table(scores: dict[str, tuple[int, int]], paths: dict[str, str]) -> str:
    """Return the Markdown section with Lighthouse's scores."""
    when = datetime.now(tz=UTC).strftime("%Y-%m-%d")
    rows = [
        f"| {name} | `{paths[name] or '/'}` | {performance} | {accessibility} |"
        for name, (performance, accessibility) in scores.items()
    ]
    return "\n".join(
        [
            LIGHTHOUSE_START,
            (
                f"Measured {when} on {machine()}, with Lighthouse {LIGHTHOUSE_VERSION}, "
                "mobile (its default: a mid-range phone on a slow 4G connection, simulated), "
                "the real content served with gzip from 127.0.0.1."
            ),
            "",
            "| Page | Address | Performance | Accessibility |",
            "| --- | --- | ---: | ---: |",
            *rows,
            LIGHTHOUSE_END,
        ]
    )


def address(page: str) -> str:
    """Return the address path of a page named by its path under docs/ (as the queries do)."""
    path = page.removesuffix(".md").removesuffix("index")
    return "/" + path + ("/" if path and not path.endswith("/") else "")


def queries_table(searches: list[QuerySearch], wanted: list[list[str]]) -> str:
    """Return the section on the judged queries: right in the top 3, and first-search bytes."""
    right = sum(
        1
        for search, pages in zip(searches, wanted, strict=True)
        if {address(page) for page in pages} & set(search.top[:3])
    )
    sent = sorted(search.transferred for search in searches)
    middle = statistics.median(sent)
    rows = "\n".join(
        f"| {search.query} | {kb(search.transferred)} | "
        f"{'yes' if {address(p) for p in pages} & set(search.top[:3]) else 'no'} |"
        for search, pages in zip(searches, wanted, strict=True)
    )
    return f"""{QUERIES_START}
## Search as staff type it: the judged queries

The {len(searches)} queries in `data/search-queries.yml`, each typed key by key (120 ms a key)
into the search of the real content in a fresh browser, served with gzip. "Sent" is every byte
from focusing the search field until the results settle. Measured on {machine()},
{datetime.now(UTC):%Y-%m-%d}.

**{right} of {len(searches)} ({right / len(searches):.0%}) put a right page in the top 3.
First-search bytes as sent: median {kb(middle)} KB, least {kb(sent[0])} KB,
most {kb(sent[-1])} KB.**

| Query | Sent (KB) | Right page in the top 3 |
|---|---:|---|
{rows}
{QUERIES_END}"""


def machine() -> str:
    """Return the machine the figures come from."""
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"


def replace_section(text: str, start: str, end: str, new: str) -> str:
    """Replace the text between two markers, or add the section at the end if it is missing."""
    pattern = re.escape(start) + ".*?" + re.escape(end)
    if re.search(pattern, text, flags=re.DOTALL):
        return re.sub(pattern, lambda _: new, text, flags=re.DOTALL)
    return text.rstrip("\n") + "\n\n" + new + "\n"


def record_section(start: str, end: str, table: str, *, write: bool) -> None:
    """Print a section, and write it into BENCHMARKS.md at once, so a long run keeps its parts."""
    print(table)
    if write:
        path = ROOT / "BENCHMARKS.md"
        path.write_text(
            replace_section(path.read_text(encoding="utf-8"), start, end, table), encoding="utf-8"
        )


# `make build` on a project: every step, each timed by the build script itself.
WHOLE_BUILD_CODE = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from build import build
start = time.perf_counter()
code = build(Path.cwd(), Path.cwd() / "published")
print("SECONDS", time.perf_counter() - start)
sys.exit(code)
"""


def whole_build(project: Path) -> dict[str, Any]:
    """Run `make build` (pages, chapter PDFs, offline copy) on a project; time it step by step."""
    result = subprocess.run(
        [sys.executable, "-c", WHOLE_BUILD_CODE, str(ROOT / "scripts")],
        cwd=project,
        env={**ENV, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"make build in {project} failed:\n{result.stderr[-3000:]}")
    taken = re.search(r"Time taken: (.*)\.$", result.stdout, flags=re.MULTILINE)
    steps = dict(re.findall(r"([^,]+?) ([0-9.]+) s", taken.group(1))) if taken else {}
    seconds = float(result.stdout.split("SECONDS")[-1].split()[0])
    return {"seconds": seconds, "steps": {name.strip(): float(v) for name, v in steps.items()}}


def compare(folder: Path, count: int, *, whole: bool) -> dict[str, dict[str, Any]]:
    """Build the handbook with `count` examples added, then its pages in bare Material."""
    handbook = handbook_project(folder / f"compare-{count}", count)
    plain = plain_project(folder / f"plain-{count}", handbook)
    results = {"handbook": measure(handbook), "plain": measure(plain)}
    print(f"At {count} examples: {json.dumps(results)}")
    if whole:
        results["handbook"]["whole"] = whole_build(handbook)
        print(f"make build at {count} examples: {json.dumps(results['handbook']['whole'])}")
    shutil.rmtree(handbook)
    shutil.rmtree(plain)
    return results


def main() -> int:
    """Run the benchmark, print it, and update BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--examples",
        type=int,
        nargs="*",
        default=[2000, 10000],
        help="examples to add for the build comparison, stage by stage",
    )
    parser.add_argument(
        "--scales", type=int, nargs="*", default=[0, 2000, 10000], help="examples to add"
    )
    parser.add_argument("--no-compare", action="store_true", help="skip the build comparison")
    parser.add_argument(
        "--no-whole-build",
        action="store_true",
        help="skip timing `make build` (pages, chapter PDFs, offline copy) in the comparison",
    )
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-queries", action="store_true", help="skip the judged queries")
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    write = not args.no_record
    catalogue = load_site(ROOT / "docs", ROOT / "data").catalogue
    guidance = min(page.src_uri for page in catalogue.guidance_pages())
    example = min(catalogue.data.examples)
    with tempfile.TemporaryDirectory(prefix="bench-") as name:
        folder = Path(name)
        if not args.no_lighthouse:
            paths = {
                "Home": "",
                "Guidance page": page_url(guidance),
                "Examples index": "examples/",
                "Practice example": f"examples/{example}/",
                "Glossary": "glossary/",
            }
            project = handbook_project(folder / "lighthouse", 0)
            measure(project)
            scores = lighthouse(project / "site", paths)
            table = lighthouse_table(scores, paths)
            record_section(LIGHTHOUSE_START, LIGHTHOUSE_END, table, write=write)
        if not args.no_queries:
            data = catalogue.data.search_queries
            queries = data.queries if data else []
            project = handbook_project(folder / "queries", 0)
            measure(project)
            searches = search_queries(project / "site", [query.query for query in queries])
            table = queries_table(searches, [query.pages for query in queries])
            record_section(QUERIES_START, QUERIES_END, table, write=write)
        if args.scales:
            scales = [measure_scale(folder, count, guidance) for count in args.scales]
            table = weight_table(scales, guidance)
            record_section(WEIGHT_START, WEIGHT_END, table, write=write)
        if not args.no_compare:
            start = load_average()
            results = {
                count: compare(folder, count, whole=not args.no_whole_build)
                for count in args.examples
            }
            table = record(results, (start, load_average()))
            record_section(START, END, table, write=write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
