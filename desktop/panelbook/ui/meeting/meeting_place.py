"""The Meeting place: header, agenda, the selected item's details, and the pack reader.

``open_meeting(meeting_id, item_id, page)`` reads everything about the meeting
on the database worker; the answer arrives by signal and fills the place.  A
newer request makes older answers stale: they are dropped on arrival.

Below the agenda, two tabs: the item's details and its markup (``markup_panel``:
note, questions, flag, read mark, highlights).  Highlights made in the reader
are placed on the worker (``markup_jobs.place_highlight``) and drawn on the
pack's pages; choosing one in the panel turns the reader to its page.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from panelbook.store import desktop_queries, queries
from panelbook.ui.common import settings
from panelbook.ui.common.icons import icon
from panelbook.ui.common.kept_edits import kept_edits
from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.common.worker import DatabaseWorker
from panelbook.ui.markup.marked_agenda_model import MarkedAgendaModel
from panelbook.ui.markup.markup_jobs import (
    document_highlights,
    meeting_marks,
    place_highlight,
    place_text_highlight,
    set_read,
)
from panelbook.ui.markup.markup_panel import MarkupPanel
from panelbook.ui.meeting.agenda_model import CONFIDENTIAL, MINUTE, NUMBER, PAGES, TITLE
from panelbook.ui.meeting.correction_actions import CorrectionActions
from panelbook.ui.meeting.item_details import item_html, meeting_placeholder_html
from panelbook.ui.meeting.meeting_header import MeetingHeader
from panelbook.ui.meeting.open_recs_panel import OpenRecsPanel
from panelbook.ui.reader.pack_reader import PackReader

DETAILS_TAB, MARKUP_TAB, EARLIER_TAB = range(3)


MEETING_CHANGES = Change.MEETINGS | Change.ITEMS | Change.DOCUMENTS   # the agenda, header or pack
MARK_CHANGES = Change.MARKUP | Change.PROFILE                          # the agenda's marks, the highlights


def _neighbour_button(icon_name: str, text: str, shortcut: str) -> QToolButton:
    """The header's button to the earlier or later meeting."""
    button = QToolButton()
    button.setIcon(icon(icon_name))
    button.setText(text)
    button.setToolTip(f"{text} ({shortcut})")
    button.setAccessibleName(text)
    button.setShortcut(shortcut)
    return button


def load_meeting(store, meeting_id: int) -> dict:
    """Everything the Meeting place shows, read on the worker."""
    from panelbook.services.corrections import in_force_lines

    pack = desktop_queries.pack(store.db, store.folder.files, meeting_id)
    agenda = queries.agenda(store.db, meeting_id)
    lines = in_force_lines(store, meeting_id)          # what the "Corrected" marks say
    agenda["meeting"]["correction_lines"] = lines.get(None, [])
    for item in agenda["items"]:
        item["correction_lines"] = lines.get(item["id"], [])
    return {
        "agenda": agenda,
        "sources": desktop_queries.meeting_sources(store.db, meeting_id),
        "pack": pack,
        "reports": desktop_queries.item_report_texts(store.db, meeting_id),
        "read": desktop_queries.read_items(store.db),
        "marks": meeting_marks(store, meeting_id),
        "highlights": document_highlights(store, pack["id"] if pack else None),
    }


def load_meeting_if_present(store, meeting_id: int) -> dict | None:
    """``load_meeting``, or None when the meeting is no longer in the store."""
    if desktop_queries.meeting_exists(store.db, meeting_id):
        return load_meeting(store, meeting_id)
    return None


