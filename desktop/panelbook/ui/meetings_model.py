"""The meetings list as a Qt table model: meeting ids plus a row cache.

Used for the calendar's list of upcoming meetings; the date column is
decorated with the committee's colour in the shape of the meeting's status.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from .colours import COLOURS, STATUS_LABELS
from .markers import status_icon

SortRole = Qt.ItemDataRole.UserRole
IdRole = Qt.ItemDataRole.UserRole + 1


def meeting_label(row: dict) -> str:
    """"Thu 8 Aug 2024, Children and Families Scrutiny Panel"."""
    return f"{long_date(row['date'])}, {row['committee']}"


def long_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day:%a} {day.day} {day:%b %Y}"


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

    def meeting(self, row: int) -> dict:
        return self._rows[row]

    def row_of(self, meeting_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r["id"] == meeting_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
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
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return status_icon(COLOURS.colour(row["committee"]).name(), row["status"])
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 2, 3):
            if column == 3:
                return row["venue"] or None
            return row["committee"]
        return None

    @staticmethod
    def _display(row: dict, column: int):
        if column == 0:
            return long_date(row["date"])
        if column == 1:
            return row["time"] or ""
        if column == 2:
            return row["committee"]
        if column == 3:
            return row["venue"] or ""
        if column == 4:
            if row["status"] == "scheduled" and row["date"] < date.today().isoformat():
                return "Scheduled"      # its date has passed but nothing says it was held
            return STATUS_LABELS.get(row["status"], row["status"])
        if column == 5:
            return str(row["items"]) if row["items"] else ""
        return None
