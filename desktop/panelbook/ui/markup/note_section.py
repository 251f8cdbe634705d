"""The member's private note on the item, saved as typed (see ``note_editor``), with
a word beside it saying whether it is saved; below it, the member's further notes
(made elsewhere, for example merged from a markup file), editable and deletable.
"""
from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from panelbook.ui.common.kept_edits import kept_edits
from panelbook.ui.markup.fitted_lists import OrderedList
from panelbook.ui.markup.markup_host import MarkupHost
from panelbook.ui.markup.note_editor import NoteEditor
from panelbook.ui.markup.note_lists import NoteLists
from panelbook.ui.markup.notes_list_model import NotesListModel
from panelbook.ui.markup.section_parts import SPACING, section_title


class NoteSection(QWidget):
    def __init__(self, host: MarkupHost, lists: NoteLists, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.lists = lists
        self._build_note()
        self._build_more_notes()
        self._lay_out()

    def _build_note(self) -> None:
        self.note_status = QLabel()
        self.note_status.setAccessibleName("Note saved")
        self.note_status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note = NoteEditor(self.host.worker)
        self.note.describe = lambda item_id: f"Your note on {self.host.title_of(item_id)}"
        self.note.setMinimumHeight(60)
        self.note.setMaximumHeight(104)
        self.note.saving.connect(self._note_saving)
        self.note.saved.connect(self._note_saved)
        self.note.failed.connect(self._note_failed)

    def _build_more_notes(self) -> None:
        self.more_model = NotesListModel("note", parent=self)
        self.lists.connect_model(self.more_model, ordered=False)
        self.more_list = OrderedList("More notes", "")
        self.more_list.setModel(self.more_model)
        self.more_list.delete_requested.connect(lambda: self.lists.delete_from(self.more_list, self.more_model))
        self.more_list.hide()       # shown only when there are more notes (an empty box says nothing)

    def _lay_out(self) -> None:
        head = QHBoxLayout()
        head.addWidget(section_title("My note (private)"))
        head.addStretch(1)
        head.addWidget(self.note_status)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        column.addLayout(head)
        column.addWidget(self.note)
        column.addWidget(self.more_list)
        self.setLayout(column)

    # -- showing ------------------------------------------------------------

    def fill(self, data: dict) -> None:
        note = data["note"]
        moved = data["item_id"] != self.note.item_id
        self.note.set_item(data["item_id"], note["text"] if note else "")   # saves the previous item's first
        if moved:
            self.note_status.setText("")        # "Saved" was about the previous item's note
        self.more_model.set_rows(data["more_notes"])
        self.more_list.setVisible(bool(data["more_notes"]))

    def clear(self) -> None:
        self.note.set_item(None, "")
        self.note_status.setText("")
        self.more_model.set_rows([])
        self.more_list.hide()

    # -- saving -------------------------------------------------------------

    def _note_saving(self) -> None:
        """"Saving…" for the note on screen; the previous item's, saved on leaving it, says nothing here."""
        if self.note.item_id == self.host.item_id:
            self.note_status.setText("Saving…")

    def _note_saved(self, item_id: int, _note_id: object) -> None:
        if item_id == self.host.item_id:
            self.note_status.setText("Saved")
            self.note_status.setToolTip("")
        self.host.marks_changed_for(item_id)

    def _note_failed(self, error: BaseException) -> None:
        from panelbook.store.faults import StoreUnavailable

        self.note_status.setText("Not saved yet: it will be tried again")
        if isinstance(error, StoreUnavailable):
            # The disk, not the note: the editor keeps it and saves it by itself when it can;
            # the window's notice bar says why, once (no dialog on every try).
            self.note_status.setText("Not saved yet")
            self.note_status.setToolTip("Your note is kept here and saves by itself when Panelbook can write again.")
            kept_edits(self.host.worker).tell(error, "your note")
            return
        self.host.error.emit(error)
