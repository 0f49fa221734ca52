"""Finish the tags WeasyPrint writes, so a chapter PDF reads well aloud and passes PDF/UA-1.

WeasyPrint (up to 70) tags every box of a link that wraps other elements as its own element,
leaves the running header and footer as tagged content outside the structure tree, tags the
contents page as an ordinary list and describes each link by its raw target. This module
rewrites those parts of the structure tree with pikepdf after rendering; nothing else changes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeGuard
from urllib.parse import urlsplit

import pikepdf
from pikepdf import Array, Dictionary, Name, Object

CONTENTS = "contents"  # the id of the contents list in the print document
# The start of a marked-content section with an MCID, as content streams write it. Text in
# WeasyPrint's streams is hex-encoded, so this cannot match inside a string.
MARKED = re.compile(rb"/\w+\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")


@dataclass
class _Tree:
    """The structure tree as Python can walk it: elements in reading order, and their parents."""

    order: list[Dictionary] = field(default_factory=list)
    parent: dict[tuple[int, int], Dictionary] = field(default_factory=dict)

    def ancestors(self, element: Dictionary) -> Iterator[Dictionary]:
        """Yield an element's ancestors, nearest first."""
        current = self.parent.get(element.objgen)
        while current is not None:
            yield current
            current = self.parent.get(current.objgen)


def finish_tags(data: bytes, descriptions: Mapping[str, str]) -> bytes:
    """Return the PDF with links, artifacts, contents and link descriptions tagged properly.

    `descriptions` names in words where each of the document's anchors goes (by anchor id).
    """
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree = _walk(pdf.Root.StructTreeRoot)
        parents = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
        leaders = _tag_contents(pdf, tree)
        _pair_definitions(tree)
        _tag_links(tree, parents)
        _mark_artifacts(pdf, tree, parents, leaders)
        _describe_links(pdf, descriptions)
        out = io.BytesIO()
        # The same input gives the same bytes: builds of one commit are compared byte for byte.
        pdf.save(
            out,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            deterministic_id=True,
        )
    return out.getvalue()


def _kids(element: Object) -> list[Object]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _is_element(kid: Object) -> TypeGuard[Dictionary]:
    return isinstance(kid, Dictionary) and kid.get("/Type") not in ("/OBJR", "/MCR")


def _is_objr(kid: Object) -> bool:
    return isinstance(kid, Dictionary) and kid.get("/Type") == "/OBJR"


def _same(one: Object | None, other: Object | None) -> bool:
    """Compare PDF objects by identity (pikepdf's == compares their whole contents)."""
    return isinstance(one, Object) and isinstance(other, Object) and one.objgen == other.objgen


def _walk(root: Object) -> _Tree:
    tree = _Tree()
    stack: list[tuple[Dictionary, Dictionary | None]] = [
        (kid, None) for kid in reversed(_kids(root)) if _is_element(kid)
    ]
    while stack:
        element, parent = stack.pop()
        tree.order.append(element)
        if parent is not None:
            tree.parent[element.objgen] = parent
        stack += [(kid, element) for kid in reversed(_kids(element)) if _is_element(kid)]
    return tree


def _set_kids(element: Object, kids: list[Object]) -> None:
    element.K = Array(kids)


def _mcids(element: Dictionary) -> list[int]:
    return [int(kid) for kid in _kids(element) if isinstance(kid, int)]


# Links -----------------------------------------------------------------------------------------


def _tag_links(tree: _Tree, parents: pikepdf.NumberTree) -> None:
    """Hang every link annotation on its outermost Link element; inner boxes become spans.

    WeasyPrint gives each box inside a link (an <abbr>, an <em>, the ::after that prints a page
    number) its own annotation, tagged with the box's own role: PDF/UA-1 needs them in a Link.
    The inner boxes keep their content, so italics and abbreviations stay as they were drawn.
    """
    for element in tree.order:
        annotations = [kid for kid in _kids(element) if _is_objr(kid)]
        if not annotations:
            continue
        links = [a for a in tree.ancestors(element) if a.get("/S") == "/Link"]
        if not links:
            element.S = Name.Link
            continue
        outer = links[-1]
        _set_kids(element, [kid for kid in _kids(element) if not _is_objr(kid)])
        _set_kids(outer, [*annotations, *_kids(outer)])
        for objr in annotations:
            parents[int(objr.Obj.StructParent)] = outer
        if element.get("/S") == "/Link":
            element.S = Name.Span


