"""Images in docs/ are what their names say, and small enough for any reader's device to show.

Pillow (already installed for the PDF step) reads only each file's header: its type from the
first bytes, and its size in pixels. No image is decoded, so a hostile file costs nothing.
"""

from __future__ import annotations

import warnings
from pathlib import Path, PurePosixPath

from PIL import Image

from macros.problems import Problem

# The type each allowed name ending must hold, as Pillow names it.
IMAGE_FORMATS = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".gif": "GIF",
    ".webp": "WEBP",
    ".avif": "AVIF",
}
# A photo from a phone is about 12 megapixels; 25 leaves room and stops images that would take
# a reader's browser hundreds of megabytes to show (13,000 x 13,000 is 169 megapixels).
MAX_PIXELS = 25_000_000


def image_problems(docs_dir: Path, files: list[str]) -> list[Problem]:
    """Return a problem for each image in `files` that is not its named type or is too large."""
    problems = []
    for relative in files:
        expected = IMAGE_FORMATS.get(PurePosixPath(relative).suffix.lower())
        if expected is None:
            continue
        message = _image_problem(docs_dir / relative, expected)
        if message:
            problems.append(Problem(f"docs/{relative}", 0, "", message))
    return problems


def _image_problem(path: Path, expected: str) -> str:
    """Return why the image at `path` is refused, or ''."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # Pillow only warns about very large images
            with Image.open(path, formats=list(set(IMAGE_FORMATS.values()))) as image:
                found, (width, height) = image.format, image.size
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return _too_large()
    except (OSError, SyntaxError, ValueError, Warning):
        return (
            f"This file is not a {expected} image, though its name says so. Save the image "
            "again as that type, or give it the ending of its real type."
        )
    if found != expected:
        return (
            f"This file holds a {found} image, but its name says {expected}. Rename it to end "
            f"in {_ending(found)}."
        )
    if width * height > MAX_PIXELS:
        return _too_large(width, height)
    return ""


def _too_large(width: int = 0, height: int = 0) -> str:
    size = f" ({width:,} x {height:,} pixels)" if width else ""
    return (
        f"This image is too large{size}: images may have {MAX_PIXELS // 1_000_000} million "
        "pixels at most. Make it smaller, for example 2,000 pixels wide."
    )


def _ending(found: str | None) -> str:
    endings = [ending for ending, name in IMAGE_FORMATS.items() if name == found]
    return f"'{endings[0]}'" if endings else "one of " + ", ".join(IMAGE_FORMATS)
