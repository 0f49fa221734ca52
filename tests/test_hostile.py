"""Hostile and broken input: a clear message and a failed build, never a traceback, a hang,
code run, or a changed site."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from sites import (
    fingerprint,
    fixture_project,
    fixture_text,
    page_with,
    publish,
    replace,
)

pytestmark = pytest.mark.slow

MARKER = "HACKED"  # a payload that ran would create this file in the project folder
PAGE = "docs/chapter-one/first-page.md"
EXAMPLE = "data/examples/documented-example.yml"
ILLUSTRATIVE = "data/examples/illustrative-example.yml"
REPORT = "data/reports/test-report.yml"
ORGANISATION = "data/organisations/test-council.yml"
GLOSSARY = "data/glossary.yml"
VOCABULARIES = "data/vocabularies.yml"


@dataclass(frozen=True)
class Case:
    """A file to write (or bytes), which file the message must name, and whether it has a line."""

    name: str
    file: str
    content: str | bytes
    has_line: bool = True


def touch(payload: str) -> str:
    return payload.replace("CMD", f"touch {MARKER}")


TEMPLATE_INJECTION = {
    "cycler-globals": "{{ cycler.__init__.__globals__.os.popen('CMD').read() }}",
    "self-builtins": "{{ self.__init__.__globals__.__builtins__.__import__('os').system('CMD') }}",
    "config-class": "{{ config.__class__.__init__.__globals__['os'].system('CMD') }}",
    "string-subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "for-subclasses": "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "lipsum-os": "{{ lipsum.__globals__['os'].popen('CMD').read() }}",
    "namespace-escape": "{{ namespace.__init__.__globals__.os.system('CMD') }}",
    "attr-filter": "{{ cite('test-report'|attr('__class__')) }}",
    "include-file": "{% include '/etc/passwd' %}",
    "import-module": "{% import 'os' as os %}{{ os.system('CMD') }}",
    "set-statement": "{% set x = cycler %}{{ x.__init__ }}",
    "unknown-variable": "{{ environment }}",
    "unknown-macro": "{{ exec('CMD') }}",
    "non-literal-argument": "{{ example_card(example_id=cycler) }}",
    "concatenated-argument": '{{ cite("test-" ~ "report") }}',
    "wrong-argument-count": "{{ related(1, 2) }}",
    "wrong-argument-name": '{{ example_list(colour="red") }}',
    "unclosed-macro": '{{ cite("test-report" }}',
    "comment-smuggling": "{# {{ cycler.__init__ }} #}{{ cycler }}",
}

SCRIPT_INJECTION = {
    # record file, field line to replace, replacement line
    "example-title": (EXAMPLE, "title: A documented example", "title: <script>alert(1)</script>"),
    "example-summary": (EXAMPLE, "summary: A council tried something kind and wrote about it.",
                        "summary: Kind <img src=x onerror=alert(1)> work."),
    "example-place": (EXAMPLE, "place: Testville", "place: <iframe src=//evil.example></iframe>"),
    "example-context": (EXAMPLE, "context: The context.",
                        "context: <script>document.cookie</script>"),
    "example-what-they-did": (EXAMPLE, "what_they_did: What they did.",
                              "what_they_did: '[Click me](javascript:alert(1))'"),
    "example-what-changed": (EXAMPLE, "what_changed: What changed.",
                             "what_changed: '<a href=\"#\" onclick=\"alert(1)\">x</a>'"),
    "example-what-was-hard": (EXAMPLE, "what_was_hard: What was hard.",
                              "what_was_hard: '[x](vbscript:msgbox(1))'"),
    "example-try-it": (EXAMPLE, 'try_it_yourself: "- Try it."',
                       'try_it_yourself: "- <svg onload=alert(1)>"'),
    "example-source-title": (EXAMPLE, "  - title: A Report for Testing",
                             "  - title: <b onmouseover=alert(1)>Report</b>"),
    "example-source-url": (EXAMPLE, "    url: https://example.org/report",
                           '    url: "javascript:alert(1)"'),
    "example-owner": (EXAMPLE, "owner: Test editor", "owner: <style>*{display:none}</style>"),
    "example-template-code": (EXAMPLE, "what_changed: What changed.",
                              "what_changed: '{{ cycler.__init__.__globals__ }}'"),
    "illustrative-title": (ILLUSTRATIVE, "title: An illustrative example",
                           "title: <object data=x></object>"),
    "report-title": (REPORT, "title: A Report for Testing", "title: <script>alert(1)</script>"),
    "report-summary": (REPORT, "summary: A report that exists only for the test suite.",
                       "summary: '<img src=x onerror=alert(1)>'"),
    "report-key-idea": (REPORT, "  - Tests need data.", "  - <script>alert(1)</script>"),
    "report-author": (REPORT, "authors: [Ann Author]", "authors: ['<script>x</script>']"),
    "report-url": (REPORT, "url: https://example.org/report", "url: javascript:alert(1)"),
    "organisation-name": (ORGANISATION, "name: Test Council", "name: <svg onload=alert(1)>"),
    "organisation-url": (ORGANISATION, "url: https://example.org/council",
                         "url: data:text/html,<script>alert(1)</script>"),
    "organisation-description": (ORGANISATION, "description: A council",
                                 "description: <script>alert(1)</script> A council"),
    "glossary-definition": (GLOSSARY, "definition: Room to use your own judgement",
                            "definition: <script>alert(1)</script> Room"),
    "vocabulary-label": (VOCABULARIES, "label: Trust", "label: <script>alert(1)</script>"),
}  # fmt: skip


def _cases() -> list[Case]:
    cases = [
        Case(f"template-{name}", PAGE, page_with(PAGE, touch(body)))
        for name, body in TEMPLATE_INJECTION.items()
    ]
    cases += [
        Case(f"script-{name}", file, replace(file, old, new))
        for name, (file, old, new) in SCRIPT_INJECTION.items()
    ]
    cases += [
        Case(
            "front-matter-template", PAGE, replace(PAGE, "title: First page", 'title: "{{ 7*7 }}"')
        ),
        Case(
            "front-matter-script",
            PAGE,
            replace(PAGE, "title: First page", "title: <script>x</script>"),
        ),
        Case(
            "front-matter-broken",
            PAGE,
            replace(PAGE, "description: A guidance", "description: [A guidance"),
        ),
        Case("front-matter-list", PAGE, "---\n- a\n- b\n---\n\n# First page\n"),
        Case("front-matter-missing", PAGE, "# First page\n\nNo front matter.\n"),
        Case("yaml-alias-bomb", EXAMPLE, _alias_bomb()),
        Case(
            "yaml-too-large",
            EXAMPLE,
            fixture_text(EXAMPLE) + "# " + "x" * 300_000 + "\n",
            has_line=False,
        ),
        Case("yaml-deep-nesting", EXAMPLE, "id: " + "[" * 5000 + "]" * 5000 + "\n"),
        Case(
            "yaml-not-utf8",
            EXAMPLE,
            fixture_text(EXAMPLE).encode().replace(b"The context.", b"Caf\xe9."),
        ),
        Case("yaml-byte-order-mark", EXAMPLE, b"\xef\xbb\xbf" + fixture_text(EXAMPLE).encode()),
        Case("yaml-tabs", EXAMPLE, fixture_text(EXAMPLE).replace("  from: 2018", "\tfrom: 2018")),
        Case("yaml-empty", EXAMPLE, ""),
        Case(
            "yaml-python-tag",
            EXAMPLE,
            fixture_text(EXAMPLE) + "x: !!python/object/apply:os.system ['CMD']\n",
        ),
        Case(
            "markdown-not-utf8",
            PAGE,
            fixture_text(PAGE).encode().replace(b"Some discretion", b"Caf\xe9"),
        ),
        Case("markdown-byte-order-mark", PAGE, b"\xef\xbb\xbf" + fixture_text(PAGE).encode()),
    ]
    return cases


def _alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


CASES = _cases()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good build of the fixture site, to check that a failed build leaves it alone."""
    folder = tmp_path_factory.mktemp("published")
    project = fixture_project(folder / "project")
    assert publish(project, folder / "site", pdf=False, offline=False) == 0
    return folder / "site"


def test_there_are_at_least_forty_hostile_inputs() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_fails_cleanly(
    case: Case, published: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    project = fixture_project(tmp_path / "project")
    target = tmp_path / "site"
    shutil.copytree(published, target)
    before = fingerprint(target)
    path = project / case.file
    content = touch(case.content) if isinstance(case.content, str) else case.content
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")

    code = publish(project, target, pdf=False, offline=False)

    output = capfd.readouterr()
    printed = output.out + output.err
    assert code != 0
    assert f"In {case.file}:" in printed, printed[-2000:]
    problem_lines = printed.split(f"In {case.file}:", 1)[1].splitlines()[1:2]
    if case.has_line:
        assert problem_lines
        assert problem_lines[0].startswith("  - line "), problem_lines
    assert "Traceback" not in printed
    assert not (project / MARKER).exists()
    assert not list(tmp_path.rglob(MARKER))
    assert fingerprint(target) == before
