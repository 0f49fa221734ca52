"""Permalink anchors named for their heading: "Link to section: <heading>", not "¶"."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# The toc extension adds its anchors at priority 5; a lower number runs after it.
PRIORITY = 4


def section_name(heading: Element, anchor: Element) -> str:
    """Return a heading's words, without its anchor's symbol, on one line."""
    words = [heading.text or ""]
    for child in heading:
        if child is not anchor:
            words.extend(child.itertext())
        words.append(child.tail or "")
    return " ".join("".join(words).split())


class PermalinksTreeprocessor(Treeprocessor):
    """Give each heading's permalink anchor an accessible name that says where it goes."""

    def run(self, root: Element) -> None:
        """Name every permalink anchor after the heading it sits in."""
        for heading in root.iter():
            if heading.tag not in HEADINGS:
                continue
            for anchor in heading.findall("a"):
                if "headerlink" in (anchor.get("class") or "").split():
                    anchor.set("aria-label", f"Link to section: {section_name(heading, anchor)}")


class Permalinks(Extension):
    """Python-Markdown extension that names the toc extension's permalink anchors."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Register the treeprocessor to run after the toc extension's."""
        md.treeprocessors.register(PermalinksTreeprocessor(md), "permalinks", PRIORITY)


def makeExtension(**kwargs: object) -> Permalinks:  # noqa: N802 (the name Python-Markdown looks for)
    """Let mkdocs.yml name this module under markdown_extensions."""
    return Permalinks(**kwargs)
