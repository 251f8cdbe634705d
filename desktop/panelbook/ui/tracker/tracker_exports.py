"""The tracker's two exports: the recommendations shown as a CSV file, and the
"Monitoring Scrutiny Recommendations" appendix of a meeting as a PDF (from a menu
of the next meetings and the latest past ones).

Files are written on the database worker; when one is written, a message offers
to open it.  ``status`` carries the lines for the window's status bar.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from panelbook.ui.common.store_op import StoreOp
from panelbook.ui.common.worker import DatabaseWorker
from panelbook.ui.tracker.recs_model import short_date

CSV_FILTER = "CSV files (*.csv)"
PDF_FILTER = "PDF files (*.pdf)"
MONITORING_MENU_SIZE = 12


class TrackerExports(QObject):
    exported = Signal(str)      # the path written
    status = Signal(str)        # a line for the status bar

    def __init__(self, place: QWidget, worker: DatabaseWorker, shown_rows: Callable[[], list[dict]],
                 today: Callable[[], date | None]):
        super().__init__(place)
        self.place = place
        self.worker = worker
        self.shown_rows = shown_rows
        self.today = today
        self.offer: QMessageBox | None = None
        self.csv_button = QPushButton("Export CSV…")
        self.csv_button.setToolTip("Save the recommendations shown as a spreadsheet file")
        self.csv_button.clicked.connect(self.choose_csv)
        self.pdf_button = QPushButton("Monitoring PDF…")
        self.pdf_button.setToolTip("The \u201cMonitoring Scrutiny Recommendations\u201d appendix for a meeting")
        self.pdf_menu = QMenu(place)
        self.pdf_button.setMenu(self.pdf_menu)

    def fill_pdf_menu(self, result: dict) -> None:
        """The next two meetings and the latest past ones, not cancelled."""
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

    # -- writing ------------------------------------------------------------

    def choose_csv(self) -> None:
        name = f"recommendations-{(self.today() or date.today()).isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(self.place, "Export the recommendations shown", name, CSV_FILTER)
        if path:
            self.export_csv(path)

    def export_csv(self, path: str | Path) -> None:
        from panelbook.exports.csv_recs import write_recs_csv

        rows = self.shown_rows()
        target = Path(path)
        StoreOp(self.worker, lambda _store: str(write_recs_csv(rows, target)), initiator=self) \
            .success(self._exported).failure(self._export_failed).run_in_background()

    def choose_monitoring(self, meeting: dict) -> None:
        name = f"scrutiny-monitoring-{meeting['date']}.pdf"
        path, _ = QFileDialog.getSaveFileName(self.place, "Save the monitoring appendix", name, PDF_FILTER)
        if path:
            self.export_monitoring(meeting["id"], path)

    def export_monitoring(self, meeting_id: int, path: str | Path) -> None:
        from panelbook.exports.monitoring import export_monitoring

        target = Path(path)

        def work(store):
            export_monitoring(store, meeting_id, target)
            return str(target)

        self.status.emit("Writing the monitoring appendix…")
        StoreOp(self.worker, work, initiator=self).success(self._exported).failure(self._export_failed) \
            .run_in_background()

    # -- answers ------------------------------------------------------------

    def _exported(self, path: str) -> None:
        self.status.emit(f"Saved {path}.")
        self.exported.emit(path)
        self.offer = QMessageBox(QMessageBox.Icon.Information, "Saved", f"Saved {Path(path).name}.\n\nOpen it now?",
                                 QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close, self.place)
        self.offer.setInformativeText(str(Path(path).parent))
        self.offer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.offer.finished.connect(lambda result, p=path: self._offer_done(result, p))
        self.offer.open()

    def _offer_done(self, result: int, path: str) -> None:
        self.offer = None
        if result == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _export_failed(self, error: BaseException) -> None:
        self.status.emit("The export was not written; see the message.")
        box = QMessageBox(QMessageBox.Icon.Warning, "Panelbook",
                          f"The file could not be written: {error or type(error).__name__}",
                          QMessageBox.StandardButton.Ok, self.place)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
