"""The allowlist on content HTML: random payloads through every Markdown extension; its lists."""

from __future__ import annotations

import random
import re
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.theme import Theme

from macros.navigation import read_config
from macros.sanitise import (
    ATTRIBUTES,
    CLASSES,
    CODE_CLASS,
    ROLES,
    TAGS,
    allowed_id,
    sanitise,
)

from sites import ROOT

MATERIAL = Path(__import__("material").__file__).parent / "templates"
SEED = 19  # fixed, so a failure can be run again; CASES payloads each run
CASES = 1500

# What an attacker would put in an attribute: names the theme, its scripts and browsers read.
NAMES = [
    "id", "class", "style", "onclick", "onerror", "onfocus", "onmouseover", "autofocus",
    "download", "form", "formaction", "target", "name", "hidden", "tabindex", "contenteditable",
    "data-md-component", "data-md-color-scheme", "data-kip-filter", "data-kip-data",
    "data-pagefind-meta", "data-pagefind-body", "data-pagefind-ignore", "data-total", "href",
    "src", "srcset", "rel", "ping", "popover", "is", "slot", "xmlns", "aria-describedby",
    "role", "lang", "title", "open", "start", "datetime", "align", "ONCLICK", "Data-Md-Component",
]  # fmt: skip
IDS = [
    "__config", "__search", "__drawer", "__toc", "__consent", "__nav_1", "__tabbed_1_1",
    "__palette_0", "kip-search-results", "kip-search-meta", "mermaid", "_x", 'a" onfocus=x',
    "a' autofocus", "Intro", "ok-id", "fn:1", "a b", "", "x" * 200, "кир", "a\u202eb",
]  # fmt: skip
CLASS_NAMES = [
    "md-search-result__list", "md-source", "mermaid", "kip-filter", "kip-filter__form",
    "admonition", "note", "headerlink", "md-button", "language-python", "language-x y",
    "md-typeset", "tabbed-set", "highlight", "md-dialog", "md-tooltip2",
]  # fmt: skip
URLS = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
    "vbscript:x", "http://example.org/", "https://example.org/", "//evil.example/x.js",
    "\\\\evil.example/x", "mailto:a@example.org", "../page/", "#anchor", "file:///etc/passwd",
    "blob:https://example.org/x", " javascript:x", "&#106;avascript:x", "ftp://x/",
    "/\t/evil.example/x", "\x01//evil.example/x", "/\\evil.example/x", "\n//evil.example/x",
]  # fmt: skip
VALUES = ["x", '" onfocus="alert(1)', "alert(1)", "source", "title:Pwned", "0", ""]


def _attribute(rng: random.Random) -> str:
    """One attr_list item: an id, a class, or a key=value pair, with hostile parts."""
    choice = rng.randrange(4)
    if choice == 0:
        value = rng.choice(IDS)
        return f"id='{value}'" if "'" not in value else f'id="{value}"'
    if choice == 1:
        return "." + rng.choice(CLASS_NAMES).split()[0]
    name = rng.choice(NAMES)
    value = rng.choice(URLS if name in {"href", "src", "srcset", "ping"} else VALUES + IDS)
    quote = '"' if '"' not in value else "'"
    return f"{name}={quote}{value}{quote}"


def _attrs(rng: random.Random) -> str:
    return "{: " + " ".join(_attribute(rng) for _ in range(rng.randint(1, 4))) + " }"


