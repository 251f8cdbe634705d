"""The meetings list as a Qt table model: meeting ids plus a row cache.

Used for the calendar's list of meetings; the date column is decorated with
the committee's colour in the shape of the meeting's status as shown (a
scheduled meeting whose day has passed is shown as past, see ``colours``).
``today`` is the day that decides it (None: the real today), so tests can set it.
"""
from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from panelbook.ui.common.colours import COLOURS, SHORT_LABELS, STATUS_LABELS, shown_status
from panelbook.ui.common.markers import status_icon
from panelbook.ui.common.row_table_model import RowTableModel

SortRole = Qt.ItemDataRole.UserRole
IdRole = Qt.ItemDataRole.UserRole + 1


def meeting_label(row: dict) -> str:
    """"Thu 8 Aug 2024, Children and Families Scrutiny Panel"."""
    return f"{long_date(row['date'])}, {row['committee']}"


def long_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day:%a} {day.day} {day:%b %Y}"


class MeetingsModel(RowTableModel):
    COLUMNS: ClassVar[list[str]] = ["Date", "Time", "Committee", "Venue", "Status", "Items"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today: date | None = None

    def status(self, row: dict) -> str:
        """The status the list shows for ``row`` (``colours.PAST`` for a past scheduled meeting)."""
        return shown_status(row["status"], row["date"], self.today)

    def set_meetings(self, rows: list[dict]) -> None:
        self.set_rows(rows)

    def meeting_id(self, row: int) -> int:
        return self._rows[row]["id"]

    def meeting(self, row: int) -> dict:
        return self._rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == IdRole:
            return row["id"]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SortRole:
            return [row["date"], row["time"] or "", row["committee"], row["venue"] or "",
                    row["status"], row["items"]][column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return status_icon(COLOURS.colour(row["committee"]).name(), self.status(row))
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 2, 3, 4):
            if column == 3:
                return row["venue"] or None
            if column == 4:
                return STATUS_LABELS.get(self.status(row), row["status"])
            return row["committee"]
        return None

    def _display(self, row: dict, column: int):
        if column == 0:
            return long_date(row["date"])
        if column == 1:
            return row["time"] or ""
        if column == 2:
            return row["committee"]
        if column == 3:
            return row["venue"] or ""
        if column == 4:
            status = self.status(row)
            return SHORT_LABELS.get(status, status)
        if column == 5:
            return str(row["items"]) if row["items"] else ""
        return None
