"""What content can make the theme's own scripts and templates do: attributes, ids and classes
from pages and data fields, tried as an attacker with a pull request would try them.

One fixture site holds every payload (a build per case would take the machine for minutes).
Each case first shows its payload reaches the HTML before the sanitiser, so the case tests
something; then that the built page holds none of it; then, in a real browser served with and
without the site's headers, that no page opens a dialog, moves the reader elsewhere, or sends
a request off this machine, and that the theme still reads its own configuration.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import serve
from playwright.sync_api import Browser

from macros.navigation import read_config

from browser import OffNetwork
from sites import ROOT, fixture_project, fixture_text, mkdocs_build, replace

pytestmark = pytest.mark.slow

PAGE = "docs/chapter-one/first-page.md"
PAGE_HTML = "chapter-one/first-page/index.html"
EXAMPLE = "data/examples/illustrative-example.yml"
EXAMPLE_HTML = "examples/illustrative-example/index.html"
TOKEN = "pwn"  # noqa: S105 (not a password) in every payload's value, so any that survives shows in an attribute
RUN = "window.__pwned=1;alert(1)"  # what a payload's script would do
ONE_PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


@dataclass(frozen=True)
class Payload:
    """Markdown a contribution adds, and a selector that must find nothing in the built page."""

    name: str
    markdown: str
    forbidden: str
    source: str = PAGE  # the page, or the data file whose Markdown field holds it


def _page(name: str, markdown: str, forbidden: str) -> Payload:
    return Payload(name, markdown, forbidden)


def _field(name: str, markdown: str, forbidden: str) -> Payload:
    return Payload(name, markdown, forbidden, EXAMPLE)


NOT_THE_THEMES = ":not(script):not(input)"
PAYLOADS = [
    # Theme-config hijack: an id the theme or a script looks up by id.
    _page("id-config-heading", "## Config one {: #__config }", f'[id="__config"]{NOT_THE_THEMES}'),
    _page("id-config-paragraph", "Text pwn.\n{: #__config }", f'[id="__config"]{NOT_THE_THEMES}'),
    _page("id-config-from-heading-text", "## __config", f'[id="__config"]{NOT_THE_THEMES}'),
    _page("id-search-toggle", "## Search one {: #__search }", f'[id="__search"]{NOT_THE_THEMES}'),
    _page("id-drawer-toggle", "## Drawer one {: #__drawer }", f'[id="__drawer"]{NOT_THE_THEMES}'),
    _page("id-toc-toggle", "## Toc one {: #__toc }", f'[id="__toc"]{NOT_THE_THEMES}'),
    _page("id-tabbed", "Tabs.\n{: #__tabbed_1_1 }", 'article [id="__tabbed_1_1"]'),
    _page("id-search-results", "## R {: #kip-search-results }", 'article [id^="kip-"]'),
    _page("id-global-mermaid", "Text.\n{: #mermaid }", '[id="mermaid"]'),
    _page(
        "id-breaks-out-of-toc",
        f"## Break {{: id='pwn\" autofocus onfocus=\"{RUN}' }}",
        "[autofocus], [onfocus], a[href*=pwn]",
    ),
    _page("id-uppercase", "## Upper {: #PwnUpper }", '[id="PwnUpper"]'),
    # Attributes the theme's scripts follow.
    _page(
        "md-component-source-link",
        '[Facts](https://example.org/facts){: data-md-component="source" }',
        "article [data-md-component]",
    ),
    _page(
        "md-component-paragraph",
        'Text.\n{: data-md-component="announce" }',
        "article [data-md-component]",
    ),
    _page(
        "md-color-scheme",
        'Text.\n{: data-md-color-scheme="pwn" }',
        "article [data-md-color-scheme]",
    ),
    _page(
        "kip-filter-settings",
        'Text.\n{: data-kip-filter="" data-kip-data="https://evil.example/pwn.js" }',
        '[data-kip-data*="pwn"], article p[data-kip-filter]',
    ),
    _page("kip-search-box", 'Text.\n{: data-kip-search="pwn" }', "article [data-kip-search]"),
    _page(
        "pagefind-meta",
        'Text.\n{: data-pagefind-meta="title:pwn" }',
        "article [data-pagefind-meta]",
    ),
    _page("pagefind-body", 'Text.\n{: data-pagefind-body="pwn" }', "article [data-pagefind-body]"),
    # Attributes that run, move focus, submit or save.
    _page("onclick", f'Text.\n{{: onclick="{RUN}" }}', "[onclick]"),
    _page("onmouseover-link", f'[Here](../index.md){{: onmouseover="{RUN}" }}', "[onmouseover]"),
    _page(
        "autofocus-onfocus", f'Text.\n{{: autofocus="" onfocus="{RUN}" }}', "[autofocus], [onfocus]"
    ),
    _page(
        "style", 'Text.\n{: style="background:url(https://evil.example/pwn)" }', "article [style]"
    ),
    _page("download", '[Get](../index.md){: download="pwn.exe" }', "a[download]"),
    _page(
        "formaction", '[Go](../index.md){: formaction="https://evil.example/pwn" }', "[formaction]"
    ),
    _page("form-attribute", '[Go](../index.md){: form="pwn" }', "article [form]"),
    _page("target", '[Go](../index.md){: target="pwn" }', "article [target]"),
    _page("name-clobbers", '[Go](../index.md){: name="querySelector" }', "article a[name]"),
    _page("ping", '[Go](../index.md){: ping="https://evil.example/pwn" }', "[ping]"),
    _page("popover", 'Text.\n{: popover="" id="pop" }', "[popover]"),
    _page("tabindex", 'Text.\n{: tabindex="1" }', "article p[tabindex]"),
    _page("contenteditable", 'Text.\n{: contenteditable="true" }', "[contenteditable]"),
    _page(
        "aria-describedby", 'Text.\n{: aria-describedby="__config" }', "article [aria-describedby]"
    ),
    # Addresses.
    _page(
        "href-javascript", '[Go](../index.md){: href="javascript:alert(1)" }', 'a[href*="script:"]'
    ),
    _page("href-data", '[Go](../index.md){: href="data:text/html,pwn" }', 'a[href^="data:"]'),
    _page("href-http", "[Go](http://example.org/pwn)", 'a[href^="http:"]'),
    _page(
        "href-other-host",
        '[Go](../index.md){: href="//evil.example/pwn" }',
        'a[href*="evil.example"]',
    ),
    _page("href-to-a-theme-id", "[Search](#__search)", 'article a[href="#__search"]'),
    _page(
        "img-other-host", '![A](dot.png){: src="https://evil.example/pwn.png" }', 'img[src*="evil"]'
    ),
    _page("img-srcset", '![A](dot.png){: srcset="https://evil.example/pwn.png 2x" }', "[srcset]"),
    # Classes the theme's scripts find their parts by.
    _page(
        "class-search-list",
        "Text.\n{: .md-search-result__list }",
        "article .md-search-result__list",
    ),
    _page("class-mermaid", "Text.\n{: .mermaid }", ".mermaid"),
    _page("class-filter", "Text.\n{: .kip-filter }", "article p.kip-filter"),
    _page("class-dialog", "Text.\n{: .md-dialog }", "article .md-dialog"),
    # Inside the block extensions.
    _page("admonition", f'!!! note "Note"\n    Inside.\n    {{: onclick="{RUN}" }}', "[onclick]"),
    _page(
        "details",
        '??? note "More"\n    Inside.\n    {: data-md-component="source" }',
        "article [data-md-component]",
    ),
    _page(
        "definition",
        'Term\n:   Meaning.\n    {: data-pagefind-meta="title:pwn" }',
        "article [data-pagefind-meta]",
    ),
    # The same routes from a data field alone.
    _field("data-id-config", "Did this.\n{: #__config }", f'[id="__config"]{NOT_THE_THEMES}'),
    _field(
        "data-md-component-source",
        '[Facts](https://example.org/facts){: data-md-component="source" }',
        "article [data-md-component]",
    ),
    _field(
        "data-kip-filter",
        'Did this.\n{: data-kip-filter="" data-kip-data="https://evil.example/pwn.js" }',
        '[data-kip-data*="pwn"]',
    ),
    _field(
        "data-pagefind-meta",
        'Did this.\n{: data-pagefind-meta="title:pwn" }',
        "article [data-pagefind-meta]",
    ),
    _field("data-onclick", f'Did this.\n{{: onclick="{RUN}" }}', "[onclick]"),
]


def _yaml_block(text: str) -> str:
    return "|\n" + "".join(f"  {line}\n" for line in text.splitlines())


def hostile_files() -> dict[str, str]:
    """The fixture site with every payload: page ones at the page's end, data ones in a field."""
    page = fixture_text(PAGE) + "".join(f"\n{p.markdown}\n" for p in PAYLOADS if p.source == PAGE)
    field = "\n\n".join(p.markdown for p in PAYLOADS if p.source == EXAMPLE)
    example = replace(
        EXAMPLE, "what_they_did: What they did.", "what_they_did: " + _yaml_block(field)
    )
    return {PAGE: page, EXAMPLE: example}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-output")
    project = fixture_project(folder / "project", files=hostile_files())
    (project / "docs/chapter-one/dot.png").write_bytes(ONE_PIXEL_PNG)
    result = mkdocs_build(project, folder / "site")
    assert result.returncode == 0, result.output[-3000:]
    assert "Traceback" not in result.output
    return folder / "site"


