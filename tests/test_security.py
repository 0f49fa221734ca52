"""Security: the sandbox, the sanitiser, the hosting headers, and injected text in a browser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve
from markupsafe import Markup
from playwright.sync_api import Browser, Locator, Page, expect
from test_browser import PAGE_TYPES

from macros.headers import content_security_policy, headers_for_site, inline_script_hashes
from macros.navigation import read_config
from macros.problems import ContentError
from macros.sandbox import parse_template, render
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


SIGNATURES = {"cite": ("report_id",), "related": ()}


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cite.__globals__['os'] }}",
        "{{ cite.__code__ }}",
        "{{ config }}",
        "{{ cite|attr('__globals__') }}",
        "{{ '{0.__globals__}'.format(cite) }}",
        "{{ 9**9**9 }}",
        "{{ cite(related) }}",
        "{% set x = 1 %}",
    ],
)
def test_the_page_template_refuses_everything_but_macro_calls(payload: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse_template(f"text\n{payload}\n", "docs/x.md", 3, SIGNATURES)
    assert [problem.line for problem in caught.value.problems] == [5]


def test_rendering_calls_only_the_macros_with_literal_text() -> None:
    calls: list[tuple[str, str]] = []

    def cite(report_id: str) -> str:
        calls.append(("cite", report_id))
        return Markup(f"[{report_id}]")  # noqa: S704 (a str subclass, as real macros may return)

    parts = parse_template('A {{ cite("a") }} and {{ related() }}.\n', "docs/x.md", 0, SIGNATURES)
    text = render(parts, {"cite": cite, "related": lambda: "R"}, "docs/x.md")
    assert text == "A [a] and R.\n"
    assert type(text) is str
    assert calls == [("cite", "a")]


def test_a_macro_that_returns_anything_but_text_is_refused() -> None:
    parts = parse_template("{{ related() }}", "docs/x.md", 0, SIGNATURES)
    with pytest.raises(ContentError, match="did not return text"):
        render(parts, {"related": lambda: 42}, "docs/x.md")


def test_the_sanitiser_keeps_content_and_removes_script() -> None:
    html = (
        '<h2 id="x">Title</h2><p class="kip" data-theme="trust">Text <abbr title="t">x</abbr></p>'
        '<script>alert(1)</script><img src="a.png" alt="A" onerror="alert(1)">'
        '<a href="javascript&#58;alert(1)">bad</a><a href="../page/">good</a>'
        '<iframe src="https://evil.example"></iframe><svg onload="alert(1)"></svg>'
    )
    clean = sanitise(html)
    for kept in ('id="x"', 'title="t"', 'alt="A"', 'href="../page/"'):
        assert kept in clean
    for removed in ("<script", "onerror", "javascript", "<iframe", "<svg", "onload", "data-"):
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
    # The practice examples' own index is loaded into the same search (the real content has few).
    page.goto(strict_site_url + "/")
    search(page, "care home visiting")
    example = page.locator(".md-search-result__item a[href$='/examples/care-home-visiting/']")
    expect(example).to_be_visible()
    assert page.evaluate("window.__violations") == []


# Hostile text in every field that ends up in an attribute or in <head>, written so that it
# passes the checks (they refuse tags, also entity-encoded ones): it must show as text.
TOOLTIP = (
    "Room ' onmouseover='window.__hacked=1' x=' to judge "
    "&amp;lt;img src=x onerror=window.__hacked=2&amp;gt;"
)
LINK_TITLE = "&lt;img src=x onerror=window.__hacked=3&gt; and 'quotes'"
LINK_TITLE_SHOWN = "<img src=x onerror=window.__hacked=3> and 'quotes'"
DESCRIPTION = 'Desc" http-equiv="refresh" content="0;url=/evil/'
SUMMARY = 'Sum" http-equiv="refresh" content="0;url=/evil/ &amp;lt;b&amp;gt;'


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with hostile text in the tooltip, a link title, a description, a summary."""
    folder = tmp_path_factory.mktemp("hostile")
    glossary = (FIXTURE_SITE / "data/glossary.yml").read_text(encoding="utf-8")
    page = (FIXTURE_SITE / "docs/chapter-one/first-page.md").read_text(encoding="utf-8")
    example = (FIXTURE_SITE / "data/examples/illustrative-example.yml").read_text(encoding="utf-8")
    files = {
        "data/glossary.yml": glossary.replace(
            "definition: Room to use your own judgement within agreed limits.",
            f"definition: {TOOLTIP}",
        ),
        "docs/chapter-one/first-page.md": page.replace(
            "description: A guidance page for the test suite.", f"description: {_yaml(DESCRIPTION)}"
        )
        + f'\n[Home page](../index.md "{LINK_TITLE}")\n',
        "data/examples/illustrative-example.yml": example.replace(
            "summary: A made-up housing team shows the idea.", f"summary: {_yaml(SUMMARY)}"
        ),
    }
    project = fixture_project(folder / "project", files=files)
    result = mkdocs_build(project, folder / "site")
    assert result.returncode == 0, result.output
    return folder / "site"


