"""The security policy every page carries in a <meta> element, for hosts without headers and
the offline copy: what it holds, and a browser showing it refuse an injected script."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import serve
from playwright.sync_api import Browser, expect

from macros.headers import (
    INLINE_SCRIPT,
    UnreviewedScriptError,
    content_security_policy,
    meta_policy,
    page_policy,
)

from browser import OffNetwork, search
from sites import ENV, ROOT

META = 'meta[http-equiv="Content-Security-Policy"]'
# Written into a built page as anything that slipped past every other layer would be.
INJECTED = (
    "<script>window.__injected = 'inline'</script>"
    '<img src="x" alt="" onerror="window.__injected = \'handler\'">'
)
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.__violations.push(event.violatedDirective);
});
"""


def test_the_meta_policy_leaves_out_what_only_a_header_can_carry() -> None:
    policy = meta_policy(content_security_policy(["'sha256-x'"]))
    assert "frame-ancestors" not in policy
    assert "default-src 'none'" in policy
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-x'" in policy


def test_a_page_with_an_unreviewed_inline_script_gets_no_policy() -> None:
    with pytest.raises(UnreviewedScriptError, match=r"x\.html"):
        page_policy("x.html", "<script>alert(1)</script>")


def _pages(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.find("meta", attrs={"http-equiv": "refresh"}) is None:  # not a redirect stub
            yield path.relative_to(site).as_posix(), soup


def test_every_page_carries_its_policy_before_any_script(built_site: Path) -> None:
    pages = list(_pages(built_site))
    assert len(pages) > 100
    for name, soup in pages:
        metas = soup.select(META)
        assert len(metas) == 1, name
        head = list(soup.head.find_all(name=True))
        first_script = next(i for i, element in enumerate(head) if element.name == "script")
        assert head.index(metas[0]) < first_script, name
        policy = metas[0]["content"]
        for script in INLINE_SCRIPT.findall(str(soup)):
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in policy, name
        assert "'unsafe-inline'" not in policy


def _inject(page: Path, *, keep_policy: bool = True) -> None:
    html = page.read_text(encoding="utf-8")
    html = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + INJECTED, html, count=1)
    if not keep_policy:
        html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    page.write_text(html, encoding="utf-8")


@pytest.fixture(scope="module")
def injected_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site with a script injected into two pages, one without its policy."""
    site = tmp_path_factory.mktemp("injected") / "site"
    shutil.copytree(built_site, site)
    _inject(site / "about" / "index.html")
    _inject(site / "glossary" / "index.html", keep_policy=False)  # the control
    return site


@pytest.fixture(scope="module")
def headerless_url(injected_site: Path) -> Iterator[str]:
    """The site as GitHub Pages serves it: files, and no security headers at all."""
    yield from serve(injected_site, "handbook")


@pytest.mark.browser
def test_the_page_policy_blocks_an_injected_script_without_any_headers(
    browser: Browser, headerless_url: str
) -> None:
    context = browser.new_context()
    off_network = OffNetwork()
    context.route("**/*", off_network)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    try:
        response = page.goto(headerless_url + "/about/")
        assert response is not None
        assert "content-security-policy" not in response.headers
        expect(page.locator("article h1")).to_be_visible()
        assert page.evaluate("typeof document$") == "object"  # the theme's own scripts ran
        page.wait_for_load_state("load")
        assert page.evaluate("window.__injected") is None
        # The injected script and handler, and nothing of the page's own, were refused.
        assert set(page.evaluate("window.__violations")) == {"script-src-elem", "script-src-attr"}
        # Control: the same injection on a page whose policy was taken out does run.
        page.goto(headerless_url + "/glossary/")
        page.wait_for_load_state("load")
        assert page.evaluate("window.__injected") in {"inline", "handler"}
        assert off_network.blocked == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy, built as `make build` builds it, with a script injected into two pages."""
    site = tmp_path_factory.mktemp("offline-policy") / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    result = subprocess.run(
        command, cwd=ROOT, env={**ENV, "OFFLINE": "true"}, capture_output=True, text=True,
        timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    _inject(site / "about.html")
    _inject(site / "glossary.html", keep_policy=False)
    return site


@pytest.mark.browser
def test_the_page_policy_blocks_an_injected_script_from_disk_and_search_works(
    browser: Browser, offline_copy: Path
) -> None:
    context = browser.new_context()
    off_network = OffNetwork()
    context.route("**/*", off_network)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    try:
        page.goto((offline_copy / "about.html").as_uri())
        expect(page.locator("article h1")).to_be_visible()
        page.wait_for_load_state("load")
        assert page.evaluate("window.__injected") is None
        assert set(page.evaluate("window.__violations")) == {"script-src-elem", "script-src-attr"}
        # Search runs in a frame the offline shim makes; under the policy it still works.
        search(page, "red tape")
        expect(page.locator(".md-search-result__item > a").first).to_be_visible()
        page.goto((offline_copy / "glossary.html").as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("window.__injected") in {"inline", "handler"}  # the control
        assert off_network.blocked == []
    finally:
        context.close()
