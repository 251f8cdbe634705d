"""The tracker's table models: recommendations (ids plus a row cache) and their filter.

A recommendation's history has its own model beside its view (``history_model``).

Rows are the dicts of ``queries.recommendations``.  Overdue rows stand out
three ways, so colour is never the only sign: a tint mixed from the palette's
base colour (readable on light and dark themes), a clock icon, and the word
"Overdue" in its own column.
"""
from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from panelbook.ui.common.icons import icon
from panelbook.ui.common.row_table_model import RowTableModel

SortRole = Qt.ItemDataRole.UserRole
IdRole = Qt.ItemDataRole.UserRole + 1
RecRole = Qt.ItemDataRole.UserRole + 2
OverdueRole = Qt.ItemDataRole.UserRole + 3

MEETING, ITEM, TEXT, OWNER, RESPONSE, STATUS, DEADLINE, OVERDUE = range(8)

WARNING = QColor("#d1495b")     # mixed into the base colour, never used for text
TINT = 0.22


def short_date(iso: str | None) -> str:
    """"18 Jul 2024" from "2024-07-18"; empty for no date."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day:%b %Y}"


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def overdue_tint(palette: QPalette) -> QColor:
    """The palette's base colour with a little warning red mixed in."""
    base = palette.color(QPalette.ColorRole.Base)
    return QColor(
        round(base.red() * (1 - TINT) + WARNING.red() * TINT),
        round(base.green() * (1 - TINT) + WARNING.green() * TINT),
        round(base.blue() * (1 - TINT) + WARNING.blue() * TINT),
    )


def overdue_reason(row: dict, today: date | None = None) -> str:
    """Why a row is overdue, in words."""
    today = today or date.today()
    if row.get("deadline") and row["deadline"] < today.isoformat():
        return f"Overdue: the deadline was {short_date(row['deadline'])}."
    if row.get("response_due"):
        return f"Overdue: no response yet; one was expected by {short_date(row['response_due'])}."
    return "Overdue."


class RecsModel(RowTableModel):
    COLUMNS: ClassVar[list[str]] = ["Meeting", "Item", "Recommendation", "Owner", "Response", "Status", "Deadline",
                                    "Overdue"]
    TOOLTIPS: ClassVar[list[str] | None] = [
        "Date of the meeting that made the recommendation", "Agenda item it came from",
        "What the panel recommended", "Who is to act on it", "The response received so far",
        "Where it stands", "When it is due", "Past its deadline, or no response within the response time",
    ]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today: date | None = None

    def rec(self, row: int) -> dict:
        return self._rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == IdRole:
            return row["id"]
        if role == RecRole:
            return row
        if role == OverdueRole:
            return bool(row["overdue"])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == SortRole:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row["overdue"]:
            app = QApplication.instance()
            return overdue_tint(app.palette()) if isinstance(app, QApplication) else None
        if role == Qt.ItemDataRole.DecorationRole and column == OVERDUE and row["overdue"]:
            return icon("overdue")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (MEETING, DEADLINE):
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: dict, column: int) -> str:
        if column == MEETING:
            return short_date(row["meeting_date"])
        if column == ITEM:
            return one_line(row["item_title"])
        if column == TEXT:
            return one_line(row["text"])
        if column == OWNER:
            return one_line(row["owner"])
        if column == RESPONSE:
            return one_line(row["response"])
        if column == STATUS:
            return row["status_label"]
        if column == DEADLINE:
            return short_date(row["deadline"])
        if column == OVERDUE:
            return "Overdue" if row["overdue"] else ""
        return ""

    @staticmethod
    def _sort_key(row: dict, column: int):
        if column == MEETING:
            return f"{row['meeting_date'] or ''}|{row['id']:08d}"
        if column == DEADLINE:
            return row["deadline"] or "9999"     # no deadline sorts last
        if column == OVERDUE:
            return 0 if row["overdue"] else 1
        if column == STATUS:
            return row["status_label"]
        key = {ITEM: "item_title", TEXT: "text", OWNER: "owner", RESPONSE: "response"}[column]
        return one_line(row[key]).casefold()

    def _tooltip(self, row: dict, column: int) -> str | None:
        if column == STATUS:
            printed = row.get("status_text")
            return f"{row['status_label']}\nAs printed: {printed}" if printed else row["status_label"]
        if column == OVERDUE:
            return overdue_reason(row, self.today) if row["overdue"] else None
        if column == DEADLINE and not row["deadline"]:
            return "No deadline"
        text = self._display(row, column)
        return text or None


class RecsFilter(QSortFilterProxyModel):
    """Shows the rows of one view (a set of ids), optionally of one meeting and one issue."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: set[int] | None = None
        self._meeting: int | None = None
        self._issue: str | None = None
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_filter(self, ids: set[int] | None, meeting_id: int | None = None, issue: str | None = None) -> None:
        self.beginFilterChange()
        self._ids, self._meeting, self._issue = (set(ids) if ids is not None else None), meeting_id, issue
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        rec = self.sourceModel().index(source_row, 0, source_parent).data(RecRole)
        if rec is None:
            return False
        if self._ids is not None and rec["id"] not in self._ids:
            return False
        if self._meeting is not None and rec["meeting_id"] != self._meeting:
            return False
        return self._issue is None or issue_of(rec) == self._issue or rec["item_title"] == self._issue


def issue_of(rec: dict) -> str:
    """The issue a recommendation belongs to: the item's issue, else its item title."""
    return rec.get("issue") or rec.get("item_title") or ""
