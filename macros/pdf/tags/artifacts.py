"""Artifacts: marked content no element claims (running header, footer, leaders)."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pikepdf
from pikepdf import Array, Dictionary

from macros.pdf.tags.tree import Tree, mcids

# The start of a marked-content section with an MCID, as content streams write it. Text in
# WeasyPrint's streams is hex-encoded, so this cannot match inside a string.
MARKED = re.compile(rb"/\w+\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")


def mark_artifacts(
    pdf: pikepdf.Pdf,
    tree: Tree,
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
            claimed.setdefault(on.objgen, set()).update(mcids(element))
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
        stray = stray_sections(instructions, owned)
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
        page.obj.Contents = pdf.make_stream(unmark(page.obj.Contents.read_bytes(), artifacts))
        numbers = parents.get(index)
        if isinstance(numbers, Array):  # artifacts have no parent element
            for mcid in artifacts:
                if mcid < len(numbers):
                    numbers[mcid] = None


def unmark(content: bytes, artifacts: Mapping[int, bytes]) -> bytes:
    """Return the content with the sections of the given MCIDs opened as artifacts instead."""
    return MARKED.sub(lambda found: artifacts.get(int(found[1]), found[0]), content)


def stray_sections(
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
