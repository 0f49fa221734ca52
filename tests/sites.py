"""Build the real handbook, or a small throw-away site, in a temporary folder for the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

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
) -> Path:
    """Copy the small fixture site to `dest`, then add, replace or remove files in it.

    Its mkdocs.yml is the real one with absolute paths to the real hooks and overrides, so the
    fixture builds exactly as the handbook does.
    """
    shutil.copytree(FIXTURE_SITE, dest)
    for relative, text in (files or {}).items():
        path = dest / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for relative in remove:
        (dest / relative).unlink()
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / "macros" / "hooks.py")]
    config["watch"] = []
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "macros" in plugin:
            plugin["macros"]["module_name"] = str(ROOT / "macros")
    config["nav"] = nav or [
        {"Home": "index.md"},
        {"Chapter one": ["chapter-one/index.md", "chapter-one/first-page.md"]},
        {"Practice examples": "examples/index.md"},
        {"Themes": "themes/index.md"},
        {"Reports": "reports/index.md"},
        {"Glossary": "glossary.md"},
    ]
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return dest
