"""Syncing from the window: ``services.sync.run.sync_all`` on the database worker, with
progress per committee and meeting and Cancel; the UI thread never waits on the network.

One sync at a time.  When it ends, ``finished(outcome)`` carries its report and when
everything followed was last synced (for the "Offline — last synced …" line); what it
wrote is announced with ``store_changed`` so every place reads again.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from panelbook.ui.common.store_op import Change, StoreOp

# What a sync can write: meetings, their items and documents, recommendations from minutes,
# highlights re-anchored on a revised pack, and What's new.
SYNCED = Change.MEETINGS | Change.ITEMS | Change.DOCUMENTS | Change.RECS | Change.MARKUP | Change.NEWS


@dataclass
class SyncOutcome:
    report: Any                          # services.sync.report.SyncReport
    last_synced: str | None = None       # the latest time a followed committee was synced (UTC)
    followed: list[str] = field(default_factory=list)     # the committees followed, by name


def followed_state(store) -> SyncOutcome:
    """On the worker: who is followed and when they were last synced (no network)."""
    from panelbook.services.sync.follow import followed_committees

    followed = followed_committees(store)
    return SyncOutcome(None, max((f.last_synced for f in followed if f.last_synced), default=None),
                       [f.name for f in followed])


class SyncController(QObject):
    started = Signal()
    progress = Signal(object)       # services.sync.report.SyncProgress
    finished = Signal(object)       # SyncOutcome
    failed = Signal(str)            # the one sentence when the sync could not run at all

    def __init__(self, worker, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self._cancel = threading.Event()
        self.running = False
        self.options: dict[str, Any] = {}   # passed on to sync_all (tests give a quick client)

    def cancel(self) -> None:
        self._cancel.set()

    def start(self) -> bool:
        """Sync everything followed, in the background; False if a sync is running already."""
        if self.running:
            return False
        self.running = True
        self._cancel.clear()
        self.started.emit()
        StoreOp(self.worker, self._run, initiator=self).success(self._done).failure(self._failed) \
            .run_in_background()
        return True

    def _run(self, store) -> SyncOutcome:
        """On the worker: the sync, then who is followed and when they were last synced."""
        from panelbook.services.sync.run import sync_all

        report = sync_all(store, progress=self.progress.emit, cancelled=self._cancel.is_set, **self.options)
        state = followed_state(store)
        state.report = report
        return state

    def _done(self, outcome: SyncOutcome) -> None:
        self.running = False
        report = outcome.report
        if report.meetings_new or report.meetings_changed or report.documents_new or report.documents_changed \
                or report.changes:
            self.worker.store_changed.emit(SYNCED, self)
        self.finished.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.failed.emit(str(error) or type(error).__name__)
