"""Every route by which a contribution could run code, publish outside files, put script in a
reader's page or stall the build, tried as an attacker who has read the code would try it.

Each case builds a copy of the fixture site with `make build`'s script and checks the exit code,
the message (file, and line where the file has lines), that no traceback was printed, that no
payload created its marker file, that no byte of a file outside the repository was published,
and that a failed build left the published site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.checks.__main__ import content_problems
from macros.problems import format_report

from sites import (
    fingerprint,
    fixture_project,
    fixture_text,
    page_with,
    publish,
    replace,
)

pytestmark = pytest.mark.slow

PAGE = "docs/chapter-one/first-page.md"
INDEX = "docs/chapter-one/index.md"
EXAMPLE = "data/examples/illustrative-example.yml"
REPORT = "data/reports/test-report.yml"
GLOSSARY = "data/glossary.yml"
ORGANISATION = "data/organisations/test-council.yml"
SECRET = "OUTSIDE-THE-REPOSITORY-7f3a9c"  # noqa: S105 (not a password) the content of a file outside the project
SECONDS = 120  # every hostile build must end within this time (the page limit is 20 s)


Check = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """Files to write or link, the file the message must name, or a check on a finished site."""

    name: str
    file: str  # the file the message must name ("" when the build must succeed)
    files: dict[str, str | bytes] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # path -> target ("OUTSIDE/..." or abs)
    remove: tuple[str, ...] = ()
    has_line: bool = True
    check: Check | None = None  # for cases that must build: what the published site must hold


def touch(payload: str, marker: Path) -> str:
    return payload.replace("CMD", f"touch {marker}")


# --- 1. Code: pages and data reach Python through nothing ---------------------------------
# Every object mkdocs-macros used to put in the context, and Jinja's own globals, filters and
# string formatting, each tried as a way into `os`.
CODE = {
    "config-globals": "{{ config.__class__.__init__.__globals__['os'].system('CMD') }}",
    "page-globals": "{{ page.__init__.__globals__['os'].system('CMD') }}",
    "files-globals": "{{ files.__class__.__init__.__globals__['os'].system('CMD') }}",
    "navigation-globals": "{{ navigation.__init__.__globals__['os'].system('CMD') }}",
    "environment-globals": "{{ environment.__class__.__init__.__globals__.os.system('CMD') }}",
    "plugin-env": "{{ plugin.env.from_string('{{ 1 }}').module }}",
    "macros-info": "{{ macros_info() }}",
    "context-macro": "{{ context() }}",
    "now-macro": "{{ now().__class__.__init__.__globals__ }}",
    "fix-url-globals": "{{ fix_url.__globals__['os'].system('CMD') }}",
    "macro-globals": "{{ cite.__globals__['os'].system('CMD') }}",
    "macro-closure": "{{ cite.__closure__[0].cell_contents.conf }}",
    "macro-getitem": "{{ cite['__globals__'] }}",
    "result-attribute": '{{ cite("test-report").__class__.__mro__ }}',
    "lipsum-globals": "{{ lipsum.__globals__['os'].popen('CMD').read() }}",
    "cycler-globals": "{{ cycler.__init__.__globals__.os.popen('CMD').read() }}",
    "joiner-globals": "{{ joiner.__init__.__globals__.os.system('CMD') }}",
    "namespace-globals": "{{ namespace.__init__.__globals__.os.system('CMD') }}",
    "attr-filter": "{{ cite|attr('__globals__') }}",
    "attr-filter-argument": "{{ cite('test-report'|attr('__class__')) }}",
    "format-string": "{{ '{0.__globals__}'.format(cite) }}",
    "percent-format": '{{ cite("%s" % cite) }}',
    "star-arguments": '{{ cite(*["test-report"]) }}',
    "double-star-arguments": '{{ cite(**{"report_id": "test-report"}) }}',
    "filter-on-result": '{{ cite("test-report")|safe }}',
    "conditional": '{{ cite("test-report") if cycler else 1 }}',
    "set-block": "{% set x = cite %}{{ x }}",
    "macro-block": "{% macro m() %}{{ cycler }}{% endmacro %}{{ m() }}",
    "call-block": "{% call cite('a') %}x{% endcall %}",
    "include-file": "{% include '/etc/passwd' %}",
    "self-reference": "{{ self.__init__.__globals__.__builtins__ }}",
    "undefined-name": "{{ secret_key }}",
}

# --- 2. One view: MkDocs reads exactly what the checks read -------------------------------
BAD_DATE = "owner: 2026-02-30"  # text to the checks' reader, a broken date to MkDocs' reader


def _one_view(marker: Path) -> list[Case]:
    payload = touch("{{ cycler.__init__.__globals__.os.system('CMD') }}", marker)
    crlf = page_with(PAGE, payload).replace("\n", "\r\n")
    return [
        Case("markdown-extension", "docs/chapter-one/other.markdown", {
            "docs/chapter-one/other.markdown": page_with(PAGE, payload)}, has_line=False),
        Case("mdown-extension", "docs/chapter-one/other.mdown", {
            "docs/chapter-one/other.mdown": page_with(PAGE, payload)}, has_line=False),
        Case("upper-case-md", "docs/chapter-one/OTHER.MD", {
            "docs/chapter-one/OTHER.MD": page_with(PAGE, payload)}, has_line=False),
        Case("linked-folder-of-pages", "docs/linked", links={"docs/linked": "OUTSIDE/pages"},
             has_line=False),
        Case("hidden-folder", "docs/.hidden", {"docs/.hidden/page.md": page_with(PAGE, payload)},
             has_line=False),
        Case("crlf-front-matter-with-payload", PAGE, {PAGE: crlf}),
        Case("old-mac-line-endings-with-payload", PAGE, {PAGE: page_with(PAGE, payload).replace(
            "\n", "\r")}),
        Case("byte-order-mark-with-payload", PAGE, {PAGE: b"\xef\xbb\xbf" + page_with(PAGE,
            payload).encode()}),
        Case("front-matter-mkdocs-cannot-read", PAGE, {PAGE: replace(
            PAGE, "owner: Test editor", BAD_DATE) + payload + "\n"}),
        Case("front-matter-invalid-date-in-text", INDEX, {INDEX: fixture_text(INDEX).replace(
            "chapter: 1", "chapter: 1\nowner: 2026-13-45") + payload + "\n"}),
        Case("line-separator-in-front-matter", PAGE, {PAGE: replace(
            PAGE, "title: First page", "title: First\u2028page")}),
        Case("line-separator-in-body", PAGE, {PAGE: page_with(PAGE, "text\u2029" + payload)}),
        Case("front-matter-only-dashes", PAGE, {PAGE: "---\n---\n" + payload + "\n"}),
        Case("front-matter-in-multimarkdown-style", PAGE, {
            PAGE: "title: First page\ndescription: x\n\n" + payload + "\n"}),
        Case("front-matter-asks-macros-plugin-to-render", PAGE, {PAGE: replace(
            PAGE, "owner: Test editor", "owner: Test editor\nrender_macros: true") + payload}),
        Case("front-matter-picks-redirect-template", PAGE, {PAGE: replace(
            PAGE, "owner: Test editor",
            "owner: Test editor\ntemplate: redirect.html\nlocation: https://evil.example/")}),
        Case("generated-page-non-bmp-title", "", {EXAMPLE: replace(
            EXAMPLE, "title: An illustrative example", 'title: "Kind \\U0001F600 act"')},
             check=_title_is("examples/illustrative-example/index.html", "Kind \U0001f600 act")),
        Case("generated-page-control-characters", "", {EXAMPLE: replace(
            EXAMPLE, "summary: A made-up housing team shows the idea.",
            'summary: "A made-up team\\u00a0\\ufeff shows --- the idea: yes # no."')},
             check=_no_front_matter_text("examples/illustrative-example/index.html")),
    ]  # fmt: skip


def _title_is(path: str, title: str) -> Check:
    def check(site: Path) -> None:
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        heading = soup.find("h1")
        assert heading is not None
        assert heading.get_text(strip=True).rstrip("\u00b6") == title
        assert "render_macros" not in soup.get_text()

    return check


def _no_front_matter_text(path: str) -> Check:
    def check(site: Path) -> None:
        page = (site / path).read_text(encoding="utf-8")
        assert "render_macros" not in page
        assert "last_reviewed:" not in page

    return check


# --- 3. Files: only pages and images from docs/, no links, no host settings ---------------
def _files(marker: Path) -> list[Case]:
    script = touch("<script>fetch('CMD')</script>", marker)
    return [
        Case("linked-file-outside", "docs/chapter-one/secret.png",
             links={"docs/chapter-one/secret.png": "OUTSIDE/secret.txt"}, has_line=False),
        Case("linked-process-environment", "docs/environ.md",
             links={"docs/environ.md": "/proc/self/environ"}, has_line=False),
        Case("linked-data-file", "data/examples/linked.yml",
             links={"data/examples/linked.yml": "OUTSIDE/secret.txt"}, has_line=False),
        Case("linked-data-folder", "data/more", links={"data/more": "OUTSIDE/pages"},
             has_line=False),
        Case("html-page-with-script", "docs/evil.html", {"docs/evil.html": script},
             has_line=False),
        Case("javascript-file", "docs/chapter-one/x.js", {"docs/chapter-one/x.js": "alert(1)"},
             has_line=False),
        Case("replace-theme-script", "docs/assets/javascripts/filters.js",
             {"docs/assets/javascripts/filters.js": "alert(1)"}, has_line=False),
        Case("replace-theme-image", "docs/assets/images/favicon.png",
             {"docs/assets/images/favicon.png": b"\x89PNG\r\n"}, has_line=False),
        Case("svg-image", "docs/chapter-one/logo.svg",
             {"docs/chapter-one/logo.svg": "<svg onload='alert(1)'/>"}, has_line=False),
        Case("redirects-file", "docs/_redirects", {"docs/_redirects": "/* https://evil 301"},
             has_line=False),
        Case("headers-file", "docs/_headers", {"docs/_headers": "/*\n  X: y\n"}, has_line=False),
        Case("cname-file", "docs/CNAME", {"docs/CNAME": "evil.example"}, has_line=False),
        Case("nojekyll-file", "docs/.nojekyll", {"docs/.nojekyll": ""}, has_line=False),
        Case("netlify-settings", "docs/netlify.toml", {"docs/netlify.toml": "[build]"},
             has_line=False),
        Case("not-found-page", "docs/404.html", {"docs/404.html": script}, has_line=False),
        Case("non-yaml-data-file", "data/examples/notes.txt", {"data/examples/notes.txt": "x"},
             has_line=False),
    ]  # fmt: skip


# --- 4. Attributes and <head>: text stays text ----------------------------------------------
REFRESH = '" http-equiv="refresh" content="0;url=https://evil.example/'


def _attributes(marker: Path) -> list[Case]:
    del marker
    return [
        Case("page-description-breaks-out", "", {PAGE: replace(
            PAGE, "description: A guidance page for the test suite.",
            f"description: '{REFRESH}'")},
             check=_meta_is("chapter-one/first-page/index.html", REFRESH)),
        Case("summary-breaks-out", "", {EXAMPLE: replace(
            EXAMPLE, "summary: A made-up housing team shows the idea.",
            f"summary: '{REFRESH}'")},
             check=_meta_is("examples/illustrative-example/index.html", REFRESH)),
        Case("entity-quote-description", "", {PAGE: replace(
            PAGE, "description: A guidance page for the test suite.",
            "description: 'A &quot; http-equiv=&#34;refresh&#34; x'")},
             check=_meta_is("chapter-one/first-page/index.html",
                            "A &quot; http-equiv=&#34;refresh&#34; x")),
        Case("link-title-entities", "", {PAGE: page_with(PAGE,
            '[home](../index.md "&lt;img src=x onerror=alert(1)&gt;")')},
             check=_titles_hold_no_markup("chapter-one/first-page/index.html")),
        Case("link-title-numeric-entities", "", {PAGE: page_with(PAGE,
            '[home](../index.md "&#60;img src=x onerror=alert(1)&#x3e;")')},
             check=_titles_hold_no_markup("chapter-one/first-page/index.html")),
        Case("glossary-definition-entities", GLOSSARY, {GLOSSARY: replace(
            GLOSSARY, "definition: Room to use your own judgement within agreed limits.",
            "definition: Room &lt;img src=x onerror=alert(1)&gt; within limits.")}),
        Case("glossary-definition-numeric", GLOSSARY, {GLOSSARY: replace(
            GLOSSARY, "definition: Room to use your own judgement within agreed limits.",
            "definition: Room &#x3C;img src=x onerror=alert(1)> within limits.")}),
        Case("page-title-closes-title", PAGE, {PAGE: replace(
            PAGE, "title: First page", "title: '&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;'")}),
        Case("record-title-entities", EXAMPLE, {EXAMPLE: replace(
            EXAMPLE, "title: An illustrative example",
            "title: '&#60;script&#62;x&#60;/script&#62;'")}),
        Case("record-title-line-break", EXAMPLE, {EXAMPLE: replace(
            EXAMPLE, "title: An illustrative example", 'title: "An example\\n\\n<script>x"')}),
        Case("record-title-markdown-break", EXAMPLE, {EXAMPLE: replace(
            EXAMPLE, "title: An illustrative example", 'title: "An example\\n# Injected"')}),
        Case("organisation-description-entities", ORGANISATION, {ORGANISATION: replace(
            ORGANISATION, "description: A council",
            "description: A council &lt;iframe src=//evil.example&gt;")}),
    ]  # fmt: skip


def _meta_is(path: str, description: str) -> Check:
    def check(site: Path) -> None:
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        # The page's own security policy is the only <meta http-equiv> it may hold.
        assert [m["http-equiv"] for m in soup.find_all("meta", attrs={"http-equiv": True})] == [
            "Content-Security-Policy"
        ]
        meta = soup.find("meta", attrs={"name": "description"})
        assert meta is not None
        assert meta["content"] == description

    return check


def _titles_hold_no_markup(path: str) -> Check:
    def check(site: Path) -> None:
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        titles = [tag["title"] for tag in soup.select("article [title]")]
        assert any("img src=x" in str(title) for title in titles), titles
        assert not [title for title in titles if "<" in str(title)], titles

    return check


# --- 5. Limits: every hostile shape ends within a bound, with a message -------------------
def _limits(marker: Path) -> list[Case]:
    del marker
    calls = "{{ related() }}\n" * 201
    return [
        Case("power-tower", PAGE, {PAGE: page_with(PAGE, "{{ 9**9**9**9 }}")}),
        Case("power-in-argument", PAGE, {PAGE: page_with(PAGE, "{{ cite(9**9**9) }}")}),
        Case("string-multiplication", PAGE, {PAGE: page_with(PAGE, "{{ cite('a' * 999999999) }}")}),
        Case("long-argument", PAGE, {PAGE: page_with(PAGE, '{{ cite("' + "a" * 300 + '") }}')}),
        Case("too-many-macros", PAGE, {PAGE: page_with(PAGE, calls)}),
        Case("deep-parentheses", PAGE, {PAGE: page_with(PAGE,
            "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}")}),
        Case("deep-list", PAGE, {PAGE: page_with(PAGE,
            "".join("    " * i + "- x\n" for i in range(300)))}),
        Case("deep-quotes", PAGE, {PAGE: page_with(PAGE, ">" * 5000 + " x")}),
        Case("bracket-run", PAGE, {PAGE: page_with(PAGE, "[" * 8000 + "x" + "]" * 8000)}),
        Case("brackets-across-lines", PAGE, {PAGE: page_with(PAGE, "[a\n" * 3000)}),
        Case("duplicate-headings", PAGE, {PAGE: page_with(PAGE, "## Same\n\n" * 5000)}),
        Case("nested-html", PAGE, {PAGE: page_with(PAGE,
            "<div markdown>\n" * 2000 + "x\n" + "</div>\n" * 2000)}),
        Case("nested-admonitions", PAGE, {PAGE: page_with(PAGE,
            "".join("    " * i + "!!! note\n" for i in range(200)))}),
        Case("very-long-line", PAGE, {PAGE: page_with(PAGE, "word " * 10000)}),
        Case("data-bracket-run", EXAMPLE, {EXAMPLE: replace(
            EXAMPLE, "context: The context.", "context: '" + "[" * 3000 + "'")}),
        Case("data-deep-list", EXAMPLE, {EXAMPLE: replace(
            EXAMPLE, 'try_it_yourself: "- Try it."',
            'try_it_yourself: "' + "".join("    " * i + "- x\\n" for i in range(40)) + '"')}),
        Case("page-too-large", PAGE, {PAGE: page_with(PAGE, "x" * 300_000)}, has_line=False),
    ]  # fmt: skip


# --- 6. Housekeeping ------------------------------------------------------------------------
def _housekeeping(marker: Path) -> list[Case]:
    del marker
    index = replace(EXAMPLE, "id: illustrative-example", "id: index")
    return [
        Case("record-id-index", "data/examples/index.yml", {"data/examples/index.yml": index},
             has_line=False),
        Case("report-id-index", "data/reports/index.yml", {"data/reports/index.yml": replace(
            REPORT, "id: test-report", "id: index")}, has_line=False),
        Case("cr-page-builds", "", {PAGE: fixture_text(PAGE).replace("\n", "\r")},
             check=_title_is("chapter-one/first-page/index.html", "First page")),
        Case("crlf-data-builds", "", {EXAMPLE: fixture_text(EXAMPLE).replace("\n", "\r\n")},
             check=_title_is("examples/illustrative-example/index.html",
                             "An illustrative example")),
        Case("crlf-page-builds", "", {PAGE: fixture_text(PAGE).replace("\n", "\r\n")},
             check=_title_is("chapter-one/first-page/index.html", "First page")),
        Case("data-url-with-template-code", "", {REPORT: replace(
            REPORT, "url: https://example.org/report",
            "url: https://example.org/{{cycler.__init__.__globals__.os.system('CMD')}}")},
             check=_report_links_literally),
    ]  # fmt: skip


def _report_links_literally(site: Path) -> None:
    page = (site / "reports/test-report/index.html").read_text(encoding="utf-8")
    assert "cycler" in page  # the address is published as text, never run


CLASSES: dict[str, Callable[[Path], list[Case]]] = {
    "one-view": _one_view,
    "files": _files,
    "attributes": _attributes,
    "limits": _limits,
    "housekeeping": _housekeeping,
}


def all_cases(marker: Path) -> list[tuple[str, Case]]:
    """Every case, with the class it belongs to."""
    cases = [
        ("code", Case(f"code-{name}", PAGE, {PAGE: page_with(PAGE, touch(body, marker))}))
        for name, body in CODE.items()
    ]
    for kind, make in CLASSES.items():
        cases += [(kind, case) for case in make(marker)]
    return cases


MARKER = Path("/nonexistent-marker")  # replaced per test; ids only need the names here
CASES = all_cases(MARKER)


def test_every_class_has_at_least_five_cases() -> None:
    kinds = [kind for kind, _ in CASES]
    assert len(CASES) >= 60
    assert len({case.name for _, case in CASES}) == len(CASES)
    for kind in ("code", *CLASSES):
        assert kinds.count(kind) >= 5, kind


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good build of the fixture site, to check that a failed build leaves it alone."""
    folder = tmp_path_factory.mktemp("published")
    project = fixture_project(folder / "project")
    assert publish(project, folder / "site", pdf=False, offline=False) == 0
    return folder / "site"


