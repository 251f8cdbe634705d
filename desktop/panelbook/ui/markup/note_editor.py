"""The private note on an agenda item: saved as it is typed.

Typing starts a short timer (``SAVE_DELAY_MS``); when it runs out, or the
editor loses the keyboard, or the item changes, or the window closes
(``flush``), the text goes to the database worker, which updates the note (or
makes it, or deletes it when the editor was emptied).  The worker runs jobs in
order, so a later save always lands after an earlier one.  Undo is the
editor's own (Ctrl+Z), kept while the item stays open.

A save that fails is never dropped: the text stays in the editor (or, if the
member has moved to another item, aside for its item, and back in the editor
when that item is shown again), marked unsaved; when the disk refused it (full,
read-only, gone) it is tried again by itself every few seconds until it lands.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from panelbook.ui.common.kept_edits import kept_edits
from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.common.worker import DatabaseWorker
from panelbook.ui.markup.markup_jobs import save_note

SAVE_DELAY_MS = 500
RETRY_MS = 3000      # how often a note the disk would not take is tried again


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
        # A save the disk refused (full, read-only, gone) is kept, marked unsaved, and tried
        # again by itself until writing works; the Store reopens for writing once it can.
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._try_again)
        self._unsaved: dict[int, str] = {}       # item id -> text a failed save left for another item
        # What a refused note is called where the window lists what is not saved yet.
        self.describe: Callable[[int], str] = lambda _item_id: "Your private note"
        self._kept = kept_edits(worker)
        self._kept.retry_requested.connect(self._retry_now)

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def busy(self) -> bool:
        """True while typing is waiting to be saved or a save is on its way."""
        return self._dirty or self._in_flight > 0 or bool(self._unsaved)

    def set_item(self, item_id: int | None, text: str) -> None:
        """Show an item's note.  What was typed for the previous item is saved first;
        the same item's newer typing is never replaced by an older copy from the store."""
        if item_id == self.item_id and (self.busy or text == self.toPlainText()):
            return
        self.flush()
        self.item_id = item_id
        kept = self._unsaved.pop(item_id, None) if item_id is not None else None
        self._loading = True
        try:
            self.setPlainText(text if kept is None else kept)     # a new item: a fresh undo history
        finally:
            self._loading = False
        self._dirty = kept is not None      # an unsaved note is shown as it was typed, still to be saved
        self.setEnabled(item_id is not None)

    def _changed(self) -> None:
        if self._loading or self.item_id is None:
            return
        self._dirty = True
        self._timer.start()

    def flush(self) -> None:
        """Save now what was typed, if anything is waiting (and any other item's note a
        refused save left behind)."""
        self._timer.stop()
        for item_id, text in list(self._unsaved.items()):
            del self._unsaved[item_id]
            self._save(item_id, text)
        if not self._dirty or self.item_id is None:
            return
        self._dirty = False
        self._save(self.item_id, self.toPlainText())

    def _save(self, item_id: int, text: str) -> None:
        self._in_flight += 1
        self.saving.emit()
        changes = Change(0) if self.closing else Change.MARKUP
        StoreOp(self.worker, lambda store: save_note(store, item_id, text), changes=changes, initiator=self) \
            .success(lambda note_id: self._done(item_id, note_id)) \
            .failure(lambda error: self._error(item_id, text, error)).run_in_background()

    def _done(self, item_id: int, note_id) -> None:
        self._in_flight -= 1
        if item_id != self.item_id or not self._dirty:
            self._kept.release(("note", item_id))       # what the disk refused has landed
        self.saved.emit(item_id, note_id)

    def _error(self, item_id: int, text: str, error: BaseException) -> None:
        """Keep what could not be saved: in the editor if it still shows that item (unless
        newer typing is waiting), else aside for that item; the disk refusing it (full,
        read-only, gone) means trying again by itself until writing works."""
        from panelbook.store.faults import StoreUnavailable

        self._in_flight -= 1
        if item_id == self.item_id:
            self._dirty = True      # the editor holds this text or newer typing: the next flush saves it
        else:
            self._unsaved.setdefault(item_id, text)
        if isinstance(error, StoreUnavailable):
            self._retry.start()
            self._kept.hold(("note", item_id), self.describe(item_id), self._latest(item_id, text))
        self.failed.emit(error)

    def _latest(self, item_id: int, text: str) -> str:
        """The newest text kept for an item: the editor's own when it shows that item."""
        return self.toPlainText() if item_id == self.item_id else self._unsaved.get(item_id, text)

    def _retry_now(self) -> None:
        if self._retry.isActive():
            self._retry.stop()
            self._try_again()

    @property
    def waiting_for_the_disk(self) -> bool:
        """True while a save the disk refused waits to be tried again."""
        return self._retry.isActive()

    def _try_again(self) -> None:
        if (self._dirty or self._unsaved) and not self.worker.closed:
            self.flush()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)
