"""The main window: the panel's meetings, a sample-data notice, import.

The window paints before any data is read; the meetings arrive from the
database worker and fill the table.  Imports run on the same worker.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHeaderView, QLabel, QMainWindow, QMessageBox, QTableView, QVBoxLayout,
    QWidget,
)

from .. import services
from ..store import queries
from .meetings_model import MeetingsModel, SortRole
from .worker import DatabaseWorker

IMPORT_FILTER = "Council documents (*.pdf *.txt *.htm *.html *.xml);;All files (*)"


class MainWindow(QMainWindow):
    meetings_loaded = Signal()

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle("Panelbook")
        self.resize(1100, 700)

        self.model = MeetingsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)

        self.heading = QLabel("Meetings")
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("sampleNotice")
        self.notice.setStyleSheet(
            "QLabel#sampleNotice { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 4px; padding: 8px; }"
        )
        self.notice.hide()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Meetings")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.empty = QLabel("Loading meetings…")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.table.hide()
        self.setCentralWidget(body)

        self._build_menu()
        self.statusBar().showMessage("Opening your data…")

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = QAction("&Import documents…", self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self.choose_import)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    # -- loading ------------------------------------------------------------

    def start(self, load_sample_if_empty: bool = True) -> None:
        """Read the meetings in the background (loading the sample panel into an empty store)."""
        def load(store):
            rows = queries.meetings(store.db)
            if not rows and load_sample_if_empty:
                from ..sample import sample_paths
                services.import_files(store, sample_paths(), sample=True)
                rows = queries.meetings(store.db)
            return rows

        self.worker.submit(load, self._show_meetings, self._show_error)

    def refresh(self) -> None:
        self.worker.submit(lambda store: queries.meetings(store.db), self._show_meetings, self._show_error)

    def _show_meetings(self, rows: list[dict]) -> None:
        self.model.set_meetings(rows)
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        has_rows = bool(rows)
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.empty.setText(
            "No meetings yet. Import an agenda pack, printed minutes or a ModernGov page with File › Import."
        )
        if any(r["sample"] for r in rows):
            self.notice.setText(
                "This is sample data: Southampton City Council's Children and Families Scrutiny Panel, "
                "loaded from the council's published documents so you can try Panelbook. "
                "Import your own panel's documents with File › Import."
            )
            self.notice.show()
        else:
            self.notice.hide()
        upcoming = [r for r in rows if r["date"] >= date.today().isoformat() and r["status"] != "cancelled"]
        self.statusBar().showMessage(
            f"{len(rows)} meetings" + (f", next on {upcoming[0]['date']}" if upcoming else "")
        )
        self._select_next(upcoming)
        self.meetings_loaded.emit()

    def _select_next(self, upcoming: list[dict]) -> None:
        target = upcoming[0]["id"] if upcoming else (self.model.meeting_id(self.model.rowCount() - 1)
                                                     if self.model.rowCount() else None)
        if target is None:
            return
        row = self.model.row_of(target)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def _show_error(self, error: BaseException) -> None:
        self.statusBar().showMessage("Could not read your data.")
        QMessageBox.warning(self, "Panelbook", str(error) or type(error).__name__)

    # -- import -------------------------------------------------------------

    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import documents", "", IMPORT_FILTER)
        if files:
            self.import_files(files)

    def import_files(self, files: list[str]) -> None:
        self.statusBar().showMessage(f"Importing {len(files)} document(s)…")
        self.worker.submit(lambda store: services.import_files(store, files), self._imported, self._import_failed)

    def _imported(self, reports) -> None:
        self.statusBar().showMessage(f"Imported {len(reports)} document(s).", 8000)
        self.refresh()

    def _import_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage("Nothing was imported.", 8000)
        QMessageBox.information(self, "Import", str(error))
