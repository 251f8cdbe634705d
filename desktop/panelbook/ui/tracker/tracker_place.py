"""The Tracker place: every recommendation, followed until the panel closes it.

One worker request loads everything the place shows (all recommendations and
the drafts, which ids fall in each view, the meetings, and what changed since
the last held meeting); the views, the meeting and the issue filters then work
on that row cache without going back to the store.  Saving, setting a draft
aside, the history and the exports are worker requests too.  ``today`` can be
set (tests, "as it stood on" a date); None means the real date.
"""
from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMainWindow, QMenu,
    QMessageBox, QPushButton, QScrollArea, QSplitter, QTableView, QToolButton, QVBoxLayout, QWidget,
)

from panelbook import tracker
from panelbook.services import recs
from panelbook.store import queries
from panelbook.ui.tracker.rec_editor import RecEditor, status_label
from panelbook.ui.tracker.recs_model import (
    DEADLINE,
    ITEM,
    MEETING,
    OVERDUE,
    OWNER,
    RESPONSE,
    STATUS,
    TEXT,
    HistoryModel,
    IdRole,
    RecsFilter,
    RecsModel,
    issue_of,
    short_date,
)
from panelbook.ui.common.widgets import heading_label, notice_label

VIEW_BUTTONS = [
    ("open", "Open", "Still on the list: awaiting a response, not complete, reported complete or rejected"),
    ("overdue", "Overdue", "Past the deadline, or no response within the response time"),
    ("due", "Due by next meeting", "Open with a deadline on or before the committee's next meeting"),
    ("drafts", "Drafts", "Resolutions offered from the minutes: accept, edit or set aside"),
    ("closed", "Closed", "Accepted as complete, or rejected and reported to the panel"),
    ("all", "All", "Every recommendation except drafts, closed ones included"),
]
VIEW_NAMES = {key: name for key, name, _tip in VIEW_BUTTONS}
CSV_FILTER = "CSV files (*.csv)"
PDF_FILTER = "PDF files (*.pdf)"
MONITORING_MENU_SIZE = 12


class Refused(Exception):
    """A change the store refused, already put in words for the clerk."""


def load_tracker(store, today: date | None) -> dict:
    """Everything the place shows, read in one worker request."""
    return recs.tracker_overview(store, today)


