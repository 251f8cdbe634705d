"""A recommendation's history as a table model: when, who, what, before, after, newest first.

Rows are the dicts of ``queries.history``; statuses are shown in the tracker's
words (``labels``), deadlines as short dates, and every value in full in its tooltip.
"""
from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from panelbook.ui.tracker.recs_model import one_line, short_date

FIELD_WORDS = {
    "status": "Status", "response": "Response", "deadline": "Deadline", "owner": "Owner", "text": "Wording",
    "decision": "Panel decision", "status_text": "Status as printed", "not_a_recommendation": "Not a recommendation",
    "created": "Added",
}


class HistoryModel(QAbstractTableModel):
    """A recommendation's changes, newest first: when, who, what, before, after."""

    COLUMNS: ClassVar[list[str]] = ["When", "Who", "What", "Before", "After"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self.labels: dict[str, str] = {}

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(reversed(rows))
        self.endResetModel()

    def rows(self) -> list[dict]:
        return list(self._rows)

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                return row["at"]
            return self._full(row, index.column()) or None
        return None

    def _value(self, row: dict, key: str) -> str:
        value = row[key]
        if value is None or value == "":
            return "(none)" if row["field"] != "created" or key == "after" else ""
        if row["field"] == "status":
            return self.labels.get(value, value)
        if row["field"] == "deadline":
            return short_date(value)
        if row["field"] == "not_a_recommendation":
            return "yes" if str(value) in ("1", "True") else "no"
        return str(value)

    def _full(self, row: dict, column: int) -> str:
        if column == 3:
            return self._value(row, "before")
        if column == 4:
            return self._value(row, "after")
        return self._display(row, column)

    def _display(self, row: dict, column: int) -> str:
        if column == 0:
            return when_text(row["at"])
        if column == 1:
            return row["who"] or ""
        if column == 2:
            return FIELD_WORDS.get(row["field"], row["field"].replace("_", " ").capitalize())
        return one_line(self._full(row, column))


def when_text(stamp: str | None) -> str:
    """"18 Jul 2024 14:05" from an ISO time stamp (local time when it carries a zone)."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return short_date(moment.date().isoformat())
    return f"{moment.day} {moment:%b %Y %H:%M}"
