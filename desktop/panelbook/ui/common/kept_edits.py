"""Edits the disk refused, kept until they are saved: ``KeptEdits``, one for each worker
(``kept_edits(worker)``).

A question, a line of enquiry, a highlight, a flag or any other change of the window
that the disk refuses (full, read-only, gone: ``StoreUnavailable``) is never dropped.
Written through ``KeptEdits.write``, it is kept in order and tried again by itself
every ``RETRY_MS`` until it lands; the edits made meanwhile wait behind it, so a later
change of the same thing always lands after an earlier one.  Editors that keep their
own text and save it themselves (the note editor, the tracker's editor) ``hold`` what
they keep here and ``release`` it once saved.

Either way the ledger knows, in words, what is not saved yet (``pending``): the markup
panel shows it, and the window will not close over it without asking (``close_guard``).
The user is told once, calmly, in the notice bar, for as long as something is kept.
If a change is refused after the window has closed (its last saves), its text goes to a
recovery file outside the data folder (``services.unsaved``) rather than nowhere.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from panelbook.ui.common.store_op import Change, StoreOp, alive, calm_sentence

if TYPE_CHECKING:
    from panelbook.store import Store
    from panelbook.ui.common.worker import DatabaseWorker

RETRY_MS = 3000      # how often a change the disk would not take is tried again
_numbers = count(1)


@dataclass(eq=False)
class KeptEdit:
    """One change not saved yet: ``what`` it is and the ``text`` the member wrote, in words."""

    what: str
    text: str
    job: Callable[[Store], Any] | None = None      # None: its owner saves it (``hold``)
    changes: Change = Change.MARKUP
    initiator: object | None = None
    done: Callable[[Any], None] | None = None
    failed: Callable[[BaseException], None] | None = None
    noun: str = "your change"
    on_kept: Callable[[BaseException], None] | None = None     # told the first time the disk refuses it
    refused: bool = False           # the disk has refused it (or it waits behind one that was)
    number: int = field(default_factory=lambda: next(_numbers))


def kept_sentence(error: BaseException, noun: str) -> str:
    """The notice for a change the disk refused: what happened, what to do, and that the
    change is kept and will be saved by itself."""
    from panelbook.store.faults import FULL, StoreUnavailable

    if isinstance(error, StoreUnavailable) and error.kind == FULL:
        return f"The disk holding your Panelbook data is full: free some space; {noun} is kept and will be saved."
    return f"{error} {noun[0].upper()}{noun[1:]} is kept and will be saved when Panelbook can write again."


class KeptEdits(QObject):
    changed = Signal()              # what is pending changed (kept, landed, held, released)
    retry_requested = Signal()      # try again now (owners of held edits listen)

    def __init__(self, worker: DatabaseWorker):
        super().__init__(worker)
        self.worker = worker
        self._queue: list[KeptEdit] = []        # written through here, in order; the first may be on its way
        self._on_its_way = False
        self._held: dict[object, KeptEdit] = {}
        self._told = False                       # the notice bar said it, for this spell of refusals
        self.reason = ""                         # the disk's sentence, for the close warning
        self.window_closed = False               # refusals from now on go to a recovery file
        self.recovery_file: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self._next)

    # -- writing --------------------------------------------------------------

    def write(self, job: Callable[[Store], Any], *, what: str, text: str, noun: str = "your change",
              changes: Change = Change.MARKUP, initiator: object | None = None,
              done: Callable[[Any], None] | None = None,
              failed: Callable[[BaseException], None] | None = None,
              on_kept: Callable[[BaseException], None] | None = None) -> None:
        """Run ``job(store)`` on the worker after every change still kept; if the disk refuses
        it, keep it and try again by itself.  ``done(result)`` once it landed; ``failed(error)``
        for a refusal that is not the disk's (the worker's calm sentence without one);
        ``on_kept(error)`` the first time the disk refuses it."""
        edit = KeptEdit(what, text, job, changes, initiator, done, failed, noun, on_kept)
        edit.refused = self.waiting_for_the_disk
        self._queue.append(edit)
        if edit.refused:
            self.changed.emit()
            self.keep_if_closed()
        self._next_unless_waiting()

    @property
    def waiting_for_the_disk(self) -> bool:
        return self._timer.isActive() or any(edit.refused for edit in self._queue)

    def _next_unless_waiting(self) -> None:
        if not self._on_its_way and not self._timer.isActive() and self._queue:
            self._next()

    def _next(self) -> None:
        """Send the first change of the queue to the worker."""
        if self._on_its_way or not self._queue or self.worker.closed:
            return
        edit = self._queue[0]
        assert edit.job is not None
        self._on_its_way = True
        # A change tried again is announced to every view (initiator None): it shows now.
        initiator = None if edit.refused else edit.initiator
        StoreOp(self.worker, edit.job, changes=edit.changes, initiator=initiator) \
            .success(lambda result: self._landed(edit, result)) \
            .failure(lambda error: self._refused(edit, error)).answer_even_if_gone().run_in_background()

    def _landed(self, edit: KeptEdit, result: Any) -> None:
        self._on_its_way = False
        self._queue.remove(edit)
        was_kept = edit.refused
        if edit.done is not None and alive(edit.initiator):
            edit.done(result)
        if self._queue:
            self._next()
        if was_kept:
            self._settle()

    def _refused(self, edit: KeptEdit, error: BaseException) -> None:
        from panelbook.store.faults import StoreUnavailable

        self._on_its_way = False
        if isinstance(error, StoreUnavailable):
            if not edit.refused and edit.on_kept is not None and alive(edit.initiator):
                edit.on_kept(error)
            for waiting in self._queue:
                waiting.refused = True
            self.tell(error, edit.noun)
            self._timer.start()
            self.changed.emit()
            self.keep_if_closed()
            return
        # Not the disk (the note was deleted meanwhile, the markup refused it): said, not kept.
        self._queue.remove(edit)
        if edit.failed is not None and alive(edit.initiator):
            edit.failed(error)
        else:
            self.worker.failed.emit(calm_sentence(error, edit.changes))
        if self._queue:
            self._next()
        self._settle()

    # -- edits their owner keeps ----------------------------------------------

    def hold(self, key: object, what: str, text: str) -> None:
        """An editor keeps a change the disk refused (and saves it itself): name it here."""
        self._held[key] = KeptEdit(what, text, refused=True)
        self.changed.emit()
        self.keep_if_closed()

    def release(self, key: object) -> None:
        """The change held under ``key`` has been saved (or taken back)."""
        if self._held.pop(key, None) is not None:
            self._settle()

    # -- what is pending --------------------------------------------------------

    def pending(self) -> list[KeptEdit]:
        """Every change the disk refused and that is not saved yet, oldest first."""
        edits = [edit for edit in self._queue if edit.refused] + list(self._held.values())
        return sorted(edits, key=lambda edit: edit.number)

    def tell(self, error: BaseException, noun: str) -> None:
        """Say once, in the notice bar, that the disk refused a change and that it is kept."""
        self.reason = str(error)
        if not self._told:
            self._told = True
            self.worker.failed.emit(kept_sentence(error, noun))

    def retry_now(self) -> None:
        """Try every kept change again at once (the window is asked to close, say)."""
        self._timer.stop()
        self.retry_requested.emit()
        self._next_unless_waiting()

    def _settle(self) -> None:
        """Something landed or was released: when nothing is kept any more, a new spell of
        refusals is told again."""
        if not self.pending():
            self._told = False
        self.changed.emit()

    def keep_if_closed(self) -> None:
        """Once the window has closed nobody is left to see a kept change: its text goes to a
        recovery file outside the data folder."""
        if not self.window_closed or not self.pending():
            return
        from panelbook.services.unsaved import NowhereToKeep, keep_unsaved

        edits = [(edit.what, edit.text) for edit in self.pending()]
        try:
            kept = keep_unsaved(edits, self.reason, self.worker.folder.root)
        except NowhereToKeep as error:       # the last place left: the terminal, if there is one
            sys.stderr.write(f"panelbook: {error}\n" + "\n\n".join(f"{w}\n{t}" for w, t in edits) + "\n")
            return
        if self.recovery_file is not None and self.recovery_file != kept:
            self.recovery_file.unlink(missing_ok=True)      # the new file holds everything the old one did
        self.recovery_file = kept


def kept_edits(worker: DatabaseWorker) -> KeptEdits:
    """The worker's ledger of kept changes (made on first use)."""
    ledger = worker.findChild(KeptEdits)
    return ledger if ledger is not None else KeptEdits(worker)

