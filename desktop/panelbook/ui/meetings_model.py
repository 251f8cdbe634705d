"""The meetings list as a Qt table model: meeting ids plus a row cache."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

SortRole = Qt.ItemDataRole.UserRole
IdRole = Qt.ItemDataRole.UserRole + 1

STATUS_LABELS = {
    "scheduled": "Upcoming", "held": "Held", "moved": "Moved", "cancelled": "Cancelled", "new": "New",
}


class MeetingsModel(QAbstractTableModel):
    COLUMNS = ["Date", "Time", "Committee", "Venue", "Status", "Items"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []

    def set_meetings(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def meeting_id(self, row: int) -> int:
        return self._rows[row]["id"]

    def row_of(self, meeting_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r["id"] == meeting_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == IdRole:
            return row["id"]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SortRole:
            return [row["date"], row["time"] or "", row["committee"], row["venue"] or "",
                    row["status"], row["items"]][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return row["venue"]
        return None

    @staticmethod
    def _display(row: dict, column: int):
        if column == 0:
            return date.fromisoformat(row["date"]).strftime("%a %d %b %Y")
        if column == 1:
            return row["time"] or ""
        if column == 2:
            return row["committee"]
        if column == 3:
            return row["venue"] or ""
        if column == 4:
            return STATUS_LABELS.get(row["status"], row["status"])
        if column == 5:
            return str(row["items"]) if row["items"] else ""
        return None
