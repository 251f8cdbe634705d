"""Importing documents from the desktop: on the worker, with progress and Cancel.

Each file is read on the worker (the slow part) and the user can cancel
between files; the documents that could be read are then written each in its
own transaction, as the command line does.  A file that cannot be read, or that
the disk refused (full, read-only, gone), is named in a calm message with its
own sentence; it does not undo or stop the others.  Cancelling before the
writes leaves the store exactly as it was; cancelling during them keeps the
files already written and writes no more.
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from panelbook.ui.common.message_box import show_message
from panelbook.ui.common.store_op import Change, StoreOp

# What an import can add or update: meetings, their items and documents, recommendations from
# minutes, and the highlights on a revised pack (found again by their quotes).
IMPORTED = Change.MEETINGS | Change.ITEMS | Change.DOCUMENTS | Change.RECS | Change.MARKUP


@dataclass
class ImportOutcome:
    reports: list = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)   # (file name, what is wrong)
    cancelled: bool = False
    unchanged: list[str] = field(default_factory=list)     # imported before, the same: nothing to write
    repeated: list[str] = field(default_factory=list)      # given twice in one import: read once


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def summary(outcome: ImportOutcome) -> str:
    """What an import changed, in one sentence for the status bar: what was added or
    updated, what was already up to date; never a count of files as if each changed something."""
    parts = []
    if outcome.reports:
        counts = [(sum(r.meetings for r in outcome.reports), "meeting"),
                  (sum(r.items for r in outcome.reports), "agenda item"),
                  (sum(r.recommendations for r in outcome.reports), "recommendation")]
        what = ", ".join(_plural(n, word) for n, word in counts if n)
        names = _names([r.file for r in outcome.reports])
        parts.append(f"Imported {names}" + (f": {what} added or updated." if what else "."))
    if outcome.unchanged:
        verb = "was" if len(outcome.unchanged) == 1 else "were"
        parts.append(f"{_names(outcome.unchanged)} {verb} already up to date: nothing changed.")
    if outcome.repeated:
        parts.append(f"{_names(outcome.repeated)} was given more than once and read once.")
    return " ".join(parts)


def unread(outcome: ImportOutcome) -> list[str]:
    """Per imported file that left something unread: its name and what, in one paragraph."""
    return [f"{r.file}: " + "; ".join(r.warnings) + "." for r in outcome.reports if getattr(r, "warnings", None)]


def unread_notice(outcome: ImportOutcome) -> str:
    """The notice bar's words for what an import could not read ("" when it read everything)."""
    lines = unread(outcome)
    if not lines:
        return ""
    return ("Check what could not be read, and correct what is wrong with Edit on the meeting or its item. "
            + " ".join(f"Not read from {line}" for line in lines))


class ImportController(QObject):
    """Runs one import at a time; ``progress(done, total, file name)`` while reading."""

    started = Signal(int)
    progress = Signal(int, int, str)
    finished = Signal(object)     # ImportOutcome

    def __init__(self, worker, parent: QWidget):
        super().__init__(parent)
        self.worker = worker
        self.window = parent
        self._cancel = threading.Event()
        self.running = False
        self.show_messages = True

    def cancel(self) -> None:
        self._cancel.set()

    def start(self, files: list[str]) -> bool:
        if self.running or not files:
            return False
        self.running = True
        self._cancel.clear()
        paths = [Path(f) for f in files]
        self.started.emit(len(paths))
        StoreOp(self.worker, lambda store: self._run(store, paths), initiator=self) \
            .success(self._done).failure(self._failed).run_in_background()
        return True

    def _run(self, store, paths: list[Path]) -> ImportOutcome:
        """On the worker: read each file, then write those that were read."""
        from panelbook.model import UnreadableDocument
        from panelbook.services import imports  # the readers: imported on the worker, never before the window paints

        outcome = ImportOutcome()
        prepared = []
        for number, path in enumerate(paths):
            if self._cancel.is_set():
                outcome.cancelled = True
                return outcome
            self.progress.emit(number, len(paths) + 1, path.name)
            try:
                prepared.append(imports.prepare_file(path))
            except UnreadableDocument as error:
                outcome.failures.append((path.name, _without_name(str(error), path.name)))
        self.progress.emit(len(paths), len(paths) + 1, "")
        for doc in self._only_new(store, prepared, outcome):
            if self._cancel.is_set():
                outcome.cancelled = True
                break
            self._write_one(store, doc, outcome)
        return outcome

    def _write_one(self, store, doc, outcome: ImportOutcome) -> None:
        """On the worker: write one document in its own transaction; a refusal names the file."""
        import sqlite3

        from panelbook.model import UnreadableDocument
        from panelbook.services import imports
        from panelbook.store.faults import StoreUnavailable, plain

        try:
            outcome.reports += imports.write_prepared(store, [doc])
        except UnreadableDocument as error:
            outcome.failures.append((doc.file_name, _without_name(str(error), doc.file_name)))
        except (StoreUnavailable, OSError, sqlite3.Error) as error:
            fault = plain(error, store.folder.root)
            if fault is None:
                raise
            outcome.failures.append((doc.file_name, str(fault)))     # the disk, not the file: the others go on

    @staticmethod
    def _only_new(store, prepared: list, outcome: ImportOutcome) -> list:
        """On the worker: leave out a file given twice and one the store already holds as it is."""
        from panelbook.services import imports

        seen: set[bytes] = set()
        new = []
        for doc in prepared:
            digest = hashlib.sha256(doc.data).digest()
            if digest in seen:
                if doc.file_name not in outcome.repeated:
                    outcome.repeated.append(doc.file_name)
                continue
            seen.add(digest)
            if imports.already_stored(store, doc):
                outcome.unchanged.append(doc.file_name)
            else:
                new.append(doc)
        return new

    def _done(self, outcome: ImportOutcome) -> None:
        self.running = False
        if outcome.reports:
            # Announced here rather than declared on the StoreOp: only the outcome says whether
            # anything was written (a cancelled import, or one of unreadable files, writes nothing).
            self.worker.store_changed.emit(IMPORTED, self)
        self.finished.emit(outcome)
        if self.show_messages and (outcome.failures or outcome.cancelled):
            self._tell(outcome)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        outcome = ImportOutcome(failures=[("The import", str(error) or type(error).__name__)])
        self.finished.emit(outcome)
        if self.show_messages:
            self._tell(outcome)

    def _tell(self, outcome: ImportOutcome) -> None:
        """A calm, window-modal message (opened, not executed: the window keeps painting)."""
        if outcome.cancelled and not outcome.reports:
            head, details = "The import was cancelled; nothing was changed.", ""
        elif outcome.cancelled:
            head = f"The import was cancelled. {summary(outcome)} The other files were not imported."
            details = "\n\n".join(f"{name}: {what}" for name, what in outcome.failures)
        else:
            done = summary(outcome)
            head = (f"{done} " if done else "") + (
                "This document could not be imported:" if len(outcome.failures) == 1
                else "These documents could not be imported:")
            details = "\n\n".join([f"{name}: {what}" for name, what in outcome.failures] + unread(outcome))
        show_message(self.window, head, title="Import", details=details, warning=bool(outcome.failures))


def _without_name(message: str, name: str) -> str:
    prefix = f"{name}: "
    return message[len(prefix):] if message.startswith(prefix) else message
