"""What the sections of the markup panel need from the panel that holds them.

The panel knows which item is shown and runs the store work; each section builds
its own controls and calls back through this small interface, so a section can
be read (and changed) without reading the others.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance

from panelbook.ui.common.worker import DatabaseWorker


class MarkupHost(Protocol):
    worker: DatabaseWorker
    item_id: int | None
    page_requested: SignalInstance         # PDF page index of a highlight
    read_changed: SignalInstance           # every read item id
    highlights_changed: SignalInstance     # a highlight of this item was deleted or brought back
    error: SignalInstance

    @property
    def closing(self) -> bool:
        """The window is closing: answers to saves start no further work."""

    def write(self, job: Callable[[Any], Any], on_done: Callable[[Any], None] | None = None,
              on_failed: Callable[[BaseException], None] | None = None) -> None:
        """Change the item's markup with ``job(store)`` on the database worker (a ``StoreOp``
        declaring ``Change.MARKUP``); failures go to ``error`` unless ``on_failed``."""

    def write_kept(self, job: Callable[[Any], Any], what: str, text: str, noun: str,
                   on_done: Callable[[Any], None] | None = None,
                   on_failed: Callable[[BaseException], None] | None = None) -> None:
        """``write``, but a change the disk refuses is kept (``kept_edits``), named ``what``
        with the member's ``text``, and saved by itself once the disk takes it."""

    def title_of(self, item_id: int | None) -> str:
        """The agenda item's number and title, as the panel was shown it ("the item" if unknown)."""

    def changed(self, item_id: int) -> None:
        """An item's markup changed: show it again if it is the one shown, and tell the agenda."""

    def marks_changed_for(self, item_id: int) -> None:
        """Tell the agenda that an item's flag, priority or markup changed."""
