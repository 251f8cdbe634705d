"""The pack reader: the meeting's agenda pack in QtPdf's view, at each item's page.

Shows the printed page number beside the PDF page ("Page 11 (PDF page 16 of
115)"), moves between items, zooms, fits the width, finds text inside the pack
(QPdfSearchModel, hits listed; "No matches" once every page has been searched,
see ``reader_find``), lists the pack's bookmarks when it has any, and
selects and copies text (see ``selectable_pdf_view``).  Zooming, fitting the width and
whatever changes the view's width (the window, the splitters, the Found panel)
keep the page shown and the place on it (the view keeps it, see ``selectable_pdf_view``);
the "Item N: ..." heading follows the page under the view's reading line, while
the agenda's selection moves only when an item is chosen.  A pack imported as
text, with no PDF, is shown as its items' report text in the same place.

Selected text is highlighted with Highlight (Ctrl+H): a bar asks for an
optional comment, then ``highlight_requested`` carries the page, the selected
text and the comment to whoever saves it, once for each page the selection
covers; ``set_highlights`` draws the saved ones on the pages.  In a pack imported as
text, a selection inside one item's report is highlighted the same way
(``text_highlight_requested``: item, text, comment, offset; see ``text_marks``).  Ctrl+H
with nothing to highlight says why beside the button.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTextBrowser, QToolTip, QVBoxLayout, QWidget

from panelbook.ui.common.widgets import EmptyState
from panelbook.ui.reader.page_map import PageMap
from panelbook.ui.reader.reader_controls import ReaderControls
from panelbook.ui.reader.reader_find import EMPTY, PDF, TEXT, FindInPack
from panelbook.ui.reader.search_sweep import FoundModel, SearchSweep
from panelbook.ui.reader.selectable_pdf_view import SelectablePdfView
from panelbook.ui.reader.text_marks import item_at, item_starts, selections

NOTHING_SELECTED = "Select the text to highlight first, then press Highlight (Ctrl+H)."
OUTSIDE_REPORT = "Select text inside one item's report to highlight it."
NO_PACK = "There is no agenda pack here to highlight in."

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 6.0
BOOKMARK_LOCATION_ROLE = int(QPdfBookmarkModel.Role.Location.value)

__all__ = ["EMPTY", "PDF", "TEXT", "PackReader"]


class PackReader(FindInPack, ReaderControls, QWidget):  # type: ignore[misc]  # find(text), not QWidget.find(id)
    """One meeting's pack; ``item_requested`` asks the agenda to select an item (next/previous)."""

    item_requested = Signal(int)
    page_changed = Signal(int)
    highlight_requested = Signal(int, str, str, object)    # PDF page, selected text, comment, start in QtPdf's text
    text_highlight_requested = Signal(int, str, str, object)   # item, selected text, comment, offset in its part

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Pack reader")
        self.page_map = PageMap()
        self._items: dict[int, dict] = {}
        self._mode = EMPTY
        self._current_item: int | None = None
        self.document_id: int | None = None
        self._pending_highlight: list[tuple[int, str, int]] | None = None     # (page, text, start) per page
        self._pending_text: tuple[int, str, int] | None = None      # (item, text, offset) in a text pack
        self._text_starts: list[tuple[int, int]] = []                # (position, item) in the text view
        self._highlights: list[dict] = []
        self._build_pdf()
        self._build_stack()
        self._build_splitter()
        self._lay_out()
        self._build_find_timer(self)
        self._set_enabled(False)

    def _build_pdf(self) -> None:
        """The PDF document, its view, and the search and bookmark models on it.

        Teardown order matters: the search model works on a timer and must go before the
        document it searches.  Children go in the order they were made."""
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

    def _build_stack(self) -> None:
        """The PDF's pages, the report text of a pack imported as text, or a word of what is missing."""
        self.text = QTextBrowser()
        self.text.setAccessibleName("Pack text")
        self.text.setOpenLinks(False)
        self.text.selectionChanged.connect(self._selection_changed)
        self.empty = EmptyState("meeting", "No agenda pack yet")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.text)
        self.stack.addWidget(self.empty)
        self.stack.setCurrentIndex(EMPTY)

    def _build_splitter(self) -> None:
        """Found and Bookmarks beside the pages."""
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.addWidget(self._build_side())
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([240, 800])

    def _lay_out(self) -> None:
        """The item row, the page row and the highlight bar above the pages."""
        self.item_row = self._build_item_row()
        self.page_row = self._build_page_row()
        self.highlight_bar = self._build_highlight_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.item_row)
        layout.addLayout(self.page_row)
        layout.addWidget(self.highlight_bar)
        layout.addWidget(self.splitter, 1)

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
        self._text_starts, self._highlights = [], []
        self.text.setExtraSelections([])
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
            self.document_id = pack.get("id") if pack else None     # highlights are kept on the pack
            self.text.setHtml(self._text_html(items, report_texts))
            self._text_starts = item_starts(self.text.document())
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

    # -- highlights -----------------------------------------------------------

    def set_highlights(self, highlights: list[dict]) -> None:
        """Draw the saved highlights of the pack shown (rows of ``markup.highlights``)."""
        self._highlights = [h for h in highlights if h.get("document_id") == self.document_id]
        self.view.set_highlights(self._highlights)
        self.text.setExtraSelections(selections(self.text.document(), self._text_starts, self._highlights)
                                     if self._mode == TEXT else [])

    def _why_not_highlight(self) -> str:
        """Why the selection cannot be highlighted now ("" when it can)."""
        if self._mode == PDF:
            return "" if self.view.selected_text().strip() else NOTHING_SELECTED
        if self._mode != TEXT or self.document_id is None:
            return NO_PACK
        cursor = self.text.textCursor()
        if not cursor.selectedText().strip():
            return NOTHING_SELECTED
        first, last = (item_at(self._text_starts, p) for p in (cursor.selectionStart(), cursor.selectionEnd()))
        return "" if first is not None and first == last else OUTSIDE_REPORT

    def _selection_changed(self) -> None:
        why = self._why_not_highlight()
        self.highlight_button.setEnabled(not why)
        self.highlight_button.setToolTip("Highlight the selected text (Ctrl+H)" if not why
                                         else f"{why} (Highlight is ready once text is selected.)"
                                         if why == NOTHING_SELECTED else why)

    def start_highlight(self) -> None:
        """Ask for a comment on the selected text (the bar under the page row).  A selection
        over several pages becomes one highlight on each page, with the same comment: a
        highlight is anchored in one page's text."""
        why = self._why_not_highlight()
        if why:
            QToolTip.showText(self.highlight_button.mapToGlobal(self.highlight_button.rect().bottomLeft()),
                              why, self.highlight_button)
            return
        if self._mode == TEXT:
            cursor = self.text.textCursor()
            text = cursor.selectedText().replace("\u2029", "\n").strip()
            item = item_at(self._text_starts, cursor.selectionStart())
            start = next((p for p, i in self._text_starts if i == item), 0)
            self._pending_text = (item, text, cursor.selectionStart() - start) if item is not None else None
            parts = []
        else:
            parts = [(page, text.strip(), start) for page, text, start in self.view.selection_parts()
                     if text.strip()]
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
        parts, in_text = self._pending_highlight, self._pending_text
        comment = self.highlight_comment.text().strip()
        self.cancel_highlight()
        self.view.clear_selection()
        for page, text, start in parts:
            self.highlight_requested.emit(page, text, comment, start)
        if in_text is not None:
            cursor = self.text.textCursor()
            cursor.clearSelection()
            self.text.setTextCursor(cursor)
            self.text_highlight_requested.emit(in_text[0], in_text[1], comment, in_text[2])

    def cancel_highlight(self) -> None:
        self._pending_highlight = None
        self._pending_text = None
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
