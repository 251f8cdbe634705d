"""Starting the desktop: the application object, the worker, the main window."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from ..paths import DataFolder
from .main_window import MainWindow
from .worker import DatabaseWorker


def run_desktop(folder: DataFolder, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Panelbook")
    app.setOrganizationName("Panelbook")
    worker = DatabaseWorker(folder)
    window = MainWindow(worker)
    window.show()
    window.start()
    try:
        return app.exec()
    finally:
        worker.shutdown()