# Definition lists ------------------------------------------------------------------------------


def _pair_definitions(tree: _Tree) -> None:
    """Tag each term of a definition list as the label of its item, its meanings as the body.

    WeasyPrint tags <dt> and <dd> alike, each as an item of its own. The stylesheet gives every
    <dt> an empty ::before, which arrives here as an empty element at the start of the term.
    """
    for element in tree.order:
        if element.get("/S") != "/L":
            continue
        items: list[Object] = []
        term: Object | None = None
        for kid in _kids(element):
            body = _only_body(kid)
            if body is not None and _is_term(body):
                _set_kids(body, _kids(body)[1:])
                body.S = Name.Lbl
                term = kid
                items.append(kid)
            elif body is not None and term is not None:
                body.P = term
                _set_kids(term, [*_kids(term), body])
            else:
                term = None
                items.append(kid)
        if len(items) < len(_kids(element)):
            _set_kids(element, items)


def _only_body(item: Object) -> Dictionary | None:
    """Return the body of a list item that has nothing else, as WeasyPrint makes for dt and dd."""
    if not _is_element(item) or item.get("/S") != "/LI":
        return None
    kids = [kid for kid in _kids(item) if _is_element(kid)]
    return kids[0] if len(kids) == 1 and kids[0].get("/S") == "/LBody" else None


def _is_term(body: Dictionary) -> bool:
    kids = _kids(body)
    return (
        bool(kids)
        and _is_element(kids[0])
        and kids[0].get("/S") == "/NonStruct"
        and not _kids(kids[0])
    )


# Contents --------------------------------------------------------------------------------------


def _tag_contents(pdf: pikepdf.Pdf, tree: _Tree) -> dict[tuple[int, int], set[int]]:
    """Tag the contents list as TOC and TOCI; return its leaders' marked content, by page.

    The leaders leave the structure tree here, to be drawn as layout artifacts.
    """
    page = _destination_page(pdf, CONTENTS)
    root = next((e for e in tree.order if e.get("/S") == "/L" and _same(e.get("/Pg"), page)), None)
    if root is None:
        return {}
    inside = _subtree(root)
    roles = {"/L": Name.TOC, "/LI": Name.TOCI, "/LBody": Name.Reference}
    for element in inside:
        role = roles.get(str(element.get("/S")))
        if role is not None:
            element.S = role
    leaders: dict[tuple[int, int], set[int]] = {}
    for element in inside:
        if _is_leader(element, tree):
            leaders.setdefault(element.Pg.objgen, set()).update(_mcids(element))
            _drop_leader(element, tree)
    return leaders


def _subtree(root: Dictionary) -> list[Dictionary]:
    found: list[Dictionary] = []
    stack: list[Dictionary] = [root]
    while stack:
        element = stack.pop()
        found.append(element)
        stack += [kid for kid in _kids(element) if _is_element(kid)]
    return found


def _is_leader(element: Dictionary, tree: _Tree) -> bool:
    """Say if an element is an entry's leader: the first box of the link's ::after.

    The stylesheet prints `leader(".") target-counter(...)` after each contents link, so the
    leader is a link box inside a link box inside the entry's link, ahead of the page number.
    """
    links = list(tree.ancestors(element))[:2]
    if element.get("/S") != "/Link" or len(links) < 2:
        return False
    if any(link.get("/S") != "/Link" for link in links):
        return False
    first = next((kid for kid in _kids(links[0]) if _is_element(kid)), None)
    return _same(first, element) and bool(_mcids(element))


def _drop_leader(leader: Dictionary, tree: _Tree) -> None:
    """Take a leader out of the tree, handing its link annotation to the element around it."""
    holder = tree.parent[leader.objgen]
    moved = [kid for kid in _kids(leader) if _is_objr(kid)]
    rest = [kid for kid in _kids(holder) if not _same(kid, leader)]
    _set_kids(holder, [*moved, *rest])
    _set_kids(leader, [])