def save_changes(store, rec_id: int, changes: dict) -> int:
    """``services.recs.set_recommendation`` with its refusals put in plain words."""
    try:
        recs.set_recommendation(store, rec_id, **changes)
    except tracker.InvalidTransition:
        saved = recs.current_status(store, rec_id)
        now = status_label(saved) if saved else "unknown"
        raise Refused(
            f"This change was not saved: recommendation {rec_id} is now \u201c{now}\u201d, and the panel's "
            f"rule does not let it become \u201c{status_label(changes['status'])}\u201d. It may have been "
            "changed elsewhere; the tracker now shows it as it is saved.") from None
    except queries.NotFound as error:
        raise Refused(f"This change was not saved: {error}") from None
    return rec_id


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class TrackerPlace(QWidget):
    loaded = Signal()
    saved = Signal(int)
    exported = Signal(str)
    history_shown = Signal(int)
    error = Signal(object)

    def __init__(self, worker, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.worker = worker
        self.today = today
        self.data: dict | None = None
        self._request = 0
        self._history_request = 0
        self._select_after_load: int | None = None
        self._moved_notice: int | None = None
        self._pending_message: str | None = None
        self._since_ids: tuple[str, set[int]] | None = None
        self._set_aside: int | None = None
        self.offer: QMessageBox | None = None

        self.heading = heading_label("Tracker")
        self.since = notice_label()
        self.since.setTextFormat(Qt.TextFormat.RichText)
        self.since.setAccessibleName("Since the last meeting")
        self.since.linkActivated.connect(self._since_link)
        self.since.hide()

        self.model = RecsModel(self)
        self.proxy = RecsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build_filters()
        self._build_table()
        self.editor = RecEditor()
        self.editor.save_requested.connect(self.save)
        self.editor.set_aside_requested.connect(self.set_aside)
        self.history_model = HistoryModel(self)
        self.history_model.labels = {s.value: label for s, label in tracker.LABELS.items()}
        self._build_history()

        self.notice = notice_label()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo setting the draft aside")
        self.undo_button.clicked.connect(self._undo_set_aside)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.undo_button)
        self.notice_box = QWidget()
        self.notice_box.setLayout(notice_row)
        notice_row.setContentsMargins(0, 0, 0, 0)
        self.notice_box.hide()

        editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        editor_holder = QWidget()
        holder_layout = QVBoxLayout(editor_holder)
        holder_layout.setContentsMargins(0, 8, 8, 0)
        holder_layout.addWidget(self.editor)
        editor_scroll.setWidget(editor_holder)
        details = QSplitter(Qt.Orientation.Horizontal)
        details.setObjectName("tracker-details")
        details.setChildrenCollapsible(False)
        details.addWidget(editor_scroll)
        details.addWidget(self.history_box)
        details.setStretchFactor(0, 2)
        details.setStretchFactor(1, 1)
        details.setSizes([780, 380])

        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.count_label)
        table_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("tracker")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 320])

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.csv_button)
        top.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.since)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.notice_box)
        layout.addWidget(self.splitter, 1)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.editor.save)
        self.setFocusProxy(self.table)

    # -- building -----------------------------------------------------------

    def _build_filters(self) -> None:
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        self.view_buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.setSpacing(4)
        show = QLabel("Show")
        row.addWidget(show)
        for key, name, tip in VIEW_BUTTONS:
            button = QToolButton()
            button.setText(name)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.setAccessibleName(f"Show {name.lower()}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.view_group.addButton(button)
            button.clicked.connect(lambda _checked=False, k=key: self.set_view(k))
            row.addWidget(button)
            self.view_buttons[key] = button
        self.view_buttons["open"].setChecked(True)
        self.view = "open"
        row.addSpacing(16)
        self.meeting_filter = QComboBox()
        self.meeting_filter.setAccessibleName("Meeting the recommendations came from")
        self.meeting_filter.setToolTip("Only the recommendations made at one meeting")
        self.meeting_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.meeting_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.issue_filter = QComboBox()
        self.issue_filter.setAccessibleName("Issue")
        self.issue_filter.setToolTip("Only the recommendations on one issue (agenda item title)")
        self.issue_filter.setMinimumContentsLength(18)
        self.issue_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.issue_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.meeting_filter.view().setAccessibleName("Meetings")
        self.issue_filter.view().setAccessibleName("Issues")
        meeting_label = QLabel("Meeting")
        meeting_label.setBuddy(self.meeting_filter)
        issue_label = QLabel("Issue")
        issue_label.setBuddy(self.issue_filter)
        row.addWidget(meeting_label)
        row.addWidget(self.meeting_filter)
        row.addSpacing(8)
        row.addWidget(issue_label)
        row.addWidget(self.issue_filter, 1)
        self.filter_row = row

        self.csv_button = QPushButton("Export CSV…")
        self.csv_button.setToolTip("Save the recommendations shown as a spreadsheet file")
        self.csv_button.clicked.connect(self.choose_csv)
        self.pdf_button = QPushButton("Monitoring PDF…")
        self.pdf_button.setToolTip("The \u201cMonitoring Scrutiny Recommendations\u201d appendix for a meeting")
        self.pdf_menu = QMenu(self)
        self.pdf_button.setMenu(self.pdf_menu)

    def _build_table(self) -> None:
        self.count_label = QLabel()
        self.count_label.setAccessibleName("What the table shows")
        table = QTableView()
        table.setModel(self.proxy)
        table.setAccessibleName("Recommendations")
        table.setTabKeyNavigation(False)      # Tab goes on to the next control; arrows move in the table
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        metrics = table.fontMetrics()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() * 2 + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RESPONSE, QHeaderView.ResizeMode.Stretch)
        widths = {MEETING: "28 Mar 2025 ", ITEM: "Family Safeguarding Model", OWNER: "Head of Serv",
                  STATUS: "Reported complete ",
                  DEADLINE: "30 Nov 2024 ", OVERDUE: "Overdue     "}
        for column, sample in widths.items():
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        header.setMinimumSectionSize(metrics.horizontalAdvance("Owner") + 24)
        table.sortByColumn(MEETING, Qt.SortOrder.AscendingOrder)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table = table

    def _build_history(self) -> None:
        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.setAccessibleName("History of the recommendation")
        self.history.setTabKeyNavigation(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().hide()
        self.history.setWordWrap(False)
        self.history.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Before and after share what is left of the width (full texts in their tooltips).
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.history_box = QWidget()
        layout = QVBoxLayout(self.history_box)
        layout.setContentsMargins(8, 8, 0, 0)
        self.history_title = QLabel("History")
        font = self.history_title.font()
        font.setBold(True)
        self.history_title.setFont(font)
        self.history_empty = QLabel()
        self.history_empty.setWordWrap(True)
        self.history_empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.history_empty, 1)
        self._show_history_state(None)

    def _show_history_state(self, rec_id: int | None) -> None:
        """The table when there are changes; otherwise a sentence saying why it is empty."""
        rows = self.history_model.rowCount()
        self.history.setVisible(bool(rows))
        self.history_empty.setVisible(not rows)
        if rec_id is None:
            self.history_title.setText("History")
            self.history_empty.setText("Every change to the chosen recommendation is listed here: when, who, "
                                       "and the text before and after.")
        else:
            self.history_title.setText(f"History of recommendation {rec_id} ({_plural(rows, 'change')})")
            self.history_empty.setText("No changes yet: it is as it was first recorded. Changes you save "
                                       "appear here with your name and the text before and after.")

    # -- loading ------------------------------------------------------------

    def refresh(self) -> None:
        """Read the tracker again (keeps the chosen recommendation when it is still shown)."""
        self._request += 1
        request = self._request
        today = self.today
        self.worker.submit(lambda store: load_tracker(store, today),
                           lambda result: self._show(request, result), self._failed)

    def _failed(self, error: BaseException) -> None:
        self.error.emit(error)
        self._status(str(error) or type(error).__name__)

    def _show(self, request: int, result: dict) -> None:
        if request != self._request:
            return
        keep = self._select_after_load if self._select_after_load is not None else self.current_id()
        self._select_after_load = None
        self.data = result
        self.model.today = result["today"]
        self.model.set_rows(result["rows"])
        self._fill_combos(result)
        self._update_counts()
        self._show_since(result)
        self._fill_pdf_menu(result)
        self._apply_filter(keep)
        if self._pending_message and self.editor.rec is not None:
            self.editor.show_message(self._pending_message)
        self._pending_message = None
        moved, self._moved_notice = self._moved_notice, None
        if moved is not None and self.current_id() != moved:
            self._tell_where(moved)
        self.loaded.emit()

    def _tell_where(self, rec_id: int) -> None:
        """A saved recommendation left the rows shown: say where it went."""
        row = self.model.row_of(rec_id)
        if row is None:
            return
        rec = self.model.rec(row)
        views = self.data["views"]
        home = next((v for v in ("open", "drafts", "closed") if rec_id in views.get(v, ())), "all")
        self.notice.setText(f"Recommendation {rec_id} is now \u201c{rec['status_label']}\u201d and is listed "
                            f"under {VIEW_NAMES[home]}.")
        self.undo_button.hide()
        self.notice_box.show()

    def _fill_combos(self, result: dict) -> None:
        rows = result["rows"]
        for combo in (self.meeting_filter, self.issue_filter):
            combo.blockSignals(True)
        chosen_meeting = self.meeting_filter.currentData()
        chosen_issue = self.issue_filter.currentData()
        self.meeting_filter.clear()
        self.meeting_filter.addItem("All meetings", None)
        by_id = {m["id"]: m for m in result["meetings"]}
        committees = {m["committee"] for m in result["meetings"]}
        for meeting_id in sorted({r["meeting_id"] for r in rows if r["meeting_id"] in by_id},
                                 key=lambda i: by_id[i]["date"], reverse=True):
            meeting = by_id[meeting_id]
            label = short_date(meeting["date"]) + (f", {meeting['committee']}" if len(committees) > 1 else "")
            self.meeting_filter.addItem(label, meeting_id)
        self.issue_filter.clear()
        self.issue_filter.addItem("All issues", None)
        for issue in sorted({issue_of(r) for r in rows if issue_of(r)}, key=str.casefold):
            self.issue_filter.addItem(issue, issue)
        for combo, chosen in ((self.meeting_filter, chosen_meeting), (self.issue_filter, chosen_issue)):
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def _update_counts(self) -> None:
        views = self.data["views"] if self.data else {}
        for key, name, _tip in VIEW_BUTTONS:
            count = len(views.get(key, ()))
            self.view_buttons[key].setText(f"{name} ({count})")

    def _show_since(self, result: dict) -> None:
        last, since = result["last"], result["since"]
        if not last or since is None:
            self.since.hide()
            return
        parts = []
        for key, words in (("closed", "closed"), ("added", "added"), ("became_overdue", "became overdue")):
            count = len(since[key])
            parts.append(f'<a href="since:{key}">{count} {words}</a>' if count else f"nothing {words}"
                         if key != "became_overdue" else "none became overdue")
        self.since.setText(
            f"<b>Since the last meeting</b> ({html.escape(short_date(last['date']))}): " + ", ".join(parts) + ".")
        self.since.setToolTip("Choose a number to list those recommendations.")
        self.since.show()

    def _fill_pdf_menu(self, result: dict) -> None:
        self.pdf_menu.clear()
        today = result["today"].isoformat()
        meetings = [m for m in result["meetings"] if m["status"] != "cancelled"]
        upcoming = [m for m in meetings if m["date"] >= today]
        past = [m for m in meetings if m["date"] < today]
        chosen = upcoming[:2] + list(reversed(past))[:MONITORING_MENU_SIZE - min(2, len(upcoming))]
        committees = {m["committee"] for m in meetings}
        for meeting in chosen:
            label = f"Scrutiny Monitoring – {short_date(meeting['date'])}"
            if len(committees) > 1:
                label += f" ({meeting['committee']})"
            if upcoming and meeting is upcoming[0]:
                label += " (next meeting)"
            action = self.pdf_menu.addAction(label)
            action.triggered.connect(lambda _checked=False, m=meeting: self.choose_monitoring(m))
        self.pdf_button.setEnabled(bool(chosen))

    # -- filtering ----------------------------------------------------------

    def set_view(self, view: str) -> None:
        """Show one of: open, overdue, due, drafts, closed, all."""
        self.view = view
        self._since_ids = None
        self.notice_box.hide()
        self.view_buttons[view].setChecked(True)
        self._apply_filter()

    def set_meeting_filter(self, meeting_id: int | None) -> None:
        self.meeting_filter.setCurrentIndex(max(0, self.meeting_filter.findData(meeting_id)))

    def set_issue_filter(self, issue: str | None) -> None:
        self.issue_filter.setCurrentIndex(max(0, self.issue_filter.findData(issue)))

    def _since_link(self, link: str) -> None:
        key = link.split(":", 1)[1]
        if not self.data or not self.data["since"]:
            return
        self._since_ids = (key, {r["id"] for r in self.data["since"][key]})
        self._apply_filter()

    def _apply_filter(self, keep: int | None = None) -> None:
        if keep is None:
            keep = self.current_id()
        views = self.data["views"] if self.data else {}
        ids = self._since_ids[1] if self._since_ids else views.get(self.view, set())
        self.proxy.set_filter(ids, self.meeting_filter.currentData(), self.issue_filter.currentData())
        shown = self.proxy.rowCount()
        if self._since_ids:
            words = {"closed": "closed", "added": "added", "became_overdue": "that became overdue"}[self._since_ids[0]]
            what = f"{_plural(shown, 'recommendation')} {words} since the last meeting"
        else:
            what = f"{_plural(shown, 'recommendation')}: {VIEW_NAMES[self.view].lower()}"
        if self.meeting_filter.currentData() is not None:
            what += f", made on {self.meeting_filter.currentText()}"
        if self.issue_filter.currentData() is not None:
            what += f", on \u201c{self.issue_filter.currentText()}\u201d"
        if not self.model.rowCount():
            what = ("No recommendations yet: they arrive with imported minutes (as drafts) and with the "
                    "monitoring tables of agenda packs")
        elif not shown:
            what += ". Nothing to show with these filters"
        self.count_label.setText(what + ".")
        if not self._select(keep) and shown:
            self._select_row(0)
        elif not shown:
            self.editor.show_rec(None)
            self._load_history(None)

    # -- selection ----------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def current_rec(self) -> dict | None:
        rec_id = self.current_id()
        row = self.model.row_of(rec_id) if rec_id is not None else None
        return self.model.rec(row) if row is not None else None

    def _select(self, rec_id: int | None) -> bool:
        if rec_id is None:
            return False
        row = self.model.row_of(rec_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self._select_row(index.row())
        return True

    def _select_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        self._current_changed(index, QModelIndex())

    def show_rec(self, rec_id: int) -> None:
        """Select a recommendation, changing to a view that shows it when needed."""
        if self._select(rec_id):
            return
        views = self.data["views"] if self.data else {}
        view = next((v for v in ("open", "drafts", "all") if rec_id in views.get(v, ())), None)
        if view is None:
            return
        self.meeting_filter.setCurrentIndex(0)
        self.issue_filter.setCurrentIndex(0)
        self.set_view(view)
        self._select(rec_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rec_id = current.data(IdRole) if current.isValid() else None
        row = self.model.row_of(rec_id) if rec_id is not None else None
        rec = self.model.rec(row) if row is not None else None
        if self.editor.rec is not None and rec is not None and self.editor.rec["id"] == rec_id \
                and self.editor.rec == rec:
            return
        self.editor.show_rec(rec)
        self._load_history(rec_id)

    def _load_history(self, rec_id: int | None) -> None:
        self._history_request += 1
        request = self._history_request
        if rec_id is None:
            self.history_model.set_rows([])
            self._show_history_state(None)
            return

        def shown(rows):
            if request == self._history_request:
                self.history_model.set_rows(rows)
                self._show_history_state(rec_id)
                self.history_shown.emit(rec_id)

        self.worker.submit(lambda store: queries.history(store.db, rec_id), shown, self._failed)

    # -- changing -----------------------------------------------------------

    def save(self, rec_id: int, changes: dict) -> None:
        """Save the editor's changes on the worker; refusals come back as a message in the editor."""
        def done(_result):
            self._pending_message = "Saved."
            self._select_after_load = rec_id
            self._moved_notice = rec_id
            self.refresh()
            self.saved.emit(rec_id)
            self._status(f"Recommendation {rec_id} saved.")

        def refused(error: BaseException):
            self._pending_message = str(error) if isinstance(error, Refused) else \
                f"This change was not saved: {error or type(error).__name__}"
            self.editor.show_message(self._pending_message)
            self.refresh()
            self._status("The change was not saved; see the message beside the table.")

        self.worker.submit(lambda store: save_changes(store, rec_id, changes), done, refused)

    def set_aside(self, rec_id: int) -> None:
        """Mark a draft "not a recommendation" (it leaves the drafts); Undo puts it back."""
        def done(_result):
            self._set_aside = rec_id
            text = next((r["text"] for r in self.model.rows() if r["id"] == rec_id), "")
            short = text if len(text) < 90 else text[:87].rstrip() + "…"
            self.notice.setText(f"Set aside as not a recommendation: \u201c{short}\u201d")
            self.undo_button.show()
            self.notice_box.show()
            self.refresh()

        self.worker.submit(lambda store: save_changes(store, rec_id, {"not_a_recommendation": True}), done,
                           lambda error: self.editor.show_message(str(error)))

    def _undo_set_aside(self) -> None:
        rec_id = self._set_aside
        self.notice_box.hide()
        if rec_id is None:
            return
        self._set_aside = None
        self._select_after_load = rec_id
        self.worker.submit(lambda store: save_changes(store, rec_id, {"not_a_recommendation": False}),
                           lambda _r: self.refresh(), self._failed)

    def _status(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    # -- exports ------------------------------------------------------------

    def shown_rows(self) -> list[dict]:
        """The rows the table shows, in its order."""
        rows = []
        for row in range(self.proxy.rowCount()):
            rec_id = self.proxy.index(row, 0).data(IdRole)
            rows.append(self.model.rec(self.model.row_of(rec_id)))
        return rows

    def choose_csv(self) -> None:
        name = f"recommendations-{(self.today or date.today()).isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(self, "Export the recommendations shown", name, CSV_FILTER)
        if path:
            self.export_csv(path)

    def export_csv(self, path: str | Path) -> None:
        from panelbook.exports.csv_recs import write_recs_csv

        rows = self.shown_rows()
        target = Path(path)
        self.worker.submit(lambda _store: str(write_recs_csv(rows, target)), self._exported, self._export_failed)

    def choose_monitoring(self, meeting: dict) -> None:
        name = f"scrutiny-monitoring-{meeting['date']}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, "Save the monitoring appendix", name, PDF_FILTER)
        if path:
            self.export_monitoring(meeting["id"], path)

    def export_monitoring(self, meeting_id: int, path: str | Path) -> None:
        from panelbook.exports.monitoring import export_monitoring

        target = Path(path)

        def work(store):
            export_monitoring(store, meeting_id, target)
            return str(target)

        self._status("Writing the monitoring appendix…")
        self.worker.submit(work, self._exported, self._export_failed)

    def _exported(self, path: str) -> None:
        self._status(f"Saved {path}.")
        self.exported.emit(path)
        self.offer = QMessageBox(QMessageBox.Icon.Information, "Saved", f"Saved {Path(path).name}.\n\nOpen it now?",
                                 QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close, self)
        self.offer.setInformativeText(str(Path(path).parent))
        self.offer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.offer.finished.connect(lambda result, p=path: self._offer_done(result, p))
        self.offer.open()

    def _offer_done(self, result: int, path: str) -> None:
        self.offer = None
        if result == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _export_failed(self, error: BaseException) -> None:
        self._status("The export was not written; see the message.")
        box = QMessageBox(QMessageBox.Icon.Warning, "Panelbook",
                          f"The file could not be written: {error or type(error).__name__}",
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
