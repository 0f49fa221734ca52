"""Compose a chapter's print document from its built pages: one HTML file, links kept inside it."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from markupsafe import Markup

from macros.catalogue import Catalogue, Ref
from macros.links import src_uri
from macros.navigation import Chapter
from macros.pages import environment

# What a printed page does not need: permalinks, edit buttons, the page-info box, scripts, forms.
DROP = "a.headerlink, a.md-content__button, aside.kip-page-info, script, form, .kip-filter"
ARTICLE = "article.md-content__inner"  # where Material puts a page's content


@dataclass(frozen=True)
class Section:
    """One page of the chapter, or one appendix entry, ready to print."""

    anchor: str
    title: str
    html: Markup


@dataclass(frozen=True)
class ChapterDocument:
    """Everything the chapter's print template needs."""

    chapter: Chapter
    sections: tuple[Section, ...]
    appendix: tuple[Section, ...]
    sources: tuple[Markup, ...]
    built: dt.date
    reviewed: dt.date | None


def site_path(uri: str) -> str:
    """Return the address of a built page within the site, without slashes at either end."""
    stem = uri.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index").removesuffix("index")


def html_file(site_dir: Path, uri: str) -> Path:
    """Return the built HTML file of a docs page."""
    path = site_path(uri)
    return site_dir / path / "index.html" if path else site_dir / "index.html"


def anchor_for(uri: str) -> str:
    """Return the id a page's section has in the print document."""
    return "p-" + (site_path(uri).replace("/", "-") or "home")


def chapter_examples(catalogue: Catalogue, chapter: Chapter) -> list[str]:
    """Return the ids of the examples linked with any page of the chapter, by title."""
    ids = {
        ref.key
        for uri in chapter.pages
        for ref in catalogue.neighbours(Ref("guidance", uri), "example")
    }
    return sorted(ids, key=lambda key: catalogue.data.examples[key].title)


def compose(
    catalogue: Catalogue, chapter: Chapter, site_dir: Path, site_url: str, built: dt.date
) -> ChapterDocument:
    """Read the chapter's built pages and examples, and join them into one print document."""
    examples = chapter_examples(catalogue, chapter)
    targets = {site_path(uri): anchor_for(uri) for uri in chapter.pages}
    targets |= {site_path(src_uri(Ref("example", key))): f"x-{key}" for key in examples}
    reader = _Reader(site_dir, targets, site_url)
    sections = [reader.section(uri, anchor_for(uri), demote=False) for uri in chapter.pages]
    appendix = [
        reader.section(src_uri(Ref("example", key)), f"x-{key}", demote=True) for key in examples
    ]
    reviewed = [
        page.meta.last_reviewed
        for uri in chapter.pages
        if (page := catalogue.pages.get(uri)) and page.meta.last_reviewed
    ]
    return ChapterDocument(
        chapter,
        tuple(section for section, _ in sections),
        tuple(section for section, _ in appendix),
        tuple(_unique(source for _, found in sections for source in found)),
        built,
        max(reviewed) if reviewed else None,
    )


def render_document(document: ChapterDocument, site_name: str) -> str:
    """Return the chapter's print document as HTML, through its template."""
    return (
        environment().get_template("pdf/chapter.html.j2").render(doc=document, site_name=site_name)
    )


def _unique(items: Iterable[Markup]) -> list[Markup]:
    seen: dict[str, Markup] = {}
    for item in items:
        key = BeautifulSoup(str(item), "html.parser").get_text(" ", strip=True)
        seen.setdefault(key, item)
    return list(seen.values())


@dataclass(frozen=True)
class _Reader:
    """Reads built pages into print sections, pointing links at this document where it can."""

    site_dir: Path
    targets: dict[str, str]  # site path of a page in this document -> its anchor
    site_url: str

    def section(self, uri: str, anchor: str, *, demote: bool) -> tuple[Section, list[Markup]]:
        """Return a page's content as a print section, and the items of its Sources list."""
        text = html_file(self.site_dir, uri).read_text(encoding="utf-8")
        article = BeautifulSoup(text, "html.parser").select_one(ARTICLE)
        if article is None:
            raise ValueError(f"{uri}: the built page has no article")
        for element in article.select(DROP):
            element.decompose()
        for element in article.find_all(id=True):
            element["id"] = f"{anchor}--{element['id']}"
        for link in article.find_all("a", href=True):
            href = str(link["href"])
            link["href"] = _rewrite(href, site_path(uri), self.targets, self.site_url, anchor)
        for link in article.select(".kip-facts a[href^='http']"):
            link.unwrap()  # on paper the facts box names themes and bodies; it need not link them
        if demote:
            for level in range(5, 0, -1):
                for element in article.find_all(f"h{level}"):
                    element.name = f"h{level + 1}"
        first = article.find(["h1", "h2"])
        title = " ".join(first.get_text().split()) if isinstance(first, Tag) else uri
        body = Markup("".join(str(child) for child in article.contents))  # noqa: S704 (our HTML)
        return Section(anchor, title, body), _sources(article, anchor)


def _sources(article: Tag, anchor: str) -> list[Markup]:
    heading = article.find(id=f"{anchor}--sources")
    if not isinstance(heading, Tag):
        return []
    items = []
    for sibling in heading.find_next_siblings():
        if sibling.name and sibling.name.startswith("h"):
            break
        items += [Markup(item.decode_contents()) for item in sibling.find_all("li")]  # noqa: S704
    return items


def _rewrite(href: str, page_path: str, targets: dict[str, str], site_url: str, own: str) -> str:
    """Point a link at its place in this document when it has one, or at the website if not."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href  # an external or mailto address stays as it is
    if not parts.path:
        return f"#{own}--{parts.fragment}" if parts.fragment else f"#{own}"
    base = f"{page_path}/" if page_path else ""
    path = posixpath.normpath(posixpath.join(base, parts.path)).strip("/")
    path = "" if path == "." else path.removesuffix("/index.html").removesuffix("index.html")
    anchor = targets.get(path)
    if anchor:
        return f"#{anchor}--{parts.fragment}" if parts.fragment else f"#{anchor}"
    address = urljoin(site_url, f"{path}/" if path else "")
    return f"{address}#{parts.fragment}" if parts.fragment else address
