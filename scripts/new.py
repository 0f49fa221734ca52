"""Start a new practice example, report or guidance page from a commented template.

    make new-example id=<id>
    make new-report id=<id>
    make new-page path=<chapter>/<slug>

The new file builds as it is, and `make check` fails until every REPLACE in it is replaced.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.checks.rules import PAGES_PER_CHAPTER  # noqa: E402
from macros.docpages import guidance_pages, scan_docs  # noqa: E402
from macros.loader import load_data  # noqa: E402
from macros.pages import environment  # noqa: E402

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    """Something about the request is wrong; the message says what to do."""


def _defaults(root: Path) -> dict[str, object]:
    """Return today's dates and the first term of each vocabulary, as valid starting values."""
    today = dt.datetime.now(tz=dt.UTC).date()
    data, _ = load_data(root / "data")
    if data.vocabularies is None:
        raise ScaffoldError("data/vocabularies.yml has a problem: run make check to see it.")
    first = {
        name: getattr(data.vocabularies, name)[0].id
        for name in type(data.vocabularies).model_fields
    }
    return {
        "today": today.isoformat(),
        "review_due": today.replace(year=today.year + 1).isoformat(),
        "year": today.year,
        "first": first,
    }


def _check_slug(value: str, what: str) -> None:
    if not SLUG.match(value or ""):
        raise ScaffoldError(
            f"'{value}' is not a valid {what}: use lower-case words joined by hyphens, "
            "such as 'housing-arrears-discretion'."
        )


def new_record(root: Path, kind: str, record_id: str) -> Path:
    """Write a new example or report file and return its path."""
    _check_slug(record_id, "id")
    folder = root / "data" / f"{kind}s"
    path = folder / f"{record_id}.yml"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} already exists. Choose another id.")
    pages, _ = scan_docs(root / "docs")
    guidance = sorted(page.src_uri for page in guidance_pages(pages))
    text = (
        environment()
        .get_template(f"scaffold/{kind}.yml.j2")
        .render(id=record_id, guidance=guidance[0] if guidance else "", **_defaults(root))
    )
    path.write_text(text, encoding="utf-8")
    return path


def new_page(root: Path, page: str) -> Path:
    """Write a new guidance page in a chapter, add it to the navigation, and return its path."""
    chapter, _, slug = page.removesuffix(".md").partition("/")
    _check_slug(slug, "page name")
    landing = root / "docs" / chapter / "index.md"
    if not landing.exists() or "\nchapter:" not in landing.read_text(encoding="utf-8"):
        chapters = sorted(
            p.parent.name for p in (root / "docs").glob("*/index.md")
            if "\nchapter:" in p.read_text(encoding="utf-8")
        )  # fmt: skip
        raise ScaffoldError(f"'{chapter}' is not a chapter. Chapters: {', '.join(chapters)}.")
    path = root / "docs" / chapter / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} already exists. Choose another name.")
    pages, _ = scan_docs(root / "docs")
    count = sum(page.folder == chapter for page in guidance_pages(pages))
    fewest, most = PAGES_PER_CHAPTER
    if count >= most:
        raise ScaffoldError(
            f"'{chapter}' already has {count} guidance pages; a chapter holds {fewest} to {most}. "
            "Choose a chapter with fewer pages, or ask the editors to split this one."
        )
    template = environment().get_template("scaffold/page.md.j2")
    path.write_text(template.render(**_defaults(root)), encoding="utf-8")
    _add_to_nav(root / "mkdocs.yml", chapter, f"{chapter}/{slug}.md")
    return path


def _add_to_nav(config: Path, chapter: str, entry: str) -> None:
    """Add a page after the last page of its chapter in mkdocs.yml, keeping the file's comments."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    positions = [i for i, line in enumerate(lines) if line.strip() == f"- {chapter}/index.md"]
    if not positions:
        raise ScaffoldError(
            f"mkdocs.yml has no '{chapter}/index.md' in its nav. Add the page by hand."
        )
    last = positions[0]
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    while last + 1 < len(lines) and lines[last + 1].startswith(f"{indent}- {chapter}/"):
        last += 1
    lines.insert(last + 1, f"{indent}- {entry}\n")
    config.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Make the file asked for and say what to do next."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["example", "report", "page"])
    parser.add_argument("name", help="the id (example, report) or chapter/page (page)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.kind == "page":
            path = new_page(args.root, args.name)
        else:
            path = new_record(args.root, args.kind, args.name)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 2
    print(
        f"Created {path.relative_to(args.root)}. Replace every REPLACE in it, then run make check."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
