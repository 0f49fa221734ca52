"""Build the site into a temporary folder; replace site/ only when the whole build succeeds."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(root: Path = ROOT, target: Path | None = None) -> int:
    """Run a strict build and swap the result into `target`; leave it untouched on failure."""
    target = target or root / "site"
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=root))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
            cwd=root,
            check=False,
        )
        if result.returncode != 0:
            print(f"\nThe build failed, so {target.name}/ was left as it was.", file=sys.stderr)
            return result.returncode
        retired = staging.with_name(staging.name + "-old")
        if target.exists():
            target.rename(retired)
        staging.rename(target)
        shutil.rmtree(retired, ignore_errors=True)
        print(f"Built the site into {target.name}/.")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(build())