class MeetingPlace(QWidget):
    meeting_loaded = Signal(int)
    item_shown = Signal(int)
    error = Signal(object)
    neighbour_requested = Signal(int)   # -1 previous meeting, +1 next meeting
    highlight_added = Signal(int)
    rec_requested = Signal(int)         # open this recommendation in the tracker

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self.meeting_id: int | None = None
        self._generation = 0
        self._reports: dict[int, str] = {}
        self._pack_shown: tuple | None = None     # what the reader was given, to tell a real change
        self._jump = True
        self._mark_read = True

        self._build_header()
        self._build_agenda()
        self._build_reader()
        self._build_item_tabs()
        self.corrections = CorrectionActions(self)
        self._lay_out()
        worker.store_changed.connect(self._store_changed)

    def _build_header(self) -> None:
        """The meeting's header with the buttons to the earlier and later meeting."""
        self.header = MeetingHeader()
        self.header.clear()
        self.previous_meeting = _neighbour_button("previous", "Earlier meeting", "Ctrl+Shift+Left")
        self.previous_meeting.clicked.connect(lambda: self.neighbour_requested.emit(-1))
        self.next_meeting = _neighbour_button("next", "Later meeting", "Ctrl+Shift+Right")
        self.next_meeting.clicked.connect(lambda: self.neighbour_requested.emit(+1))

    def _build_agenda(self) -> None:
        """The agenda table, one row an item, with the member's marks on the titles."""
        self.model = MarkedAgendaModel(self)
        self.agenda = QTableView()
        self.agenda.setModel(self.model)
        self.agenda.setAccessibleName("Agenda")
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.setTabKeyNavigation(False)      # Tab goes on to the next control; arrows move in the list
        self.agenda.setAlternatingRowColors(True)
        self.agenda.setWordWrap(True)
        self.agenda.verticalHeader().hide()
        self.agenda.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.agenda.horizontalHeader()
        for column in (NUMBER, MINUTE, PAGES, CONFIDENTIAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.agenda.selectionModel().currentRowChanged.connect(self._row_changed)

    def _build_item_tabs(self) -> None:
        """Below the agenda: the item's details, its markup, and earlier recommendations."""
        self.markup = MarkupPanel(self.worker)
        self.markup.error.connect(self.error.emit)
        self.markup.page_requested.connect(self.reader.go_to_page)
        self.markup.read_changed.connect(self.model.set_read)
        # The agenda's marks and the reader's highlights follow the panel's writes through
        # store_changed (Change.MARKUP), like everyone else's.
        self.item_tabs = QTabWidget()
        self.item_tabs.setDocumentMode(True)
        self.item_tabs.addTab(self.details, icon("meeting"), "Details")
        self.item_tabs.addTab(self.markup, icon("note"), "My notes")     # short: three tabs fit at 1024 wide
        self.item_tabs.setTabToolTip(MARKUP_TAB, "Your note, questions, flag and highlights on this item")
        self.earlier_recs = OpenRecsPanel(self.worker)
        self.earlier_recs.rec_activated.connect(self.rec_requested.emit)
        self.item_tabs.addTab(self.earlier_recs, icon("tracker"), "Earlier recommendations")
        self.item_tabs.setTabToolTip(
            EARLIER_TAB, "Open recommendations from earlier meetings on the same issue as this item")
        self.item_tabs.setCurrentIndex(settings.load_int("meeting/item_tab", DETAILS_TAB))
        self.item_tabs.currentChanged.connect(lambda index: settings.save_value("meeting/item_tab", index))

    def _build_reader(self) -> None:
        """The item's details, and the pack reader, which follows the agenda and highlights
        passages of the pack."""
        self.details = QTextBrowser()
        self.details.setAccessibleName("Item details")
        self.details.setOpenLinks(False)
        self.details.setHtml(meeting_placeholder_html(False))
        self.reader = PackReader()
        self.reader.item_requested.connect(self.select_item)
        self.reader.highlight_requested.connect(self.add_highlight)
        self.reader.text_highlight_requested.connect(self.add_text_highlight)

    def _lay_out(self) -> None:
        """The agenda over the item tabs on the left, the reader on the right, the header above."""
        agenda_box = QWidget()
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        self.agenda_caption = QLabel("Agenda")
        self.agenda_caption.setObjectName("caption")
        agenda_layout.addWidget(self.agenda_caption)
        agenda_layout.addWidget(self.agenda, 1)

        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.setObjectName("agendaSplitter")
        self.left.addWidget(agenda_box)
        self.left.addWidget(self.item_tabs)
        self.left.setStretchFactor(0, 1)
        self.left.setStretchFactor(1, 1)
        self.left.setChildrenCollapsible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("meetingSplitter")
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.corrections.button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.previous_meeting, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.next_meeting, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.setTabOrder(self.agenda, self.item_tabs)
        self.setTabOrder(self.details, self.reader.previous_button)

    # -- loading ------------------------------------------------------------

    def open_meeting(self, meeting_id: int, item_id: int | None = None, page: int | None = None,
                     find: str = "") -> None:
        """Show a meeting, optionally at one of its items and a printed page of its pack, with
        ``find`` (the words a search result matched) marked on the pack's pages."""
        self._generation += 1
        generation = self._generation

        def loaded(result: dict) -> None:
            self._loaded(generation, meeting_id, result, item_id, page)
            if find and generation == self._generation and page is not None:
                self.reader.find(find)      # marked on the pages, listed in Found; the page stays
                self.reader.show_printed_page(page)

        StoreOp(self.worker, lambda store: load_meeting(store, meeting_id), initiator=self) \
            .success(loaded).failure(self.error.emit).run_in_background()

    def reload(self) -> None:
        """Read the meeting shown again (something in the store changed), keeping the item
        chosen and the reader's place unless the pack itself changed."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        self._generation += 1
        generation, current = self._generation, self.current_item_id()
        StoreOp(self.worker, lambda store: load_meeting_if_present(store, meeting_id), initiator=self) \
            .success(lambda result: self._reloaded(generation, meeting_id, result, current)) \
            .failure(self.error.emit).run_in_background()

    def _reloaded(self, generation: int, meeting_id: int, result: dict | None, item_id: int | None) -> None:
        if generation != self._generation:
            return
        if result is None:
            self._gone()
            return
        self._loaded(generation, meeting_id, result, item_id, None, refresh=True)

    def _gone(self) -> None:
        """The meeting shown was removed (by the command line, say): show nothing."""
        self.meeting_id = None
        self._pack_shown = None
        self.header.clear()
        self.corrections.show_meeting(None)
        self.agenda_caption.setText("Agenda")
        self.model.set_items([], set())
        self.reader.clear()
        self.details.setHtml(meeting_placeholder_html(False))
        self.markup.show_item(None)
        self.earlier_recs.show_item(None)

    def _loaded(self, generation: int, meeting_id: int, result: dict, item_id: int | None,
                page: int | None, refresh: bool = False) -> None:
        if generation != self._generation:
            return      # a newer request is on its way
        self.meeting_id = meeting_id
        agenda = result["agenda"]
        items = agenda["items"]
        self.header.show_meeting(agenda["meeting"], result["sources"])
        self.corrections.show_meeting(agenda["meeting"])
        self._reports = result["reports"]
        self.agenda_caption.setText(f"Agenda: {len(items)} items" if items else "Agenda")
        self.model.set_items(items, result["read"])
        self.model.set_marks(result["marks"])
        self.agenda.resizeRowsToContents()
        shown = (result["pack"], items, self._reports)
        new_pack = not refresh or shown != self._pack_shown
        if new_pack:
            self.reader.set_pack(result["pack"], items, self._reports)
            self._pack_shown = shown
        self.reader.set_highlights(result["highlights"])
        self.details.setHtml(meeting_placeholder_html(bool(items)))
        if not items:
            self.markup.show_item(None)
        target = item_id if item_id is not None and self.model.row_of(item_id) is not None else None
        if target is None and items:
            with_pages = [it for it in items if it["pages"]]
            target = (with_pages[0] if with_pages else items[0])["id"]
        if target is not None:
            # Chosen for the user, not by them: it is not marked as read (a search hit is).
            self._mark_read = item_id is not None and not refresh
            try:
                self.select_item(target, jump=page is None and new_pack)
            finally:
                self._mark_read = True
        if page is not None:
            self.reader.show_printed_page(page)
        self.meeting_loaded.emit(meeting_id)

    def _store_changed(self, changes: Change, _initiator: object) -> None:
        """Refresh what this place shows when the store changed under it."""
        if self.meeting_id is None:
            return
        if changes & MEETING_CHANGES:
            self.reload()       # reads the marks and highlights too
        elif changes & MARK_CHANGES:
            self.refresh_marks()
            self.refresh_highlights()

    # -- items --------------------------------------------------------------

    def current_item_id(self) -> int | None:
        index = self.agenda.currentIndex()
        return self.model.item(index.row())["id"] if index.isValid() else None

    def select_item(self, item_id: int, jump: bool = True) -> None:
        """Select an agenda item; with ``jump`` the reader goes to its first page."""
        row = self.model.row_of(item_id)
        if row is None:
            return
        self._jump = jump
        try:
            index = self.model.index(row, TITLE)
            if self.agenda.currentIndex().row() == row:
                self._show_row(row)
            else:
                self.agenda.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.agenda.scrollTo(index)
        finally:
            self._jump = True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_row(current.row())

    def _show_row(self, row: int) -> None:
        item = self.model.item(row)
        self.details.setHtml(item_html(item, self._reports.get(item["id"])))
        number = f"{item['agenda_number']}. " if item.get("agenda_number") else ""
        self.markup.show_item(item["id"], number + item["title"])
        self.earlier_recs.show_item(item["id"])
        if self._jump:
            self.reader.show_item(item["id"])
        if self._mark_read:
            item_id = item["id"]
            StoreOp(self.worker, lambda store: set_read(store, item_id, True), changes=Change.MARKUP, initiator=self) \
                .success(self._read_marked).failure(self.error.emit).run_in_background()
        self.item_shown.emit(item["id"])

    def _read_marked(self, read: set[int]) -> None:
        self.model.set_read(read)
        if self.markup.item_id is not None:
            self.markup.set_read(self.markup.item_id in read)

    # -- markup -------------------------------------------------------------

    def flush_markup(self, closing: bool = False) -> None:
        """Save what is typed and not yet saved (before an export, or as the window closes)."""
        self.markup.flush(closing)

    def refresh_marks(self) -> None:
        """Read the agenda's flags and markup counts again (something was marked up)."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        generation = self._generation

        def show(marks: dict[int, dict[str, Any]]) -> None:
            if generation == self._generation:
                self.model.set_marks(marks)

        StoreOp(self.worker, lambda store: meeting_marks(store, meeting_id), initiator=self) \
            .success(show).failure(self.error.emit).run_in_background()

    def refresh_highlights(self) -> None:
        document_id = self.reader.document_id
        generation = self._generation

        def show(rows: list[dict[str, Any]]) -> None:
            if generation == self._generation:
                self.reader.set_highlights(rows)

        StoreOp(self.worker, lambda store: document_highlights(store, document_id), initiator=self) \
            .success(show).failure(self.error.emit).run_in_background()

    def add_highlight(self, page: int, text: str, comment: str, start) -> None:
        """Save a highlight of the reader's selection, then show it in the panel and on the page."""
        document_id = self.reader.document_id
        if document_id is None:
            return
        # One the disk refuses is kept (with its passage and comment) and placed by itself later.
        kept_edits(self.worker).write(
            lambda store: place_highlight(store, document_id, page, text, comment, start),
            what=f"Your highlight on page {page + 1} of the pack",
            text=text + (f"\nComment: {comment}" if comment else ""),
            noun="your highlight", initiator=self, done=self._highlight_added, failed=self.error.emit)

    def add_text_highlight(self, item_id: int, text: str, comment: str, near) -> None:
        """Save a highlight of a selection in a text pack's report text (no pages to anchor on)."""
        document_id = self.reader.document_id
        if document_id is None:
            return
        StoreOp(self.worker, lambda store: place_text_highlight(store, document_id, item_id, text, comment, near),
                changes=Change.MARKUP, initiator=self) \
            .success(self._highlight_added).failure(self.error.emit).run_in_background()

    def _highlight_added(self, highlight_id: int) -> None:
        # The reader's highlights and the agenda's marks follow from store_changed.
        self.markup.reload()
        self.highlight_added.emit(highlight_id)

    def show_markup(self) -> None:
        self.item_tabs.setCurrentIndex(MARKUP_TAB)
