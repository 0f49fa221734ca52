"""Every built page, online and in the offline copy, is valid HTML by the Nu HTML Checker."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from sites import ROOT

pytestmark = pytest.mark.slow

# Installed from npm by `make test` (package.json pins it); it runs with the system's Java.
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INDEX = "pagefind"  # Pagefind's own files: no pages
# The checker applies each page's own security policy, reading pages as files, where 'self'
# names no site, and it does not check script hashes, so it notes every file and reviewed
# script as refused. Browsers, which the policy is for, are tested serving the site and from
# disk (tests/test_page_policy.py).
CHECKER_POLICY_NOTE = "violates Content Security Policy (meta tag)"


def check(pages: list[Path]) -> list[str]:
    """Return every error and warning the checker reports, one line each."""
    assert VNU.is_file(), "the HTML checker is missing: `make test` installs it with npm ci"
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs it (default-jre-headless)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{m.get('url', '?').rsplit('/site/', 1)[-1]}:{m.get('lastLine', '?')} "
        f"{m['type']}: {m['message']}"
        for m in messages
        if CHECKER_POLICY_NOTE not in m["message"]
    ]


def test_every_published_page_is_valid_html(published_site: Path) -> None:
    pages = [p for p in sorted(published_site.rglob("*.html")) if INDEX not in p.parts]
    assert len(pages) > 100, "too few pages to be the whole site"
    assert check(pages) == []


def test_every_page_of_the_offline_copy_is_valid_html(published_site: Path, tmp_path: Path) -> None:
    (archive,) = (published_site / "downloads").glob("*.zip")
    with zipfile.ZipFile(archive) as copy:
        copy.extractall(tmp_path / "site")
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 100
    assert check(pages) == []


def test_the_checker_reports_invalid_html(tmp_path: Path) -> None:
    page = tmp_path / "site" / "bad.html"
    page.parent.mkdir()
    page.write_text(
        '<!doctype html><html lang="en-GB"><head><title>Bad</title></head><body>'
        '<input type="checkbox" autocomplete="off"><label tabindex="">x</label></body></html>',
        encoding="utf-8",
    )
    found = check([page])
    assert any("autocomplete" in line for line in found), found
    assert any("tabindex" in line for line in found), found
