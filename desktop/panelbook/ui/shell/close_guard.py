"""Closing the window over changes the disk refused: ``CloseGuard``.

While changes are kept unsaved (``kept_edits``: a note, a question, a highlight, a
tracker change... the disk full, read-only or gone), the window does not close
silently.  It asks, in a window-modal message that leaves the event loop running:

- **Keep Panelbook open** (the default, and Esc): the changes go on being tried by
  themselves, and land once the disk takes them;
- **Try again**: every kept change is tried at once; if they all land, the window
  closes; if not, the message comes back saying so;
- **Copy the text and close**: the text of every kept change goes to the clipboard and
  to a recovery file outside the data folder (``services.unsaved``); a last message
  names the file, and the window closes when it is read.

With nothing kept the window closes at once, as always.  A change refused by the last
saves made as the window closes goes to a recovery file too (``KeptEdits.window_closed``).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMainWindow, QMessageBox

from panelbook.ui.common.kept_edits import RETRY_MS, KeptEdit, kept_edits

POLL_MS = 100


class CloseGuard(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.kept = kept_edits(window.worker)  # type: ignore[attr-defined]
        self.dialog: QMessageBox | None = None
        self._letting_go = False
        self._waited_ms = 0
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window or event.type() != QEvent.Type.Close:
            return False
        if self._letting_go or not self.kept.pending():
            self.kept.window_closed = True      # a save refused from now on goes to a recovery file
            return False
        event.ignore()
        self.ask()
        return True

    # -- asking -----------------------------------------------------------------

    def ask(self, still: bool = False) -> QMessageBox:
        """The message offering to keep the window open, try again, or copy the text and close."""
        from PySide6.QtCore import Qt  # not at the top: the window's first paint does without Qt's namespace

        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        edits = self.kept.pending()
        one = len(edits) == 1
        head = ("Still not saved: " if still else "") + (
            "one change is not saved yet." if one else f"{len(edits)} changes are not saved yet.")
        box = QMessageBox(QMessageBox.Icon.Warning, "Panelbook", head[0].upper() + head[1:], parent=self.window)
        box.setInformativeText((f"{self.kept.reason}\n\n" if self.kept.reason else "") + (
            "It is kept while Panelbook stays open and saved by itself" if one else
            "They are kept while Panelbook stays open and saved by themselves") + " when Panelbook can write again.")
        box.setDetailedText(_listing(edits))
        self.keep_button = box.addButton("Keep Panelbook open", QMessageBox.ButtonRole.RejectRole)
        self.retry_button = box.addButton("Try again", QMessageBox.ButtonRole.ActionRole)
        self.copy_button = box.addButton("Copy the text and close", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(self.keep_button)
        box.setEscapeButton(self.keep_button)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(self._chosen)
        box.finished.connect(self._dialog_closed)
        self.dialog = box
        box.open()
        return box

    def _dialog_closed(self, _result: int) -> None:
        self.dialog = None

    def _chosen(self, button: QAbstractButton) -> None:
        if button is self.retry_button:
            self._try_again()
        elif button is self.copy_button:
            self._copy_and_close()
        else:
            self.window.statusBar().showMessage(
                "Panelbook stays open: your changes are saved by themselves when it can write again.", 8000)

    # -- trying again -------------------------------------------------------------

    def _try_again(self) -> None:
        self.kept.retry_now()
        self._waited_ms = 0
        QTimer.singleShot(POLL_MS, self, self._after_retry)

    def _after_retry(self) -> None:
        """Close once everything landed; ask again when the tries have answered and something
        is still kept (the tracker's own try comes within ``RETRY_MS``)."""
        if not self.kept.pending():
            self._close()
            return
        self._waited_ms += POLL_MS
        worker = self.kept.worker
        if self._waited_ms < RETRY_MS + 1000 and (worker.busy or self._waited_ms < 500):
            QTimer.singleShot(POLL_MS, self, self._after_retry)
            return
        self.ask(still=True)

    # -- copying and closing ------------------------------------------------------

    def _copy_and_close(self) -> None:
        edits = self.kept.pending()
        QApplication.clipboard().setText(_listing(edits))
        reason, root = self.kept.reason, self.kept.worker.folder.root
        pairs = [(edit.what, edit.text) for edit in edits]
        self.kept.worker.peek(lambda _folder: _keep(pairs, reason, root), self._kept_in_file)

    def _kept_in_file(self, where: Path | str) -> None:
        from PySide6.QtCore import Qt

        if isinstance(where, Path):
            self.kept.recovery_file = where
            text = f"Your unsaved changes are copied to the clipboard and kept in this file:\n{where}"
        else:
            text = f"Your unsaved changes are copied to the clipboard: paste them somewhere safe. {where}"
        box = QMessageBox(QMessageBox.Icon.Information, "Panelbook", text, QMessageBox.StandardButton.Close,
                          self.window)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._close())
        self.last_message = box
        box.open()

    def _close(self) -> None:
        self._letting_go = True
        self.window.close()

    def let_go(self) -> None:
        """Close without asking (the session is ending): what is kept goes to a recovery file now."""
        self.kept.window_closed = True
        self.kept.keep_if_closed()
        self._close()


def _listing(edits: list[KeptEdit]) -> str:
    return "\n\n".join(f"{edit.what}:\n{edit.text}" for edit in edits)


def _keep(pairs: list[tuple[str, str]], reason: str, root: Path) -> Path | str:
    """On the worker: the recovery file's path, or why none could be written."""
    from panelbook.services.unsaved import NowhereToKeep, keep_unsaved

    try:
        return keep_unsaved(pairs, reason, root)
    except NowhereToKeep as error:
        return str(error)
