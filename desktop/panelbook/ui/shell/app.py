"""Starting the desktop: the application object, one running copy per data folder,
the worker and the main window.

The window's own remembered state (geometry, splitters) is the machine's; the last
meeting and place, the committees' colours and the committees hidden are the data
folder's (``settings.use_data_folder``), so a new folder never opens on another
store's meeting.  Without a display ``run_desktop`` says so in one sentence
(``display_check``) instead of letting Qt abort.

An unexpected error in a slot goes to ``<data folder>/errors.log`` and one calm
sentence in the window (``error_hook``), and the application keeps running.

The order matters for a quick first paint: the window is shown (and the event
loop started) before anything opens the store; the worker imports and opens it
in the background, and the window fills in as answers arrive.
"""
from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtWidgets import QApplication, QMessageBox

from panelbook.paths import DataFolder
from panelbook.ui.common import fallback_fonts, settings
from panelbook.ui.common.icons import icon
from panelbook.ui.common.settings import APPLICATION, ORGANISATION
from panelbook.ui.common.worker import DatabaseWorker
from panelbook.ui.shell.display_check import display_problem
from panelbook.ui.shell.error_hook import ErrorHook
from panelbook.ui.shell.main_window import MainWindow
from panelbook.ui.shell.single_instance import NotAnswering, SingleInstance


@dataclass
class Desktop:
    """The running desktop's parts, for ``run_desktop`` and for tests and benchmarks."""

    window: MainWindow
    worker: DatabaseWorker
    instance: SingleInstance
    errors: ErrorHook | None = None

    def close(self) -> None:
        if self.errors is not None:
            self.errors.uninstall()
        self.instance.close()
        self.worker.shutdown()
        settings.use_data_folder(None)


def application(argv: list[str] | None = None) -> QApplication:
    # The one QApplication: tests and benchmarks may have made it already.
    app = cast(QApplication, QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1]))
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName("panelbook")     # packaging/linux/panelbook.desktop: the menu entry's icon and name
    app.setWindowIcon(icon("panelbook"))
    return app


def bring_forward(window: MainWindow) -> None:
    """Show the window in front (un-minimised), as far as the window system allows."""
    from PySide6.QtCore import Qt  # not at the top: the first paint does without Qt's namespace

    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


def open_files(window: MainWindow, files: Sequence[str]) -> None:
    """What a later launch hands over: import its files (if any) and come to the front."""
    bring_forward(window)
    if files:
        window.import_files(list(files))


def start_desktop(folder: DataFolder, files: Sequence[str] = (), *,
                  load_sample_if_empty: bool = True) -> Desktop | None:
    """Show the main window on ``folder`` and start loading it; None when another
    copy already runs on the folder and has taken ``files``.  Needs a QApplication."""
    instance = SingleInstance(folder)
    if not instance.claim(list(files)):
        return None
    settings.use_data_folder(folder.root)     # before the window reads its last meeting and place
    worker = DatabaseWorker(folder)
    window = MainWindow(worker)
    errors = ErrorHook(folder.errors_log, lambda sentence: window.notices.add(sentence, warning=True), window)
    errors.install()
    instance.files_received.connect(lambda handed: open_files(window, handed))
    window.first_painted.connect(instance.listen)
    window.first_painted.connect(fallback_fonts.add_symbol_font)     # emoji drawn, not boxes
    window.show()
    window.markup_actions.ask_profile_at_start()     # no profile in the store yet: ask who this is
    window.start(load_sample_if_empty=load_sample_if_empty)
    if files:
        window.import_files(list(files))     # queued behind the store's opening on the worker
    return Desktop(window, worker, instance, errors)


def run_desktop(folder: DataFolder, argv: list[str] | None = None, files: Sequence[str] = ()) -> int:
    """The desktop's main loop; 0 at once when the files went to the copy already open,
    1 with one sentence on stderr when the window cannot open here."""
    problem = display_problem()
    if problem is not None:
        print(f"panelbook: {problem}", file=sys.stderr)
        return 1
    app = application(argv)
    try:
        desktop = start_desktop(folder, files)
    except NotAnswering as error:
        print(f"panelbook: {error}", file=sys.stderr)
        QMessageBox.warning(None, "Panelbook", str(error))
        return 1
    if desktop is None:
        return 0
    try:
        return app.exec()
    finally:
        desktop.close()
