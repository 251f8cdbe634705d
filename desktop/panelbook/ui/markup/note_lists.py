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
        model.edited.connect(lambda note_id, changes: self.save_edit(note_id, changes, model))
        if ordered:
            model.moved.connect(lambda ids: self.save_order(ids, model))

    def save_edit(self, note_id: int, changes: dict, model: NotesListModel | None = None) -> None:
        """Save an edit made in a list; one the disk refuses is kept and saved by itself."""
        kind = KINDS.get(model.kind if model else "note", "note")
        row = model.row_of(note_id) if model is not None else None
        text = model.note(row)["text"] if model is not None and row is not None else ""
        self.host.write_kept(lambda store: markup.update_note(store, note_id, **changes),
                             f"Your change to a {kind} on {self.host.title_of(self.host.item_id)}",
                             change_words(changes, text), f"your change to the {kind}")

    def save_order(self, ids: list[int], model: NotesListModel | None = None) -> None:
        kinds = PLURALS.get(model.kind if model else "note", "notes")
        order = "\n".join(f"{n}. {row['text']}" for n, row in enumerate(model.rows() if model else [], 1))
        self.host.write_kept(lambda store: markup.reorder(store, ids),
                             f"The new order of your {kinds} on {self.host.title_of(self.host.item_id)}",
                             order, f"the new order of your {kinds}")

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
        kind = KINDS.get(model.kind, "note")
        self.host.write_kept(lambda store: markup.delete_note(store, note["id"]),
                             f"Deleting a {kind} on {self.host.title_of(item_id)}", note["text"],
                             f"deleting the {kind}", lambda whole: self._deleted(whole, item_id))

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
        self.host.write_kept(lambda store: markup.restore_note(store, note),
                             f"Bringing back a deleted {KINDS.get(note.get('kind', 'note'), 'note')} on "
                             f"{self.host.title_of(note['item_id'])}", note["text"], "what you brought back",
                             lambda _id: self.host.changed(note["item_id"]))

    def set_enabled(self, on: bool) -> None:
        self.undo_button.setEnabled(on and bool(self.deleted))


KINDS = {"question": "question", "enquiry": "line of enquiry", "note": "note"}
PLURALS = {"question": "questions", "enquiry": "lines of enquiry", "note": "notes"}


def change_words(changes: dict, text: str) -> str:
    """An edit of a list's note in words: its new text, the answer given, or whether it was asked."""
    if "text" in changes:
        return str(changes["text"])
    if "answer" in changes:
        return f"{text}\nAnswer: {changes['answer'] or '(cleared)'}"
    state = {"asked": "ticked as asked", "answered": "ticked as asked", "open": "not asked yet"}
    return f"{text}\n{state.get(str(changes.get('state')), 'changed')}"


def refill(model: NotesListModel, view: QListView, rows: list[dict]) -> None:
    """Put new rows in a list, keeping the chosen note chosen when it is still there."""
    current = view.currentIndex()
    keep = model.note(current.row())["id"] if current.isValid() and current.row() < model.rowCount() else None
    model.set_rows(rows)
    row = model.row_of(keep) if keep is not None else None
    if row is not None:
        view.setCurrentIndex(model.index(row))
