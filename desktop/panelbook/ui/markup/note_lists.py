"""What the panel's three note lists (more notes, questions, lines of enquiry) share:
edits and new orders saved as made, rows moved and deleted, and one "Undo delete"
that brings back whatever was deleted last from any of them (``markup.restore_note``),
as many times as things were deleted while the window is open.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QListView

from panelbook.services import markup
from panelbook.ui.markup.markup_host import MarkupHost
from panelbook.ui.markup.notes_list_model import NotesListModel
from panelbook.ui.markup.section_parts import shorten, tool_button


class NoteLists(QObject):
    """The shared actions of the note lists and the undo button they share."""

    def __init__(self, host: MarkupHost, parent: QObject | None = None):
        super().__init__(parent)
        self.host = host
        self.deleted: list[dict] = []
        self.undo_button = tool_button("undo", "Undo delete", "Bring back what was deleted last")
        self.undo_button.clicked.connect(self.undo_delete)

    def connect_model(self, model: NotesListModel, ordered: bool = True) -> None:
        """Save the model's edits (and, for an ordered list, its new orders) as they are made."""
        model.edited.connect(self.save_edit)
        if ordered:
            model.moved.connect(self.save_order)

    def save_edit(self, note_id: int, changes: dict) -> None:
        self.host.write(lambda store: markup.update_note(store, note_id, **changes))

    def save_order(self, ids: list[int]) -> None:
        self.host.write(lambda store: markup.reorder(store, ids))

    @staticmethod
    def move(view: QListView, model: NotesListModel, step: int) -> None:
        index = view.currentIndex()
        if not index.isValid() or not model.editable:
            return
        target = model.move(index.row(), step)
        if target is not None:
            view.setCurrentIndex(model.index(target))

    def delete_from(self, view: QListView, model: NotesListModel) -> None:
        index = view.currentIndex()
        item_id = self.host.item_id
        if not index.isValid() or not model.editable or item_id is None:
            return
        note = model.remove(index.row())
        self.host.write(lambda store: markup.delete_note(store, note["id"]),
                         lambda whole: self._deleted(whole, item_id))

    def _deleted(self, note: dict, item_id: int) -> None:
        self.deleted.append(note)
        self.undo_button.setEnabled(self.host.item_id is not None)
        self.undo_button.setToolTip(f"Bring back “{shorten(note['text'])}”")
        self.host.marks_changed_for(item_id)

    def undo_delete(self) -> None:
        """Bring back the last deleted note, question or line of enquiry."""
        if not self.deleted:
            return
        note = self.deleted.pop()
        self.undo_button.setEnabled(bool(self.deleted))
        if self.deleted:
            self.undo_button.setToolTip(f"Bring back “{shorten(self.deleted[-1]['text'])}”")
        self.host.write(lambda store: markup.restore_note(store, note),
                         lambda _id: self.host.changed(note["item_id"]))

    def set_enabled(self, on: bool) -> None:
        self.undo_button.setEnabled(on and bool(self.deleted))


def refill(model: NotesListModel, view: QListView, rows: list[dict]) -> None:
    """Put new rows in a list, keeping the chosen note chosen when it is still there."""
    current = view.currentIndex()
    keep = model.note(current.row())["id"] if current.isValid() and current.row() < model.rowCount() else None
    model.set_rows(rows)
    row = model.row_of(keep) if keep is not None else None
    if row is not None:
        view.setCurrentIndex(model.index(row))