def outside_files(folder: Path) -> Path:
    """Files outside the project that a link could try to publish."""
    (folder / "pages").mkdir(parents=True)
    (folder / "secret.txt").write_text(f"id: x\n{SECRET}\n", encoding="utf-8")
    (folder / "pages" / "page.md").write_text(f"---\ntitle: {SECRET}\n---\n{SECRET}\n")
    (folder / "pages" / "secret.png").write_text(SECRET, encoding="utf-8")
    return folder


def holds_secret(folder: Path) -> list[str]:
    """Return the files under `folder` that hold a byte run of the outside file or the env."""
    environ = [value.encode() for value in os.environ.values() if len(value) > 40][:5]
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if SECRET.encode() in data or any(value in data for value in environ):
                found.append(str(path))
    return found


@pytest.mark.parametrize(("kind", "case"), CASES, ids=[f"{k}:{c.name}" for k, c in CASES])
def test_hostile_route_is_closed(
    kind: str, case: Case, published: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "MARKER"
    case = _with_marker(case, kind, marker)
    outside = outside_files(tmp_path / "outside")
    project = fixture_project(tmp_path / "project")
    target = tmp_path / "site"
    shutil.copytree(published, target)
    before = fingerprint(target)
    for relative, content in case.files.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    for relative in case.remove:
        (project / relative).unlink()
    for relative, link_target in case.links.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(link_target.replace("OUTSIDE", str(outside)))

    started = time.monotonic()
    code = publish(project, target, pdf=False, offline=False)
    elapsed = time.monotonic() - started

    output = capfd.readouterr()
    printed = output.out + output.err
    assert elapsed < SECONDS, f"took {elapsed:.0f} s"
    assert "Traceback" not in printed, printed[-3000:]
    assert not marker.exists()
    assert holds_secret(target) == []
    assert not list(project.glob(".site-*")), "the staging folder was left behind"
    if case.check is not None:
        assert code == 0, printed[-3000:]
        case.check(target)
        return
    assert code != 0
    assert f"In {case.file}" in printed, printed[-3000:]
    if case.has_line:
        after = printed.split(f"In {case.file}", 1)[1].splitlines()[1:2]
        assert after, printed[-2000:]
        assert after[0].startswith("  - line "), after
    assert fingerprint(target) == before
    # `make check` names the same problem, in the same words, before anything is built.
    report = format_report(content_problems(project, None))
    for line in printed.split(f"In {case.file}:", 1)[1].splitlines()[1:]:
        if not line.startswith("  - "):
            break
        assert line in report, (line, report[-2000:])


def _with_marker(case: Case, kind: str, marker: Path) -> Case:
    """Return the case rebuilt so its payloads point at this test's own marker file."""
    for other_kind, fresh in all_cases(marker):
        if other_kind == kind and fresh.name == case.name:
            return fresh
    raise AssertionError(case.name)
