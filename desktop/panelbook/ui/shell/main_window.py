"""The main window: four places (Calendar, Meeting, Tracker, Search) behind a side bar.

The window paints before any data is read; meetings arrive from the database
worker.  Ctrl+1..4 go to the places, Ctrl+F / Ctrl+K to the search box.  The
window's geometry, splitter sizes, last place and last meeting are restored at
the next start.  Files dropped on the window, or chosen with File › Import,
are imported on the worker with progress and Cancel.

Start-up is kept light so the first paint comes quickly on any archive: the
constructor builds the side bar, the menus and the status bar; the places
(Calendar, Meeting with the PDF reader, Tracker, Search), and the modules
behind them, are built just after the first paint, the one on screen first,
or at once when something asks for them (``window.calendar`` and the others
are built on first use).  Nothing here imports the store or the readers: that
happens on the worker.
"""
from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton, QSplitter, QStackedWidget, QToolBar,
    QVBoxLayout, QWidget,
)

from panelbook.ui.common import settings
from panelbook.ui.common.icons import icon
from panelbook.ui.transfer.import_controller import ImportController, ImportOutcome
from panelbook.ui.markup.markup_actions import MarkupActions
from panelbook.ui.common.message_box import show_message
from panelbook.ui.shell.notice_bar import NoticeBar
from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.common.worker import DatabaseWorker

if TYPE_CHECKING:
    from panelbook.ui.calendar.calendar_place import CalendarPlace
    from panelbook.ui.transfer.export_controller import ExportController
    from panelbook.ui.meeting.meeting_place import MeetingPlace
    from panelbook.ui.search.search_place import SearchPlace
    from panelbook.ui.tracker.tracker_place import TrackerPlace

OPENING = "Opening your data…"
MEETING_LIST_CHANGES = Change.MEETINGS | Change.ITEMS | Change.DOCUMENTS   # the list counts items, minutes
IMPORT_FILTER = "Council documents (*.pdf *.txt *.htm *.html *.xml);;All files (*)"


class Place(IntEnum):
    CALENDAR = 0
    MEETING = 1
    TRACKER = 2
    SEARCH = 3


PLACES = [
    (Place.CALENDAR, "Calendar", "calendar", "Ctrl+1"),
    (Place.MEETING, "Meeting", "meeting", "Ctrl+2"),
    (Place.TRACKER, "Tracker", "tracker", "Ctrl+3"),
    (Place.SEARCH, "Search", "search", "Ctrl+4"),
]

SHORTCUTS_TEXT = """Ctrl+1  Calendar
Ctrl+2  Meeting
Ctrl+3  Tracker
Ctrl+4  Search
Ctrl+F or Ctrl+K  Search box
Ctrl+O  Import documents
Ctrl+E  Export the briefing pack of the meeting shown
Ctrl+T  Today on the calendar
Enter  Open the chosen meeting or search result
Alt+Down / Alt+Up  Next / previous agenda item in the pack
Ctrl+Shift+Right / Left  Later / earlier meeting
Ctrl++ / Ctrl+-  Zoom the pack in / out
Ctrl+0  Fit the pack to the width
Ctrl+C  Copy the selected text of the pack"""


