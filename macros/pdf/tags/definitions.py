"""Definition lists: each term the label of its item, its meanings the body."""

from __future__ import annotations

from pikepdf import Dictionary, Name, Object

from macros.pdf.tags.tree import Tree, is_element, kids, set_kids


def pair_definitions(tree: Tree) -> None:
    """Tag each term of a definition list as the label of its item, its meanings as the body.

    WeasyPrint tags <dt> and <dd> alike, each as an item of its own. The stylesheet gives every
    <dt> an empty ::before, which arrives here as an empty element at the start of the term.
    """
    for element in tree.order:
        if element.get("/S") != "/L":
            continue
        items: list[Object] = []
        term: Object | None = None
        for kid in kids(element):
            body = only_body(kid)
            if body is not None and is_term(body):
                set_kids(body, kids(body)[1:])
                body.S = Name.Lbl
                term = kid
                items.append(kid)
            elif body is not None and term is not None:
                body.P = term
                set_kids(term, [*kids(term), body])
            else:
                term = None
                items.append(kid)
        if len(items) < len(kids(element)):
            set_kids(element, items)


def only_body(item: Object) -> Dictionary | None:
    """Return the body of a list item that has nothing else, as WeasyPrint makes for dt and dd."""
    if not is_element(item) or item.get("/S") != "/LI":
        return None
    elements = [kid for kid in kids(item) if is_element(kid)]
    return elements[0] if len(elements) == 1 and elements[0].get("/S") == "/LBody" else None


def is_term(body: Dictionary) -> bool:
    """Say if an item's body is a term: it starts with the stylesheet's empty marker."""
    first = kids(body)[:1]
    return (
        bool(first)
        and is_element(first[0])
        and first[0].get("/S") == "/NonStruct"
        and not kids(first[0])
    )
