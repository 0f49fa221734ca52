"""Make sure the system packages the tests and checks need are installed, installing them if we can.

- Chromium, for the browser tests;
- WordNet's database (`wordnet-base`), for the paraphrase check (macros/checks/wordnet.py);
- Java, to run the Nu HTML Checker on every built page, and npm, which installs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.checks.wordnet import wordnet_dir

# Debian and Ubuntu package Chromium under the first two names; hosted CI runners ship Chrome.
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@dataclass(frozen=True)
class Need:
    """A system package the project needs, how to tell it is there, and what it is for."""

    package: str
    purpose: str
    present: Callable[[], bool]


NEEDS = (
    Need("chromium", "the browser tests", lambda: any(shutil.which(name) for name in BROWSERS)),
    Need(
        "wordnet-base",
        "the paraphrase check",
        lambda: wordnet_dir().joinpath("index.noun").is_file(),
    ),
    Need("default-jre-headless", "the HTML checker", lambda: shutil.which("java") is not None),
    Need("npm", "installing the HTML checker", lambda: shutil.which("npm") is not None),
)


def main() -> int:
    """Install what is missing from the system's packages, when we are allowed to."""
    missing = [need for need in NEEDS if not need.present()]
    if not missing:
        return 0
    packages = [need.package for need in missing]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing from the system's packages: {', '.join(packages)}.")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env)
        missing = [need for need in missing if not need.present()]
        if not missing:
            return 0
    for need in missing:
        print(f"{need.package} is needed for {need.purpose} but is not installed.", file=sys.stderr)
    print(
        "Install with your system's package manager, for example on Debian or Ubuntu:\n\n"
        f"    sudo apt-get install {' '.join(need.package for need in missing)}\n\n"
        "then run the command again.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
