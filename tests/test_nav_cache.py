"""The navigation, rendered once for the record pages that share it, is the HTML it always was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from sites import ENV, fingerprint, fixture_project, mkdocs_build

# `mkdocs build` with the theme's cache turned off: every page renders its own navigation.
UNCACHED = """
import sys
from mkdocs.__main__ import cli
from macros.fragment_cache import FragmentCache
FragmentCache._render = lambda self, key, caller: caller()
sys.exit(cli())
"""


def test_every_page_is_the_same_with_the_navigation_cached_or_not(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    cached = mkdocs_build(project, tmp_path / "cached")
    assert cached.returncode == 0, cached.output
    command = [sys.executable, "-c", UNCACHED, "build", "--strict", "--site-dir"]
    uncached = subprocess.run(
        [*command, str(tmp_path / "uncached")],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert uncached.returncode == 0, uncached.stderr
    assert fingerprint(tmp_path / "cached") == fingerprint(tmp_path / "uncached")
    # Record pages in two folders share cached navigation: both kinds were compared.
    for folder in ("examples", "reports"):
        page = next((tmp_path / "cached" / folder).glob("*/index.html"))
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert html.select_one("nav.md-nav--primary .md-nav__link") is not None