@pytest.fixture(scope="module", params=["with-policy", "without-policy"])
def hostile_url(request: pytest.FixtureRequest, hostile_site: Path) -> Iterator[str]:
    headers = {}
    if request.param == "with-policy":
        headers = {"Content-Security-Policy": content_security_policy(
            inline_script_hashes(
                (str(path), path.read_text(encoding="utf-8"))
                for path in hostile_site.rglob("*.html")
            )
        )}  # fmt: skip
    yield from serve(hostile_site, "", headers)


def _tooltip_of(page: Page, host: Locator) -> Locator:
    expect(host).to_have_attribute("aria-describedby", re.compile(r"\w"))
    return page.locator(f"#{host.get_attribute('aria-describedby')}")


@pytest.mark.browser
@pytest.mark.slow
def test_hostile_attribute_text_shows_literally_and_runs_nothing(
    browser: Browser, hostile_url: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(hostile_url + "/chapter-one/first-page/")
        description = page.locator('meta[name="description"]')
        expect(description).to_have_attribute("content", DESCRIPTION)
        # The page's own policy is the one <meta http-equiv> it may have: no refresh from text.
        expect(page.locator("meta[http-equiv]")).to_have_count(1)
        expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).to_have_count(1)
        # The glossary tooltip, on hover and on keyboard focus.
        term = page.locator("article abbr").first
        term.hover()
        tooltip = _tooltip_of(page, term)
        expect(tooltip).to_be_visible()
        expect(tooltip).to_contain_text("onmouseover='window.__hacked=1'")
        expect(tooltip.locator("img")).to_have_count(0)
        page.mouse.move(0, 0)
        term.focus()
        expect(_tooltip_of(page, term)).to_be_visible()
        # The link title's tooltip shows the angle brackets as text.
        link = page.locator("article a", has_text="Home page")
        link.hover()
        link_tooltip = _tooltip_of(page, link)
        expect(link_tooltip).to_contain_text(LINK_TITLE_SHOWN)
        expect(link_tooltip.locator("img")).to_have_count(0)
        page.wait_for_timeout(1500)  # a refresh written into <head> would have fired by now
        # The same page: Material's navigation.tracking may add the section scrolled to as #hash.
        assert page.url.split("#")[0].endswith("/chapter-one/first-page/")
        # The summary, in the page made from it and in the list of examples.
        page.goto(hostile_url + "/examples/illustrative-example/")
        expect(page.locator('meta[name="description"]')).to_have_attribute("content", SUMMARY)
        expect(page.locator("article")).to_contain_text('Sum" http-equiv="refresh"')
        page.goto(hostile_url + "/examples/")
        expect(page.locator("article")).to_contain_text('Sum" http-equiv="refresh"')
        page.wait_for_timeout(1500)
        assert page.url.endswith("/examples/")
        assert page.evaluate("window.__hacked") is None
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
