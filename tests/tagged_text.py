"""Text as a screen reader reads it from a tagged PDF: element by element, in tag order."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pikepdf
from pypdf import PdfReader

# Elements whose text reads as one run: a line break inside one stands for a space.
BLOCKS = ("/P", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/LBody", "/Lbl", "/TD", "/TH")


@dataclass
class Piece:
    """The text of one marked-content section, and the height of its first and last glyphs."""

    text: str = ""
    first: float | None = None
    last: float | None = None


@dataclass
class Block:
    """A block element's pieces of text in tag order."""

    role: str
    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass
class _PageReader:
    """Collects one page's marked sections as pypdf reads its text."""

    number: int
    found: dict[tuple[int, int], Piece]
    stack: list[Piece | None] = field(default_factory=list)
    actual: dict[int, str] = field(default_factory=dict)

    def operator(self, op: bytes, args: list[object], *_: object) -> None:
        if op in (b"BDC", b"BMC"):
            props = args[1] if op == b"BDC" and len(args) > 1 else None
            if not isinstance(props, dict) or "/MCID" not in props:
                self.stack.append(None)
                return
            piece = self.found.setdefault((self.number, int(props["/MCID"])), Piece())
            if "/ActualText" in props:
                self.actual[id(piece)] = str(props["/ActualText"])
            self.stack.append(piece)
        elif op == b"EMC" and self.stack:
            self.stack.pop()

    def text(self, value: str, cm: list[float], tm: list[float], *_: object) -> None:
        piece = self.stack[-1] if self.stack else None
        if piece is None or not value.strip("\n"):
            return
        height = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        piece.text += value.replace("\n", "")  # pypdf adds newlines of its own
        piece.first = height if piece.first is None else piece.first
        piece.last = height


def pieces_by_mcid(data: bytes) -> dict[tuple[int, int], Piece]:
    """Return each marked section's text by page and MCID, its ActualText where it has one."""
    reader = PdfReader(io.BytesIO(data))
    found: dict[tuple[int, int], Piece] = {}
    for number, page in enumerate(reader.pages):
        one = _PageReader(number, found)
        page.extract_text(visitor_operand_before=one.operator, visitor_text=one.text)
        for piece in found.values():
            if id(piece) in one.actual:
                piece.text = one.actual.pop(id(piece))
    return found


def blocks(data: bytes) -> list[Block]:
    """Return the PDF's block elements, each with its text in tag order."""
    pieces = pieces_by_mcid(data)
    found: list[Block] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}

        def visit(element: pikepdf.Dictionary, block: Block | None) -> None:
            role = str(element.get("/S"))
            if role in BLOCKS:
                block = Block(role)
                found.append(block)
            kids = element.get("/K")
            for kid in list(kids) if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, int) and "/Pg" in element:
                    key = (pages[element.Pg.objgen], int(kid))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    key = (pages[kid.Pg.objgen], int(kid.MCID))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR":
                    visit(kid, block)
                    continue
                else:
                    continue
                if block is not None and key in pieces:
                    block.pieces.append(pieces[key])

        visit(pdf.Root.StructTreeRoot, None)
    return found


def unspaced_breaks(block: Block) -> list[str]:
    """Return the joins in a block where a new line starts with no space between the words."""
    joins = []
    for before, after in zip(block.pieces, block.pieces[1:], strict=False):
        if before.last is None or after.first is None or not before.text or not after.text:
            continue
        new_line = abs(before.last - after.first) > 8  # a line is 14 pt; a raised note 3 pt
        if not new_line or before.text[-1].isspace() or after.text[0].isspace():
            continue
        if before.text.endswith(("-", "/", "\u2010")):
            continue  # a break after a printed hyphen or slash
        word = before.text.split()[-1] + after.text.split()[0]
        if re.search(r"/|www\.|\.html|\.org|\.uk", word):
            continue  # an address, which wraps anywhere and has no spaces to lose
        joins.append(f"{before.text[-15:]}|{after.text[:15]}")
    return joins
