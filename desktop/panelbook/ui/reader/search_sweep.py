"""The "found in this pack" list: QtPdf's search results with readable labels.

QPdfSearchModel gives each hit's page and the text around it; this proxy adds
a display text ("Page 12: … text around the hit …") using the printed page
numbers, so the list reads like the pack.

QPdfSearchModel searches lazily: a page when something asks for its results
(``resultsOnPage``, as QPdfView does for the pages it paints), and the rest one
page every 100 ms on a timer of its own, without saying when it has been
through them all (it has no finished signal; ``countChanged`` comes only with
new hits).  ``SearchSweep`` asks for every page itself, a slice of pages per
turn of the event loop, and says ``finished`` after the last one: then the
model's count is the whole document's, and "no matches" can be said.
"""
from __future__ import annotations

import re
import time

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtPdf import QPdfSearchModel

from panelbook.ui.reader.page_map import PageMap

PAGE_ROLE = int(QPdfSearchModel.Role.Page.value)
BEFORE_ROLE = int(QPdfSearchModel.Role.ContextBefore.value)
AFTER_ROLE = int(QPdfSearchModel.Role.ContextAfter.value)


SWEEP_SLICE_S = 0.02       # pages are searched for at most this long per turn of the event loop
SPACES = re.compile(r"\s+")


def _flat(text) -> str:
    """Runs of white space (and QtPdf's ⏎ for a line break) as one space, at the ends too: the
    context before a hit often ends with the space (or line break) before the hit's word."""
    return SPACES.sub(" ", str(text or "").replace("\u23ce", " "))


class SearchSweep(QObject):
    """Has ``model`` search every page of its document, a slice at a time; ``finished`` after the last."""

    finished = Signal()

    def __init__(self, model: QPdfSearchModel, parent: QObject | None = None):
        super().__init__(parent)
        self._model = model
        self._next = 0
        self._done = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        """Search the whole document for the model's present search string."""
        self._next = 0
        self._done = False
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._done = False

    def is_done(self) -> bool:
        """Every page has been searched for the string the sweep was started for."""
        return self._done

    def _step(self) -> None:
        document = self._model.document()
        pages = document.pageCount() if document is not None else 0
        until = time.perf_counter() + SWEEP_SLICE_S
        while self._next < pages and time.perf_counter() < until:
            self._model.resultsOnPage(self._next)
            self._next += 1
        if self._next >= pages:
            self._timer.stop()
            self._done = True
            self.finished.emit()


class FoundModel(QIdentityProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.page_map = PageMap()

    def set_page_map(self, page_map: PageMap) -> None:
        self.beginResetModel()
        self.page_map = page_map
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            source = self.mapToSource(index)
            model = self.sourceModel()
            if model is None or not source.isValid():
                return None
            page = model.data(source, PAGE_ROLE)
            if not isinstance(page, int):
                return None
            printed = self.page_map.printed(page)
            where = f"Page {printed}" if printed is not None else f"PDF page {page + 1}"
            before = _flat(model.data(source, BEFORE_ROLE))[-40:].lstrip()
            after = _flat(model.data(source, AFTER_ROLE))[:40].rstrip()
            search = _flat(getattr(model, "searchString", lambda: "")()).strip()
            return f"{where}: …{before}{search}{after}…"
        return super().data(index, role)

    def page_of(self, row: int) -> int | None:
        model = self.sourceModel()
        if model is None or not 0 <= row < self.rowCount():
            return None
        value = model.data(model.index(row, 0), PAGE_ROLE)
        return value if isinstance(value, int) else None
