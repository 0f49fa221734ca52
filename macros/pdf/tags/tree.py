"""The structure tree of a tagged PDF as Python can walk and change it, with pikepdf."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeGuard

import pikepdf
from pikepdf import Array, Dictionary, Object


@dataclass
class Tree:
    """The structure tree as Python can walk it: elements in reading order, and their parents."""

    order: list[Dictionary] = field(default_factory=list)
    parent: dict[tuple[int, int], Dictionary] = field(default_factory=dict)

    def ancestors(self, element: Dictionary) -> Iterator[Dictionary]:
        """Yield an element's ancestors, nearest first."""
        current = self.parent.get(element.objgen)
        while current is not None:
            yield current
            current = self.parent.get(current.objgen)


def kids(element: Object) -> list[Object]:
    """Return an element's kids as a list, however the PDF writes them."""
    found = element.get("/K")
    if found is None:
        return []
    return list(found) if isinstance(found, Array) else [found]


def is_element(kid: Object) -> TypeGuard[Dictionary]:
    """Say if a kid is a structure element (not an annotation or content reference)."""
    return isinstance(kid, Dictionary) and kid.get("/Type") not in ("/OBJR", "/MCR")


def is_objr(kid: Object) -> bool:
    """Say if a kid is a reference to an annotation."""
    return isinstance(kid, Dictionary) and kid.get("/Type") == "/OBJR"


def same(one: Object | None, other: Object | None) -> bool:
    """Compare PDF objects by identity (pikepdf's == compares their whole contents)."""
    return isinstance(one, Object) and isinstance(other, Object) and one.objgen == other.objgen


def walk(root: Object) -> Tree:
    """Return the tree under a structure tree root."""
    tree = Tree()
    stack: list[tuple[Dictionary, Dictionary | None]] = [
        (kid, None) for kid in reversed(kids(root)) if is_element(kid)
    ]
    while stack:
        element, parent = stack.pop()
        tree.order.append(element)
        if parent is not None:
            tree.parent[element.objgen] = parent
        stack += [(kid, element) for kid in reversed(kids(element)) if is_element(kid)]
    return tree


def set_kids(element: Object, new: list[Object]) -> None:
    """Replace an element's kids."""
    element.K = Array(new)


def mcids(element: Dictionary) -> list[int]:
    """Return the marked-content ids an element holds directly."""
    return [int(kid) for kid in kids(element) if isinstance(kid, int)]


def subtree(root: Dictionary) -> list[Dictionary]:
    """Return an element and every element under it."""
    found: list[Dictionary] = []
    stack: list[Dictionary] = [root]
    while stack:
        element = stack.pop()
        found.append(element)
        stack += [kid for kid in kids(element) if is_element(kid)]
    return found


def destination_page(pdf: pikepdf.Pdf, name: str) -> Object | None:
    """Return the page a named destination is on."""
    target = named_destinations(pdf).get(name)
    return target[0] if isinstance(target, Array) else None


def named_destinations(pdf: pikepdf.Pdf) -> Mapping[str, Object]:
    """Return the document's named destinations."""
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    return pikepdf.NameTree(names.Dests)
