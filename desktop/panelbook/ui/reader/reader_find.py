"""Find in the pack, and the side panel that lists what was found and the pack's bookmarks.

A part of ``PackReader`` (a mixin: the reader is one widget; this is its job of
finding).  Typing in Find waits a moment (``FIND_DELAY_MS``), then QtPdf's
search model looks through the pack, page slice by page slice (``SearchSweep``);
the Found list fills as hits arrive and says "No matches" only once every page
has been searched.  In a pack imported as text, Find moves through the text.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtPdf import QPdfBookmarkModel
from PySide6.QtWidgets import QLabel, QListView, QTabWidget, QTreeView, QVBoxLayout, QWidget

from panelbook.ui.common.icons import icon

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtPdf import QPdfSearchModel
    from PySide6.QtWidgets import QLineEdit, QTextBrowser

    from panelbook.ui.reader.search_sweep import FoundModel, SearchSweep
    from panelbook.ui.reader.selectable_pdf_view import SelectablePdfView

FIND_DELAY_MS = 250
BOOKMARK_PAGE_ROLE = int(QPdfBookmarkModel.Role.Page.value)
PDF, TEXT, EMPTY = range(3)     # the reader's modes (pack_reader uses the same)


class FindInPack:
    """Find, the Found list and the Bookmarks; mixed into PackReader, whose parts it uses."""

    # What the reader provides.
    _mode: int
    view: SelectablePdfView
    text: QTextBrowser
    find_edit: QLineEdit
    search_model: QPdfSearchModel
    search_sweep: SearchSweep
    found_model: FoundModel
    bookmark_model: QPdfBookmarkModel
    go_to_page: Callable[..., None]                 # (page index, location=None)

    # -- building ---------------------------------------------------------------

    def _build_side(self) -> QTabWidget:
        """The side panel: what Find found (with a line saying how the search goes) and the
        pack's bookmarks.  Hidden until there is something to show."""
        self.found_list = QListView()
        self.found_list.setModel(self.found_model)
        self.found_list.setAccessibleName("Found in this pack")
        self.found_list.setWordWrap(True)
        self.found_list.setUniformItemSizes(False)
        self.found_list.activated.connect(self._found_activated)
        self.found_list.clicked.connect(self._found_activated)
        self.found_status = QLabel()
        self.found_status.setWordWrap(True)
        found_page = QWidget()
        found_layout = QVBoxLayout(found_page)
        found_layout.setContentsMargins(4, 4, 4, 4)
        found_layout.addWidget(self.found_status)
        found_layout.addWidget(self.found_list, 1)
        self.bookmarks = QTreeView()
        self.bookmarks.setModel(self.bookmark_model)
        self.bookmarks.setHeaderHidden(True)
        self.bookmarks.setAccessibleName("Bookmarks of the pack")
        self.bookmarks.activated.connect(self._bookmark_activated)
        self.bookmarks.clicked.connect(self._bookmark_activated)
        self.side = QTabWidget()
        self.side.setDocumentMode(True)
        self.side.addTab(found_page, icon("find-in-page"), "Found")
        self.side.addTab(self.bookmarks, icon("bookmark"), "Bookmarks")
        self.side.hide()
        return self.side

    def _build_find_timer(self, parent: QWidget) -> None:
        """The pause after typing in Find, and the Found list following the search model."""
        self._find_timer = QTimer(parent)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(FIND_DELAY_MS)
        self._find_timer.timeout.connect(self._run_find)
        self.search_model.rowsInserted.connect(self._found_changed)
        self.search_model.modelReset.connect(self._found_changed)

    # -- finding ----------------------------------------------------------------

    def find(self, text: str) -> None:
        self.find_edit.setText(text)
        self._run_find()

    def find_later(self) -> None:
        """Typing in Find: look once the typing pauses."""
        self._find_timer.start()

    def _run_find(self) -> None:
        text = self.find_edit.text().strip()
        if self._mode == TEXT:
            if text:
                self.text.moveCursor(self.text.textCursor().MoveOperation.Start)
                self.text.find(text)
            return
        if self._mode != PDF:
            return
        self.search_model.setSearchString(text)
        if text:
            self.search_sweep.start()
        else:
            self.search_sweep.stop()
        self.side.setVisible(bool(text) or self.side.isTabVisible(1))
        if text:
            self.side.setCurrentIndex(0)
        self._found_changed()

    def _found_changed(self, *_args) -> None:
        text = self.find_edit.text().strip()
        count = self.found_model.rowCount()
        done = self.search_sweep.is_done() and self.search_model.searchString() == text
        if not text:
            self.found_status.setText("")
        elif not done:
            self.found_status.setText(f"{count} found so far for “{text}”, still looking…" if count
                                      else f"Looking for “{text}” in the pack…")
        elif count:
            self.found_status.setText(f"{count} found for “{text}”. Press Enter for the next.")
        else:
            self.found_status.setText(f"No matches for “{text}” in this pack.")
        self.side.setTabText(0, f"Found ({count})" if text else "Found")

    def next_found(self) -> None:
        if self._mode == TEXT:
            if not self.text.find(self.find_edit.text().strip()):
                self.text.moveCursor(self.text.textCursor().MoveOperation.Start)
                self.text.find(self.find_edit.text().strip())
            return
        count = self.found_model.rowCount()
        if not count:
            text = self.find_edit.text().strip()
            if not (self.search_sweep.is_done() and self.search_model.searchString() == text):
                self._run_find()        # typed just now: look at once (no matches stays said)
            return
        row = (self.found_list.currentIndex().row() + 1) % count
        index = self.found_model.index(row, 0)
        self.found_list.setCurrentIndex(index)
        self._found_activated(index)

    def _found_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.view.setCurrentSearchResultIndex(index.row())
        link = self.search_model.resultAtIndex(index.row())
        if link.isValid():
            self.go_to_page(link.page(), link.location())

    def _bookmark_activated(self, index: QModelIndex) -> None:
        page = self.bookmark_model.data(index, BOOKMARK_PAGE_ROLE)
        if isinstance(page, int):
            self.go_to_page(page)
