"""The main window: four places (Calendar, Meeting, Tracker, Search) behind a side bar.

The window paints before any data is read; meetings arrive from the database
worker.  Ctrl+1..4 go to the places, Ctrl+F / Ctrl+K to the search box.  The
window's geometry, splitter sizes, last place and last meeting are restored at
the next start.  Files dropped on the window, or chosen with File › Import,
are imported on the worker with progress and Cancel.
"""
from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton, QSplitter, QStackedWidget, QToolBar,
    QWidget,
)

from .. import services
from ..store import queries
from . import settings
from .calendar_view import CalendarPlace
from .icons import icon
from .import_controller import ImportController, ImportOutcome
from .markup_menu import MarkupActions
from .meeting_view import MeetingPlace
from .search_view import SearchPlace
from .tracker_view import TrackerPlace
from .worker import DatabaseWorker

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
Ctrl+T  Today on the calendar
Enter  Open the chosen meeting or search result
Alt+Down / Alt+Up  Next / previous agenda item in the pack
Ctrl+Shift+Right / Left  Later / earlier meeting
Ctrl++ / Ctrl+-  Zoom the pack in / out
Ctrl+0  Fit the pack to the width
Ctrl+C  Copy the selected text of the pack"""


class MainWindow(QMainWindow):
    meetings_loaded = Signal()
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

        self.calendar = CalendarPlace()
        self.calendar.set_hidden_committees(settings.ui_settings().value("calendar/hidden", []) or [])
        self.calendar.meeting_activated.connect(self.open_meeting)
        self.meeting = MeetingPlace(worker)
        self.meeting.error.connect(self._show_error)
        self.meeting.neighbour_requested.connect(self._neighbour_meeting)
        self.meeting.meeting_loaded.connect(self._meeting_shown)
        self.tracker = TrackerPlace(worker)
        self.search = SearchPlace(worker)
        self.search.error.connect(self._show_error)
        self.search.hit_activated.connect(self.open_hit)
        self.search.meeting_activated.connect(self.open_meeting)

        self.stack = QStackedWidget()
        for widget in (self.calendar, self.meeting, self.tracker, self.search):
            self.stack.addWidget(widget)
        self.setCentralWidget(self.stack)

        self._build_places_bar()
        self._build_menu()
        self.markup_actions = MarkupActions(self)
        self._build_status()
        self.importer = ImportController(worker, self)
        self.importer.started.connect(self._import_started)
        self.importer.progress.connect(self._import_progress)
        self.importer.finished.connect(self._import_done)
        self._restore_state()
        self.statusBar().showMessage("Opening your data…")

    # -- building -----------------------------------------------------------

    def _build_places_bar(self) -> None:
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
        self.place_group = QActionGroup(self)
        self.place_group.setExclusive(True)
        self.place_actions: dict[Place, QAction] = {}
        for place, name, icon_name, shortcut in PLACES:
            action = QAction(icon(icon_name), name, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{name} ({shortcut})")
            action.triggered.connect(lambda _checked=False, p=place: self.go(p))
            self.place_group.addAction(action)
            bar.addAction(action)
            self.place_actions[place] = action
        for button in bar.findChildren(QWidget):
            if button.metaObject().className() == "QToolButton":
                button.setMinimumWidth(76)
                button.setAccessibleName(button.toolTip())

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = QAction(icon("import"), "&Import documents…", self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self.choose_import)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
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
        keys.setShortcut(QKeySequence.StandardKey.HelpContents)
        keys.triggered.connect(lambda: QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_TEXT))
        help_menu.addAction(keys)
        about = QAction("&About Panelbook", self)
        about.triggered.connect(lambda: QMessageBox.about(
            self, "About Panelbook",
            "Panelbook keeps your panel's calendar, agenda packs, minutes and recommendations on this "
            "computer, so you can prepare for meetings without a connection."))
        help_menu.addAction(about)

    def _build_status(self) -> None:
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
        target = {Place.CALENDAR: self.calendar.calendar, Place.MEETING: self.meeting.agenda,
                  Place.TRACKER: self.tracker, Place.SEARCH: self.search.box}[place]
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
        """Read the meetings in the background (loading the sample panel into an empty store)."""
        def load(store):
            rows = queries.meetings(store.db)
            if not rows and load_sample_if_empty:
                services.load_sample(store)
                rows = queries.meetings(store.db)
            return rows

        self.worker.submit(load, self._show_meetings, self._show_error)

    def refresh(self) -> None:
        self.worker.submit(lambda store: queries.meetings(store.db), self._show_meetings, self._show_error)
        self.meeting.reload()
        self.search.refresh()
        if self.place() == Place.TRACKER:
            self.tracker.refresh()

    def _show_meetings(self, rows: list[dict]) -> None:
        first = not self.meetings
        self.meetings = list(rows)
        self.calendar.set_meetings(rows)
        upcoming = [r for r in rows if r["date"] >= date.today().isoformat() and r["status"] != "cancelled"]
        self.statusBar().showMessage(
            f"{len(rows)} meetings" + (f", the next on {upcoming[0]['date']}" if upcoming else "") if rows
            else "No meetings yet: import documents with File › Import.")
        if first and rows and self.place() == Place.MEETING and self.meeting.meeting_id is None:
            self.open_meeting(self._default_meeting())
        self.meetings_loaded.emit()

    def _show_error(self, error: BaseException) -> None:
        self.statusBar().showMessage("Something could not be read; see the message.", 8000)
        box = QMessageBox(QMessageBox.Icon.Warning, "Panelbook", str(error) or type(error).__name__,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()      # not exec(): this arrives from the worker, inside the event loop

    # -- import -------------------------------------------------------------

    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import documents", "", IMPORT_FILTER)
        if files:
            self.import_files(files)

    def import_files(self, files: list[str]) -> None:
        if not self.importer.start(list(files)):
            self.statusBar().showMessage("An import is already running; wait for it to finish.", 6000)

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
        if outcome.reports:
            self.refresh()
        self.import_finished.emit(outcome)

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

    def _restore_state(self) -> None:
        geometry = settings.load_bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.load_bytes("window/state")
        if state is not None:
            self.restoreState(state)
        for splitter in self.splitters():
            saved = settings.load_bytes(f"splitters/{splitter.objectName()}")
            if saved is not None:
                splitter.restoreState(saved)
        place = settings.load_int("window/place", int(Place.CALENDAR))
        self.go(place if place in tuple(Place) else Place.CALENDAR)

    def save_state(self) -> None:
        store = settings.ui_settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/place", int(self.place()))
        store.setValue("calendar/hidden", self.calendar.hidden_committees())
        for splitter in self.splitters():
            store.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