def _renderer() -> markdown.Markdown:
    names, configs = [], {}
    for item in read_config(ROOT / "mkdocs.yml")["markdown_extensions"]:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name != "macros.glossary_marks":
            names.append(name)
            configs[name] = settings or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _built(site: Path, payload: Payload) -> BeautifulSoup:
    page = PAGE_HTML if payload.source == PAGE else EXAMPLE_HTML
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("payload", PAYLOADS, ids=[p.name for p in PAYLOADS])
def test_the_built_page_holds_none_of_the_payload(payload: Payload, hostile_site: Path) -> None:
    # Control: without the sanitiser, the Markdown extensions do make what the case forbids.
    raw = BeautifulSoup(
        "<article>" + _renderer().convert(payload.markdown) + "</article>", "html.parser"
    )
    assert raw.select(payload.forbidden), f"the payload does not reach the HTML: {payload}"
    soup = _built(hostile_site, payload)
    assert soup.select(payload.forbidden) == []
    for element in soup.find_all(name=True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            assert TOKEN not in name.lower(), element
            assert TOKEN not in text.lower() or name in {"title", "content"}, element
    # The theme's configuration is the one the template wrote, first and alone.
    config = soup.select('[id="__config"]')
    assert [element.name for element in config] == ["script"]


def test_every_case_has_a_distinct_name_and_there_are_at_least_thirty() -> None:
    assert len(PAYLOADS) >= 30
    assert len({p.name for p in PAYLOADS}) == len(PAYLOADS)


def test_a_heading_whose_id_was_refused_leaves_the_contents(hostile_site: Path) -> None:
    soup = BeautifulSoup((hostile_site / PAGE_HTML).read_text(encoding="utf-8"), "html.parser")
    ids = {element["id"] for element in soup.select("article [id]")}
    links = [a["href"] for a in soup.select("nav.md-nav--secondary a.md-nav__link")]
    assert links, "the page has a table of contents"
    for href in links:
        assert href.startswith("#")
        assert href[1:] in ids, href  # every contents link reaches a heading on the page
    assert "#config-one" not in links  # the heading {: #__config } is not listed


@pytest.fixture(scope="module", params=["with-headers", "without-headers"])
def hostile_url(request: pytest.FixtureRequest, hostile_site: Path) -> Iterator[str]:
    headers = {}
    if request.param == "with-headers":
        lines = (ROOT / "hosting" / "_headers").read_text(encoding="utf-8").splitlines()
        headers = dict(line.strip().split(": ", 1) for line in lines if line.startswith("  "))
        headers.pop("Content-Security-Policy")  # its hashes are the real site's; each page
        # carries its own policy, and the other headers are the host's
    yield from serve(hostile_site, "", headers)


@pytest.mark.browser
@pytest.mark.parametrize("path", [PAGE_HTML, EXAMPLE_HTML, "examples/index.html"])
def test_no_payload_runs_moves_or_reaches_out(
    browser: Browser, hostile_url: str, path: str
) -> None:
    context = browser.new_context()
    off_network = OffNetwork()
    context.route("**/*", off_network)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        url = f"{hostile_url}/{path.removesuffix('index.html')}"
        page.goto(url)
        page.wait_for_load_state("load")
        # Material ran, reading its own configuration: the search form it wires is there.
        assert page.evaluate("typeof document$") == "object"
        config = page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
        assert config["search"].endswith(".min.js")
        # Point at, click and tab through the page: a mouse, click or focus payload fires now.
        page.locator("article a").first.hover()
        page.evaluate("document.querySelectorAll('article p').forEach(p => p.click())")
        for _ in range(30):
            page.keyboard.press("Tab")
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        # Material's navigation.tracking writes the heading in view into the hash; no more.
        assert page.url.split("#", 1)[0] == url
        assert off_network.blocked == []
    finally:
        context.close()
