"""One element per HTML element: the pieces WeasyPrint tags on each page joined into one."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name, Object, String

from macros.pdf.boxes import ORIGIN
from macros.pdf.tags.tree import is_element, is_objr, kids, same, set_kids, subtree

REPEATED = b"/Artifact <</Type /Pagination>> BDC"  # a table's header row printed again


def join_pieces(
    pdf: pikepdf.Pdf, parents: pikepdf.NumberTree
) -> dict[tuple[int, int], dict[int, bytes]]:
    """Join the elements WeasyPrint starts again on each page; return what becomes an artifact.

    Each element is marked with the HTML element it came from (macros/pdf/boxes.py): two
    neighbours from one HTML element on different pages are one element. A table's header row,
    printed again on each page the table runs on to, becomes an artifact the second time.
    """
    dropped: dict[tuple[int, int], dict[int, bytes]] = {}
    identities: dict[str, str] = {}
    stack: list[Object] = [pdf.Root.StructTreeRoot]
    while stack:
        element = stack.pop()
        joined: list[Object] = []
        for kid in kids(element):
            before = joined[-1] if joined else None
            if is_element(kid) and kid.get("/S") == "/THead":
                # The header row comes again before the body on each page the table runs on to.
                first = next((e for e in joined if is_element(e) and _continues(e, kid)), None)
                if first is not None:
                    _drop(kid, parents, dropped, identities, first)
                    continue
            if (
                is_element(kid)
                and before is not None
                and is_element(before)
                and _continues(before, kid)
            ):
                _move(kid, before, parents)
                continue
            joined.append(kid)
        if len(joined) < len(kids(element)):
            set_kids(element, joined)
        stack += [kid for kid in joined if is_element(kid)]
    _point_headers(pdf, identities)
    for element in subtree(pdf.Root.StructTreeRoot):
        if ORIGIN in element:
            del element[f"/{ORIGIN}"]
    return dropped


def _continues(before: Dictionary, after: Dictionary) -> bool:
    """Say if an element is the next page's piece of the element before it."""
    origin = before.get(f"/{ORIGIN}")
    return (
        origin is not None
        and origin == after.get(f"/{ORIGIN}")
        and before.get("/S") == after.get("/S")
        and not same(before.get("/Pg"), after.get("/Pg"))
    )


def _move(piece: Dictionary, into: Dictionary, parents: pikepdf.NumberTree) -> None:
    """Move a piece's content to the element it continues, and tell the parent tree."""
    moved: list[Object | int] = []
    for kid in kids(piece):
        if is_element(kid):
            kid.P = into
            moved.append(kid)
        elif is_objr(kid):
            parents[int(kid.Obj.StructParent)] = into
            moved.append(kid)
        else:
            page = kid.Pg if isinstance(kid, Dictionary) else piece.Pg
            mcid = int(kid.MCID) if isinstance(kid, Dictionary) else int(kid)
            parents[int(page.StructParents)][mcid] = into
            # An MCID alone means one on the element's own page; one on another page says which.
            if same(page, into.get("/Pg")):
                moved.append(mcid)
            else:
                moved.append(Dictionary(Type=Name.MCR, Pg=page, MCID=mcid))
    set_kids(into, [*kids(into), *moved])
    set_kids(piece, [])


def _drop(
    piece: Dictionary,
    parents: pikepdf.NumberTree,
    dropped: dict[tuple[int, int], dict[int, bytes]],
    identities: dict[str, str],
    first: Dictionary,
) -> None:
    """Take a repeated header row out of the tree; its cells' ids now name the first row's."""
    firsts = [e for e in subtree(first) if "/ID" in e]
    for element, original in zip([e for e in subtree(piece) if "/ID" in e], firsts, strict=False):
        identities[str(element.ID)] = str(original.ID)
    for element in subtree(piece):
        page = element.get("/Pg")
        for kid in kids(element):
            if isinstance(kid, int) and page is not None:
                dropped.setdefault(page.objgen, {})[int(kid)] = REPEATED
                numbers = parents.get(int(page.StructParents))
                if isinstance(numbers, Array) and int(kid) < len(numbers):
                    numbers[int(kid)] = None
    set_kids(piece, [])


def _point_headers(pdf: pikepdf.Pdf, identities: dict[str, str]) -> None:
    """Point data cells at their column's first header cells, and list every id in an IDTree.

    PDF 1.7 needs the IDTree wherever elements have ids, for the cells' Headers to resolve.
    """
    named: dict[str, Object] = {}
    for element in subtree(pdf.Root.StructTreeRoot):
        headers = element.get("/A", Dictionary()).get("/Headers") if is_element(element) else None
        if isinstance(headers, Array):
            element.A.Headers = Array([String(identities.get(str(h), str(h))) for h in headers])
        if "/ID" in element and str(element.ID) not in identities:
            named[str(element.ID)] = element
    if named:
        tree = pikepdf.NameTree.new(pdf)
        for key in sorted(named):
            tree[key] = named[key]
        pdf.Root.StructTreeRoot.IDTree = tree.obj
