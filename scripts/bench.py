"""Benchmark: build the handbook with 2,000 synthetic examples, and the same pages in bare Material.

Prints build time and peak memory for both, and records them in BENCHMARKS.md. Everything is made
in a temporary folder; nothing is written into docs/ or data/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.navigation import read_config  # noqa: E402
from macros.site import load_site  # noqa: E402 (after the path is set)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
START, END = "<!-- bench:examples:start -->", "<!-- bench:examples:end -->"
PDF_START, PDF_END = "<!-- bench:pdf:start -->", "<!-- bench:pdf:end -->"


def synthetic_example(number: int, guidance: list[str], themes: list[str]) -> dict[str, object]:
    """Return a valid illustrative example, varied by its number."""
    return {
        "id": f"synthetic-example-{number:04d}",
        "title": f"Synthetic example {number}",
        "kind": "illustrative",
        "summary": f"A made-up team tries a kinder way of working, number {number}.",
        "place": "A town somewhere",
        "nation": "england",
        "sectors": ["local-government"],
        "themes": [themes[number % len(themes)]],
        "audiences": ["frontline-staff"],
        "levers": ["staff-discretion"],
        "barriers": ["risk-aversion"],
        "period": {"from": 2020, "to": "ongoing"},
        "context": "A team found its process got in the way.\n\n- It was slow.\n- It was cold.",
        "what_they_did": "They talked to people first, and wrote down why.",
        "what_changed": "People said they felt heard. Nobody measured it.",
        "what_was_hard": "Some managers worried about consistency.",
        "try_it_yourself": "- Ask what matters.\n- Record your reasons.",
        "related": {"guidance": [guidance[number % len(guidance)]]},
        "owner": "Benchmark",
        "last_reviewed": "2026-01-01",
        "review_due": "2027-01-01",
    }


def handbook_project(dest: Path, count: int) -> Path:
    """Copy the handbook to `dest` and add `count` synthetic examples to its data."""
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "data", dest / "data")
    site = load_site(ROOT / "docs", ROOT / "data")
    guidance = [page.src_uri for page in site.catalogue.guidance_pages()]
    themes = sorted(site.catalogue.vocabulary("themes"))
    for number in range(count):
        record = synthetic_example(number, guidance, themes)
        path = dest / "data" / "examples" / f"{record['id']}.yml"
        path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
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
    for source in (handbook / "docs").rglob("*.md"):
        path = docs / source.relative_to(handbook / "docs")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(macro.sub("", source.read_text(encoding="utf-8")), encoding="utf-8")
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


def measure(project: Path) -> dict[str, float]:
    """Build a project in a fresh process; return its wall time and peak memory."""
    code = (
        "import resource, sys, time\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        "start = time.perf_counter()\n"
        "build(load_config('mkdocs.yml', site_dir=sys.argv[1]))\n"
        "seconds = time.perf_counter() - start\n"
        "print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    site = project / "site"
    result = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"The build in {project} failed:\n{result.stderr[-3000:]}")
    seconds, kilobytes = result.stdout.split()[-2:]
    pages = sum(1 for _ in site.rglob("index.html"))
    return {"seconds": float(seconds), "peak_mib": int(kilobytes) / 1024, "pages": pages}


def record(results: dict[str, dict[str, float]], count: int) -> str:
    """Return the Markdown table for BENCHMARKS.md."""
    ours, plain = results["handbook"], results["plain"]
    when = datetime.now(tz=UTC).strftime("%Y-%m-%d")
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"

    def row(name: str, build: dict[str, float]) -> str:
        return (
            f"| {name} | {build['pages']:.0f} | {build['seconds']:.1f} | {build['peak_mib']:.0f} |"
        )

    time_ratio = ours["seconds"] / plain["seconds"]
    memory_ratio = ours["peak_mib"] / plain["peak_mib"]
    return "\n".join(
        [
            START,
            (
                f"Measured {when} on {machine}, Python {platform.python_version()}, "
                f"with {count} synthetic examples added to the real content."
            ),
            "",
            "| Build | Pages | Time (s) | Peak memory (MiB) |",
            "| --- | ---: | ---: | ---: |",
            row("Handbook (data, validation, macros, hook)", ours),
            row("Same pages as plain Markdown, bare Material", plain),
            f"| Ratio (handbook / plain) | | {time_ratio:.2f} | {memory_ratio:.2f} |",
            END,
        ]
    )


def pdf_bench() -> str:
    """Build the real handbook once, then time rendering each chapter's PDF; return a table."""
    from macros.navigation import chapters  # noqa: PLC0415 (only this part needs them)
    from macros.pdf.compose import compose, render_document  # noqa: PLC0415
    from macros.pdf.render import render_pdf  # noqa: PLC0415
    from macros.review import build_date  # noqa: PLC0415

    config = read_config(ROOT / "mkdocs.yml")
    site = load_site(ROOT / "docs", ROOT / "data")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as folder:
        built = Path(folder) / "site"
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(built)]
        subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, check=True)
        for chapter in chapters(site.catalogue, config["nav"]):
            started = time.perf_counter()
            document = compose(site.catalogue, chapter, built, config["site_url"], build_date())
            pdf = render_pdf(render_document(document, config["site_name"]), built.as_uri() + "/")
            seconds = time.perf_counter() - started
            row = (
                f"| {chapter.slug}.pdf | {pdf.pages} | {len(pdf.data) / 1000:.0f} | {seconds:.1f} |"
            )
            print(row)
            rows.append(row)
    when = datetime.now(tz=UTC).strftime("%Y-%m-%d")
    header = [
        PDF_START,
        f"Measured {when} on {platform.system()} {platform.machine()}, {os.cpu_count()} cores.",
        "",
        "| Chapter PDF | Pages | Size (KB) | Time to compose and render (s) |",
        "| --- | ---: | ---: | ---: |",
    ]
    return "\n".join([*header, *rows, PDF_END])


def main() -> int:
    """Run the benchmark, print it, and update BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        handbook = handbook_project(Path(folder) / "handbook", args.examples)
        plain = plain_project(Path(folder) / "plain", handbook)
        started = time.perf_counter()
        results = {"handbook": measure(handbook), "plain": measure(plain)}
        print(json.dumps(results, indent=2))
        print(f"(both builds took {time.perf_counter() - started:.0f} s in all)")
    table = record(results, args.examples)
    print(table)
    pdf_table = pdf_bench()
    if not args.no_record:
        path = ROOT / "BENCHMARKS.md"
        text = path.read_text(encoding="utf-8")
        for start, end, new in ((START, END, table), (PDF_START, PDF_END, pdf_table)):
            pattern = re.escape(start) + ".*?" + re.escape(end)
            text = re.sub(pattern, lambda _, new=new: new, text, flags=re.DOTALL)
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
