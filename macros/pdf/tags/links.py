"""Links: every annotation in a Link element, and a description of where it goes."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

import pikepdf
from pikepdf import Array, Dictionary, Name, Object

from macros.pdf.tags.tree import Tree, is_objr, kids, named_destinations, same, set_kids


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


def drop_repeated_annotations(pdf: pikepdf.Pdf, tree: Tree, parents: pikepdf.NumberTree) -> None:
    """Keep one annotation per link per line: drop those inside another of the same link.

    WeasyPrint gives each box inside a link its own annotation (a contents entry's text, its
    leader and its page number: three), and each is a stop for the Tab key.
    """
    dropped: set[tuple[int, int]] = set()
    for element in tree.order:
        objrs = [kid for kid in kids(element) if is_objr(kid)]
        kept: list[Object] = []
        for objr in sorted(objrs, key=_area, reverse=True):
            if any(_inside(objr, other) for other in kept):
                dropped.add(objr.Obj.objgen)
                del parents[int(objr.Obj.StructParent)]
            else:
                kept.append(objr)
        if len(kept) < len(objrs):
            set_kids(element, [kid for kid in kids(element) if not is_objr(kid) or kid in kept])
    for page in pdf.pages:
        annotations = page.obj.get("/Annots")
        if isinstance(annotations, Array) and any(a.objgen in dropped for a in annotations):
            page.obj.Annots = Array([a for a in annotations if a.objgen not in dropped])


def _box(objr: Object) -> list[float]:
    """Return an annotation's rectangle as left, bottom, right, top."""
    x1, y1, x2, y2 = (float(x) for x in objr.Obj.Rect)
    return [min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)]


def _area(objr: Object) -> float:
    left, bottom, right, top = _box(objr)
    return (right - left) * (top - bottom)


def _uri(annotation: Object) -> str:
    action = annotation.get("/A")
    return str(action.get("/URI", "")) if isinstance(action, Dictionary) else ""


def _inside(inner: Object, outer: Object) -> bool:
    """Say if an annotation lies within another on the same page, going to the same place."""
    one, other = inner.Obj, outer.Obj
    if not same(inner.get("/Pg"), outer.get("/Pg")):
        return False
    if str(one.get("/Dest", "")) != str(other.get("/Dest", "")):
        return False
    if _uri(one) != _uri(other):
        return False
    a, b = _box(inner), _box(outer)
    slack = 0.5  # points: boxes on one line differ by rounding
    return (
        a[0] >= b[0] - slack
        and a[1] >= b[1] - slack
        and a[2] <= b[2] + slack
        and a[3] <= b[3] + slack
    )


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
        address = str(action.URI)
        named = descriptions.get(address)
        return f"Open {named} on the web" if named else web_description(address)
    name = str(annotation.get("/Dest", ""))
    target = destinations.get(name)
    page = page_numbers.get(target[0].objgen) if isinstance(target, Array) else None
    section = name.split("--", maxsplit=1)[0]
    where = descriptions.get(name) or descriptions.get(section) or "this document"
    return f"Go to {where}, page {page}" if page else f"Go to {where}"


def web_description(address: str) -> str:
    """Return words for an address outside this document that the notes do not name."""
    parts = urlsplit(address)
    if parts.scheme == "mailto":
        return f"Write an email to {parts.path}"
    # Only the site's name: a long address read aloud says little of where a link goes.
    return f"Open a page of {parts.netloc.removeprefix('www.')} on the web"
