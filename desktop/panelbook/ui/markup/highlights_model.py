"""An item's highlights as a Qt list model: page, quote and comment.

One model lists the highlights that are placed on a page; a second, with
``needs_placing=True``, lists those a revised pack no longer holds, with
their text, so nothing highlighted is ever silently gone.  ``remove`` takes a
deleted highlight out at once, before the worker has saved the deletion.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

PageRole = Qt.ItemDataRole.UserRole + 1
HighlightRole = Qt.ItemDataRole.UserRole + 2
QUOTE_CHARS = 160


def short_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


class HighlightsModel(QAbstractListModel):
    def __init__(self, needs_placing: bool = False, parent=None):
        super().__init__(parent)
        self.needs_placing = needs_placing
        self._rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows if bool(r.get("needs_placing")) == self.needs_placing]
        self.endResetModel()

    def highlight(self, row: int) -> dict:
        return self._rows[row]

    def remove(self, row: int) -> dict:
        """Take a row out at once (its deletion is saved on the worker); returns the highlight."""
        self.beginRemoveRows(QModelIndex(), row, row)
        light = self._rows.pop(row)
        self.endRemoveRows()
        return light

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        light = self._rows[index.row()]
        if role == PageRole:
            return None if self.needs_placing else light.get("page_idx")
        if role == HighlightRole:
            return dict(light)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.display(light, role == Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(light, short=False)
        return None

    def display(self, light: dict, short: bool = True) -> str:
        quote = short_quote(light["quote"]) if short else light["quote"]
        if self.needs_placing:
            was = f" (was on page {light['printed']})" if light.get("printed") is not None else ""
            head = f"“{quote}”{was}"
        else:
            where = (f"Page {light['printed']}" if light.get("printed") is not None
                     else "Report text" if light.get("page_idx") is None
                     else f"PDF page {(light.get('page_idx') or 0) + 1}")
            head = f"{where}: “{quote}”"
        return head + (f"\nComment: {light['comment']}" if light.get("comment") else "")
