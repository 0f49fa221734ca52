"""Word spaces at line breaks: the text a line ends with, given the space its break stands for."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from re import Match

import pikepdf

from macros.pdf.tags.artifacts import MARKED


def restore_spaces(pdf: pikepdf.Pdf, spaces: Mapping[tuple[int, int], str]) -> None:
    """Give each line end a space follows an ActualText that carries the space.

    WeasyPrint draws no space where it breaks a line, so text read in tag order, as assistive
    technology and copying read it, runs the words at each line break together.
    """
    for index, page in enumerate(pdf.pages):
        texts = {mcid: text for (number, mcid), text in spaces.items() if number == index}
        if texts:
            content = MARKED.sub(partial(_spaced, texts), page.obj.Contents.read_bytes())
            page.obj.Contents = pdf.make_stream(content)


def _spaced(texts: Mapping[int, str], found: Match[bytes]) -> bytes:
    """Return a marked section's opening with its ActualText, if it ends a line before a space."""
    text = texts.get(int(found[1]))
    if text is None:
        return found[0]
    # Hex, so the text cannot be mistaken for an operator when the stream is read again.
    actual = ("\ufeff" + text).encode("utf-16-be").hex().upper().encode()
    return b"/Span <</MCID %s /ActualText <%s>>> BDC" % (found[1], actual)
