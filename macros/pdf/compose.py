"""Compose a chapter's print document from its built pages: one HTML file, links kept inside it.

Links to this document's own pages print as "see page N"; links that leave it are numbered
notes, whose addresses are listed once, at the end, with the chapter's sources.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.filter import SoupStrainer
from markupsafe import Markup

from macros.catalogue import Catalogue, Ref
from macros.links import src_uri
from macros.navigation import Chapter
from macros.pages import LISTED_EXAMPLES, environment

# What a printed page does not need: permalinks, edit buttons, the page-info box, scripts, forms,
# and the download links (the reader holds the download).
DROP = (
    "a.headerlink, a.md-content__button, aside.kip-page-info, script, form, .kip-filter,"
    " .kip-downloads"
)
ARTICLE = "article.md-content__inner"  # where Material puts a page's content


@dataclass(frozen=True)
class Section:
    """One page of the chapter, or one appendix entry, ready to print."""

    anchor: str
    title: str
    html: Markup


@dataclass(frozen=True)
class Note:
    """A numbered note: an address outside this document, and what the chapter calls it there."""

    number: int
    address: str
    text: str

    @property
    def anchor(self) -> str:
        """Return the note's id in the print document."""
        return f"note-{self.number}"

    @property
    def shown(self) -> str:
        """Return the address as printed: without the scheme every web address shares."""
        return self.address.removeprefix("https://").removeprefix("mailto:")


@dataclass(frozen=True)
class ChapterDocument:
    """Everything the chapter's print template needs."""

    chapter: Chapter
    sections: tuple[Section, ...]
    appendix: tuple[Section, ...]
    notes: tuple[Note, ...]
    built: dt.date
    reviewed: dt.date | None
    places: dict[str, str]  # anchor -> what is there, in words, for link descriptions
    site_url: str
    linked_examples: int  # examples linked with the chapter's pages; the appendix prints a few

    @property
    def site_address(self) -> str:
        """Return the handbook's address as notes print it."""
        return self.site_url.removeprefix("https://")


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


def chapter_examples(catalogue: Catalogue, chapter: Chapter) -> tuple[list[str], int]:
    """Return the ids of the examples the appendix prints, by title, and how many are linked.

    Each page brings the examples it names itself and the LISTED_EXAMPLES most relevant of
    those that cite it, so the appendix does not grow with the examples citing a page.
    """
    linked: set[str] = set()
    printed: set[str] = set()
    for uri in chapter.pages:
        ref = Ref("guidance", uri)
        linked |= {other.key for other in catalogue.neighbours(ref, "example")}
        named = [other for other in catalogue.refers_to(ref) if other.kind == "example"]
        citing = [other for other in catalogue.citing_examples(ref) if other not in named]
        chosen = [*named, *catalogue.ranked_examples(ref, citing)[:LISTED_EXAMPLES]]
        printed |= {other.key for other in chosen}
    return sorted(printed, key=lambda key: catalogue.data.examples[key].title), len(linked)


def compose(
    catalogue: Catalogue, chapter: Chapter, site_dir: Path, site_url: str, built: dt.date
) -> ChapterDocument:
    """Read the chapter's built pages and examples, and join them into one print document."""
    examples, linked = chapter_examples(catalogue, chapter)
    targets = {site_path(uri): anchor_for(uri) for uri in chapter.pages}
    targets |= {site_path(src_uri(Ref("example", key))): f"x-{key}" for key in examples}
    reader = _Reader(site_dir, targets, site_url, _Notes(), {})
    sections = [reader.section(uri, anchor_for(uri), demote=False) for uri in chapter.pages]
    appendix = [
        reader.section(src_uri(Ref("example", key)), f"x-{key}", demote=True) for key in examples
    ]
    citations = {
        address: text for _, found in [*sections, *appendix] for address, text in found.items()
    }
    reviewed = [
        page.meta.last_reviewed
        for uri in chapter.pages
        if (page := catalogue.pages.get(uri)) and page.meta.last_reviewed
    ]
    notes = tuple(
        Note(number, address, citations.get(address, text))
        for address, (number, text) in reader.notes.numbers.items()
    )
    return ChapterDocument(
        chapter,
        tuple(section for section, _ in sections),
        tuple(section for section, _ in appendix),
        notes,
        built,
        max(reviewed) if reviewed else None,
        reader.headings | _places(sections, appendix, notes),
        site_url,
        linked,
    )


def _places(
    sections: list[tuple[Section, dict[str, str]]],
    appendix: list[tuple[Section, dict[str, str]]],
    notes: tuple[Note, ...],
) -> dict[str, str]:
    places = {section.anchor: f"'{section.title}'" for section, _ in sections}
    places |= {section.anchor: f"the example '{section.title}'" for section, _ in appendix}
    places |= {note.anchor: f"note {note.number}, {note.shown}" for note in notes}
    return places | {
        "contents": "the contents",
        "appendix": "the appendix of practice examples",
        "notes": "the sources and web addresses",
    }


