"""Build the site, its chapter PDFs and its offline copy; replace site/ only when all succeed.

Steps, all in a staging folder beside site/:
1. a strict build of the HTML;
2. one PDF per chapter, rendered from that HTML (`--no-pdf` skips this);
3. the offline copy: a strict build with Material's offline plugin, zipped (`--no-offline` skips);
4. a second strict build that publishes the downloads and links them, with their sizes, from
   the pages that offer them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.downloads import OFFLINE_ZIP, Download, write_manifest, zip_folder  # noqa: E402
from macros.feedback import publishing_address_problem  # noqa: E402
from macros.headers import UnreviewedScriptError, headers_for_site  # noqa: E402
from macros.review import build_date  # noqa: E402
from macros.stages import SPENT, stage  # noqa: E402

# The steps of a whole build, each timed (`make bench` records them).
PAGES = "Pages"
PDFS = "Chapter PDFs"
OFFLINE_COPY = "Offline copy"
WITH_DOWNLOADS = "Pages again, linking the downloads"

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def mkdocs(root: Path, site_dir: Path, **env: str) -> bool:
    """Run a strict MkDocs build; return True when it succeeds."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    process = subprocess.Popen(command, cwd=root, env={**ENV, **env})
    try:
        return process.wait() == 0
    finally:
        # Interrupted: stop the build before its staging folder is removed, or it would refill it.
        if process.poll() is None:
            process.terminate()
            process.wait()


class StoppedError(Exception):
    """The build was asked to stop (SIGTERM or SIGHUP), as Ctrl-C stops it with SIGINT."""


def _stop(signum: int, _frame: FrameType | None) -> None:
    """Turn a termination signal into an exception, so the clean-up below runs."""
    raise StoppedError(signum)


def offline_copy(root: Path, staging: Path) -> Download | None:
    """Build the offline copy (it works when opened from disk, search included) and zip it."""
    folder = staging / "offline"
    if not mkdocs(root, folder, OFFLINE="true"):
        return None
    target = staging / "kindness-in-practice-offline.zip"
    built = build_date()
    zip_folder(folder, target, (built.year, built.month, built.day, 0, 0, 0))
    return Download(
        uri=OFFLINE_ZIP,
        label="Download the whole handbook to read offline",
        kind="ZIP",
        size_bytes=target.stat().st_size,
        page="about.md",
        file=str(target),
    )


def publish(root: Path, staging: Path, *, pdf: bool, offline: bool) -> Path | None:
    """Run every step in `staging`; return the finished site folder, or None if a step failed."""
    first = staging / "html"
    with stage(PAGES):
        if not mkdocs(root, first):
            return None
    if not (pdf or offline):
        return first
    downloads: list[Download] = []
    if pdf:
        from macros.pdf.chapters import render_chapters  # noqa: PLC0415 (slow to import)
        from macros.pdf.fetcher import FetchRefusedError  # noqa: PLC0415
        from macros.problems import ContentError  # noqa: PLC0415

        print("Rendering chapter PDFs:")
        try:
            with stage(PDFS):
                downloads += render_chapters(root, first, staging / "pdf")
        except (FetchRefusedError, ContentError) as error:
            print(f"\n{error}", file=sys.stderr)
            return None
    if offline:
        with stage(OFFLINE_COPY):
            copy = offline_copy(root, staging)
        if copy is None:
            return None
        downloads.append(copy)
    manifest = staging / "downloads.json"
    write_manifest(manifest, downloads)
    final = staging / "site"
    with stage(WITH_DOWNLOADS):
        return final if mkdocs(root, final, KIP_DOWNLOADS=str(manifest)) else None


def build(
    root: Path = ROOT,
    target: Path | None = None,
    *,
    pdf: bool = True,
    offline: bool = True,
    publishing: bool = False,
) -> int:
    """Build everything in a staging folder and swap it into `target` only on success.

    A build for publishing (PUBLISH=true) stops before it starts unless FEEDBACK_EMAIL names
    the editorial team's real mailbox; other builds show mkdocs.yml's placeholder address.
    """
    problem = publishing_address_problem(os.environ.get("FEEDBACK_EMAIL"))
    if publishing and problem:
        print(f"Not building for publishing: {problem}", file=sys.stderr)
        return 1
    target = target or root / "site"
    SPENT.clear()  # the steps of this build only, when one process builds more than once
    # SIGINT already raises KeyboardInterrupt; make SIGTERM and SIGHUP unwind the same way.
    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    # A shell that runs a job in the background starts it ignoring Ctrl-C, and every MkDocs
    # step would inherit that; the build always stops on Ctrl-C, and so do its steps.
    previous[signal.SIGINT] = signal.signal(signal.SIGINT, signal.default_int_handler)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=root))
    try:
        final = publish(root, staging, pdf=pdf, offline=offline)
        try:
            # Hosts that read a `_headers` file serve the site with its security headers.
            headers = headers_for_site(final) if final else ""
        except UnreviewedScriptError as error:
            print(f"\n{error}", file=sys.stderr)
            final = None
        if final is None:
            print(f"\nThe build failed, so {target.name}/ was left as it was.", file=sys.stderr)
            return 1
        (final / "_headers").write_text(headers, encoding="utf-8")
        if target.exists():
            target.rename(staging / "retired")
        final.rename(target)
    except (KeyboardInterrupt, StoppedError):
        print(f"\nThe build was stopped, so {target.name}/ was left as it was.", file=sys.stderr)
        return 130
    else:
        steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in SPENT.items())
        print(f"Built the site into {target.name}/. Time taken: {steps}.")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def main() -> int:
    """Run the build from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="skip the chapter PDFs")
    parser.add_argument("--no-offline", action="store_true", help="skip the offline copy")
    args = parser.parse_args()
    publishing = os.environ.get("PUBLISH", "").lower() == "true"
    return build(pdf=not args.no_pdf, offline=not args.no_offline, publishing=publishing)


if __name__ == "__main__":
    sys.exit(main())
