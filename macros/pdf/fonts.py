"""The chapter PDFs' typeface: Source Sans Pro, installed with the project, the same everywhere.

A face the stylesheet only names is whatever the machine has under that name, or a fallback;
the PDF would then depend on the machine that built it. The project installs its own (an OFL
font package in requirements.lock) and hands WeasyPrint the files.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from pathlib import Path

from macros.pages import environment

FAMILY = "Source Sans Pro"
FONT_DIR = Path(str(importlib.resources.files("font_source_sans_pro") / "files"))


@dataclass(frozen=True)
class Face:
    """One font file of the family, and the weight and style it sets."""

    file: str
    weight: str
    style: str

    @property
    def uri(self) -> str:
        """Return the file's address, for the stylesheet's @font-face rule."""
        return (FONT_DIR / self.file).as_uri()


# Hinted TrueType files: the regular and bold weights, each with its true italic.
FACES = (
    Face("SourceSansPro-Regular.ttf", "normal", "normal"),
    Face("SourceSansPro-It.ttf", "normal", "italic"),
    Face("SourceSansPro-Bold.ttf", "bold", "normal"),
    Face("SourceSansPro-BoldIt.ttf", "bold", "italic"),
)


def font_stylesheet() -> str:
    """Return the @font-face rules that load the family from the installed files."""
    template = environment().get_template("pdf/fonts.css.j2")
    return template.render(family=FAMILY, faces=FACES)