class MainWindow(QMainWindow):
    meetings_loaded = Signal()
    first_painted = Signal()        # the window is on screen; work kept back for it can start
    place_changed = Signal(int)
    import_finished = Signal(object)

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self.meetings: list[dict] = []
        self._restoring_meeting: int | None = settings.load_int("window/meeting", 0) or None
        self.setWindowTitle("Panelbook")
        self.setWindowIcon(icon("panelbook"))
        self.resize(1280, 800)
        # An explicit minimum keeps the layouts from resizing the top-level window's minimum
        # as places change (which the platform would be asked to propagate each time).
        self.setMinimumSize(960, 600)
        self.setAcceptDrops(True)

        self._built: dict[Place, QWidget] = {}
        self._painted = False
        self._after_paint_done = False
        self._waiting_start: bool | None = None     # start() asked for before the first paint

        # The places start as empty stand-ins, replaced when built (see _build_place).
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

        self._build_place_actions()
        self._build_menu()
        self.markup_actions = MarkupActions(self, self.menuBar().actions()[0].menu(),     # File: built first
                                            lambda: self.meeting if self.is_built(Place.MEETING) else None)
        self._build_status()
        self.importer = ImportController(worker, self)
        self.importer.started.connect(self._import_started)
        self.importer.progress.connect(self._import_progress)
        self.importer.finished.connect(self._import_done)
        self._exports: ExportController | None = None
        self._pending_imports: list[str] = []
        self._restore_geometry()
        self.statusBar().showMessage(OPENING)
        worker.failed.connect(self._show_failure)
        worker.store_changed.connect(self._store_changed)

    # -- places built on first use -------------------------------------------

    @property
    def calendar(self) -> CalendarPlace:
        return self._place_widget(Place.CALENDAR)

    @property
    def meeting(self) -> MeetingPlace:
        return self._place_widget(Place.MEETING)

    @property
    def tracker(self) -> TrackerPlace:
        return self._place_widget(Place.TRACKER)

    @property
    def search(self) -> SearchPlace:
        return self._place_widget(Place.SEARCH)

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
        if place == Place.CALENDAR:
            from panelbook.ui.calendar.calendar_place import CalendarPlace

            widget = CalendarPlace()
            widget.set_hidden_committees(_hidden_committees())
            widget.meeting_activated.connect(self.open_meeting)
        elif place == Place.MEETING:
            from panelbook.ui.meeting.meeting_place import MeetingPlace

            widget = MeetingPlace(self.worker)
            widget.error.connect(self._show_error)
            widget.neighbour_requested.connect(self._neighbour_meeting)
            widget.meeting_loaded.connect(self._meeting_shown)
        elif place == Place.TRACKER:
            from panelbook.ui.tracker.tracker_place import TrackerPlace

            widget = TrackerPlace(self.worker)
        else:
            from panelbook.ui.search.search_place import SearchPlace

            widget = SearchPlace(self.worker)
            widget.error.connect(self._show_error)
            widget.hit_activated.connect(self.open_hit)
            widget.meeting_activated.connect(self.open_meeting)
        self._built[place] = widget
        current = self.stack.currentIndex()
        stand_in = self.stack.widget(int(place))
        self.stack.insertWidget(int(place), widget)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.setCurrentIndex(current)
        self._restore_splitters(widget)
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
        # The side bar and the place on screen first, then the worker (whose imports
        # would otherwise compete with them for the interpreter), then the other places.
        self._build_places_bar()
        self._build_next_place()
        self.first_painted.emit()
        if self._waiting_start is not None:
            load_sample, self._waiting_start = self._waiting_start, None
            self.start(load_sample)

    def _build_next_place(self) -> None:
        """After the first paint: build the places still missing, one per turn of the event loop
        (the one on screen first), so the window keeps answering in between."""
        missing = [p for p in (self.place(), Place.CALENDAR, Place.MEETING, Place.SEARCH, Place.TRACKER)
                   if p not in self._built]
        if not missing:
            return
        place = missing[0]
        self._build_place(place)
        if place == self.place():
            self.go(place)      # what going there does: focus, the default meeting, the tracker's data
        if len(missing) > 1:
            QTimer.singleShot(0, self, self._build_next_place)

    # -- building -----------------------------------------------------------

    # Shortcuts are given with setShortcuts(): QAction.setShortcut() has an overload taking
    # Qt.Key, and choosing between them makes PySide6 build all of Qt's namespace, which
    # the first paint does without (see _build_places_bar).

    def _build_place_actions(self) -> None:
        """The four places as actions (Ctrl+1..4), shared by the side bar and the Go menu."""
        self.place_group = QActionGroup(self)
        self.place_group.setExclusive(True)
        self.place_actions: dict[Place, QAction] = {}
        for place, name, icon_name, shortcut in PLACES:
            action = QAction(icon(icon_name), name, self)
            action.setCheckable(True)
            action.setShortcuts([QKeySequence(shortcut)])
            action.setToolTip(f"{name} ({shortcut})")
            action.triggered.connect(lambda _checked=False, p=place: self.go(p))
            self.place_group.addAction(action)
            self.place_actions[place] = action

    def _build_places_bar(self) -> None:
        """The side bar, just after the first paint (Qt's namespace, which it needs, takes
        PySide6 tens of milliseconds to make); then the saved window state, which places it."""
        from PySide6.QtCore import Qt

        bar = QToolBar("Places")
        bar.setObjectName("places")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setOrientation(Qt.Orientation.Vertical)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        bar.setIconSize(QSize(26, 26))
        bar.setAccessibleName("Places")
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, bar)
        self.places_bar = bar
        for place, _name, _icon, _shortcut in PLACES:
            bar.addAction(self.place_actions[place])
        for button in bar.findChildren(QWidget):
            if button.metaObject().className() == "QToolButton":
                button.setMinimumWidth(76)
                button.setAccessibleName(button.toolTip())
        state = settings.load_bytes("window/state")
        if state is not None:
            self.restoreState(state)
        bar.toggleViewAction().setEnabled(False)    # the way between places is never hidden
        bar.show()          # added to a window already on screen, it would stay hidden otherwise

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = QAction(icon("import"), "&Import documents…", self)
        self.import_action.setShortcuts(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self.choose_import)
        file_menu.addAction(self.import_action)
        export_menu = file_menu.addMenu("E&xport")
        self.export_briefing_action = QAction("&Briefing pack…", self)
        self.export_briefing_action.setToolTip("A PDF briefing for the meeting shown: cover, contents, each item "
                                               "with your notes, optionally the items' report pages")
        self.export_briefing_action.setShortcuts([QKeySequence("Ctrl+E")])
        self.export_briefing_action.triggered.connect(lambda: self.exports.choose_briefing(self.shown_meeting()))
        self.export_monitoring_action = QAction("&Monitoring report…", self)
        self.export_monitoring_action.setToolTip("The outstanding recommendations for the meeting shown, as a PDF")
        self.export_monitoring_action.triggered.connect(lambda: self.exports.choose_monitoring(self.shown_meeting()))
        self.export_calendar_action = QAction("&Calendar (.ics)…", self)
        self.export_calendar_action.setToolTip("The meetings of the committees shown on the calendar, "
                                               "for Outlook, Google or Apple calendars")
        self.export_calendar_action.triggered.connect(
            lambda: self.exports.choose_calendar(self.calendar.hidden_committees()))
        for action in (self.export_briefing_action, self.export_monitoring_action, self.export_calendar_action):
            export_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu("&Go")
        for place, _name, _icon, _shortcut in PLACES:
            go_menu.addAction(self.place_actions[place])
        go_menu.addSeparator()
        self.find_action = QAction(icon("search"), "&Find…", self)
        self.find_action.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")])
        self.find_action.triggered.connect(self.focus_search)
        go_menu.addAction(self.find_action)

        help_menu = self.menuBar().addMenu("&Help")
        keys = QAction("&Keyboard shortcuts", self)
        keys.setShortcuts(QKeySequence.StandardKey.HelpContents)
        keys.triggered.connect(lambda: QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_TEXT))
        help_menu.addAction(keys)
        about = QAction("&About Panelbook", self)
        about.triggered.connect(lambda: QMessageBox.about(
            self, "About Panelbook",
            "Panelbook keeps your panel's calendar, agenda packs, minutes and recommendations on this "
            "computer, so you can prepare for meetings without a connection."))
        help_menu.addAction(about)

    def _build_status(self) -> None:
        self.summary = QLabel()
        self.summary.setAccessibleName("Meetings in Panelbook")
        self.statusBar().addWidget(self.summary, 1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Import progress")
        self.progress.setMaximumWidth(220)
        self.progress_label = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the import")
        self.cancel_button.clicked.connect(self._cancel_import)
        for widget in (self.progress_label, self.progress, self.cancel_button):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()

    # -- places -------------------------------------------------------------

    def _focus_place(self, place: Place) -> None:
        """Put the keyboard in the place's main control, so a shortcut lands ready to use."""
        target = {Place.CALENDAR: lambda: self.calendar.calendar, Place.MEETING: lambda: self.meeting.agenda,
                  Place.TRACKER: lambda: self.tracker, Place.SEARCH: lambda: self.search.box}[place]()
        from PySide6.QtCore import Qt     # not at the top: see _build_places_bar

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

    def open_meeting(self, meeting_id: int, item_id: int | None = None, page: int | None = None) -> None:
        """Go to the Meeting place showing ``meeting_id`` (at an item, and a printed page of its pack)."""
        self.stack.setCurrentIndex(int(Place.MEETING))
        self.place_actions[Place.MEETING].setChecked(True)
        self._focus_place(Place.MEETING)
        self.meeting.open_meeting(meeting_id, item_id, page)
        self.place_changed.emit(int(Place.MEETING))

    def open_hit(self, hit) -> None:
        if hit.meeting_id is None:
            self.statusBar().showMessage("This result is not tied to a meeting.", 6000)
            return
        page = hit.page if hit.kind == "page" else None
        self.open_meeting(hit.meeting_id, hit.item_id, page)

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
        if self._restoring_meeting in ids:
            return self._restoring_meeting
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
        def load(store):
            from panelbook.services import sample
            from panelbook.store import queries

            rows = queries.meetings(store.db)
            if not rows and load_sample_if_empty:
                sample.load_sample(store)
                rows = queries.meetings(store.db)
            return rows

        # The first job opens the store; if that fails, the meetings job reports it once.
        StoreOp(self.worker, store_notices, initiator=self).success(self._show_notices) \
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
            StoreOp(self.worker, _meetings, initiator=self).success(self._show_meetings) \
                .failure(self._show_error).run_in_background()

    def _show_meetings(self, rows: list[dict]) -> None:
        first = not self.meetings
        self.meetings = list(rows)
        self.calendar.set_meetings(rows)
        from panelbook.ui.common.meetings_model import long_date

        upcoming = [r for r in rows if r["date"] >= date.today().isoformat() and r["status"] != "cancelled"]
        if self.statusBar().currentMessage() == OPENING:
            self.statusBar().clearMessage()
        # A standing line under any passing message ("Imported 2 documents."), not in its place.
        self.summary.setText(
            f"{len(rows)} meetings" + (f", the next on {long_date(upcoming[0]['date'])}" if upcoming else "") if rows
            else "No meetings yet: import documents with File › Import.")
        if first and rows and self.place() == Place.MEETING and self.meeting.meeting_id is None:
            self.open_meeting(self._default_meeting())
        self.meetings_loaded.emit()

    def _show_failure(self, sentence: str) -> None:
        """An operation failed and nobody handled it: one calm sentence in the notice bar."""
        self.notices.add(sentence, warning=True)

    def _show_error(self, error: BaseException) -> None:
        self.statusBar().showMessage("Something could not be read; see the message.", 8000)
        show_message(self, str(error) or type(error).__name__, warning=True)

    # -- import -------------------------------------------------------------

    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import documents", "", IMPORT_FILTER)
        if files:
            self.import_files(files)

    def import_files(self, files: list[str]) -> None:
        """Import ``files`` on the worker; while an import runs, they wait their turn."""
        if self.importer.running:
            for name in files:
                if name not in self._pending_imports:
                    self._pending_imports.append(name)
            self.statusBar().showMessage("These documents will be imported when the current import finishes.", 6000)
            return
        self.importer.start(list(files))

    def _import_started(self, count: int) -> None:
        self.progress.setRange(0, count + 1)
        self.progress.setValue(0)
        self.progress_label.setText(f"Importing {count} document{'s' if count != 1 else ''}…")
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.show()
        self.cancel_button.setEnabled(True)
        self.import_action.setEnabled(False)

    def _import_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress_label.setText(f"Reading {name}…" if name else "Saving…")

    def _cancel_import(self) -> None:
        self.importer.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText("Cancelling…")

    def _import_done(self, outcome: ImportOutcome) -> None:
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()
        self.import_action.setEnabled(True)
        if outcome.cancelled:
            self.statusBar().showMessage("Import cancelled; nothing was changed.", 8000)
        else:
            done = len(outcome.reports)
            self.statusBar().showMessage(f"Imported {done} document{'s' if done != 1 else ''}.", 8000)
        self.import_finished.emit(outcome)
        if self._pending_imports:
            waiting, self._pending_imports = self._pending_imports, []
            self.import_files(waiting)

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

    def splitters(self) -> list[QSplitter]:
        return [s for s in self.findChildren(QSplitter) if s.objectName()]

    def _restore_splitters(self, root: QWidget) -> None:
        for splitter in root.findChildren(QSplitter):
            saved = settings.load_bytes(f"splitters/{splitter.objectName()}") if splitter.objectName() else None
            if saved is not None:
                splitter.restoreState(saved)

    def _restore_geometry(self) -> None:
        """Size and place the window as it was left, and choose the place it showed
        (built and shown just after the first paint)."""
        geometry = settings.load_bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        place = settings.load_int("window/place", int(Place.CALENDAR))
        place = Place(place) if place in tuple(Place) else Place.CALENDAR
        self.stack.setCurrentIndex(int(place))
        self.place_actions[place].setChecked(True)

    def save_state(self) -> None:
        store = settings.ui_settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/place", int(self.place()))
        if Place.CALENDAR in self._built:
            store.setValue("calendar/hidden", self.calendar.hidden_committees())
        for splitter in self.splitters():
            store.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)


def _hidden_committees() -> list[str] | str:
    """The committees the member chose not to show on the calendar (QSettings
    gives a one-name list back as a string; the calendar takes either)."""
    return settings.ui_settings().value("calendar/hidden", []) or []


def _meetings(store) -> list[dict]:
    from panelbook.store import queries

    return queries.meetings(store.db)


def store_notices(store) -> list[tuple[str, str]]:
    """On the worker: what opening the store has to tell the user, as (kind, text)."""
    notices = []
    if store.recovery is not None:
        notices.append(("warning", store.recovery.message))
    if store.location_warning:
        notices.append(("info", store.location_warning))
    return notices
