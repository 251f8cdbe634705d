"""The private note on an agenda item: saved as it is typed.

Typing starts a short timer (``SAVE_DELAY_MS``); when it runs out, or the
editor loses the keyboard, or the item changes, or the window closes
(``flush``), the text goes to the database worker, which updates the note (or
makes it, or deletes it when the editor was emptied).  The worker runs jobs in
order, so a later save always lands after an earlier one.  Undo is the
editor's own (Ctrl+Z), kept while the item stays open.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.common.worker import DatabaseWorker
from panelbook.ui.markup.markup_jobs import save_note

SAVE_DELAY_MS = 500


class NoteEditor(QPlainTextEdit):
    saving = Signal()
    saved = Signal(int, object)         # item id, note id (None once the note was emptied)
    failed = Signal(object)

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self.item_id: int | None = None
        self._dirty = False
        self._loading = False
        self._in_flight = 0
        self.closing = False        # the window is closing: a save announces no change (nobody is left to refresh)
        self.setAccessibleName("My private note")
        self.setPlaceholderText("Your private note on this item: it saves as you type.")
        self.setTabChangesFocus(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._changed)

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def busy(self) -> bool:
        """True while typing is waiting to be saved or a save is on its way."""
        return self._dirty or self._in_flight > 0

    def set_item(self, item_id: int | None, text: str) -> None:
        """Show an item's note.  What was typed for the previous item is saved first;
        the same item's newer typing is never replaced by an older copy from the store."""
        if item_id == self.item_id and (self.busy or text == self.toPlainText()):
            return
        self.flush()
        self.item_id = item_id
        self._loading = True
        try:
            self.setPlainText(text)     # a new item: a fresh undo history
        finally:
            self._loading = False
        self.setEnabled(item_id is not None)

    def _changed(self) -> None:
        if self._loading or self.item_id is None:
            return
        self._dirty = True
        self._timer.start()

    def flush(self) -> None:
        """Save now what was typed, if anything is waiting."""
        self._timer.stop()
        if not self._dirty or self.item_id is None:
            return
        self._dirty = False
        item_id, text = self.item_id, self.toPlainText()
        self._in_flight += 1
        self.saving.emit()
        changes = Change(0) if self.closing else Change.MARKUP
        StoreOp(self.worker, lambda store: save_note(store, item_id, text), changes=changes, initiator=self) \
            .success(lambda note_id: self._done(item_id, note_id)).failure(self._error).run_in_background()

    def _done(self, item_id: int, note_id) -> None:
        self._in_flight -= 1
        self.saved.emit(item_id, note_id)

    def _error(self, error: BaseException) -> None:
        self._in_flight -= 1
        self._dirty = True          # keep it: the next change or flush tries again
        self.failed.emit(error)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)
