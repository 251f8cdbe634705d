"""The agenda model with the member's markup shown on each title.

A flag icon marks a flagged item, a note icon an item that carries notes,
questions or highlights; the tooltip and the accessible text say which flag,
how much markup and the chair's priority.  Read/unread (bold) comes from the
base model.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from panelbook.ui.common.icons import icon
from panelbook.ui.meeting.agenda_model import TITLE, AgendaModel

MarksRole = Qt.ItemDataRole.UserRole + 10


def marks_text(marks: dict | None) -> str:
    if not marks:
        return ""
    parts = []
    if marks.get("flag"):
        parts.append(f"flagged “{marks['flag']}”")
    if marks.get("priority"):
        parts.append(f"priority {marks['priority']}")
    if marks.get("notes"):
        parts.append(f"{marks['notes']} note{'s' if marks['notes'] != 1 else ''} or question"
                     f"{'s' if marks['notes'] != 1 else ''}")
    if marks.get("highlights"):
        parts.append(f"{marks['highlights']} highlight{'s' if marks['highlights'] != 1 else ''}")
    return ", ".join(parts)


class MarkedAgendaModel(AgendaModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._marks: dict[int, dict] = {}

    def set_marks(self, marks: dict[int, dict]) -> None:
        self._marks = dict(marks)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, TITLE), self.index(self.rowCount() - 1, TITLE))

    def marks(self, item_id: int) -> dict:
        return dict(self._marks.get(item_id) or {})

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == TITLE and 0 <= index.row() < self.rowCount():
            marks = self._marks.get(self.item(index.row())["id"])
            if role == MarksRole:
                return dict(marks or {})
            if role == Qt.ItemDataRole.DecorationRole and marks:
                if marks.get("flag"):
                    return icon("flag")
                if marks.get("notes") or marks.get("highlights"):
                    return icon("note")
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                base = super().data(index, role)
                extra = marks_text(marks)
                return f"{base} ({extra})" if extra else base
        return super().data(index, role)
