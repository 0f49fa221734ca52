"""Run every content check, print one short report grouped by file, and fail if any problem.

`python -m macros.checks` (run by `make check-content` and `make check`): placeholders, spelling,
images, link addresses, jurisdiction markers, sources without a year, figures and quotations in
documented examples with no supporting source sentence, copied text, close paraphrase, too many
"X, not Y" contrasts, sentences repeated across pages and the editorial rules and promises
(macros/checks/editorial.py) fail the check; the readability, shape, voice, evidence, reach and
review reports are for information.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from macros.checks.copying import find_copied_runs, handbook_files
from macros.checks.coverage import handbook_coverage
from macros.checks.coverage import report as coverage_report
from macros.checks.editorial import editorial_problems
from macros.checks.evidence import handbook_evidence
from macros.checks.evidence import report as evidence_report
from macros.checks.jurisdiction_markers import jurisdiction_problems
from macros.checks.markdown_checks import (
    citation_problems,
    image_problems,
    link_problems,
    placeholder_problems,
)
from macros.checks.page_shape import guidance_shapes
from macros.checks.page_shape import report as shape_report
from macros.checks.paraphrase import find_paraphrases
from macros.checks.readability import guidance_scores
from macros.checks.readability import report as readability_report
from macros.checks.reviews import due
from macros.checks.reviews import report as review_report
from macros.checks.source_years import source_year_problems
from macros.checks.spelling import spelling_problems
from macros.checks.voice import handbook_voice, voice_problems
from macros.checks.voice import report as voice_report
from macros.checks.wordnet import WordNetMissingError
from macros.problems import ContentError, Problem, format_report
from macros.review import build_date
from macros.site import load_site

# Text the handbook's wording must not copy; kept outside the repository (it is not ours).
SEEDS = "SEEDS_DIR"


def content_problems(root: Path, seeds: Path | None) -> list[Problem]:
    """Return every problem the content checks find under `root`."""
    try:
        site = load_site(root / "docs", root / "data")
    except ContentError as error:
        return list(error.problems)
    pages = [*site.catalogue.pages, *(page.src_uri for page in site.generated)]
    files = handbook_files(root)
    problems: list[Problem] = []
    for path, text in files:
        problems += placeholder_problems(path, text)
        if path.endswith(".md"):
            problems += image_problems(path, text)
            problems += citation_problems(path, text)
            problems += link_problems(path, text, pages)
            problems += jurisdiction_problems(path, text)
            problems += source_year_problems(path, text)
    extra = [
        name for name in ("README.md", "CONTRIBUTING.md", "STYLE.md") if (root / name).exists()
    ]
    problems += spelling_problems(root, ["docs", "data", *extra])
    problems += voice_problems(*handbook_voice(root))
    problems += [problem for traced in handbook_evidence(root) for problem in traced.problems]
    if seeds and seeds.is_dir():
        sources = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
        problems += [
            Problem(
                run.file,
                run.line,
                "copied",
                f'These words copy a source: "{run.words}". Say it in your own words.',
            )
            for run in find_copied_runs(files, sources)
        ]
        problems += [
            Problem(
                found.file,
                found.line,
                "paraphrase",
                f'This follows a source sentence too closely: "{found.source}". Make the '
                "handbook's own point, or quote the source in quotation marks and say whose "
                "words they are.",
            )
            for found in find_paraphrases(files, sources)
        ]
    return problems


def main() -> int:
    """Print the reports; exit 1 when a check fails."""
    root = Path.cwd()
    seeds = Path(os.environ.get(SEEDS, root.parent / "shared" / "seeds"))
    try:
        load_site(root / "docs", root / "data")
    except ContentError as error:
        # The reports below read the loaded site: they wait until it loads.
        print(format_report(error.problems, heading="Content checks found"))  # noqa: T201
        print("\n(The reports follow once these problems are fixed.)")  # noqa: T201
        return 1
    try:
        problems = content_problems(root, seeds) + editorial_problems(root, build_date())
    except WordNetMissingError as error:
        print(error, file=sys.stderr)  # noqa: T201
        return 1
    if problems:
        print(format_report(problems, heading="Content checks found"))  # noqa: T201
    else:
        print("Content checks: no problems.")  # noqa: T201
    if not (seeds and seeds.is_dir()):
        print(f"(The copy and paraphrase checks were skipped: no source texts at {seeds}.)")  # noqa: T201
    print()  # noqa: T201
    print(readability_report(guidance_scores(root)))  # noqa: T201
    print(shape_report(guidance_shapes(root)))  # noqa: T201
    print(voice_report(*handbook_voice(root)))  # noqa: T201
    print(evidence_report(handbook_evidence(root)))  # noqa: T201
    found = handbook_coverage(root, build_date())
    if found:  # None when the content does not load: the report above says why
        print(coverage_report(found))  # noqa: T201
        print(review_report(due(root)))  # noqa: T201
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
