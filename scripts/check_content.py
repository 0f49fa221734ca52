"""Check a contribution quickly: the content checks and a strict build of the pages, side by side.

`make check-content` runs this. Both steps always run (on the machine's two cores at once), so
one run reports every problem a contributor can fix; it builds no PDFs and no offline copy.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build import ENV, build  # noqa: E402


def check_content(root: Path) -> int:
    """Run both steps on the handbook in `root`; print the build's log, then the checks' report."""
    with tempfile.TemporaryFile() as report:
        checks = subprocess.Popen(
            [sys.executable, "-m", "macros.checks"],
            cwd=root,
            env={**ENV, "PYTHONPATH": str(ROOT)},
            stdout=report,
            stderr=subprocess.STDOUT,
        )
        try:
            built = build(root, pdf=False, offline=False)
        finally:
            checks.wait()
        report.seek(0)
        print("\n" + report.read().decode("utf-8", errors="replace"), end="")
    if built or checks.returncode:
        print("Fix the problems above, then run `make check-content` again.")
        return 1
    return 0


def main() -> int:
    """Run the check from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the handbook's folder")
    return check_content(parser.parse_args().root.resolve())


if __name__ == "__main__":
    sys.exit(main())
