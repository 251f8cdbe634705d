"""One typed way for the window to work on the store: ``StoreOp``.

In the spirit of Anki's ``CollectionOp``::

    StoreOp(worker, lambda store: save_note(store, item_id, text), changes=Change.MARKUP,
            initiator=self).success(self._saved).run_in_background()

The operation runs on the database worker's thread (the UI thread never waits
on the disk); its result or error comes back on the UI thread, where the
success or failure callback is called.  After a successful operation whose
``changes`` is not empty, the worker emits ``store_changed(changes, initiator)``
so that every view showing what changed refreshes itself; a view that made the
change itself can recognise its own ``initiator`` and skip the refresh.

Without a failure callback, an error becomes one calm sentence on the worker's
``failed`` signal, which the main window shows.  When the initiator is a Qt
object that has been deleted by the time the answer arrives (a dialog closed,
a place rebuilt), the callbacks are skipped: there is nobody left to tell
(a failed write still gets its calm sentence, so the user knows).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from panelbook.ui.common.changes import Change

if TYPE_CHECKING:
    from panelbook.store import Store
    from panelbook.ui.common.worker import DatabaseWorker

T = TypeVar("T")
NO_CHANGE = Change(0)       # a read: nothing to announce

__all__ = ["NO_CHANGE", "Change", "StoreOp", "alive", "calm_sentence"]


def calm_sentence(error: BaseException, changes: Change) -> str:
    """The one sentence the user sees for an operation that failed with nobody to handle it:
    what could not be done, why (the error's own words), and that nothing was lost."""
    from panelbook.store.faults import StoreUnavailable

    if isinstance(error, StoreUnavailable):     # already one sentence: what happened, what to do
        return f"That could not be saved. {error}" if changes else str(error)
    reason = (str(error) or type(error).__name__).strip().rstrip(".")
    if changes:
        return f"That could not be saved: {reason}. Nothing was lost."
    return f"That could not be read: {reason}. Nothing was lost."


def alive(initiator: object | None) -> bool:
    """False only for a Qt object whose C++ side has been deleted."""
    if initiator is None:
        return True
    from PySide6.QtCore import QObject

    if not isinstance(initiator, QObject):
        return True
    import shiboken6

    return shiboken6.isValid(initiator)


class StoreOp(Generic[T]):
    """``op(store)`` run on the database worker, its answer delivered on the UI thread."""

    def __init__(self, worker: DatabaseWorker, op: Callable[[Store], T], *,
                 changes: Change = NO_CHANGE, initiator: object | None = None) -> None:
        self.worker = worker
        self.op = op
        self.changes = changes
        self.initiator = initiator
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._always = False

    def success(self, callback: Callable[[T], None]) -> StoreOp[T]:
        """Call ``callback(result)`` on the UI thread when the operation succeeds."""
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> StoreOp[T]:
        """Call ``callback(error)`` on the UI thread when the operation fails (instead of the
        worker's calm sentence)."""
        self._failure = callback
        return self

    def answer_even_if_gone(self) -> StoreOp[T]:
        """Call the callbacks even when the initiator has been deleted meanwhile (for a caller
        that outlives it and must hear every answer, such as the ledger of kept changes)."""
        self._always = True
        return self

    def run_in_background(self) -> None:
        """Queue the operation on the worker; returns at once.  Once the worker has shut down
        (the window closed) there is nobody to run it: nothing is queued."""
        if self.worker.closed:
            return
        self.worker.submit(self.op, self._succeeded, self._failed)

    # -- on the UI thread ------------------------------------------------------

    def _succeeded(self, result: T) -> None:
        present = alive(self.initiator)
        try:
            if (present or self._always) and self._success is not None:
                self._success(result)
        finally:
            if self.changes:
                self.worker.store_changed.emit(self.changes, self.initiator if present else None)

    def _failed(self, error: BaseException) -> None:
        if alive(self.initiator) or self._always:
            if self._failure is not None:
                self._failure(error)
            else:
                self.worker.failed.emit(calm_sentence(error, self.changes))
        elif self.changes:
            # Whoever asked has gone, but a write that failed is still worth one sentence.
            self.worker.failed.emit(calm_sentence(error, self.changes))
