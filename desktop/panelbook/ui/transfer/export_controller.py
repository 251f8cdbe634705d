"""Exporting from the desktop: the briefing pack, the monitoring report and the calendar.

Each export runs on the database worker (exports read the store), in stages
with the stage named in the status bar beside a progress bar and Cancel.
Cancel is checked between stages and, while reportlab lays pages out, after
every paragraph or table (``exports.pdfdoc.cancellable``).  The briefing and
the monitoring report are the same use cases the command line runs
(``services.exports``); every file goes through the one atomic writer
(``exports.atomic``): written beside its destination under a hidden name and
put in its place only when the export finished and was not cancelled, so a
cancelled or failed export leaves no file (and never half a file).  When it is done the window
offers to open the file; how a file is opened (``open_file``) and how a path
is chosen (``ask_path``) can be replaced, so tests neither open viewers nor
file dialogs.  Nothing here is imported before the window first paints.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from panelbook.ui.common import settings
from panelbook.ui.common.store_op import StoreOp

BRIEFING, MONITORING, ICS = "briefing", "monitoring", "ics"
PDF_FILTER = "PDF documents (*.pdf)"
ICS_FILTER = "iCalendar files (*.ics)"
WORDS = {BRIEFING: "briefing pack", MONITORING: "monitoring report", ICS: "calendar"}


@dataclass
class ExportRequest:
    """One export: what, where, and for a briefing whose edition and which items."""

    kind: str
    path: Path
    meeting_id: int | None = None
    panel: bool = False                  # the panel's edition: shared markup only
    with_reports: bool = False           # append each item's report pages
    items: list[str] | None = None       # agenda numbers; None: every item
    include_confidential: bool = False   # print confidential items (their pages marked)
    skip_committees: list[str] = field(default_factory=list)   # calendar: committees not followed

    @property
    def words(self) -> str:
        return WORDS[self.kind]


@dataclass
class ExportOutcome:
    request: ExportRequest
    path: Path | None = None        # the file written
    cancelled: bool = False
    error: str | None = None        # what went wrong, in plain words
    count: int = 0                  # pages (PDF) or events (calendar)
    note: str = ""                  # what else the user should know (confidential items left out)


class Cancelled(Exception):
    """Cancel was pressed between two stages."""


def _stages(kind: str) -> list[str]:
    if kind == BRIEFING:
        return ["Reading the meeting…", "Laying out the briefing…", "Saving…"]
    if kind == MONITORING:
        return ["Laying out the monitoring report…", "Saving…"]
    return ["Reading the meetings…", "Saving…"]


def run_export(store, request: ExportRequest, stage: Callable[[int, int, str], None],
               cancelled: Callable[[], bool]) -> ExportOutcome:
    """On the worker: run ``request``, reporting ``stage(number, of, words)`` and stopping
    when ``cancelled()`` says so.  Leaves either the finished file or nothing."""
    from panelbook.exports.atomic import atomic_path
    from panelbook.exports.pdfdoc import ExportCancelled, cancellable

    stages = _stages(request.kind)
    step = iter(range(len(stages)))

    def next_stage() -> None:
        if cancelled():
            raise Cancelled()
        number = next(step)
        stage(number, len(stages), stages[number])

    target = Path(request.path)
    outcome = ExportOutcome(request)
    try:
        with atomic_path(target) as partial:
            with cancellable(cancelled):
                outcome.count, outcome.note = _write(store, request, partial, next_stage)
            next_stage()              # "Saving…": the last moment Cancel still counts
        outcome.path = target
    except (Cancelled, ExportCancelled):
        outcome.cancelled = True
    except Exception as error:  # noqa: BLE001 - told to the user calmly, never a traceback
        outcome.error = _plain(error)
    return outcome


def _write(store, request: ExportRequest, out: Path, next_stage: Callable[[], None]) -> tuple[int, str]:
    """Write the export to ``out`` (the atomic writer's partial file); the count of pages or
    events, and a line about the confidential items the briefing left out or marked."""
    from panelbook.services import exports

    meeting = str(request.meeting_id)
    if request.kind == BRIEFING:
        next_stage()                # reading the meeting and laying out are one use case;
        next_stage()                # both stages are named before it, so Cancel counts in the layout
        briefing = exports.export_briefing_file(store, meeting, out, panel=request.panel,
                                                with_reports=request.with_reports, items=request.items,
                                                include_confidential=request.include_confidential)
        return briefing.pages, _confidential_note(briefing)
    if request.kind == MONITORING:
        next_stage()
        exports.export_monitoring_file(store, meeting, out)
        return _page_count(out), ""
    from panelbook.exports.ics import calendar
    from panelbook.store import briefing_queries

    next_stage()
    # The calendar of the committees shown (the command line's `export ics` has every committee).
    skip = set(request.skip_committees)
    rows = [r for r in briefing_queries.all_meetings_for_calendar(store.db) if r["committee"] not in skip]
    out.write_bytes(calendar(rows).to_ical())
    return len(rows), ""


def _confidential_note(briefing) -> str:
    n = len(briefing.left_out)
    if n:
        return (f"{n} confidential item{'s' if n > 1 else ''} left out; tick "
                f"{'them' if n > 1 else 'it'} in the export's list to include {'them' if n > 1 else 'it'}.")
    if briefing.confidential:
        pages = len(briefing.marked_pages)
        return (f"It includes confidential items: {pages} page{'s' if pages > 1 else ''} marked "
                "CONFIDENTIAL — NOT FOR PUBLICATION. Do not publish or forward it.")
    return ""


def _page_count(pdf: Path) -> int:
    """The pages of the PDF just written (the use cases give back only its path)."""
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def _plain(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"The file could not be written{where}: {error.strerror.lower()}."
    return str(error) or type(error).__name__


def open_with_system(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_save_path(parent: QWidget, title: str, suggested: Path, name_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    if not chosen:
        return None
    path = Path(chosen)
    suffix = ".ics" if name_filter == ICS_FILTER else ".pdf"
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def safe_name(text: str) -> str:
    """``text`` usable as a file name on every system."""
    cleaned = "".join("-" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text)
    return " ".join(cleaned.split()).strip(" .") or "Panelbook"


class ExportStrip(QWidget):
    """The status bar's export progress: what is happening, a bar and Cancel."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Export progress")
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the export")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.hide()


class ExportController(QObject):
    """Runs one export at a time for the main window."""

    started = Signal(object)            # ExportRequest
    progress = Signal(int, int, str)    # stage, stages, words
    finished = Signal(object)           # ExportOutcome

    def __init__(self, window, *, open_file: Callable[[Path], None] = open_with_system,
                 ask_path: Callable[[QWidget, str, Path, str], Path | None] = ask_save_path):
        super().__init__(window)
        self.window = window
        self.worker = window.worker
        self.open_file = open_file
        self.ask_path = ask_path
        self.show_messages = True
        self.running = False
        self.last_box: QMessageBox | None = None
        self._cancel = threading.Event()
        self.strip = ExportStrip()
        self.strip.cancel_button.clicked.connect(self.cancel)
        window.statusBar().addPermanentWidget(self.strip)
        self.progress.connect(self._show_progress)

    # -- choosing -------------------------------------------------------------

    def choose_briefing(self, meeting_id: int | None) -> None:
        """Ask whose edition, reports and items (for ``meeting_id``), then where; then export."""
        if meeting_id is None:
            self._no_meeting("briefing pack")
            return
        from panelbook.store import queries

        def chosen_options(agenda: dict) -> None:
            from panelbook.ui.transfer.briefing_dialog import BriefingDialog

            dialog = BriefingDialog(agenda, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._ask_and_start(
                agenda["meeting"], ExportRequest(BRIEFING, Path(), meeting_id, **dialog.options())))
            self.dialog = dialog
            dialog.open()

        StoreOp(self.worker, lambda store: queries.agenda(store.db, meeting_id), initiator=self) \
            .success(chosen_options).failure(self._show_failure).run_in_background()

    def choose_monitoring(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            self._no_meeting("monitoring report")
            return
        from panelbook.store import queries

        StoreOp(self.worker, lambda store: queries.meeting(store.db, meeting_id), initiator=self) \
            .success(lambda meeting: self._ask_and_start(meeting, ExportRequest(MONITORING, Path(), meeting_id))) \
            .failure(self._show_failure).run_in_background()

    def choose_calendar(self, skip_committees: list[str]) -> None:
        self._ask_and_start(None, ExportRequest(ICS, Path(), skip_committees=list(skip_committees)))

    def _no_meeting(self, words: str) -> None:
        self._tell("Open a meeting first", f"Choose a meeting on the Calendar, then export its {words}.")

    def _ask_and_start(self, meeting: Mapping[str, Any] | None, request: ExportRequest) -> None:
        if meeting is not None:
            head = {BRIEFING: "Briefing", MONITORING: "Monitoring"}[request.kind]
            name = safe_name(f"{head} – {meeting['committee']} – {meeting['date']}") + ".pdf"
            title, name_filter = f"Export the {request.words}", PDF_FILTER
        else:
            name, title, name_filter = "Panelbook meetings.ics", "Export the calendar", ICS_FILTER
        path = self.ask_path(self.window, title, self._folder() / name, name_filter)
        if path is None:
            return
        request.path = Path(path)
        settings.save_value("exports/folder", str(request.path.parent))
        self.start(request)

    def _folder(self) -> Path:
        saved = settings.ui_settings().value("exports/folder", "")
        if isinstance(saved, str) and saved and Path(saved).is_dir():
            return Path(saved)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents or Path.home())

    # -- running ------------------------------------------------------------

    def start(self, request: ExportRequest) -> bool:
        """Run ``request`` on the worker; False (and nothing done) while another export runs."""
        if self.running:
            self.window.statusBar().showMessage("An export is already running; wait for it to finish.", 6000)
            return False
        self.running = True
        self._cancel.clear()
        stages = len(_stages(request.kind))
        self.strip.bar.setRange(0, stages)
        self.strip.bar.setValue(0)
        self.strip.label.setText(f"Exporting the {request.words}…")
        self.strip.cancel_button.setEnabled(True)
        self.strip.show()
        self.started.emit(request)
        StoreOp(self.worker, lambda store: run_export(store, request, self.progress.emit, self._cancel.is_set),
                initiator=self) \
            .success(self._done).failure(lambda error: self._done(ExportOutcome(request, error=_plain(error)))) \
            .run_in_background()
        return True

    def cancel(self) -> None:
        if self.running:
            self._cancel.set()
            self.strip.cancel_button.setEnabled(False)
            self.strip.label.setText("Cancelling…")

    def _show_progress(self, stage: int, stages: int, words: str) -> None:
        self.strip.bar.setRange(0, stages)
        self.strip.bar.setValue(stage)
        if not self._cancel.is_set():
            self.strip.label.setText(words)

    def _done(self, outcome: ExportOutcome) -> None:
        self.running = False
        self.strip.hide()
        request = outcome.request
        status = self.window.statusBar()
        if outcome.cancelled:
            status.showMessage(f"Export cancelled; no {request.words} was saved.", 8000)
        elif outcome.error:
            status.showMessage(f"The {request.words} could not be exported; see the message.", 8000)
            self._tell(f"The {request.words} could not be exported.", outcome.error, QMessageBox.Icon.Warning)
        else:
            assert outcome.path is not None     # neither cancelled nor failed: saved
            status.showMessage(f"Saved {outcome.path.name}.", 8000)
            self._offer_to_open(outcome, outcome.path)
        self.finished.emit(outcome)

    # -- telling ------------------------------------------------------------

    def _offer_to_open(self, outcome: ExportOutcome, path: Path) -> None:
        what = outcome.request.words
        details = f"{path.name}\nin {path.parent}" + (f"\n\n{outcome.note}" if outcome.note else "")
        box = self._box(f"The {what} is saved.", details, QMessageBox.Icon.Information)
        if box is None:
            return
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        open_button = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
        open_button.setAccessibleName(f"Open the {what}")
        box.setDefaultButton(open_button)
        open_button.clicked.connect(lambda: self.open_file(path))
        box.open()

    def _show_failure(self, error: BaseException) -> None:
        self._tell("The export could not start.", _plain(error), QMessageBox.Icon.Warning)

    def _tell(self, head: str, details: str, icon=QMessageBox.Icon.Information) -> None:
        box = self._box(head, details, icon)
        if box is not None:
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.open()

    def _box(self, head: str, details: str, icon) -> QMessageBox | None:
        """A calm, window-modal message, opened (not executed) so the window keeps painting."""
        if not self.show_messages:
            return None
        box = QMessageBox(icon, "Export", head, QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_box = box
        return box