def _document(rng: random.Random) -> str:
    """A page using every enabled extension, each element given random attributes."""
    a = [_attrs(rng) for _ in range(10)]
    return "\n\n".join(
        [
            f"## A heading {a[0]}",
            f"## {rng.choice(IDS)}",  # the toc extension makes an id from the heading's text
            f"A paragraph with [a link]({rng.choice(URLS)}){a[1]} and ![an image](a.png){a[2]}",
            f"A paragraph.\n{a[3]}",
            f'!!! note "An admonition"\n    Inside it.\n    {a[4]}',
            f'??? example "Details"\n    Folded.\n    {a[5]}',
            f"Term\n:   Its definition.\n    {a[6]}",
            f"| A | B |\n|---|---|\n| [c]({rng.choice(URLS)}){a[7]} | d |",
            f"- item\n{a[8]}\n- HTML (c) -->",
            f"```python\ncode\n```\n\n> A quote\n{a[9]}",
            f'<div markdown="1" {_attribute(rng)}>\n\nIn a div.\n\n</div>',
            "*[HTML]: Hyper Text",
        ]
    )


def _renderer() -> markdown.Markdown:
    names: list[str] = []
    configs: dict[str, dict[str, object]] = {}
    for item in read_config(ROOT / "mkdocs.yml")["markdown_extensions"]:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name == "macros.glossary_marks":
            continue  # it only wraps glossary terms in <abbr title>: the same as abbr below
        names.append(name)
        if settings:
            configs[name] = settings
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _as_read(value: str) -> str:
    """An address as browsers start reading it (tabs and line breaks go; so do leading controls)."""
    return re.sub(r"[\t\n\r]", "", value).lstrip("".join(map(chr, range(33))))


def _url_is_safe(value: str) -> bool:
    value = _as_read(value)
    if re.match(r"[/\\]{2}", value):
        return False  # another host, without a scheme
    scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", value)
    return scheme is None or scheme.group(1).lower() in {"https", "mailto"}


def outside_the_allowlist(html: str) -> list[str]:
    """Return every element, attribute, id, class or address in `html` the allowlist forbids."""
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(name=True):
        if element.name not in TAGS:
            found.append(f"<{element.name}>")
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(element.name, set())
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            if name not in allowed:
                found.append(f"<{element.name} {name}>")
            elif name == "id" and not allowed_id(text):
                found.append(f"id={text!r}")
            elif name == "class":
                found += [
                    f"class {c}" for c in value if c not in CLASSES and not CODE_CLASS.fullmatch(c)
                ]
            elif name == "role" and text not in ROLES:
                found.append(f"role={text!r}")
            elif name == "href" and not _url_is_safe(text):
                found.append(f"href={text!r}")
            elif name == "src" and re.match(r"[a-zA-Z][\w+.-]*:|[/\\]{2}", _as_read(text)):
                found.append(f"src={text!r}")
    return found


def test_random_payloads_through_every_extension_leave_nothing_outside_the_allowlist() -> None:
    rng = random.Random(SEED)  # noqa: S311 (payloads, not secrets)
    renderer = _renderer()
    raw_findings = 0
    for _ in range(CASES):
        source = _document(rng)
        html = renderer.reset().convert(source)
        raw_findings += bool(outside_the_allowlist(html))
        clean = sanitise(html)
        assert outside_the_allowlist(clean) == [], (source, clean)
        # Sanitising twice changes nothing: what survives is stable, not half-cleaned.
        assert sanitise(clean) == clean
    # A control: the payloads do reach the HTML before the sanitiser (else this proves nothing).
    assert raw_findings > CASES * 0.9


@pytest.mark.parametrize(
    "value",
    ["__config", "__search", "__drawer", "__toc", "__consent", "__nav_2", "__tabbed_1_1",
     "__code_0", "__tooltip_1", "__mermaid_0", "kip-search-meta", "kip-search-results",
     "kip-anything", "mermaid", 'a" onfocus="x', "A", "a:b", "", "-a", "_a"],
)  # fmt: skip
def test_content_may_not_use_an_id_the_theme_or_a_script_reads(value: str) -> None:
    assert not allowed_id(value)


@pytest.mark.parametrize("value", ["intro", "what-changed", "section_1", "2026-review", "a"])
def test_ids_the_toc_extension_makes_are_kept(value: str) -> None:
    assert allowed_id(value)
    assert f'id="{value}"' in sanitise(f'<h2 id="{value}">T</h2>')


