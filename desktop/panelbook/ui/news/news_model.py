"""What's new as a Qt table model: the entries' ids plus a row cache, unread ones in bold.

Columns: what happened (the kind in words), the committee, the meeting's date, what it is
about (the council's own title, shown as plain text), and when the sync found it, in this
computer's time.
"""
from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from panelbook.services.news import label
from panelbook.ui.common.meetings_model import long_date
from panelbook.ui.common.row_table_model import RowTableModel
from panelbook.ui.news.when import found_at

IdRole = Qt.ItemDataRole.UserRole + 1
UnreadRole = Qt.ItemDataRole.UserRole + 2
WHAT, COMMITTEE, MEETING, ABOUT, FOUND = range(5)


class NewsModel(RowTableModel):
    COLUMNS: ClassVar[list[str]] = ["What", "Committee", "Meeting", "About", "Found"]
    TOOLTIPS: ClassVar[list[str] | None] = [
        "What the sync found", "The committee it is about", "The meeting's date",
        "The document or meeting, in the council's words", "When the sync found it"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today: date | None = None

    def unread(self) -> int:
        return sum(not r["seen"] for r in self._rows)

    def mark_read(self, ids: set[int] | None = None) -> None:
        """Show these entries (None: all) as read, before the store's answer comes back."""
        for number, row in enumerate(self._rows):
            if not row["seen"] and (ids is None or row["id"] in ids):
                self._rows[number] = {**row, "seen": True}
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.COLUMNS) - 1))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == IdRole:
            return row["id"]
        if role == UnreadRole:
            return not row["seen"]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text(row, column)
            return text + ("" if row["seen"] else " (unread)") if column == WHAT else text
        if role == Qt.ItemDataRole.FontRole and not row["seen"]:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ("Unread: " if not row["seen"] and column == WHAT else "") + self._text(row, column)
        return None

    def _text(self, row: dict, column: int) -> str:
        if column == WHAT:
            return label(row["kind"])
        if column == COMMITTEE:
            return row["committee"] or ""
        if column == MEETING:
            return long_date(row["meeting_date"]) if row["meeting_date"] else ""
        if column == ABOUT:
            return " ".join((row["title"] or "").split())
        return found_at(row["at"], self.today)
