"""The feedback address is configuration: publishing refuses a missing or placeholder one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.feedback import publishing_address_problem

from sites import ENV, ROOT, fixture_project, publish

MAILBOX = "kindness-handbook@council.gov.uk"


def test_a_real_mailbox_is_accepted() -> None:
    assert publishing_address_problem(MAILBOX) is None


@pytest.mark.parametrize(
    ("address", "says"),
    [
        (None, "FEEDBACK_EMAIL is not set"),
        ("", "FEEDBACK_EMAIL is not set"),
        ("handbook-feedback@example.org", "placeholder"),
        ("team@EXAMPLE.com", "placeholder"),
        ("team@mailbox.invalid", "placeholder"),
        ("the editorial team", "not an email address"),
        ("team@localhost", "not an email address"),
    ],
)
def test_missing_or_placeholder_addresses_are_refused(address: str | None, says: str) -> None:
    problem = publishing_address_problem(address)
    assert problem is not None
    assert says in problem


def test_publishing_build_without_an_address_stops_and_says_why() -> None:
    env = {key: value for key, value in ENV.items() if key != "FEEDBACK_EMAIL"}
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "--no-pdf", "--no-offline"],
        cwd=ROOT,
        env={**env, "PUBLISH": "true"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "Not building for publishing: FEEDBACK_EMAIL is not set" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_publishing_build_links_the_configured_mailbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = fixture_project(tmp_path / "project")
    monkeypatch.setenv("FEEDBACK_EMAIL", "handbook-feedback@example.org")
    assert publish(project, tmp_path / "refused", pdf=False, offline=False, publishing=True) == 1
    assert not (tmp_path / "refused").exists()
    monkeypatch.setenv("FEEDBACK_EMAIL", MAILBOX)
    assert publish(project, tmp_path / "site", pdf=False, offline=False, publishing=True) == 0
    page = tmp_path / "site" / "chapter-one" / "first-page" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    mail = soup.find("a", string="email the editorial team")
    assert mail is not None
    assert mail["href"].startswith(f"mailto:{MAILBOX}?")
