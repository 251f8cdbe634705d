"""The unread counts of What's new, kept up to date for the side bar and the calendar.

Read on the worker whenever the store's news (or its committees) change, including a
sync or ``panelbook news --mark-seen`` in another process; ``changed(total, per_committee)``
then says how many entries are unread, in all and per committee name (most first).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from panelbook.ui.common.store_op import Change, StoreOp

COUNTED = Change.NEWS | Change.MEETINGS


def _read(store) -> list[tuple[str, int]]:
    from panelbook.services import news

    return news.unread_by_committee(store)


class UnreadCounts(QObject):
    changed = Signal(int, object)       # total unread, [(committee name, unread)]

    def __init__(self, worker, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self.total = 0
        self.per_committee: list[tuple[str, int]] = []
        worker.store_changed.connect(self._store_changed)

    def _store_changed(self, changes: Change, _initiator: object) -> None:
        if changes & COUNTED:
            self.refresh()

    def refresh(self) -> None:
        StoreOp(self.worker, _read, initiator=self).success(self._counted) \
            .failure(lambda _error: None).run_in_background()     # a count that cannot be read waits

    def _counted(self, per_committee: list[tuple[str, int]]) -> None:
        self.per_committee = list(per_committee)
        self.total = sum(n for _name, n in per_committee)
        self.changed.emit(self.total, self.per_committee)


def counts_line(per_committee: list[tuple[str, int]], limit: int = 3) -> str:
    """"Audit Committee (2), Kingston and North Kingston Neighbourhood Committee (1)" (and "2 more")."""
    shown = [f"{name} ({n})" for name, n in per_committee[:limit]]
    rest = len(per_committee) - limit
    return ", ".join(shown) + (f" and {rest} more" if rest > 0 else "")
