"""The Search place: one box over the whole store, results as you type.

Typing restarts a short timer (150 ms); when it fires the query runs on the
database worker.  Every query carries a number, and an answer that arrives
after a newer query was sent is dropped, so results never jump backwards.
Results are grouped by meeting; activating one opens that meeting and item
(and, for a pack page, the reader at that page).  When the store changes, the
query shown runs again (at once if the place is on screen, else when it is shown).

A query with more than 1,000 matches is ranked among its 1,000 newest matches
(``store.search.find``); the summary says so, and the exact number of matches
is counted afterwards, in a second job, and added to the summary when it comes.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QShowEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from panelbook.store.search import Results, count_matches, find
from panelbook.ui.common.icons import icon
from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.common.widgets import EmptyState, heading_label
from panelbook.ui.search.search_results_model import HtmlRole, IsGroupRole, SearchResultsModel

DEBOUNCE_MS = 150
RESULT_LIMIT = 200
COUNTING = "counting the matches…"
# Everything the search covers: items, pack pages, minutes, resolutions, recommendations, notes.
SEARCHED = Change.MEETINGS | Change.ITEMS | Change.DOCUMENTS | Change.RECS | Change.MARKUP | Change.PROFILE


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as two lines of rich text (heading, snippet with matched words in bold)."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex, width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        selected = option.state & QStyle.StateFlag.State_Selected
        muted = option.palette.color(QPalette.ColorRole.HighlightedText if selected
                                     else QPalette.ColorRole.PlaceholderText)
        document.setDefaultStyleSheet(f".heading {{ color: {muted.name()}; }}")
        document.setHtml(index.data(HtmlRole) or "")
        document.setTextWidth(max(50.0, width))
        document.setDocumentMargin(3)
        return document

    def paint(self, painter, option, index) -> None:
        if index.data(IsGroupRole):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget)
        document = self._document(option, index, option.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        if index.data(IsGroupRole):
            base = super().sizeHint(option, index)
            return QSize(base.width(), base.height() + 8)
        view = option.widget
        width = view.viewport().width() - view.indentation() - 8 if isinstance(view, QTreeView) else 400
        document = self._document(option, index, width)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 4)


class SearchPlace(QWidget):
    hit_activated = Signal(object)      # Hit
    meeting_activated = Signal(int)
    results_shown = Signal(str)
    error = Signal(object)

    def __init__(self, worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self._generation = 0
        self._select_first = False
        self._stale = False         # the store changed while the place was hidden
        self._build_box()
        self._build_results()
        self._lay_out()
        worker.store_changed.connect(self._store_changed)

    def _build_box(self) -> None:
        """The heading, the search box (results follow typing after a short pause), the summary."""
        self.heading = heading_label("Search")
        self.box = QLineEdit()
        self.box.setPlaceholderText("Search every agenda, pack, minute and recommendation (Ctrl+F)")
        self.box.setAccessibleName("Search")
        self.box.setClearButtonEnabled(True)
        self.box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        font = self.box.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.box.setFont(font)
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self._focus_results)
        self.summary = QLabel()
        self.summary.setAccessibleName("Search summary")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)

    def _build_results(self) -> None:
        """The results grouped by meeting, and what to say while there are none."""
        self.model = SearchResultsModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Search results")
        self.tree.setItemDelegate(HitDelegate(self.tree))
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.activated.connect(self._activated)
        self.tree.doubleClicked.connect(self._activated)
        self.empty = EmptyState(
            "search", "Find anything the panel has seen",
            "Type a word or a phrase: agenda items, every page of the packs, minutes, resolutions, "
            "recommendations and your notes are searched as you type. Press Enter to move to the results, "
            "and Enter again to open one at its page.")

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        self.tree.hide()
        self.setTabOrder(self.box, self.tree)

    # -- following the store --------------------------------------------------

    def _store_changed(self, changes: Change, _initiator: object) -> None:
        """What is searched changed: search again now if the place is on screen, else when it
        next is (a note saved in the Meeting place need not re-run a hidden search)."""
        if not changes & SEARCHED:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def set_text(self, text: str) -> None:
        self.box.setText(text)

    def _typed(self, _text: str) -> None:
        self._timer.start()

    def run_search(self) -> None:
        """Send the box's text to the worker; only the newest answer is shown."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        text = self.box.text().strip()
        if not text:
            self._show(generation, text, Results())
            return
        StoreOp(self.worker, lambda store: find(store.db, text, limit=RESULT_LIMIT), initiator=self) \
            .success(lambda results: self._show(generation, text, results)).failure(self.error.emit) \
            .run_in_background()

    def _count(self, generation: int, text: str, found: str) -> None:
        """Count every match of a bounded query on the worker; add the count to the summary."""
        def counted(total: int) -> None:
            if generation == self._generation:
                self.summary.setText(found.replace(COUNTING, f"of {total:,} matches"))

        StoreOp(self.worker, lambda store: count_matches(store.db, text), initiator=self) \
            .success(counted).failure(lambda _error: None).run_in_background()

    def _show(self, generation: int, text: str, results: Results) -> None:
        if generation != self._generation:
            return
        hits = results.hits
        self.model.set_hits(text, hits)
        self.tree.expandAll()
        has = bool(hits)
        self.tree.setVisible(has)
        self.empty.setVisible(not has)
        if not text:
            self.summary.setText("")
            self.empty.set_text("Find anything the panel has seen", self.empty.text.text())
        elif has:
            meetings = self.model.group_count()
            if results.bounded:
                more = f" ({results.order}, {COUNTING})"
            else:
                more = " (the best matches)" if len(hits) >= RESULT_LIMIT else ""
            found = (f"{len(hits)} {'result' if len(hits) == 1 else 'results'}{more} in {meetings} "
                     f"{'meeting' if meetings == 1 else 'meetings'} for “{text}”. Enter or double-click opens one.")
            self.summary.setText(found)
            if results.bounded:
                self._count(generation, text, found)
        else:
            self.summary.setText(f"Nothing found for “{text}”.")
            self.empty.set_text(f"Nothing found for “{text}”",
                                "Check the spelling, or try fewer or shorter words: the last word also "
                                "matches the start of longer words.")
        if self._select_first:
            self._select_first_result()
        self.results_shown.emit(text)

    def refresh(self) -> None:
        if self.box.text().strip():
            self.run_search()

    def _focus_results(self) -> None:
        """Enter in the box: into the results, with the best hit current (never a meeting heading,
        which Qt would otherwise pick on focus), so a second Enter opens that hit at its page."""
        if self._timer.isActive():
            self._select_first = True
            self.run_search()
        else:
            self._select_first_result()
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select_first_result(self) -> None:
        """Make the first hit current, unless a hit (not a heading) already is."""
        self._select_first = False
        if not self.model.rowCount():
            return
        if self.model.hit(self.tree.currentIndex()) is None:
            first = self.model.first_hit_index()
            self.tree.setCurrentIndex(first)
            self.tree.scrollTo(first)

    def _activated(self, index: QModelIndex) -> None:
        hit = self.model.hit(index)
        if hit is not None:
            self.hit_activated.emit(hit)
            return
        meeting_id = self.model.meeting_of(index)
        if meeting_id is not None:
            self.meeting_activated.emit(meeting_id)
