"""Which files in docs/ and data/ may be published: no links, only allowed types, no host files."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from macros.problems import Problem

# Markdown pages and raster images; everything else in docs/ would be published byte for byte,
# so scripts, HTML, SVG (which can hold script) and unknown types are refused.
PAGE_SUFFIX = ".md"
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})
# Other names MkDocs also builds as Markdown pages; one spelling keeps one set of checks.
OTHER_MARKDOWN = frozenset({".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext"})
# Files that static hosts read as their own configuration, wherever they sit (lower case).
HOST_FILES = frozenset(
    {
        "_headers", "_redirects", "_routes.json", "_config.yml", "cname", ".nojekyll",
        "netlify.toml", "vercel.json", "staticwebapp.config.json", "firebase.json",
        ".htaccess", "web.config", "robots.txt", "sitemap.xml", "404.html",
    }
)  # fmt: skip
# Top-level folders the theme and the build fill; a file there would replace theirs.
RESERVED_FOLDERS = frozenset({"assets", "search", "pdf", "downloads", "stylesheets", "javascripts"})


# Names are part of addresses, links and the "edit this page" link: lower-case words joined by
# hyphens, so no name can hold a quote, a space, a look-alike letter or an invisible character.
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def docs_files(docs_dir: Path) -> tuple[list[str], list[Problem]]:
    """Return the paths (relative, '/'-separated) of the files docs/ may publish, and problems."""
    return _walk(docs_dir, "docs", _docs_problem)


def data_files(data_dir: Path) -> list[Problem]:
    """Return a problem for every link or non-YAML file in data/."""
    return _walk(data_dir, "data", _data_problem)[1]


def _walk(
    folder: Path, name: str, judge: Callable[[PurePosixPath], str]
) -> tuple[list[str], list[Problem]]:
    allowed: list[str] = []
    problems: list[Problem] = []
    if not folder.is_dir() and not folder.is_symlink():
        return allowed, problems
    # The folder itself must be the repository's own: os.walk would follow a link at the top.
    if folder.is_symlink() or folder.resolve() != folder.parent.resolve() / folder.name:
        return allowed, [Problem(name, 0, "", LINK)]
    # os.walk does not follow links to folders; a link is refused before anything is read.
    for here, folders, files in os.walk(folder, followlinks=False):
        base = Path(here)
        for entry in sorted([*folders, *files]):
            path = base / entry
            relative = path.relative_to(folder).as_posix()
            problem = _entry_problem(path, judge, PurePosixPath(relative))
            if problem:
                problems.append(Problem(f"{name}/{relative}", 0, "", problem))
                folders[:] = [f for f in folders if f != entry]  # nothing inside it is read
            elif path.is_file():
                allowed.append(relative)
        folders.sort()
    return sorted(allowed), problems


def _entry_problem(
    path: Path, judge: Callable[[PurePosixPath], str], relative: PurePosixPath
) -> str:
    """Return why one entry of the folder is refused, or '' for an allowed file or folder."""
    if path.is_symlink():
        return LINK
    if relative.name.startswith("."):
        return HIDDEN
    if path.is_dir():
        return "" if NAME.match(relative.name) else _rename(relative.name, "")
    if not path.is_file():
        return "This is not a plain file. Remove it."
    return judge(relative) or _name_problem(relative.name)


LINK = (
    "This is a link to another file or folder. Links are refused, as they could publish files "
    "from outside the repository. Put the real file here instead."
)


def _name_problem(name: str) -> str:
    """Return why a file's name is refused (its type already allowed), or ''."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or (NAME.match(stem) and suffix == suffix.lower()):
        return ""
    return _rename(stem, f".{suffix.lower()}")


def _rename(name: str, suffix: str) -> str:
    """Return the message for a name that is not lower-case words joined by hyphens."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    suggested = "-".join(re.findall(r"[a-z0-9]+", plain)) or "new-name"
    return (
        "Names may hold only lower-case letters, digits and hyphens (no spaces, capitals, "
        f"accents or other characters). Rename it to '{suggested}{suffix}'."
    )


HIDDEN = "Hidden files and folders (names starting with '.') do not belong here. Remove it."


def _docs_problem(path: PurePosixPath) -> str:
    suffix = path.suffix.lower()
    if path.name.lower() in HOST_FILES:
        return "Web hosts read a file with this name as their settings. Remove it."
    if len(path.parts) > 1 and path.parts[0].lower() in RESERVED_FOLDERS:
        return (
            f"The '{path.parts[0]}' folder belongs to the theme and the build; a file here could "
            "replace theirs. Put images beside the page that uses them."
        )
    if suffix in OTHER_MARKDOWN:
        return f"Name Markdown pages with '.md', not '{path.suffix}'. Rename it."
    if suffix == ".svg":
        return "SVG images can hold script, so they are not published. Save it as a PNG."
    if path.suffix != PAGE_SUFFIX and suffix not in IMAGE_SUFFIXES:
        allowed = ", ".join(sorted(IMAGE_SUFFIXES))
        return (
            "Only Markdown pages (.md) and images "
            f"({allowed}) are published from docs/. Remove this file."
        )
    return ""


def _data_problem(path: PurePosixPath) -> str:
    if path.suffix != ".yml":
        return "Only .yml files belong here. Rename it to end in .yml, or remove it."
    return ""
