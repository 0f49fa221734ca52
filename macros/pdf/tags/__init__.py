"""Finish the tags WeasyPrint writes, so a chapter PDF reads well aloud and passes PDF/UA-1.

WeasyPrint (up to 70) tags every box of a link that wraps other elements as its own element,
leaves the running header and footer as tagged content outside the structure tree, tags the
contents page as an ordinary list, a definition list's terms and meanings alike, the text
of a list item whose bullet is drawn inside it outside the item's body, and describes
each link by its raw target. This package rewrites those parts of the structure tree with pikepdf
after rendering; what is drawn on the page does not change.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pikepdf

from macros.pdf.tags.artifacts import mark_artifacts
from macros.pdf.tags.contents import tag_contents
from macros.pdf.tags.definitions import pair_definitions
from macros.pdf.tags.links import describe_links, tag_links
from macros.pdf.tags.lists import wrap_item_bodies
from macros.pdf.tags.tree import walk


def finish_tags(data: bytes, descriptions: Mapping[str, str]) -> bytes:
    """Return the PDF with links, artifacts, contents and link descriptions tagged properly.

    `descriptions` names in words where each of the document's anchors goes (by anchor id).
    """
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree = walk(pdf.Root.StructTreeRoot)
        parents = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
        leaders = tag_contents(pdf, tree)
        pair_definitions(tree)
        wrap_item_bodies(pdf, tree, parents)
        tag_links(tree, parents)
        mark_artifacts(pdf, tree, parents, leaders)
        describe_links(pdf, descriptions)
        out = io.BytesIO()
        # The same input gives the same bytes: builds of one commit are compared byte for byte.
        pdf.save(
            out,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            deterministic_id=True,
        )
    return out.getvalue()
