"""An item's questions (or lines of enquiry, or further notes) as a Qt list model.

Rows are note dicts from the store (a row cache keyed by note id).  The model
changes its rows at once, so the list answers immediately, and emits
``edited(note_id, changes)`` / ``moved(ids)`` for the panel to save on the
database worker.  A question's tick means "asked"; an answer given makes it
"answered".
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

IdRole = Qt.ItemDataRole.UserRole + 1
NoteRole = Qt.ItemDataRole.UserRole + 2


class NotesListModel(QAbstractListModel):
    edited = Signal(int, dict)      # note id, changed fields
    moved = Signal(list)            # note ids in their new order

    def __init__(self, kind: str = "question", editable: bool = True, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.editable = editable
        self._rows: list[dict] = []

    # -- rows ---------------------------------------------------------------

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def rows(self) -> list[dict]:
        return [dict(r) for r in self._rows]

    def ids(self) -> list[int]:
        return [r["id"] for r in self._rows]

    def note(self, row: int) -> dict:
        return self._rows[row]

    def row_of(self, note_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r["id"] == note_id), None)

    def append(self, note: dict) -> None:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(dict(note))
        self.endInsertRows()

    def remove(self, row: int) -> dict:
        self.beginRemoveRows(QModelIndex(), row, row)
        note = self._rows.pop(row)
        self.endRemoveRows()
        self._renumber(row)
        return note

    def update(self, note_id: int, **changes) -> None:
        row = self.row_of(note_id)
        if row is None:
            return
        self._rows[row].update(changes)
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def move(self, row: int, step: int) -> int | None:
        """Move a row up (-1) or down (+1); returns its new row, or None at an end."""
        target = row + step
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return None
        destination = target + 1 if step > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self._renumber(min(row, target))
        self.moved.emit(self.ids())
        return target

    def _renumber(self, first: int) -> None:
        if self._rows and first < len(self._rows):
            self.dataChanged.emit(self.index(first), self.index(len(self._rows) - 1))

    # -- Qt -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
            if self.kind == "question":
                flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        note = self._rows[index.row()]
        if role == IdRole:
            return note["id"]
        if role == NoteRole:
            return dict(note)
        if role == Qt.ItemDataRole.EditRole:
            return note["text"]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(index.row(), note)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            states: dict[str | None, str] = {"open": "not asked yet", "asked": "asked", "answered": "answered"}
            state = states.get(note.get("state"), "")
            text = self.display(index.row(), note).replace("\n", ", ")
            return f"{text}, {state}" if self.kind == "question" else text
        if role == Qt.ItemDataRole.CheckStateRole and self.kind == "question":
            return Qt.CheckState.Checked if note.get("state") in ("asked", "answered") else Qt.CheckState.Unchecked
        return None

    def display(self, row: int, note: dict) -> str:
        lines = [f"{row + 1}. {note['text']}" if self.kind != "note" else note["text"]]
        if note.get("lead"):
            lines.append(f"Leads: {note['lead']}")
        if self.kind == "question":
            if note.get("state") == "answered" and note.get("answer"):
                lines.append(f"Answer: {note['answer']}")
            elif note.get("state") == "asked":
                lines.append("Asked")
        if self.kind == "shared" and note.get("profile"):
            what = "Question" if note.get("kind") == "question" else "Note"
            how = "shared with the panel" if note.get("shared") else "from their markup file"
            lines.append(f"{what} from {note['profile']}, {how}")
        return "\n".join(lines)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.editable:
            return False
        note = self._rows[index.row()]
        if role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            if not text or text == note["text"]:
                return False
            changes = {"text": text}
        elif role == Qt.ItemDataRole.CheckStateRole and self.kind == "question":
            ticked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            changes = {"state": ("answered" if note.get("answer") else "asked") if ticked else "open"}
        else:
            return False
        note.update(changes)
        self.dataChanged.emit(index, index)
        self.edited.emit(note["id"], changes)
        return True

    def set_answer(self, row: int, answer: str) -> None:
        """The answer given to a question: it is answered (or back to asked when the answer is cleared)."""
        note = self._rows[row]
        answer = answer.strip()
        if answer == (note.get("answer") or ""):
            return
        changes = {"answer": answer or None,
                   "state": "answered" if answer else ("asked" if note.get("state") != "open" else "open")}
        note.update(changes)
        index = self.index(row)
        self.dataChanged.emit(index, index)
        self.edited.emit(note["id"], changes)
