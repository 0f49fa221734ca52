"""Glossary marks where they help: once per term on a page, never inside links or headings."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# A mark inside these would be a second Tab stop in a link or control, or a dotted line in a title.
UNMARKED_INSIDE = frozenset({"a", "button", "summary", "h1", "h2", "h3", "h4", "h5", "h6"})
# The abbr extension marks terms at priority 7; a lower number runs after it.
PRIORITY = 6


def unwrap(element: Element, parent: Element) -> None:
    """Replace an element that holds only text by that text, keeping the text around it."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    parent.remove(element)


def placed_marks(root: Element) -> list[tuple[Element, Element]]:
    """Return each glossary mark to remove, with its parent, in the order of the page."""
    parents = {child: parent for parent in root.iter() for child in parent}
    seen: set[str] = set()
    remove = []
    for element in root.iter("abbr"):
        ancestors = []
        node = element
        while node in parents:
            node = parents[node]
            ancestors.append(node.tag)
        # One term is one definition, whichever of its spellings or aliases the page uses.
        term = element.get("title", "")
        if term in seen or UNMARKED_INSIDE.intersection(ancestors):
            remove.append((element, parents[element]))
        else:
            seen.add(term)
    return remove


class GlossaryMarksTreeprocessor(Treeprocessor):
    """Keep the first marked use of each glossary term on a page; the rest become plain text."""

    def run(self, root: Element) -> None:
        """Unwrap the marks that are repeats or sit inside links, controls or headings."""
        for element, parent in placed_marks(root):
            unwrap(element, parent)


class GlossaryMarks(Extension):
    """Python-Markdown extension that places glossary marks after the abbr extension makes them."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Register the treeprocessor to run after the abbr extension's."""
        md.treeprocessors.register(GlossaryMarksTreeprocessor(md), "glossary_marks", PRIORITY)


def makeExtension(**kwargs: object) -> GlossaryMarks:  # noqa: N802 (the name Python-Markdown looks for)
    """Let mkdocs.yml name this module under markdown_extensions."""
    return GlossaryMarks(**kwargs)
