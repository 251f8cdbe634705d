"""The one database worker: every store and file operation runs here, off the UI thread.

Work is submitted as a function of the Store; its result (or error) comes back
on the UI thread through a queued signal and is handed to the callbacks.  The
Store is opened on the worker thread and never leaves it.  The store package
(sqlite-utils and the rest) is imported there too, on the first job, so the
window can paint while the store is being imported, checked and opened.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from panelbook.paths import DataFolder

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from panelbook.store import Store


class _Relay(QObject):
    done = Signal(object, object, object)   # callback, result, error


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
        self._pending = 0
        self._lock = threading.Lock()

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
            except BaseException as error:  # delivered to the UI, never lost
                self._relay.done.emit(on_error, None, error)
                return
            self._relay.done.emit(on_done, result, None)

        return self._executor.submit(job)

    def _deliver(self, callback, result, error) -> None:
        with self._lock:
            self._pending -= 1
        if callback is None:
            if error is not None:
                raise error
            return
        callback(error if error is not None else result)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        """Finish queued work, then close the store on its own thread."""
        if self._executor_made is None:
            return
        def close(_store=None):
            if self._store is not None:
                self._store.close()
                self._store = None
        self._executor.submit(close).result()
        self._executor.shutdown(wait=True)
