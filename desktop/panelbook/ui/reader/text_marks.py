"""Highlights in a pack imported as text: which item a selection stands in, and the saved
highlights drawn over the report text (the reader's text view, a QTextBrowser).

The text view holds each item's report under a heading carrying the anchor ``item-N``
(``PackReader._text_html``).  A highlight there is anchored by quote and context in the
item's report text, as one on a page is in the page's text (``anchoring``); it is drawn
where its quote stands in that item's part of the view, spacing and line breaks aside.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

HIGHLIGHT = QColor(255, 214, 10, 120)       # the colour of highlights on the PDF pages


def item_starts(document: QTextDocument) -> list[tuple[int, int]]:
    """(position, item id) of each item's heading in the text view, in order."""
    starts: list[tuple[int, int]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            for name in it.fragment().charFormat().anchorNames():
                if name.startswith("item-") and name[5:].isdigit():
                    starts.append((block.position(), int(name[5:])))
            it += 1
        block = block.next()
    return starts


def item_at(starts: list[tuple[int, int]], position: int) -> int | None:
    """The item whose part of the text view holds ``position`` (None before the first heading)."""
    at = bisect_right([p for p, _item in starts], position) - 1
    return starts[at][1] if at >= 0 else None


def _part(starts: list[tuple[int, int]], item_id: int, end: int) -> tuple[int, int] | None:
    for n, (position, item) in enumerate(starts):
        if item == item_id:
            return position, starts[n + 1][0] if n + 1 < len(starts) else end
    return None


def selections(document: QTextDocument, starts: list[tuple[int, int]],
               highlights: list[dict]) -> list[QTextEdit.ExtraSelection]:
    """The saved highlights placed in the text (one coloured span each, with its comment as
    the tooltip); a quote no longer found in its item's part is not drawn."""
    out = []
    end = document.characterCount()
    for light in highlights:
        if light.get("page_idx") is not None or light.get("needs_placing") or light.get("item_id") is None:
            continue
        part = _part(starts, light["item_id"], end)
        words = light["quote"].split()
        if part is None or not words:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words)
        cursor = document.find(QRegularExpression(pattern), part[0])
        if cursor.isNull() or cursor.selectionEnd() > part[1]:
            continue
        chosen = QTextEdit.ExtraSelection()
        chosen.cursor = QTextCursor(cursor)
        chosen.format.setBackground(HIGHLIGHT)
        if light.get("comment"):
            chosen.format.setToolTip(light["comment"])
        out.append(chosen)
    return out