def _ids_the_theme_reads() -> set[str]:
    """Ids written by the theme's templates, or looked up by the theme's and handbook's scripts."""
    ids: set[str] = set()
    for folder in (ROOT / "overrides", MATERIAL):
        for path in folder.rglob("*"):
            if path.suffix not in {".html", ".js"} or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            ids |= set(re.findall(r'\bid="([A-Za-z_][\w-]*)"', text))
            ids |= set(re.findall(r'getElementById\("([\w-]+)"\)', text))
            ids |= set(re.findall(r"""querySelector(?:All)?\(["']#([\w-]+)""", text))
            ids |= set(re.findall(r'"#(__[\w]+)', text))
    return ids


def test_no_id_the_theme_writes_or_its_scripts_look_up_is_open_to_content() -> None:
    ids = _ids_the_theme_reads()
    assert {"__config", "__search", "__drawer", "kip-search-results"} <= ids  # the scan works
    assert sorted(value for value in ids if allowed_id(value)) == []


def test_the_reviewed_classes_are_the_ones_the_built_site_uses(built_site: Path) -> None:
    used: set[str] = set()
    for path in built_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        if article is None:
            continue
        for element in article.select("[class]"):
            if element.find_parent(attrs={"data-kip-filter": True}) or element.find_parent(
                "aside", class_="kip-page-info"
            ):
                continue  # written by templates, after sanitising
            used |= set(element["class"])
    template = {"kip-filters", "kip-filter", "kip-filter__panel", "kip-filter__form",
                "kip-filter__facet", "kip-history", "kip-page-info", "kip-home"}  # fmt: skip
    template |= {name for name in used if name.startswith("md-feedback")}
    assert used - template <= CLASSES, sorted(used - template - CLASSES)


def test_theme_templates_escape_the_addresses_they_write() -> None:
    env = Theme(name="material", custom_dir=str(ROOT / "overrides")).get_env()
    quote = 'a" autofocus onfocus="alert(1)'
    item = SimpleNamespace(url="#" + quote, title="T", typeset=None, children=[])
    toc = env.get_template("partials/toc-item.html").render(toc_item=item)
    assert "autofocus" not in BeautifulSoup(toc, "html.parser").a.attrs
    assert BeautifulSoup(toc, "html.parser").a["href"] == "#" + quote
    edit = 'https://example.org/edit/c"><meta http-equiv="refresh" content="0;url=https://evil.example">.md'
    page = SimpleNamespace(edit_url=edit, meta={}, file=SimpleNamespace(src_uri="x.md"))
    info = env.get_template("kindness/page-info.html").render(
        page=page, review=None, feedback=SimpleNamespace(issue_url="#", email_url="#")
    )
    soup = BeautifulSoup(info, "html.parser")
    assert soup.find("meta") is None
    assert soup.find("a", rel="edit")["href"] == edit


# Template values that come from content: page fields, file names and what is made from them.
CONTENT_VALUE = re.compile(r"\b(page|toc_item|nav_item|first|index|skip|download|feedback)\.")
SAFE_ENDING = re.compile(r"\|\s*(e|tojson)\s*$|\.isoformat\(\)\s*$|\.active\s*\|\s*tojson\s*$")


def test_every_content_value_a_template_writes_into_an_attribute_is_escaped() -> None:
    unescaped, seen = [], 0
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for attribute in re.findall(r'[a-z-]+="[^"]*\{\{[^}]*\}\}[^"]*"', text):
            for expression in re.findall(r"\{\{([^}]*)\}\}", attribute):
                if CONTENT_VALUE.search(expression):
                    seen += 1
                    if not SAFE_ENDING.search(expression.strip()):
                        unescaped.append(f"{path.relative_to(ROOT)}: {attribute}")
    assert seen >= 10  # the scan finds the table of contents, edit, canonical and menu links
    assert unescaped == []
