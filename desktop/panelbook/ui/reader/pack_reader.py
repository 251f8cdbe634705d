"""The pack reader: the meeting's agenda pack in QtPdf's view, at each item's page.

Shows the printed page number beside the PDF page ("Page 11 (PDF page 16 of
115)"), moves between items, zooms, fits the width, finds text inside the pack
(QPdfSearchModel, hits listed; "No matches" once every page has been searched,
see ``pdf_found.SearchSweep``), lists the pack's bookmarks when it has any, and
selects and copies text (see ``pdf_select``).  Zooming, fitting the width and
whatever changes the view's width (the window, the splitters, the Found panel)
keep the page shown and the place on it (the view keeps it, see ``pdf_select``);
the "Item N: ..." heading follows the page under the view's reading line, while
the agenda's selection moves only when an item is chosen.  A pack imported as
text, with no PDF, is shown as its items' report text in the same place.

Selected text is highlighted with Highlight (Ctrl+H): a bar asks for an
optional comment, then ``highlight_requested`` carries the page, the selected
text and the comment to whoever saves it, once for each page the selection
covers; ``set_highlights`` draws the saved ones on the pages.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QListView, QPushButton, QSizePolicy, QSplitter, QStackedWidget, QTabWidget,
    QTextBrowser, QToolButton, QTreeView, QVBoxLayout, QWidget,
)

from panelbook.ui.common.icons import icon
from panelbook.ui.reader.page_map import PageMap
from panelbook.ui.reader.search_sweep import FoundModel, SearchSweep
from panelbook.ui.reader.selectable_pdf_view import SelectablePdfView
from panelbook.ui.common.widgets import EmptyState

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 6.0
FIND_DELAY_MS = 250
BOOKMARK_PAGE_ROLE = int(QPdfBookmarkModel.Role.Page.value)
BOOKMARK_LOCATION_ROLE = int(QPdfBookmarkModel.Role.Location.value)

PDF, TEXT, EMPTY = range(3)


def _tool(name: str, text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setIcon(icon(name))
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setAutoRaise(True)
    return button


class PackReader(QWidget):
    """One meeting's pack; ``item_requested`` asks the agenda to select an item (next/previous)."""

    item_requested = Signal(int)
    page_changed = Signal(int)
    highlight_requested = Signal(int, str, str, object)    # PDF page, selected text, comment, start in QtPdf's text

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Pack reader")
        self.page_map = PageMap()
        self._items: dict[int, dict] = {}
        self._mode = EMPTY
        self._current_item: int | None = None
        self.document_id: int | None = None
        self._pending_highlight: list[tuple[int, str, int]] | None = None     # (page, text, start) per page

        # Teardown order matters: the search model works on a timer and must go before the
        # document it searches.  Children go in the order they were made.
        self.view = SelectablePdfView(self)
        self.view.setAccessibleName("Agenda pack pages")
        self.view.selection_changed.connect(self._selection_changed)
        self.search_model = QPdfSearchModel(self)
        self.search_sweep = SearchSweep(self.search_model, self)
        self.search_sweep.finished.connect(self._found_changed)
        self.found_model = FoundModel(self)
        self.bookmark_model = QPdfBookmarkModel(self)
        self.document = QPdfDocument(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.navigator = self.view.pageNavigator()
        self.navigator.currentPageChanged.connect(self._page_changed)
        self.search_model.setDocument(self.document)
        self.view.setSearchModel(self.search_model)
        self.found_model.setSourceModel(self.search_model)
        self.bookmark_model.setDocument(self.document)

        self.text = QTextBrowser()
        self.text.setAccessibleName("Pack text")
        self.text.setOpenLinks(False)
        self.empty = EmptyState("meeting", "No agenda pack yet")

        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.text)
        self.stack.addWidget(self.empty)
        self.stack.setCurrentIndex(EMPTY)

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

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([240, 800])

        self._build_controls()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.item_row)
        layout.addLayout(self.page_row)
        layout.addWidget(self.highlight_bar)
        layout.addWidget(self.splitter, 1)

        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(FIND_DELAY_MS)
        self._find_timer.timeout.connect(self._run_find)
        self.search_model.rowsInserted.connect(self._found_changed)
        self.search_model.modelReset.connect(self._found_changed)
        self._set_enabled(False)

    def _build_controls(self) -> None:
        self.previous_button = _tool("previous", "Previous item", "Previous item (Alt+Up)")
        self.previous_button.setShortcut(QKeySequence("Alt+Up"))
        self.previous_button.clicked.connect(self.previous_item)
        self.next_button = _tool("next", "Next item", "Next item (Alt+Down)")
        self.next_button.setShortcut(QKeySequence("Alt+Down"))
        self.next_button.clicked.connect(self.next_item)
        for button in (self.previous_button, self.next_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.item_label = QLabel()
        self.item_label.setAccessibleName("Item shown")
        self.item_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.item_row = QHBoxLayout()
        self.item_row.addWidget(self.previous_button)
        self.item_row.addWidget(self.next_button)
        self.item_row.addWidget(self.item_label, 1)

        self.page_label = QLabel()
        self.page_label.setAccessibleName("Page shown")
        font = self.page_label.font()
        font.setBold(True)
        self.page_label.setFont(font)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("Find in this pack")
        self.find_edit.setAccessibleName("Find in this pack")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setMinimumWidth(140)
        self.find_edit.setMaximumWidth(260)
        self.find_edit.textChanged.connect(lambda _text: self._find_timer.start())
        self.find_edit.returnPressed.connect(self.next_found)
        self.zoom_out_button = _tool("zoom-out", "Zoom out", "Zoom out (Ctrl+-)")
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button = _tool("zoom-in", "Zoom in", "Zoom in (Ctrl++)")
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button = _tool("fit-width", "Fit width", "Fit the page to the width (Ctrl+0)")
        self.fit_button.setShortcut(QKeySequence("Ctrl+0"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.clicked.connect(self.fit_width)
        self.copy_button = _tool("copy", "Copy", "Copy the selected text, or the whole page if nothing is selected")
        self.copy_button.clicked.connect(self.copy_text)
        self.highlight_button = _tool("highlight", "Highlight", "Highlight the selected text (Ctrl+H)")
        self.highlight_button.setShortcut(QKeySequence("Ctrl+H"))
        self.highlight_button.clicked.connect(self.start_highlight)
        self.page_row = QHBoxLayout()
        self.page_row.addWidget(self.page_label, 1)
        self.page_row.addWidget(self.find_edit)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.copy_button,
                       self.highlight_button):
            self.page_row.addWidget(button)
        self._build_highlight_bar()

    def _build_highlight_bar(self) -> None:
        """The row that asks for a highlight's comment: Enter saves, Escape cancels."""
        self.highlight_bar = QWidget()
        self.highlight_bar.setAccessibleName("New highlight")
        self.highlight_quote = QLabel()
        self.highlight_quote.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.highlight_comment = QLineEdit()
        self.highlight_comment.setPlaceholderText("Comment (optional)")
        self.highlight_comment.setAccessibleName("Comment on the highlight")
        self.highlight_comment.returnPressed.connect(self.save_highlight)
        self.save_highlight_button = QPushButton(icon("highlight"), "Save highlight")
        self.save_highlight_button.clicked.connect(self.save_highlight)
        self.cancel_highlight_button = QPushButton("Cancel")
        self.cancel_highlight_button.clicked.connect(self.cancel_highlight)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.highlight_comment, self.cancel_highlight,
                  Qt.ShortcutContext.WidgetShortcut)
        row = QHBoxLayout(self.highlight_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.highlight_quote, 2)
        row.addWidget(self.highlight_comment, 3)
        row.addWidget(self.save_highlight_button)
        row.addWidget(self.cancel_highlight_button)
        self.highlight_bar.hide()

    def _set_enabled(self, on: bool) -> None:
        pdf = on and self._mode == PDF
        for widget in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            widget.setEnabled(pdf)
        self.copy_button.setEnabled(on)
        self.find_edit.setEnabled(on)
        self._selection_changed()
        self._update_item_buttons()

    # -- loading ------------------------------------------------------------

    def clear(self, title: str = "No agenda pack yet", text: str = "") -> None:
        self.view.clear_selection(forget_text=True)
        self.view.forget_place()
        self.view.set_highlights([])
        self.search_sweep.stop()
        self.search_model.setSearchString("")
        self.cancel_highlight()
        self.document_id = None
        self.document.close()
        self.page_map = PageMap()
        self.found_model.set_page_map(self.page_map)
        self._items = {}
        self._current_item = None
        self._mode = EMPTY
        self.empty.set_text(title, text or (
            "When the council publishes this meeting's agenda pack, import the PDF with File › Import "
            "(Ctrl+O) or drop it on this window: it opens here at each item's page."))
        self.stack.setCurrentIndex(EMPTY)
        self.side.hide()
        self.page_label.setText("")
        self.item_label.setText("")
        self.find_edit.clear()
        self._found_changed()
        self._set_enabled(False)

    def set_pack(self, pack: dict | None, items: list[dict], report_texts: dict[int, str]) -> None:
        """Show a meeting's pack (as PDF, or as report text when it was imported as text)."""
        self.clear()
        self._items = {item["id"]: item for item in items}
        if pack and pack.get("path"):
            if self.document.load(pack["path"]) != QPdfDocument.Error.None_:
                self.clear("The agenda pack cannot be opened",
                           f"The stored copy of {pack.get('file_name') or 'the pack'} could not be read. "
                           "Import the pack again to replace it.")
                return
            self._mode = PDF
            self.document_id = pack.get("id")
            self.page_map = PageMap(pack["pages"], items)
            self.found_model.set_page_map(self.page_map)
            self.stack.setCurrentIndex(PDF)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.fit_button.setChecked(True)
            has_bookmarks = self.bookmark_model.rowCount(QModelIndex()) > 0
            self.side.setTabVisible(1, has_bookmarks)
            self.side.setVisible(has_bookmarks)
            if has_bookmarks:
                self.side.setCurrentIndex(1)
                self.bookmarks.expandToDepth(0)
            self._set_enabled(True)
            self._page_changed(self.navigator.currentPage())
        elif report_texts:
            self._mode = TEXT
            self.text.setHtml(self._text_html(items, report_texts))
            self.stack.setCurrentIndex(TEXT)
            self.page_label.setText("The pack's report text (imported as text, without its PDF)")
            self._set_enabled(True)
        elif pack:
            self.clear("The pack's pages are not stored",
                       "This meeting's agenda pack was imported without its pages. Import the PDF of the pack "
                       "to read it here.")

    @staticmethod
    def _text_html(items: list[dict], report_texts: dict[int, str]) -> str:
        parts = []
        for item in items:
            body = report_texts.get(item["id"])
            if not body:
                continue
            number = f"{escape(item['agenda_number'])}. " if item.get("agenda_number") else ""
            parts.append(f"<h2><a name='item-{item['id']}'></a>{number}{escape(item['title'])}</h2>")
            parts.append(f"<p style='white-space: pre-wrap'>{escape(body)}</p>")
        return "".join(parts)

    @property
    def mode(self) -> int:
        return self._mode

    # -- moving around ------------------------------------------------------

    def show_item(self, item_id: int) -> None:
        """Go to the first page of an item's report."""
        self._current_item = item_id
        if self._mode == PDF:
            start = self.page_map.item_start(item_id)
            if start is not None:
                self.go_to_page(start)
            else:
                self._show_item_label(item_id, note="has no pages in the pack")
        elif self._mode == TEXT:
            self.text.scrollToAnchor(f"item-{item_id}")
            self._show_item_label(item_id)
        self._update_item_buttons()

    def show_printed_page(self, printed: int) -> bool:
        """Go to the PDF page that carries printed page ``printed``; False if the pack has no such page."""
        idx = self.page_map.index_of(printed)
        if self._mode != PDF or idx is None:
            return False
        self.go_to_page(idx)
        return True

    def go_to_page(self, idx: int, location: QPointF | None = None) -> None:
        """Show PDF page ``idx`` from its top or, given a ``location`` on it (PDF points), with that
        point just above the view's reading line (QPdfView itself only scrolls to a page's top, and
        not at all when the page is already the current one)."""
        if self._mode != PDF or not 0 <= idx < self.document.pageCount():
            return
        self.navigator.jump(idx, location or QPointF(), 0)
        self.view.scroll_to(idx, location)
        self._page_changed(idx)

    def current_page(self) -> int:
        return self.navigator.currentPage()

    def next_item(self) -> None:
        target = self._neighbour(+1)
        if target is not None:
            self.item_requested.emit(target)

    def previous_item(self) -> None:
        target = self._neighbour(-1)
        if target is not None:
            self.item_requested.emit(target)

    def _neighbour(self, step: int) -> int | None:
        if self._mode == PDF:
            page = self.current_page()
            return self.page_map.next_item(page) if step > 0 else self.page_map.previous_item(page)
        ids = list(self._items)
        if self._current_item in ids:
            position = ids.index(self._current_item) + step
            return ids[position] if 0 <= position < len(ids) else None
        return ids[0] if ids else None

    def _update_item_buttons(self) -> None:
        active = self._mode != EMPTY
        self.previous_button.setEnabled(active and self._neighbour(-1) is not None)
        self.next_button.setEnabled(active and self._neighbour(+1) is not None)

    def _page_changed(self, idx: int) -> None:
        if self._mode != PDF:
            return
        self.page_label.setText(self.page_map.label(idx, self.document.pageCount()))
        item_id = self.page_map.item_at(idx)
        if item_id is not None:
            self._show_item_label(item_id)
        else:
            self.item_label.setText("Front pages of the pack")
        self._update_item_buttons()
        self.page_changed.emit(idx)

    def _show_item_label(self, item_id: int, note: str = "") -> None:
        item = self._items.get(item_id)
        if not item:
            self.item_label.setText("")
            return
        number = f"Item {item['agenda_number']}: " if item.get("agenda_number") else ""
        text = f"{number}{item['title']}" + (f" ({note})" if note else "")
        self.item_label.setText(text)
        self.item_label.setToolTip(text)

    # -- zoom ---------------------------------------------------------------

    def _effective_zoom(self) -> float:
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            return self.view.zoomFactor()
        return self.view.effective_zoom()

    def zoom_in(self) -> None:
        self._set_zoom(self._effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._effective_zoom() / ZOOM_STEP)

    def _set_zoom(self, factor: float) -> None:
        if self._mode != PDF:
            return
        # The factor first, so that the pages are laid out once, at the new size.
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, factor)))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.fit_button.setChecked(False)

    def fit_width(self) -> None:
        if self._mode != PDF:
            return
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.fit_button.setChecked(True)

    # -- find ---------------------------------------------------------------

    def find(self, text: str) -> None:
        self.find_edit.setText(text)
        self._run_find()

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

    # -- highlights -----------------------------------------------------------

    def set_highlights(self, highlights: list[dict]) -> None:
        """Draw the saved highlights of the pack shown (rows of ``markup.highlights``)."""
        self.view.set_highlights([h for h in highlights if h.get("document_id") == self.document_id])

    def _selection_changed(self) -> None:
        self.highlight_button.setEnabled(self._mode == PDF and bool(self.view.selected_text()))

    def start_highlight(self) -> None:
        """Ask for a comment on the selected text (the bar under the page row).  A selection
        over several pages becomes one highlight on each page, with the same comment: a
        highlight is anchored in one page's text."""
        parts = [(page, text.strip(), start) for page, text, start in self.view.selection_parts()
                 if text.strip()] if self._mode == PDF else []
        if not parts:
            return
        text = self.view.selected_text().strip()
        self._pending_highlight = parts
        flat = " ".join(text.split())
        self.highlight_quote.setText(f"Highlight “{flat[:80]}{'…' if len(flat) > 80 else ''}”")
        self.highlight_quote.setToolTip(flat)
        self.highlight_comment.clear()
        self.highlight_bar.show()
        self.highlight_comment.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save_highlight(self) -> None:
        if self._pending_highlight is None:
            return
        parts = self._pending_highlight
        comment = self.highlight_comment.text().strip()
        self.cancel_highlight()
        self.view.clear_selection()
        for page, text, start in parts:
            self.highlight_requested.emit(page, text, comment, start)

    def cancel_highlight(self) -> None:
        self._pending_highlight = None
        self.highlight_bar.hide()

    # -- copy ---------------------------------------------------------------

    def copy_text(self) -> None:
        """Copy the selected text; with nothing selected, the text of the page shown."""
        if self._mode == TEXT:
            cursor = self.text.textCursor()
            text = cursor.selectedText().replace("\u2029", "\n") if cursor.hasSelection() else self.text.toPlainText()
        elif self._mode == PDF:
            text = self.view.selected_text() or \
                self.document.getAllText(self.current_page()).text().replace("\r\n", "\n")
        else:
            return
        QGuiApplication.clipboard().setText(text)
