"""Make sure a Chromium browser is installed for the browser tests, installing it if we can."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

# Debian and Ubuntu package Chromium under the first two names; hosted CI runners ship Chrome.
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HELP = """Chromium is needed for the browser tests but is not installed.
Install it with your system's package manager, for example on Debian or Ubuntu:

    sudo apt-get install chromium

then run `make test` again."""


def find() -> str | None:
    """Return the path of an installed Chromium, if any."""
    return next((path for name in NAMES if (path := shutil.which(name))), None)


def main() -> int:
    """Install Chromium from the system's packages when it is missing and we are allowed to."""
    if find():
        return 0
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Chromium is missing: installing it from the system's packages.")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
        if find():
            return 0
    print(HELP, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
