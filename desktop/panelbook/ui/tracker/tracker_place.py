"""The Tracker place: every recommendation, followed until the panel closes it.

One worker request loads everything the place shows (all recommendations and
the drafts, which ids fall in each view, the meetings, and what changed since
the last held meeting); the views, the meeting and the issue filters then work
on that row cache without going back to the store.  Saving, setting a draft
aside, the history and the exports are worker requests too.  ``today`` can be
set (tests, "as it stood on" a date); None means the real date.

The place composes its parts: the filters (``tracker_filters``), the table
(``tracker_table``), the editor (``rec_editor``), the history (``history_view``)
and the exports (``tracker_exports``).

Saving declares ``Change.RECS``.  When recommendations, meetings or items change
by any other hand (an import, the meeting's recommendations panel, the command
line), the place reads itself again if it is on screen (it is read each time it is shown).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from panelbook import tracker
from panelbook.services import recs
from panelbook.store import queries
from panelbook.ui.common.kept_edits import kept_edits
from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.common.widgets import heading_label, notice_label
from panelbook.ui.tracker.history_view import HistoryView
from panelbook.ui.tracker.rec_editor import RecEditor, status_label
from panelbook.ui.tracker.recs_model import IdRole, RecsFilter, RecsModel
from panelbook.ui.tracker.tracker_exports import TrackerExports
from panelbook.ui.tracker.tracker_filters import VIEW_NAMES, TrackerFilters, since_text
from panelbook.ui.tracker.tracker_notice import TrackerNotice
from panelbook.ui.tracker.tracker_table import RecsTable

RETRY_MS = 3000      # how often a change the disk would not take is tried again


class Refused(Exception):
    """A change the store refused, already put in words for the clerk."""


def change_words(changes: dict) -> str:
    """A tracker change in words, for the list of what is not saved yet."""
    names = {"status": "Status", "response": "Response", "deadline": "Deadline", "owner": "Owner",
             "decision": "Decision", "text": "Wording"}
    return "\n".join(f"{names.get(field, field.replace('_', ' ').capitalize())}: "
                     f"{status_label(value) if field == 'status' else value or '(none)'}"
                     for field, value in changes.items())


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
        self._select_after_load: int | None = None
        self._moved_notice: int | None = None
        self._pending_message: str | None = None
        self._pending_for: int | None = None        # the recommendation the message is about
        self._since_ids: tuple[str, set[int]] | None = None
        self._set_aside: int | None = None
        self._build_parts()
        self._lay_out()
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.editor.save)
        self.setFocusProxy(self.table)
        worker.store_changed.connect(self._store_changed)

    # -- building -----------------------------------------------------------

    def _build_parts(self) -> None:
        self.heading = heading_label("Tracker")
        self.since = notice_label()
        self.since.setTextFormat(Qt.TextFormat.RichText)
        self.since.setAccessibleName("Since the last meeting")
        self.since.linkActivated.connect(self._since_link)
        self.since.hide()
        self.model = RecsModel(self)
        self.proxy = RecsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filters = TrackerFilters()
        self.filters.view_chosen.connect(self.set_view)
        self.filters.changed.connect(self._apply_filter)
        self.exports = TrackerExports(self, self.worker, self.shown_rows, lambda: self.today)
        self.exports.exported.connect(self.exported.emit)
        self.exports.status.connect(self._status)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("What the table shows")
        self.table = RecsTable(self.proxy)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.editor = RecEditor()
        self.editor.save_requested.connect(self.save)
        self.editor.set_aside_requested.connect(self.set_aside)
        self.history = HistoryView(self.worker)
        self.history.shown.connect(self.history_shown.emit)
        self.history.error.connect(self._failed)
        self.history_model, self.history_title = self.history.history_model, self.history.title
        self.notice_box = TrackerNotice()
        self.notice_box.undo_requested.connect(self._undo_set_aside)
        self.view_buttons, self.pdf_menu = self.filters.view_buttons, self.exports.pdf_menu
        self.notice, self.undo_button = self.notice_box.notice, self.notice_box.undo_button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.exports.csv_button)
        top.addWidget(self.exports.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.since)
        layout.addWidget(self.filters)
        layout.addWidget(self.notice_box)
        layout.addWidget(self._build_splitter(), 1)

    def _build_splitter(self) -> QSplitter:
        """The table above; the editor and the history side by side below."""
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
        details.addWidget(self.history)
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
        return self.splitter

    # -- loading ------------------------------------------------------------

    def refresh(self) -> None:
        """Read the tracker again (keeps the chosen recommendation when it is still shown)."""
        self._request += 1
        request = self._request
        today = self.today
        StoreOp(self.worker, lambda store: load_tracker(store, today), initiator=self) \
            .success(lambda result: self._show(request, result)).failure(self._failed).run_in_background()

    def _store_changed(self, changes: Change, initiator: object) -> None:
        """Something the tracker shows changed, not by the tracker: read it again."""
        if changes & (Change.RECS | Change.MEETINGS | Change.ITEMS) and initiator is not self and self.isVisible():
            self.refresh()

    def _write(self, rec_id: int, fields: dict, done: Callable[[int], None],
               failed: Callable[[BaseException], None]) -> None:
        """``save_changes`` on the worker, declared as a change to the recommendations."""
        if self.worker.closed:
            return      # a change tried again after the window closed: its text is kept in a recovery file
        StoreOp(self.worker, lambda store: save_changes(store, rec_id, fields), changes=Change.RECS,
                initiator=self).success(done).failure(failed).run_in_background()

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
        self.filters.fill(result["rows"], result["meetings"])
        self.filters.update_counts(result["views"])
        self._show_since(result)
        self.exports.fill_pdf_menu(result)
        self._apply_filter(keep)
        # "Saved." belongs to the recommendation saved: never shown over another one
        # (a saved row that left the view hands the editor to its neighbour).  A refusal names
        # its recommendation, so it stays whichever is shown (_pending_for None).
        if self._pending_message and self.editor.rec is not None \
                and self._pending_for in (None, self.editor.rec["id"]):
            self.editor.show_message(self._pending_message)
        self._pending_message, self._pending_for = None, None
        moved, self._moved_notice = self._moved_notice, None
        if moved is not None and self.current_id() != moved:
            self._tell_where(moved)
        self.loaded.emit()

    def _tell_where(self, rec_id: int) -> None:
        """A saved recommendation left the rows shown: say where it went."""
        row = self.model.row_of(rec_id)
        if row is None or self.data is None:
            return
        rec = self.model.rec(row)
        views = self.data["views"]
        home = next((v for v in ("open", "drafts", "closed") if rec_id in views.get(v, ())), "all")
        self.notice_box.tell_moved(rec_id, rec["status_label"], VIEW_NAMES[home])

    def _show_since(self, result: dict) -> None:
        last, since = result["last"], result["since"]
        if not last or since is None:
            self.since.hide()
            return
        self.since.setText(since_text(last, since))
        self.since.setToolTip("Choose a number to list those recommendations.")
        self.since.show()

    # -- filtering ----------------------------------------------------------

    @property
    def view(self) -> str:
        return self.filters.view

    def set_view(self, view: str) -> None:
        """Show one of: open, overdue, due, drafts, closed, all."""
        self.filters.show_view(view)
        self._since_ids = None
        self.notice_box.hide()
        self._apply_filter()

    def set_meeting_filter(self, meeting_id: int | None) -> None:
        self.filters.set_meeting(meeting_id)

    def set_issue_filter(self, issue: str | None) -> None:
        self.filters.set_issue(issue)

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
        self.proxy.set_filter(ids, self.filters.meeting(), self.filters.issue())
        shown = self.proxy.rowCount()
        since_key = self._since_ids[0] if self._since_ids else None
        self.count_label.setText(self.filters.describe(shown, since_key, bool(self.model.rowCount())))
        if not self._select(keep) and shown:
            self._select_row(0)
        elif not shown:
            self.editor.show_rec(None)
            self._load_history(None)

    # -- selection ----------------------------------------------------------

    def current_id(self) -> int | None:
        return self.table.current_id()

    def current_rec(self) -> dict | None:
        rec_id = self.current_id()
        row = self.model.row_of(rec_id) if rec_id is not None else None
        return self.model.rec(row) if row is not None else None

    def _select(self, rec_id: int | None) -> bool:
        row = self.table.shown_row(rec_id) if rec_id is not None else None
        if row is None:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        self._current_changed(self.table.choose_row(row), QModelIndex())

    def show_rec(self, rec_id: int) -> None:
        """Select a recommendation, changing to a view that shows it when needed."""
        if self._select(rec_id):
            return
        views = self.data["views"] if self.data else {}
        view = next((v for v in ("open", "drafts", "all") if rec_id in views.get(v, ())), None)
        if view is None:
            return
        self.filters.meeting_filter.setCurrentIndex(0)
        self.filters.issue_filter.setCurrentIndex(0)
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
        self.history.show_rec(rec_id)

    # -- changing -----------------------------------------------------------

    def save(self, rec_id: int, changes: dict) -> None:
        """Save the editor's changes on the worker; refusals come back as a message in the editor."""
        kept = kept_edits(self.worker)

        def done(_result):
            kept.release(("rec", rec_id))
            self._pending_message, self._pending_for = "Saved.", rec_id
            self._select_after_load = rec_id
            self._moved_notice = rec_id
            self.refresh()
            self.saved.emit(rec_id)
            self._status(f"Recommendation {rec_id} saved.")

        def refused(error: BaseException):
            from panelbook.store.faults import StoreUnavailable

            if isinstance(error, StoreUnavailable):
                # The disk, not the change: the editor keeps it (no reload over it), and it is
                # saved by itself once writing works again.
                self.editor.show_message(f"Not saved yet: your change is kept and will be saved by itself. {error}")
                kept.hold(("rec", rec_id), f"Your change to recommendation {rec_id}", change_words(changes))
                kept.tell(error, "your change to the recommendation")
                self._status("The change is not saved yet; it will be saved when Panelbook can write again.")
                QTimer.singleShot(RETRY_MS, self, lambda: self._write(rec_id, changes, done, refused))
                return
            kept.release(("rec", rec_id))
            self._pending_for = None
            self._pending_message = str(error) if isinstance(error, Refused) else \
                f"This change was not saved: {error or type(error).__name__}"
            self.editor.show_message(self._pending_message)
            self.refresh()
            self._status("The change was not saved; see the message beside the table.")

        self._write(rec_id, changes, done, refused)

    def set_aside(self, rec_id: int) -> None:
        """Mark a draft "not a recommendation" (it leaves the drafts); Undo puts it back."""
        def done(_result):
            self._set_aside = rec_id
            self.notice_box.tell_set_aside(next((r["text"] for r in self.model.rows() if r["id"] == rec_id), ""))
            self.refresh()

        self._write_kept(rec_id, {"not_a_recommendation": True}, f"Setting draft {rec_id} aside (not a recommendation)",
                         done, lambda error: self.editor.show_message(str(error)))

    def _undo_set_aside(self) -> None:
        rec_id = self._set_aside
        self.notice_box.hide()
        if rec_id is None:
            return
        self._set_aside = None
        self._select_after_load = rec_id
        self._write_kept(rec_id, {"not_a_recommendation": False}, f"Putting draft {rec_id} back among the drafts",
                         lambda _r: self.refresh(), self._failed)

    def _write_kept(self, rec_id: int, fields: dict, what: str, done: Callable[[int], None],
                    failed: Callable[[BaseException], None]) -> None:
        """``_write`` for a one-click change: one the disk refuses is kept and made by itself later."""
        text = next((r["text"] for r in self.model.rows() if r["id"] == rec_id), "")
        kept_edits(self.worker).write(lambda store: save_changes(store, rec_id, fields), what=what, text=text,
                                      noun="your change", changes=Change.RECS, initiator=self, done=done,
                                      failed=failed, on_kept=lambda error: self.editor.show_message(
                                          f"Not done yet: {error} It is kept and done by itself once Panelbook "
                                          "can write again."))

    def _status(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    # -- exports ------------------------------------------------------------

    @property
    def offer(self) -> QMessageBox | None:
        """The message offering to open the file just written, while it is open."""
        return self.exports.offer

    def shown_rows(self) -> list[dict]:
        """The rows the table shows, in its order."""
        rows = []
        for row in range(self.proxy.rowCount()):
            rec_id = self.proxy.index(row, 0).data(IdRole)
            at = self.model.row_of(rec_id)
            if at is not None:
                rows.append(self.model.rec(at))
        return rows

    def export_csv(self, path: str | Path) -> None:
        self.exports.export_csv(path)

    def export_monitoring(self, meeting_id: int, path: str | Path) -> None:
        self.exports.export_monitoring(meeting_id, path)
