"""Files made at build time for readers to download (PDFs, the offline copy) and where they show."""

from __future__ import annotations

import json
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

# The folder the offline copy unpacks into.
ROOT_IN_ZIP = "kindness-in-practice"
OFFLINE_ZIP = "downloads/kindness-in-practice-offline.zip"


@dataclass(frozen=True)
class Download:
    """One file to download: where it goes in the site, what it is, and which page offers it."""

    uri: str  # its path within the site, such as "pdf/kindness-and-risk.pdf"
    label: str  # what the link says
    kind: str  # "PDF" or "ZIP"
    size_bytes: int
    page: str  # the docs page that offers it, such as "kindness-and-risk/index.md"
    file: str  # where the built file is now, to copy into the site
    pages: int | None = None

    @property
    def description(self) -> str:
        """Return what a reader needs to decide: type, length and size."""
        parts = [self.kind]
        if self.pages is not None:
            parts.append(f"{self.pages} pages")
        parts.append(size_text(self.size_bytes))
        return ", ".join(parts)


def size_text(size: int) -> str:
    """Return a file size the way people read it: KB below a megabyte, then MB."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def write_manifest(path: Path, downloads: list[Download]) -> None:
    """Record the downloads a build made, for the build that publishes them."""
    path.write_text(json.dumps([asdict(d) for d in downloads], indent=2), encoding="utf-8")


def read_manifest(path: Path) -> list[Download]:
    """Return the downloads recorded by `write_manifest`."""
    return [Download(**item) for item in json.loads(path.read_text(encoding="utf-8"))]


def offered_on(page: str, downloads: list[Download]) -> list[Download]:
    """Return the downloads a page offers."""
    return [download for download in downloads if download.page == page]


def zip_folder(folder: Path, target: Path, date_time: tuple[int, int, int, int, int, int]) -> None:
    """Zip a folder in a fixed order with one timestamp, so the same files make the same zip."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(
                f"{ROOT_IN_ZIP}/{path.relative_to(folder).as_posix()}", date_time
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
