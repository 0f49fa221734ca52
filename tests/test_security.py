"""Security: the sandbox, the sanitiser, the hosting headers, and injected text in a browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from conftest import serve
from jinja2.sandbox import SecurityError
from playwright.sync_api import Browser, Page, expect
from test_browser import PAGE_TYPES

from macros.headers import headers_for_site
from macros.navigation import read_config
from macros.sandbox import sandboxed_environment
from macros.sanitise import sanitise

from browser import search
from sites import FIXTURE_SITE, ROOT, fixture_project, mkdocs_build

HEADERS_FILE = ROOT / "hosting" / "_headers"
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ example_card.__globals__['os'] }}",
        "{{ example_card.__code__ }}",
    ],
)
def test_the_sandbox_refuses_python_internals(payload: str) -> None:
    environment = sandboxed_environment({"example_card": lambda x: x}, jinja2.StrictUndefined)
    with pytest.raises((SecurityError, jinja2.UndefinedError)):
        environment.from_string(payload).render()


def test_the_sandbox_offers_only_the_macros() -> None:
    environment = sandboxed_environment({"cite": lambda x: f"[{x}]"}, jinja2.StrictUndefined)
    assert set(environment.globals) == {"cite"}
    assert environment.from_string('{{ cite("a") }}').render() == "[a]"


def test_the_sanitiser_keeps_content_and_removes_script() -> None:
    html = (
        '<h2 id="x">Title</h2><p class="kip" data-theme="trust">Text <abbr title="t">x</abbr></p>'
        '<script>alert(1)</script><img src="a.png" alt="A" onerror="alert(1)">'
        '<a href="javascript&#58;alert(1)">bad</a><a href="../page/">good</a>'
        '<iframe src="https://evil.example"></iframe><svg onload="alert(1)"></svg>'
    )
    clean = sanitise(html)
    for kept in ('id="x"', 'data-theme="trust"', 'title="t"', 'alt="A"', 'href="../page/"'):
        assert kept in clean
    for removed in ("<script", "onerror", "javascript", "<iframe", "<svg", "onload"):
        assert removed not in clean


def test_committed_headers_match_the_site(built_site: Path) -> None:
    assert HEADERS_FILE.read_text(encoding="utf-8") == headers_for_site(built_site), (
        "hosting/_headers is out of date: run `make headers`"
    )


def hosting_headers() -> dict[str, str]:
    lines = HEADERS_FILE.read_text(encoding="utf-8").splitlines()
    pairs = [line.strip().split(": ", 1) for line in lines if line.startswith("  ")]
    return dict(pairs)


@pytest.fixture(scope="module")
def strict_site_url(built_site: Path) -> Iterator[str]:
    mount = read_config(ROOT / "mkdocs.yml")["site_url"].rstrip("/").rsplit("/", 1)[-1]
    yield from serve(built_site, mount, hosting_headers())


@pytest.mark.browser
@pytest.mark.slow
def test_every_page_type_works_under_the_policy(page: Page, strict_site_url: str) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    for path in PAGE_TYPES.values():
        response = page.goto(strict_site_url + path)
        assert response is not None
        assert (
            "Content-Security-Policy" in response.headers
            or "content-security-policy" in response.headers
        )
        expect(page.locator("article h1")).to_be_visible()
        assert page.evaluate("window.__violations") == [], path
    page.goto(strict_site_url + "/examples/?theme=trust")
    expect(page.locator("details.kip-filter__panel")).to_have_attribute("open", "")
    search(page, "red tape")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert page.evaluate("window.__violations") == []


SNEAKY = {
    "title": "Quote\" breakout' onmouseover='window.__hacked=1' x=\"",
    "summary": "&lt;script&gt;window.__hacked=1&lt;/script&gt; and %3Cscript%3E",
    "context": "Entity link: [press](javascript&#58;window.__hacked=1) and `code`.",
    "place": "Town' autofocus onfocus='window.__hacked=1",
}


@pytest.fixture(scope="module")
def sneaky_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("sneaky")
    text = (FIXTURE_SITE / "data/examples/illustrative-example.yml").read_text(encoding="utf-8")
    for field, value in SNEAKY.items():
        lines = text.splitlines()
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        lines[index] = f'{field}: "{escaped}"'
        text = "\n".join(lines) + "\n"
    project = fixture_project(
        folder / "project",
        files={"data/examples/illustrative-example.yml": text},
        settings={"strict": False},
    )
    # The strict build already refuses the disguised script link; build leniently to show that
    # the sanitiser would remove it even if it got that far.
    result = mkdocs_build(project, folder / "site", strict=False)
    assert result.returncode == 0, result.output
    assert "javascript&#58;" in result.output, "the strict check should have flagged the link"
    yield from serve(folder / "site")


@pytest.mark.browser
@pytest.mark.slow
def test_injected_text_shows_literally_and_runs_nothing(browser: Browser, sneaky_site: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in ("/examples/illustrative-example/", "/examples/", "/chapter-one/first-page/"):
            page.goto(sneaky_site + path)
            page.mouse.move(200, 200)
            page.keyboard.press("Tab")
            assert page.evaluate("window.__hacked") is None, path
        page.goto(sneaky_site + "/examples/illustrative-example/")
        article = page.locator("article")
        expect(article.locator("h1")).to_contain_text(SNEAKY["title"])
        expect(article).to_contain_text("&lt;script&gt;window.__hacked=1&lt;/script&gt;")
        expect(article).to_contain_text("%3Cscript%3E")
        hrefs = article.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
        assert not [href for href in hrefs if href.lower().startswith("javascript")]
        assert dialogs == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def no_hashes_site_url(built_site: Path) -> Iterator[str]:
    mount = read_config(ROOT / "mkdocs.yml")["site_url"].rstrip("/").rsplit("/", 1)[-1]
    headers = hosting_headers()
    headers["Content-Security-Policy"] = "default-src 'self'"
    yield from serve(built_site, mount, headers)


@pytest.mark.browser
@pytest.mark.slow
def test_the_violation_check_sees_a_policy_without_the_hashes(
    page: Page, no_hashes_site_url: str
) -> None:
    # A control for the test above: without the hashes, Material's inline scripts are blocked.
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(no_hashes_site_url + "/")
    expect(page.locator("article h1")).to_be_visible()
    assert any("script-src" in item for item in page.evaluate("window.__violations"))
