"""A meeting's agenda as a Qt table model: item dicts (from ``queries.agenda``) as a row cache.

Columns: agenda number, minute number, title, pack pages, confidential marker.
Items the user has not opened yet are shown in bold, as unread mail is; an item the
clerk corrected carries a pencil by its number.
"""
from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from panelbook.ui.common.icons import icon
from panelbook.ui.common.row_table_model import RowTableModel

IdRole = Qt.ItemDataRole.UserRole + 1
ItemRole = Qt.ItemDataRole.UserRole + 2
ReadRole = Qt.ItemDataRole.UserRole + 3

NUMBER, MINUTE, TITLE, PAGES, CONFIDENTIAL = range(5)


def pages_text(pages) -> str:
    if not pages:
        return ""
    first, last = pages
    return str(first) if first == last else f"{first}–{last}"


class AgendaModel(RowTableModel):
    COLUMNS: ClassVar[list[str]] = ["No.", "Minute", "Title", "Pages", "Exempt"]
    TOOLTIPS: ClassVar[list[str] | None] = ["Agenda item number", "Minute number in the printed minutes", "Item title",
                "Pages of the agenda pack", "Confidential (exempt) items are marked with a lock"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._read: set[int] = set()
        self._bold: QFont | None = None

    def set_items(self, items: list[dict], read: set[int] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self._read = set(read or ())
        self.endResetModel()

    def set_read(self, read: set[int]) -> None:
        self._read = set(read)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def item(self, row: int) -> dict:
        return self._rows[row]

    def items(self) -> list[dict]:
        return list(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.row_at(index)
        if item is None:
            return None
        column = index.column()
        if role == IdRole:
            return item["id"]
        if role == ItemRole:
            return item
        if role == ReadRole:
            return item["id"] in self._read
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.FontRole and column == TITLE and item["id"] not in self._read:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and column == CONFIDENTIAL and item["confidential"]:
            return icon("lock")
        if role == Qt.ItemDataRole.DecorationRole and column == NUMBER and item.get("corrected"):
            return icon("corrected")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TITLE:
                return item["title"] + ("" if item["id"] in self._read else " (not opened yet)")
            if column == CONFIDENTIAL and item["confidential"]:
                return "Confidential: exempt from publication"
            if column == NUMBER and item.get("corrected"):
                return "Corrected by hand, kept over every later import (the item's menu undoes it):\n" + "\n".join(
                    f"• {line}" for line in item.get("correction_lines", []))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._display(item, column)
            if column == CONFIDENTIAL:
                return "confidential" if item["confidential"] else "public"
            if column == NUMBER and item.get("corrected"):
                return f"{text} (corrected)".strip()
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, MINUTE, PAGES):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _display(item: dict, column: int) -> str:
        if column == NUMBER:
            return item["agenda_number"] or ""
        if column == MINUTE:
            return item["minute_number"] or ""
        if column == TITLE:
            return item["title"]
        if column == PAGES:
            return pages_text(item["pages"])
        return ""