def _destination_page(pdf: pikepdf.Pdf, name: str) -> Object | None:
    target = _destinations(pdf).get(name)
    return target[0] if isinstance(target, Array) else None


def _destinations(pdf: pikepdf.Pdf) -> Mapping[str, Object]:
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    return pikepdf.NameTree(names.Dests)


# Artifacts -------------------------------------------------------------------------------------


def _mark_artifacts(
    pdf: pikepdf.Pdf,
    tree: _Tree,
    parents: pikepdf.NumberTree,
    leaders: Mapping[tuple[int, int], set[int]],
) -> None:
    """Turn marked content that no element claims into artifacts: the margins and the leaders.

    WeasyPrint marks the running header and footer like body text, then leaves their elements
    out of the tree; a screen reader would meet them on every page, detached from the text.
    """
    claimed: dict[tuple[int, int], set[int]] = {}
    for element in tree.order:
        on = element.get("/Pg")
        if on is not None:
            claimed.setdefault(on.objgen, set()).update(_mcids(element))
    for index, page in enumerate(pdf.pages):
        owned = claimed.get(page.obj.objgen, set())
        layout = leaders.get(page.obj.objgen, set())
        # Only the operators that place text and open marked content: parsing the rest (the
        # text itself) would take most of the time, and nothing else needs reading.
        instructions = [
            item
            for item in pikepdf.parse_content_stream(page, "q Q cm Tm BDC EMC")
            if isinstance(item, pikepdf.ContentStreamInstruction)
        ]
        stray = _stray_sections(instructions, owned)
        if not stray:
            continue
        middle = float(page.mediabox[3]) / 2
        artifacts = {
            mcid: b"/Artifact <</Type /Layout>> BDC"
            if mcid in layout
            else b"/Artifact <</Type /Pagination /Subtype /%s>> BDC"
            % (b"Header" if height > middle else b"Footer")
            for mcid, height in stray.values()
        }
        page.obj.Contents = pdf.make_stream(_unmark(page.obj.Contents.read_bytes(), artifacts))
        numbers = parents.get(index)
        if isinstance(numbers, Array):  # artifacts have no parent element
            for mcid in artifacts:
                if mcid < len(numbers):
                    numbers[mcid] = None


def _unmark(content: bytes, artifacts: Mapping[int, bytes]) -> bytes:
    """Return the content with the sections of the given MCIDs opened as artifacts instead."""
    return MARKED.sub(lambda found: artifacts.get(int(found[1]), found[0]), content)


def _stray_sections(
    instructions: list[pikepdf.ContentStreamInstruction], owned: set[int]
) -> dict[int, tuple[int, float]]:
    """Return where each marked section no element owns starts: its MCID and its height."""
    stray: dict[int, tuple[int, float]] = {}
    ctm = pikepdf.Matrix()
    saved: list[pikepdf.Matrix] = []
    opened: tuple[int, int] | None = None  # (instruction, MCID) of an unowned section
    for index, instruction in enumerate(instructions):
        name, operands = str(instruction.operator), instruction.operands
        if name == "q":
            saved.append(ctm)
        elif name == "Q":
            ctm = saved.pop()
        elif name == "cm":
            ctm = pikepdf.Matrix(*[float(x) for x in operands]) @ ctm
        elif name == "BDC" and isinstance(operands[1], Dictionary) and "/MCID" in operands[1]:
            mcid = int(operands[1].MCID)
            opened = None if mcid in owned else (index, mcid)
        elif name == "Tm" and opened is not None and opened[0] not in stray:
            text = pikepdf.Matrix(*[float(x) for x in operands]) @ ctm
            stray[opened[0]] = (opened[1], text.f)
        elif name == "EMC" and opened is not None:
            stray.setdefault(opened[0], (opened[1], 0.0))
            opened = None
    return stray


# Link descriptions -----------------------------------------------------------------------------


def _describe_links(pdf: pikepdf.Pdf, descriptions: Mapping[str, str]) -> None:
    """Say in words where each link goes: a page of this document, or an address on the web."""
    destinations = _destinations(pdf)
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