def render_document(document: ChapterDocument, site_name: str) -> str:
    """Return the chapter's print document as HTML, through its template."""
    return (
        environment()
        .get_template("pdf/chapter.html.j2")
        .render(doc=document, site_name=site_name, listed=LISTED_EXAMPLES)
    )


class _Notes:
    """Numbers the addresses a chapter links to outside itself, in the order they come."""

    def __init__(self) -> None:
        self.numbers: dict[str, tuple[int, str]] = {}  # address -> (number, link text)

    def number(self, address: str, text: str) -> int:
        """Return the note number of an address, giving it the next one if it is new."""
        found = self.numbers.setdefault(address, (len(self.numbers) + 1, text))
        return found[0]


@dataclass(frozen=True)
class _Reader:
    """Reads built pages into print sections, pointing links at this document where it can."""

    site_dir: Path
    targets: dict[str, str]  # site path of a page in this document -> its anchor
    site_url: str
    notes: _Notes
    headings: dict[str, str]  # id of a heading in this document -> its words

    def section(self, uri: str, anchor: str, *, demote: bool) -> tuple[Section, dict[str, str]]:
        """Return a page's content as a print section, and its sources by address."""
        text = html_file(self.site_dir, uri).read_text(encoding="utf-8")
        # Only the page's <article> is parsed: the menus around it are most of the file.
        article = BeautifulSoup(text, "lxml", parse_only=SoupStrainer("article")).select_one(
            ARTICLE
        )
        if article is None:
            raise ValueError(f"{uri}: the built page has no article")
        for element in article.select(DROP):
            element.decompose()
        for element in article.find_all(id=True):
            element["id"] = f"{anchor}--{element['id']}"
        self._links(article, uri, anchor)
        _site_images(article, site_path(uri))
        sources = _sources(article, anchor)
        if demote:
            for level in range(5, 0, -1):
                for element in article.find_all(f"h{level}"):
                    element.name = f"h{level + 1}"
        first = article.find(["h1", "h2"])
        title = " ".join(first.get_text().split()) if isinstance(first, Tag) else uri
        if isinstance(first, Tag):
            _add_class(first, "kip-title")
        for heading in article.find_all(["h2", "h3", "h4", "h5", "h6"], id=True):
            words = " ".join(heading.get_text().split())
            self.headings[str(heading["id"])] = f"'{words}' in '{title}'"
        body = Markup("".join(str(child) for child in article.contents))  # noqa: S704 (our HTML)
        return Section(anchor, title, body), sources

    def _links(self, article: Tag, uri: str, anchor: str) -> None:
        """Point the page's links at this document where they can, and mark them for print."""
        facts = {id(link) for link in article.select(".kip-facts a[href]")}
        for link in article.find_all("a", href=True):
            href = str(link["href"])
            link["href"] = _rewrite(href, site_path(uri), self.targets, self.site_url, anchor)
            if id(link) in facts and not str(link["href"]).startswith("#"):
                link.unwrap()  # on paper the facts box names themes and bodies; no need to link
            else:
                self._mark(link)

    def _mark(self, link: Tag) -> None:
        """Mark a link to this document to print its page; number a link that leaves it."""
        href = str(link["href"])
        if href.startswith("#"):
            _add_class(link, "kip-see")
            return
        text = " ".join(link.get_text().split())
        number = self.notes.number(href, text[:1].upper() + text[1:])
        # Built as a tag, not a string: the note mark is a link to the note at the end.
        mark = BeautifulSoup("", "html.parser").new_tag(
            "a", href=f"#note-{number}", attrs={"class": "kip-note"}
        )
        mark.string = str(number)
        link.insert_after(mark)


def _add_class(tag: Tag, name: str) -> None:
    tag["class"] = " ".join([*(c for c in tag.get_attribute_list("class") if c), name])


def _sources(article: Tag, anchor: str) -> dict[str, str]:
    """Return the page's sources, each by the address it links to, as plain citations."""
    heading = article.find(id=f"{anchor}--sources")
    if not isinstance(heading, Tag):
        return {}
    marks = article.select("a.kip-note")  # note numbers are not part of a citation
    found = {}
    for sibling in heading.find_next_siblings():
        if sibling.name and sibling.name.startswith("h"):
            break
        for item in sibling.find_all("li"):
            link = item.find("a", href=True)
            if isinstance(link, Tag):
                words = [w for w in item.find_all(string=True) if w.parent not in marks]
                found[str(link["href"])] = " ".join("".join(words).split())
    return found


def _site_images(article: Tag, page_path: str) -> None:
    """Point each image at its file from the site's top, where the print document is read.

    A page's image addresses are relative to the page's own folder ('../x.png'); the print
    document is read from the top of the site, where the same address would miss the file.
    """
    for image in article.find_all("img", src=True):
        address = urlsplit(str(image["src"]))
        if address.scheme or address.netloc or address.path.startswith("/"):
            continue  # not a file of the site: the PDF step's fetcher refuses it, by name
        base = f"{page_path}/" if page_path else ""
        image["src"] = posixpath.normpath(posixpath.join(base, address.path))


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
