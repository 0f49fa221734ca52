"""List items: a bullet as the item's label and everything after it as the item's body."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name, Object

from macros.pdf.tags.tree import Tree, is_element, kids, set_kids


def wrap_item_bodies(pdf: pikepdf.Pdf, tree: Tree, parents: pikepdf.NumberTree) -> None:
    """Put what follows a list item's label into a body element, as PDF/UA-1 asks.

    The stylesheet draws bullets inside the text (laying out a bullet beside the text costs
    WeasyPrint a positioned box per item, about a sixth of a chapter's layout time). WeasyPrint
    then tags the bullet as the item's label but leaves the item's text loose beside it.
    """
    for item in tree.order:
        if item.get("/S") != "/LI":
            continue
        loose = [kid for kid in kids(item) if not _is_part(kid)]
        if not loose:
            continue
        body = pdf.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name.LBody, P=item, K=Array(loose))
        )
        if "/Pg" in item:
            body.Pg = item.Pg
        for kid in loose:
            if is_element(kid):
                kid.P = body
            elif isinstance(kid, int) and "/Pg" in item:
                # Marked content on the page names its structure element in the parent tree.
                parents[int(item.Pg.StructParents)][int(kid)] = body
        set_kids(item, [*[kid for kid in kids(item) if _is_part(kid)], body])


def _is_part(kid: Object) -> bool:
    """Say if a kid is already a label or a body of its item."""
    return is_element(kid) and kid.get("/S") in ("/Lbl", "/LBody")
