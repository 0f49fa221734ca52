"""Build the real handbook, or a small throw-away site, in a temporary folder for the tests."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.navigation import read_config

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@dataclass(frozen=True)
class BuildResult:
    """What a build printed and left behind."""

    returncode: int
    output: str
    site_dir: Path


def mkdocs_build(project: Path, site_dir: Path, *, strict: bool = True) -> BuildResult:
    """Run `mkdocs build` on a project folder, as `make build` does."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    result = subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=600,
        check=False,
    )
    return BuildResult(result.returncode, result.stdout + result.stderr, site_dir)


def fixture_project(
    dest: Path,
    *,
    files: dict[str, str] | None = None,
    remove: tuple[str, ...] = (),
    nav: list[object] | None = None,
    settings: dict[str, object] | None = None,
) -> Path:
    """Copy the small fixture site to `dest`, then add, replace or remove files in it.

    Its mkdocs.yml inherits the real one, and the real code and theme are linked in beside it,
    so the fixture builds exactly as the handbook does.
    """
    shutil.copytree(FIXTURE_SITE, dest)
    for relative, text in (files or {}).items():
        path = dest / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for relative in remove:
        (dest / relative).unlink()
    link_code(dest)
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "nav": nav
        or [
            {"Home": "index.md"},
            {"Chapter one": ["chapter-one/index.md", "chapter-one/first-page.md"]},
            {"Practice examples": "examples/index.md"},
            {"Themes": "themes/index.md"},
            {"Reports": "reports/index.md"},
            {"Glossary": "glossary.md"},
        ],
    }
    # The real redirects point at real pages, which a fixture does not have.
    plugins = read_config(ROOT / "mkdocs.yml")["plugins"]
    config["plugins"] = [p for p in plugins if not (isinstance(p, dict) and "redirects" in p)]
    config |= settings or {}
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return dest


def link_code(project: Path) -> None:
    """Link the real Python package and theme changes into a project folder."""
    for name in ("macros", "overrides"):
        (project / name).symlink_to(ROOT / name, target_is_directory=True)


def publish(
    project: Path, target: Path, *, pdf: bool = True, offline: bool = True, publishing: bool = False
) -> int:
    """Run `make build`'s script (scripts/build.py) on a project, into `target`."""
    spec = importlib.util.spec_from_file_location("build_script", ROOT / "scripts" / "build.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    code: int = module.build(project, target, pdf=pdf, offline=offline, publishing=publishing)
    return code


def fingerprint(folder: Path) -> dict[str, str]:
    """Return a digest of every file in a folder, to tell whether anything changed."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def fixture_text(relative: str) -> str:
    """Return a file of the fixture site, as a hostile case starts from it."""
    return (FIXTURE_SITE / relative).read_text(encoding="utf-8")


def page_with(page: str, body: str) -> str:
    """Return a fixture page with text added at its end."""
    return fixture_text(page) + f"\n{body}\n"


def replace(relative: str, old: str, new: str) -> str:
    """Return a fixture file with its first `old` replaced by `new` (which must be there)."""
    original = fixture_text(relative)
    assert old in original, (relative, old)
    return original.replace(old, new, 1)


# What `mkdocs serve` does before it serves a folder: start its plugins for "serve", then build.
PREVIEW = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
config.site_url = "http://127.0.0.1:8000/handbook/"
config.plugins.on_startup(command="serve", dirty=False)
build(config, serve_url=config.site_url)
"""


def preview_build(project: Path, site_dir: Path) -> BuildResult:
    """Build a project as `make serve` does, into the folder it would serve."""
    result = subprocess.run(
        [sys.executable, "-c", PREVIEW, str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=600,
        check=False,
    )
    return BuildResult(result.returncode, result.stdout + result.stderr, site_dir)
