"""The sync in the status bar: while it runs, where it is (committee and meeting), a
progress bar and Cancel; afterwards a calm standing line ("Synced 3 committees, 2 new
documents, 12:04"; with no network, "Offline — last synced …")."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton

from panelbook.ui.news.sync_controller import SyncController, SyncOutcome
from panelbook.ui.news.when import found_at


def last_synced_words(at: str | None) -> str:
    return found_at(at).replace("Today, ", "today at ") if at else "never"


def standing_line(outcome: SyncOutcome, now: datetime | None = None) -> str:
    """What the status bar says after a sync (or at start, before one: ``outcome.report`` None)."""
    report = outcome.report
    if report is None:
        return f"Last synced {last_synced_words(outcome.last_synced)}." if outcome.followed else ""
    if report.nothing_reached():
        return f"Offline — last synced {last_synced_words(outcome.last_synced)}."
    return str(report.summary((now or datetime.now()).astimezone()))


class SyncStatus(QObject):
    def __init__(self, controller: SyncController, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.line = QLabel()
        self.line.setAccessibleName("Sync status")
        self.line.setObjectName("caption")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Sync progress")
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the sync")
        self.cancel_button.clicked.connect(self._cancel)
        bar = window.statusBar()
        bar.addPermanentWidget(self.line)
        for widget in self._strip():
            bar.addPermanentWidget(widget)
            widget.hide()
        controller.started.connect(self._started)
        controller.progress.connect(self._progress)
        controller.finished.connect(self._finished)
        controller.failed.connect(self._failed)

    def _strip(self) -> tuple[QLabel, QProgressBar, QPushButton]:
        return self.label, self.bar, self.cancel_button

    def _started(self) -> None:
        self.line.hide()
        self.label.setText("Syncing…")
        self.bar.setRange(0, 0)
        for widget in self._strip():
            widget.show()
        self.cancel_button.setEnabled(True)

    def _progress(self, progress) -> None:
        if progress.total:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
        where = f"{progress.committee}, {progress.meeting}" if progress.meeting else progress.committee
        if where:
            self.label.setText(f"Syncing {where}…")

    def _cancel(self) -> None:
        self.controller.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling the sync…")

    def _finished(self, outcome: SyncOutcome) -> None:
        self.show_line(standing_line(outcome))
        problems = outcome.report.errors if outcome.report is not None else []
        if problems:        # what went wrong, each in its own sentence, where the line is pointed at
            self.line.setToolTip("\n".join([self.line.text(), *(f"{e.url}: {e.message}" for e in problems[:10])]))

    def _failed(self, sentence: str) -> None:
        self.show_line(f"The sync could not run: {sentence}")

    def show_line(self, text: str) -> None:
        for widget in self._strip():
            widget.hide()
        self.line.setText(text)
        self.line.setToolTip(text)
        self.line.setVisible(bool(text))
