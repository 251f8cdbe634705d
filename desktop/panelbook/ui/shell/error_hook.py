"""The window's excepthook: an unexpected error goes to ``<data folder>/errors.log``, the user
is told once, calmly, and the application keeps running.

An exception raised in a slot (a button's handler, a worker answer's callback)
would otherwise go to stderr only, which a desktop user never sees.  PySide6
hands it to ``sys.excepthook``; this hook writes the time and the traceback to
the log and shows one sentence in the notice bar, the first time only, so a
slot that fails on every paint cannot flood the window.  The store lives on
the database worker and is not touched, so nothing is lost.  Errors in other
threads (``threading.excepthook``) are logged the same way and told on the UI
thread.  Ctrl+C in a terminal (KeyboardInterrupt) still goes to the previous hook.
"""
from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal

SENTENCE = ("Something went wrong inside Panelbook. Your work is saved and Panelbook keeps running; "
            "the details are in {path}.")
MAX_LOG_BYTES = 1_000_000       # then the log is kept as errors.log.1 and a new one started


def write_error(log: Path, exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None, *, when: datetime | None = None, where: str = "") -> None:
    """Append one error, with its time and traceback, to ``log`` (the folder is made if need be)."""
    import traceback  # only when there is something to write

    stamp = (when or datetime.now()).isoformat(sep=" ", timespec="seconds")
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.parent.mkdir(parents=True, exist_ok=True)
    if log.exists() and log.stat().st_size > MAX_LOG_BYTES:
        log.replace(log.with_name(log.name + ".1"))
    with log.open("a", encoding="utf-8") as out:
        out.write(f"--- {stamp}{' in ' + where if where else ''}\n{text}\n")


class ErrorHook(QObject):
    """Installed by the desktop's start; ``told(sentence)`` is emitted the first time only."""

    told = Signal(str)
    _arrived = Signal()          # an error was logged (maybe on another thread): tell on the UI thread

    def __init__(self, log: Path, tell: Callable[[str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log = log
        self.count = 0
        self._told = False
        self._lock = threading.Lock()
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._arrived.connect(self._tell)
        if tell is not None:
            self.told.connect(tell)

    def install(self) -> ErrorHook:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._handle_thread:
            threading.excepthook = self._previous_thread_hook

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """``sys.excepthook``: log the error and tell the user (once)."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        self._record(exc_type, exc, tb, "")

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        where = f"thread {args.thread.name}" if args.thread is not None else "a thread"
        self._record(args.exc_type, args.exc_value, args.exc_traceback, where)

    def _record(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                where: str) -> None:
        with self._lock:
            self.count += 1
            try:
                write_error(self.log, exc_type, exc, tb, where=where)
            except OSError:
                # The log cannot be written (a full or read-only disk): stderr, as before.
                import traceback

                traceback.print_exception(exc_type, exc, tb)
        self._arrived.emit()

    def _tell(self) -> None:
        if self._told:
            return
        self._told = True
        self.told.emit(SENTENCE.format(path=self.log))
