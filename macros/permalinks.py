"""Name each heading's permalink for its heading, so a screen reader does not just say "¶"."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The toc extension adds the links at priority 5; a lower priority runs after it.
PRIORITY = 4


def permalink_name(heading: Element, link: Element) -> str:
    """Return the name of a heading's permalink: what it does, and the heading it is for."""
    text = "".join(heading.itertext()).removesuffix("".join(link.itertext()))
    return f"Link to this section: {' '.join(text.split())}"


class PermalinkNames(Treeprocessor):
    """Give each permalink beside a heading an aria-label naming that heading."""

    def run(self, root: Element) -> None:
        """Name every permalink in the page's headings."""
        for heading in root.iter():
            if heading.tag not in HEADINGS:
                continue
            for link in heading.findall("a"):
                if "headerlink" in (link.get("class") or "").split():
                    link.set("aria-label", permalink_name(heading, link))


class Permalinks(Extension):
    """Python-Markdown extension that names permalinks after the toc extension makes them."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Register the treeprocessor to run after the toc extension's."""
        md.treeprocessors.register(PermalinkNames(md), "permalink_names", PRIORITY)


def makeExtension(**kwargs: object) -> Permalinks:  # noqa: N802 (the name Python-Markdown looks for)
    """Let mkdocs.yml name this module under markdown_extensions."""
    return Permalinks(**kwargs)
