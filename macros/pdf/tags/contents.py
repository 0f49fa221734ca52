"""The contents page: a table of contents, with its dot leaders left out of the tree."""

from __future__ import annotations

import pikepdf
from pikepdf import Dictionary, Name

from macros.pdf.tags.tree import (
    Tree,
    destination_page,
    is_element,
    is_objr,
    kids,
    mcids,
    same,
    set_kids,
    subtree,
)

CONTENTS = "contents"  # the id of the contents list in the print document


def tag_contents(pdf: pikepdf.Pdf, tree: Tree) -> dict[tuple[int, int], set[int]]:
    """Tag the contents list as TOC and TOCI; return its leaders' marked content, by page.

    The leaders leave the structure tree here, to be drawn as layout artifacts.
    """
    page = destination_page(pdf, CONTENTS)
    root = next((e for e in tree.order if e.get("/S") == "/L" and same(e.get("/Pg"), page)), None)
    if root is None:
        return {}
    inside = [element for part in _parts(root, tree) for element in subtree(part)]
    roles = {"/L": Name.TOC, "/LI": Name.TOCI, "/LBody": Name.Reference}
    for element in inside:
        role = roles.get(str(element.get("/S")))
        if role is not None:
            element.S = role
    leaders: dict[tuple[int, int], set[int]] = {}
    for element in inside:
        if is_leader(element, tree):
            leaders.setdefault(element.Pg.objgen, set()).update(mcids(element))
            drop_leader(element, tree)
    return leaders


def _parts(root: Dictionary, tree: Tree) -> list[Dictionary]:
    """Return the contents list and the parts of it that run on to later pages.

    WeasyPrint starts the contents' box again on each page it runs on to, as a sibling of the
    box holding the list; each such box holds the list's next part.
    """
    holder = tree.parent.get(root.objgen)
    outer = tree.parent.get(holder.objgen) if holder is not None else None
    if holder is None or outer is None:
        return [root]
    siblings = [kid for kid in kids(outer) if is_element(kid)]
    start = next(i for i, kid in enumerate(siblings) if same(kid, holder))
    parts = [root]
    for box in siblings[start + 1 :]:
        if box.get("/S") != holder.get("/S"):
            break
        parts += [kid for kid in kids(box) if is_element(kid) and kid.get("/S") == "/L"]
    return parts


def is_leader(element: Dictionary, tree: Tree) -> bool:
    """Say if an element is an entry's leader: the first box of the link's ::after.

    The stylesheet prints `leader(".") target-counter(...)` after each contents link, so the
    leader is a link box inside a link box inside the entry's link, ahead of the page number.
    """
    links = list(tree.ancestors(element))[:2]
    if element.get("/S") != "/Link" or len(links) < 2:
        return False
    if any(link.get("/S") != "/Link" for link in links):
        return False
    first = next((kid for kid in kids(links[0]) if is_element(kid)), None)
    return same(first, element) and bool(mcids(element))


def drop_leader(leader: Dictionary, tree: Tree) -> None:
    """Take a leader out of the tree, handing its link annotation to the element around it."""
    holder = tree.parent[leader.objgen]
    moved = [kid for kid in kids(leader) if is_objr(kid)]
    rest = [kid for kid in kids(holder) if not same(kid, leader)]
    set_kids(holder, [*moved, *rest])
    set_kids(leader, [])
