"""Importing from the window: the status bar's progress, label and Cancel, and the queue of
files that arrive while an import runs (dropped, chosen, or handed over by a second launch).

The reading and writing happen in ``transfer.import_controller`` on the worker;
this is what the window shows of it.  The import itself announces what it changed
(``store_changed``), so the places refresh themselves.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QProgressBar, QPushButton

from panelbook.ui.common.worker import DatabaseWorker
from panelbook.ui.transfer.import_controller import ImportController, ImportOutcome, summary, unread_notice

IMPORT_FILTER = "Council documents (*.pdf *.txt *.htm *.html *.xml);;All files (*)"


class ImportStatus(QObject):
    """One import at a time, shown in ``window``'s status bar; ``finished(outcome)`` after each."""

    finished = Signal(object)       # ImportOutcome

    def __init__(self, worker: DatabaseWorker, window: QMainWindow, import_action: QAction):
        super().__init__(window)
        self.window = window
        self.import_action = import_action      # greyed while an import runs
        self.waiting: list[str] = []        # files to import when the current import finishes
        self.controller = ImportController(worker, window)
        self.controller.started.connect(self._started)
        self.controller.progress.connect(self._progress)
        self.controller.finished.connect(self._done)
        self._build_strip()

    def _build_strip(self) -> None:
        """The label, progress bar and Cancel button, hidden until an import starts."""
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Import progress")
        self.progress.setMaximumWidth(220)
        self.label = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the import")
        self.cancel_button.clicked.connect(self._cancel)
        for widget in self._strip():
            self.window.statusBar().addPermanentWidget(widget)
            widget.hide()

    def _strip(self) -> tuple[QLabel, QProgressBar, QPushButton]:
        return self.label, self.progress, self.cancel_button

    def choose(self) -> None:
        """File › Import: ask for files, then import them."""
        files, _ = QFileDialog.getOpenFileNames(self.window, "Import documents", "", IMPORT_FILTER)
        if files:
            self.import_files(files)

    def import_files(self, files: list[str]) -> None:
        """Import ``files`` on the worker; while an import runs, they wait their turn."""
        if self.controller.running:
            for name in files:
                if name not in self.waiting:
                    self.waiting.append(name)
            self.window.statusBar().showMessage(
                "These documents will be imported when the current import finishes.", 6000)
            return
        self.controller.start(list(files))

    def _started(self, count: int) -> None:
        self.progress.setRange(0, count + 1)
        self.progress.setValue(0)
        self.label.setText(f"Importing {count} document{'s' if count != 1 else ''}…")
        for widget in self._strip():
            widget.show()
        self.cancel_button.setEnabled(True)
        self.import_action.setEnabled(False)

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.label.setText(f"Reading {name}…" if name else "Saving…")

    def _cancel(self) -> None:
        self.controller.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling…")

    def _done(self, outcome: ImportOutcome) -> None:
        for widget in self._strip():
            widget.hide()
        self.import_action.setEnabled(True)
        if outcome.cancelled:
            done = summary(outcome) if outcome.reports else "nothing was changed."
            self.window.statusBar().showMessage(f"Import cancelled; {done[0].lower()}{done[1:]}", 8000)
        elif summary(outcome):
            self.window.statusBar().showMessage(summary(outcome), 8000)
        if not outcome.cancelled and unread_notice(outcome):
            notices = getattr(self.window, "notices", None)      # the main window's notice bar
            if notices is not None:                               # stays until dismissed, unlike the status bar
                notices.add(unread_notice(outcome))
        self.finished.emit(outcome)
        if self.waiting:
            files, self.waiting = self.waiting, []
            self.import_files(files)
