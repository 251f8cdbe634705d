"""The one database worker: every store and file operation runs here, off the UI thread.

Work is submitted as a function of the Store; its result (or error) comes back
on the UI thread through a queued signal and is handed to the callbacks.  The
Store is opened on the worker thread and never leaves it.  The store package
(sqlite-utils and the rest) is imported there too, on the first job, so the
window can paint while the store is being imported, checked and opened.

Changes made by another process (the command line, a future sync) are noticed
by polling ``PRAGMA data_version`` about once a second on the worker, once the
store is open; when it moves, ``store_changed(Change.ALL, None)`` tells every
view to read again.  The polls do not count as work (``busy``) and never open
the store themselves.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from panelbook.paths import DataFolder
from panelbook.ui.common.changes import Change

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from panelbook.store import Store


POLL_MS = 1000      # how often the worker asks whether another process wrote


class _Relay(QObject):
    done = Signal(object, object, object)   # callback, result, error
    moved = Signal()                        # another connection committed


class DatabaseWorker(QObject):
    """Runs ``fn(store)`` on a single background thread.

    The window uses it through ``StoreOp`` (``ui/common/store_op.py``); ``submit`` is
    the low-level call that StoreOp is built on.
    """

    store_changed = Signal(object, object)   # a store_op.Change, the initiator or None; on the UI thread
    failed = Signal(str)                     # one calm sentence for an operation nobody handled

    def __init__(self, folder: DataFolder, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = folder
        self._executor_made: ThreadPoolExecutor | None = None   # the thread starts with the first job
        self._store: Store | None = None
        self._relay = _Relay()
        self._relay.done.connect(self._deliver)
        self._relay.moved.connect(self._changed_elsewhere)
        self._pending = 0
        self._lock = threading.Lock()
        self._poll = QTimer(self)       # started once the store is open (see _deliver)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._poll_once)
        self._polling = False           # a poll is queued or running on the worker
        self._known_version: int | None = None
        self._closing = False

    @property
    def _executor(self) -> ThreadPoolExecutor:
        if self._executor_made is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor_made = ThreadPoolExecutor(max_workers=1, thread_name_prefix="panelbook-db")
        return self._executor_made

    def _store_here(self) -> Store:
        if self._store is None:
            from panelbook.store import Store

            self._store = Store.open(self.folder)
            self._known_version = self._store.data_version()
        return self._store

    def submit(
        self,
        fn: Callable[[Store], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future:
        with self._lock:
            self._pending += 1

        def job():
            try:
                result = fn(self._store_here())
            except BaseException as error:  # noqa: BLE001 - delivered to the UI, never lost
                self._relay.done.emit(on_error, None, self._plain(error))
                return
            self._relay.done.emit(on_done, result, None)

        return self._executor.submit(job)

    def peek(self, fn: Callable[[DataFolder], Any], on_done: Callable[[Any], None]) -> Future[None]:
        """Run ``fn(folder)`` on the worker before anything opens the store: a read that need
        not wait for the store's opening checks, such as the calendar's first view (which
        answers None itself when in doubt).  Its answer comes back like any other; an
        unexpected error is raised on the UI thread, where the window's error hook has it."""
        with self._lock:
            self._pending += 1

        def job() -> None:
            try:
                result = fn(self.folder)
            except BaseException as error:  # noqa: BLE001 - delivered to the UI, never lost
                self._relay.done.emit(None, None, error)
                return
            self._relay.done.emit(on_done, result, None)

        return self._executor.submit(job)

    def without_store(self, fn: Callable[[DataFolder], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None]) -> Future[None]:
        """Run ``fn(folder)`` on the worker with the store closed, for work that replaces the
        database file (a restore); the next job opens the store again, on what ``fn`` left."""
        with self._lock:
            self._pending += 1

        def job() -> None:
            try:
                if self._store is not None:
                    self._store.close()
                    self._store = None
                result = fn(self.folder)
            except BaseException as error:  # noqa: BLE001 - delivered to the UI, never lost
                self._relay.done.emit(on_error, None, self._plain(error))
                return
            self._relay.done.emit(on_done, result, None)

        return self._executor.submit(job)

    def _plain(self, error: BaseException) -> BaseException:
        """A full, read-only or failing disk as StoreUnavailable and its one sentence
        (a raw OSError or SQLite error otherwise reaches the user in the system's words)."""
        if not isinstance(error, Exception):
            return error
        from panelbook.store.faults import plain

        return plain(error, self.folder.root) or error

    def _deliver(self, callback, result, error) -> None:
        with self._lock:
            self._pending -= 1
        if self._store is not None and not self._poll.isActive() and not self._closing:
            self._poll.start()
        if callback is None:
            if error is not None:
                raise error
            return
        callback(error if error is not None else result)

    # -- changes made by another process -------------------------------------------

    def _poll_once(self) -> None:
        """On the UI thread, each tick: ask the worker whether another connection committed
        (one question at a time: a poll waiting behind a long import is not asked again)."""
        if self._polling or self._closing or self._store is None:
            return
        self._polling = True
        self._executor.submit(self._check_version)

    def _check_version(self) -> None:
        """On the worker: compare the store's data_version with the last one seen."""
        import sqlite3

        try:
            store = self._store
            if store is None:
                return
            version = store.data_version()
            if version != self._known_version:
                self._known_version = version
                self._relay.moved.emit()
        except sqlite3.Error:   # a poll that fails (the store busy or closing) waits for the next
            pass
        finally:
            self._polling = False

    def _changed_elsewhere(self) -> None:
        if not self._closing:
            self.store_changed.emit(Change.ALL, None)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    @property
    def closed(self) -> bool:
        """True once ``shutdown`` has begun: no more work is taken."""
        return self._closing

    def shutdown(self) -> None:
        """Finish queued work, then close the store on its own thread; the answers of the
        last jobs are handed over before returning (a save the disk refused as the window
        closed still reaches whoever keeps it)."""
        shut, self._closing = self._closing, True
        self._poll.stop()
        if self._executor_made is None or shut:
            return
        def close(_store=None):
            if self._store is not None:
                self._store.close()
                self._store = None
        self._executor.submit(close).result()
        self._executor.shutdown(wait=True)
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
