"""The main window: five places (Calendar, Meeting, Tracker, Search, What's new) behind a side bar.

The window paints before any data is read; meetings arrive from the database
worker.  Ctrl+1..5 go to the places, Ctrl+F / Ctrl+K to the search box.  The
window's geometry, splitters, last place and meeting are restored at the next
start.  Files dropped on the window (or File › Import) are imported on the worker.

Start-up is kept light so the first paint comes quickly on any archive: the
constructor builds the side bar, the menus and the status bar; the places
(Calendar, Meeting with the PDF reader, Tracker, Search, What's new), and the modules
behind them, are built just after the first paint, the one on screen first,
or at once when something asks for them (``window.calendar`` and the others
are built on first use).  The store and the readers are imported on the worker.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QStackedWidget, QToolBar, QVBoxLayout, QWidget

from panelbook.ui.common import settings
from panelbook.ui.common.icons import icon
from panelbook.ui.common.message_box import show_message
from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.common.worker import DatabaseWorker
from panelbook.ui.markup.markup_actions import MarkupActions
from panelbook.ui.news.news_shell import NewsShell
from panelbook.ui.shell import window_jobs, window_menus, window_state
from panelbook.ui.shell.clerk_tools import ClerkTools
from panelbook.ui.shell.close_guard import CloseGuard
from panelbook.ui.shell.import_status import ImportStatus
from panelbook.ui.shell.notice_bar import NoticeBar
from panelbook.ui.shell.places import PLACES, Place

if TYPE_CHECKING:
    from panelbook.ui.calendar.calendar_place import CalendarPlace
    from panelbook.ui.meeting.meeting_place import MeetingPlace
    from panelbook.ui.search.search_place import SearchPlace
    from panelbook.ui.tracker.tracker_place import TrackerPlace
    from panelbook.ui.transfer.export_controller import ExportController

__all__ = ["PLACES", "MainWindow", "Place"]

OPENING = "Opening your data…"
REST_AFTER_MS = 1500     # the other places are built by then even if the calendar is still waiting
MEETING_LIST_CHANGES = Change.MEETINGS | Change.ITEMS | Change.DOCUMENTS   # the list counts items, minutes


class MainWindow(QMainWindow):
    meetings_loaded = Signal()      # self.meetings holds every meeting of the store
    calendar_shown = Signal()       # the calendar shows meetings (its first view, or all of them)
    first_painted = Signal()        # the window is on screen; work kept back for it can start
    place_changed = Signal(int)
    import_finished = Signal(object)

    places_bar: QToolBar        # built just after the first paint

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self.meetings: list[dict] = []
        self._restoring_meeting: int | None = settings.load_int("window/meeting", 0) or None
        self._built: dict[Place, QWidget] = {}
        self._painted = False
        self._shown_first_view = False
        self._rest_started = self._store_opening = False
        self._after_paint_done = False
        self._waiting_start: bool | None = None     # start() asked for before the first paint
        self._exports: ExportController | None = None
        self._set_up_frame()
        self._build_centre()
        self.place_group, self.place_actions = window_menus.build_place_actions(self, self.go)
        file_menu = self._build_menus()
        self.markup_actions = MarkupActions(self, file_menu,
                                            lambda: self.meeting if self.is_built(Place.MEETING) else None)
        self.close_guard = CloseGuard(self)     # after the markup actions: it sees a close first
        self._build_status()
        self.tools = ClerkTools(self)       # backups, the sample panel, recommendations by hand
        self.news = NewsShell(self, file_menu)      # What's new, following a council, syncing
        self._show_place_button(window_state.restore_geometry(self))
        self.statusBar().showMessage(OPENING)
        worker.failed.connect(self._show_failure)
        worker.store_changed.connect(self._store_changed)

    def _set_up_frame(self) -> None:
        self.setWindowTitle("Panelbook")
        self.setWindowIcon(icon("panelbook"))
        self.resize(1280, 800)
        # An explicit minimum keeps the layouts from resizing the top-level window's minimum
        # as places change (which the platform would be asked to propagate each time).
        self.setMinimumSize(960, 600)
        self.setAcceptDrops(True)

    def _build_centre(self) -> None:
        """The notice bar over the stack of places; the places start as empty stand-ins,
        replaced when built (see _build_place)."""
        self.stack = QStackedWidget()
        for _place in PLACES:
            self.stack.addWidget(QWidget())
        self.notices = NoticeBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notices)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> QMenu:
        """File, Go and Help; returns the File menu (the markup actions add theirs to it)."""
        menus = window_menus.build_menus(self, self.place_actions, window_menus.MenuCommands(
            choose_import=self.choose_import,
            export_briefing=lambda: self.exports.choose_briefing(self.shown_meeting()),
            export_monitoring=lambda: self.exports.choose_monitoring(self.shown_meeting()),
            export_calendar=lambda: self.exports.choose_calendar(self.calendar.hidden_committees()),
            focus_search=self.focus_search), self.worker.folder.root)
        self.import_action, self.export_briefing_action = menus.import_action, menus.export_briefing_action
        self.export_monitoring_action, self.export_calendar_action = (menus.export_monitoring_action,
                                                                      menus.export_calendar_action)
        self.find_action = menus.find_action
        return menus.file_menu

    def _build_status(self) -> None:
        """The standing line of meetings, then the import's progress strip."""
        self.summary = QLabel()
        self.summary.setAccessibleName("Meetings in Panelbook")
        self.statusBar().addWidget(self.summary, 1)
        self.imports = ImportStatus(self.worker, self, self.import_action)
        self.imports.finished.connect(self.import_finished.emit)
        self.importer = self.imports.controller
        self.progress = self.imports.progress
        self.progress_label = self.imports.label
        self.cancel_button = self.imports.cancel_button

    # -- places built on first use -------------------------------------------

    @property
    def calendar(self) -> CalendarPlace:
        return cast("CalendarPlace", self._place_widget(Place.CALENDAR))

    @property
    def meeting(self) -> MeetingPlace:
        return cast("MeetingPlace", self._place_widget(Place.MEETING))

    @property
    def tracker(self) -> TrackerPlace:
        return cast("TrackerPlace", self._place_widget(Place.TRACKER))

    @property
    def search(self) -> SearchPlace:
        return cast("SearchPlace", self._place_widget(Place.SEARCH))

    @property
    def exports(self) -> ExportController:
        """Briefing, monitoring and calendar exports (made on first use)."""
        if self._exports is None:
            from panelbook.ui.transfer.export_controller import ExportController

            self._exports = ExportController(self)
        return self._exports

    def shown_meeting(self) -> int | None:
        """The meeting the Meeting place shows (what File › Export exports), if any."""
        return self.meeting.meeting_id if Place.MEETING in self._built else None

    def is_built(self, place: Place) -> bool:
        return place in self._built

    def _place_widget(self, place: Place) -> QWidget:
        widget = self._built.get(place)
        return widget if widget is not None else self._build_place(place)

    def _build_place(self, place: Place) -> QWidget:
        """Build a place, put it in its stand-in's slot and restore its splitters."""
        widget: QWidget
        if place == Place.CALENDAR:
            from panelbook.ui.calendar.calendar_place import CalendarPlace

            calendar = CalendarPlace()
            calendar.set_hidden_committees(window_state.hidden_committees())
            calendar.meeting_activated.connect(self.open_meeting)
            widget = calendar
        elif place == Place.MEETING:
            from panelbook.ui.meeting.meeting_place import MeetingPlace

            meeting = MeetingPlace(self.worker)
            meeting.error.connect(self._show_error)
            meeting.neighbour_requested.connect(self._neighbour_meeting)
            meeting.meeting_loaded.connect(self._meeting_shown)
            widget = meeting
        elif place == Place.TRACKER:
            from panelbook.ui.tracker.tracker_place import TrackerPlace

            widget = TrackerPlace(self.worker)
        elif place == Place.NEWS:
            widget = self.news.build_place()
        else:
            from panelbook.ui.search.search_place import SearchPlace

            search = SearchPlace(self.worker)
            search.error.connect(self._show_error)
            search.hit_activated.connect(self.open_hit)
            search.meeting_activated.connect(self.open_meeting)
            widget = search
        self._built[place] = widget
        current = self.stack.currentIndex()
        stand_in = self.stack.widget(int(place))
        self.stack.insertWidget(int(place), widget)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        self.stack.setCurrentIndex(current)
        window_state.restore_splitters(widget)
        return widget

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not getattr(self, "_painted", True):
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)
        return super().event(event)

    def _after_first_paint(self) -> None:
        if self._after_paint_done:
            return      # the one-second fallback, after the paint has already come
        self._after_paint_done = True
        self._painted = True
        # The side bar; the calendar's first view read on the worker (a small read that needs only
        # the standard library) while the place on screen is built; then the store's opening
        # (whose imports would otherwise compete for the interpreter), then the other places.
        self.places_bar = window_menus.build_places_bar(self, self.place_actions)
        if self._waiting_start is not None:
            load_sample, self._waiting_start = self._waiting_start, None
            self.start(load_sample)
        self._build_next_place()
        self.first_painted.emit()

    def _build_next_place(self) -> None:
        """After the first paint: build the places still missing, one per turn of the event loop
        (the one on screen first), so the window keeps answering in between."""
        missing = [p for p in (self.place(), Place.CALENDAR, Place.MEETING, Place.SEARCH, Place.TRACKER, Place.NEWS)
                   if p not in self._built]
        if not missing:
            return
        place = missing[0]
        self._build_place(place)
        if place == self.place():
            self.go(place)      # what going there does: focus, the default meeting, the tracker's data
        if len(missing) > 1 and place == Place.CALENDAR and not self._shown_first_view and not self.meetings:
            # The calendar on screen waits for its first view: building the Meeting place (the
            # PDF reader) meanwhile would hold the interpreter while the worker reads it.
            from PySide6.QtCore import Qt  # not at the top: see window_menus.build_places_bar

            self.calendar_shown.connect(self._build_rest, Qt.ConnectionType.SingleShotConnection)
            QTimer.singleShot(REST_AFTER_MS, self, self._build_rest)
        elif len(missing) > 1:
            QTimer.singleShot(0, self, self._build_next_place)

    def _build_rest(self) -> None:
        """The other places, once the calendar shows its meetings (or after REST_AFTER_MS)."""
        if not self._rest_started:
            self._rest_started = True
            QTimer.singleShot(0, self, self._build_next_place)

    # -- places -------------------------------------------------------------

    def _focus_place(self, place: Place) -> None:
        """Put the keyboard in the place's main control, so a shortcut lands ready to use."""
        target = {Place.CALENDAR: lambda: self.calendar.calendar, Place.MEETING: lambda: self.meeting.agenda,
                  Place.TRACKER: lambda: self.tracker, Place.SEARCH: lambda: self.search.box,
                  Place.NEWS: lambda: self.news.place.table}[place]()
        from PySide6.QtCore import Qt  # not at the top: see window_menus.build_places_bar

        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go(self, place: Place | int) -> None:
        place = Place(int(place))
        self.stack.setCurrentIndex(int(place))
        self.place_actions[place].setChecked(True)
        self._focus_place(place)
        if place == Place.TRACKER:
            self.tracker.refresh()
        if place == Place.MEETING and self.meeting.meeting_id is None and self.meetings:
            self.open_meeting(self._default_meeting())
        self.place_changed.emit(int(place))

    def place(self) -> Place:
        return Place(self.stack.currentIndex())

    def focus_search(self) -> None:
        self.go(Place.SEARCH)
        self.search.focus_box()

    def open_meeting(self, meeting_id: int, item_id: int | None = None, page: int | None = None, find="") -> None:
        """Go to the Meeting place showing ``meeting_id`` (at an item, a printed page, ``find`` marked in the pack)."""
        self.stack.setCurrentIndex(int(Place.MEETING))
        self.place_actions[Place.MEETING].setChecked(True)
        self._focus_place(Place.MEETING)
        self.meeting.open_meeting(meeting_id, item_id, page, find)
        self.place_changed.emit(int(Place.MEETING))

    def open_hit(self, hit) -> None:
        if hit.meeting_id is None:
            self.statusBar().showMessage("This result is not tied to a meeting.", 6000)
            return
        page = hit.page if hit.kind == "page" else None
        self.open_meeting(hit.meeting_id, hit.item_id, page, hit.marked_text if page is not None else "")

    def _meeting_shown(self, meeting_id: int) -> None:
        settings.save_value("window/meeting", meeting_id)

    def _neighbour_meeting(self, step: int) -> None:
        ids = [m["id"] for m in self.meetings]
        if self.meeting.meeting_id in ids:
            position = ids.index(self.meeting.meeting_id) + step
            if 0 <= position < len(ids):
                self.open_meeting(ids[position])

    def _default_meeting(self) -> int:
        ids = {m["id"] for m in self.meetings}
        restoring = self._restoring_meeting
        if restoring is not None and restoring in ids:
            return restoring
        today = date.today().isoformat()
        ahead = [m for m in self.meetings if m["date"] >= today and m["status"] != "cancelled"]
        if ahead:
            return ahead[0]["id"]
        with_items = [m for m in self.meetings if m["items"]]
        return (with_items or self.meetings)[-1]["id"]

    # -- loading ------------------------------------------------------------

    def start(self, load_sample_if_empty: bool = True) -> None:
        """Open the store and read the meetings in the background (loading the sample panel
        into an empty store); what opening the store had to tell the user shows as a banner.

        Called before the window has painted, it waits for the first paint (or a second,
        if no paint comes), so the worker's start does not hold up the first picture."""
        if not self._painted:
            if self._waiting_start is None:
                QTimer.singleShot(1000, self, self._after_first_paint)
            self._waiting_start = load_sample_if_empty
            return
        # First the calendar's first view, read before the store's opening checks; once it is
        # shown (or after REST_AFTER_MS), the jobs that open the store and read every meeting.
        def first_view_read(view: dict[str, Any] | None) -> None:
            self._show_first_view(view)
            self._open_store(load_sample_if_empty)

        self.worker.peek(window_jobs.early_calendar, first_view_read)
        QTimer.singleShot(REST_AFTER_MS, self, lambda: self._open_store(load_sample_if_empty))

    def _open_store(self, load_sample_if_empty: bool) -> None:
        """Open the store and read every meeting (once): the first job opens it; if that fails,
        the meetings job reports it once."""
        if self._store_opening:
            return
        self._store_opening = True

        def load(store):
            from panelbook.services import sample
            from panelbook.store import queries

            rows = queries.meetings(store.db)
            if not rows and load_sample_if_empty and not store.read_only and sample.wanted(store):
                sample.load_sample(store)
                rows = queries.meetings(store.db)
            return rows

        StoreOp(self.worker, window_jobs.store_notices, initiator=self).success(self._show_notices) \
            .failure(lambda _error: None).run_in_background()
        StoreOp(self.worker, load, initiator=self).success(self._show_meetings) \
            .failure(self._show_error).run_in_background()

    def _show_notices(self, notices: list[tuple[str, str]]) -> None:
        for kind, text in notices:
            self.notices.add(text, warning=kind == "warning")

    def refresh(self) -> None:
        """Read everything again: every view hears that anything may have changed."""
        self.worker.store_changed.emit(Change.ALL, None)

    def _store_changed(self, changes: Change, _initiator: object) -> None:
        """The window's own part of following the store: the meetings (for the calendar, the
        status line and the way between meetings).  The places follow it themselves."""
        if changes & MEETING_LIST_CHANGES:
            StoreOp(self.worker, window_jobs.meetings, initiator=self).success(self._show_meetings) \
                .failure(self._show_error).run_in_background()

    def _show_first_view(self, view: dict | None) -> None:
        """The calendar's first view (``store.calendar_view``), unless the whole list came first."""
        if view is None or self.meetings or not view["meetings"] or self._shown_first_view:
            return
        self._shown_first_view = True
        self.calendar.set_meetings(view["meetings"], total=view["total"])
        self._show_summary(view["meetings"], view["total"])
        self.calendar_shown.emit()

    def _show_summary(self, rows: list[dict], total: int) -> None:
        """The standing line under any passing message ("Imported 2 documents."), not in its place."""
        from panelbook.ui.common.meetings_model import long_date

        upcoming = [r for r in rows if r["date"] >= date.today().isoformat() and r["status"] != "cancelled"]
        if self.statusBar().currentMessage() == OPENING:
            self.statusBar().clearMessage()
        self.summary.setText(
            f"{total} meetings" + (f", the next on {long_date(upcoming[0]['date'])}" if upcoming else "") if total
            else "No meetings yet: import documents with File › Import.")

    def _show_meetings(self, rows: list[dict]) -> None:
        first = not self.meetings
        self.meetings = list(rows)
        # After the first view, the month the member may have moved to stays on screen.
        self.calendar.set_meetings(rows, keep_month=first and self._shown_first_view)
        self._show_summary(rows, len(rows))
        if first and rows and self.place() == Place.MEETING and self.meeting.meeting_id is None:
            self.open_meeting(self._default_meeting())
        self.calendar_shown.emit()
        self.meetings_loaded.emit()

    def _show_failure(self, sentence: str) -> None:
        """An operation failed and nobody handled it: one calm sentence in the notice bar."""
        self.notices.add(sentence, warning=True)

    def _show_error(self, error: BaseException) -> None:
        from panelbook.store.faults import StoreUnavailable

        if isinstance(error, StoreUnavailable):
            # The disk (full, read-only, gone), not the user: one calm sentence in the notice bar,
            # said once however many things meet it, never a dialog each time.
            self.notices.add(str(error), warning=True)
            return
        self.statusBar().showMessage("Something could not be read; see the message.", 8000)
        show_message(self, str(error) or type(error).__name__, warning=True)

    # -- import -------------------------------------------------------------

    def choose_import(self) -> None:
        self.imports.choose()

    def import_files(self, files: list[str]) -> None:
        """Import ``files`` on the worker; while an import runs, they wait their turn."""
        self.imports.import_files(files)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_files(files)

    # -- remembered state ---------------------------------------------------

    def _show_place_button(self, place: Place) -> None:
        """Show ``place`` in the stack and check its action, before the place is built."""
        self.stack.setCurrentIndex(int(place))
        self.place_actions[place].setChecked(True)

    def splitters(self) -> list[QSplitter]:
        return window_state.named_splitters(self)

    def save_state(self) -> None:
        hidden = self.calendar.hidden_committees() if self.is_built(Place.CALENDAR) else None
        window_state.save_state(self, self.place(), hidden)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

