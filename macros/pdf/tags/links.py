"""Links: every annotation in a Link element, and a description of where it goes."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

import pikepdf
from pikepdf import Array, Dictionary, Name, Object

from macros.pdf.tags.tree import Tree, is_objr, kids, named_destinations, set_kids


def tag_links(tree: Tree, parents: pikepdf.NumberTree) -> None:
    """Hang every link annotation on its outermost Link element; inner boxes become spans.

    WeasyPrint gives each box inside a link (an <abbr>, an <em>, the ::after that prints a page
    number) its own annotation, tagged with the box's own role: PDF/UA-1 needs them in a Link.
    The inner boxes keep their content, so italics and abbreviations stay as they were drawn.
    """
    for element in tree.order:
        annotations = [kid for kid in kids(element) if is_objr(kid)]
        if not annotations:
            continue
        links = [a for a in tree.ancestors(element) if a.get("/S") == "/Link"]
        if not links:
            element.S = Name.Link
            continue
        outer = links[-1]
        set_kids(element, [kid for kid in kids(element) if not is_objr(kid)])
        set_kids(outer, [*annotations, *kids(outer)])
        for objr in annotations:
            parents[int(objr.Obj.StructParent)] = outer
        if element.get("/S") == "/Link":
            element.S = Name.Span


def describe_links(pdf: pikepdf.Pdf, descriptions: Mapping[str, str]) -> None:
    """Say in words where each link goes: a page of this document, or an address on the web."""
    destinations = named_destinations(pdf)
    numbers = {page.obj.objgen: index + 1 for index, page in enumerate(pdf.pages)}
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", Array()):
            if not isinstance(annotation, Dictionary) or annotation.get("/Subtype") != "/Link":
                continue
            annotation.Contents = pikepdf.String(
                link_description(annotation, destinations, numbers, descriptions)
            )


def link_description(
    annotation: Dictionary,
    destinations: Mapping[str, Object],
    page_numbers: Mapping[tuple[int, int], int],
    descriptions: Mapping[str, str],
) -> str:
    """Return where a link annotation goes, in words a screen reader can say."""
    action = annotation.get("/A")
    if action is not None and action.get("/S") == "/URI":
        return web_description(str(action.URI))
    name = str(annotation.get("/Dest", ""))
    target = destinations.get(name)
    page = page_numbers.get(target[0].objgen) if isinstance(target, Array) else None
    section = name.split("--", maxsplit=1)[0]
    where = descriptions.get(name) or descriptions.get(section) or "this document"
    return f"Go to {where}, page {page}" if page else f"Go to {where}"


def web_description(address: str) -> str:
    """Return words for an address outside this document."""
    parts = urlsplit(address)
    if parts.scheme == "mailto":
        return f"Write an email to {parts.path}"
    place = (parts.netloc + parts.path).removeprefix("www.").rstrip("/")
    return f"Open {place} in a web browser"
