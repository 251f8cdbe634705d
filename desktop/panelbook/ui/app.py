"""Starting the desktop: the application object, the worker, the main window."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from ..paths import DataFolder
from .icons import icon
from .main_window import MainWindow
from .settings import APPLICATION, ORGANISATION
from .worker import DatabaseWorker


def run_desktop(folder: DataFolder, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(icon("panelbook"))
    worker = DatabaseWorker(folder)
    window = MainWindow(worker)
    window.show()
    window.markup_actions.ask_profile_at_start()     # no profile in the store yet: ask who this is
    window.start()
    try:
        return app.exec()
    finally:
        worker.shutdown()
