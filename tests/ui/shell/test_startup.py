"""Start-up: the window paints before the store or the heavy places; what opening the store
had to say (recovered damage, a cloud or network folder) appears once, as a calm banner."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_helpers import close_window, open_window
from panelbook.paths import data_folder

REPO = Path(__file__).resolve().parents[3]
HEAVY = ["panelbook.store", "panelbook.services", "panelbook.exports.briefing", "sqlite_utils", "reportlab",
         "bs4", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "panelbook.ui.meeting.meeting_place", "panelbook.ui.search.search_place",
         "panelbook.ui.tracker.tracker_place"]


def test_starting_the_desktop_imports_nothing_heavy():
    probe = ("import sys, panelbook.ui.shell.app, panelbook.cli\n"
             f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(REPO / "desktop")})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


# What the window does before its first paint must not make PySide6 build Qt's
# namespace (``Qt``, about a hundred enums: tens of milliseconds); the side bar and
# the places, which need it, are built just after.  Checked in a fresh process.
FIRST_PAINT_PROBE = """
import sys, tempfile
import PySide6.QtCore as QtCore
from PySide6.QtWidgets import QApplication
app = QApplication([])
from panelbook.paths import data_folder
from panelbook.ui.shell.app import start_desktop
desktop = start_desktop(data_folder(tempfile.mkdtemp()), load_sample_if_empty=False)
before = "Qt" in QtCore.__dict__
painted = []
desktop.window.first_painted.connect(lambda: painted.append(desktop.window.places_bar.isVisible()))
while not painted:
    app.processEvents()
print(before, painted, [a.text() for a in desktop.window.places_bar.actions()])
desktop.close()
"""


def test_the_first_paint_comes_before_qts_namespace_and_the_side_bar_just_after():
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT_PROBE], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(REPO / "desktop"), "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False [True] ['Calendar', 'Meeting', 'Tracker', 'Search', \"What's new\"]"


def test_the_window_paints_before_the_store_is_touched_and_builds_the_rest_after(qtbot, sample_folder):
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.shell.main_window import MainWindow, Place

    worker = DatabaseWorker(sample_folder)
    window = MainWindow(worker)
    try:
        window.start(load_sample_if_empty=False)
        # Nothing has painted yet: no store work queued, no place built (only the side bar and menus).
        assert not worker.busy and worker._store is None
        assert [p for p in Place if window.is_built(p)] == []
        built_first = []
        window.first_painted.connect(lambda: built_first.append([p for p in Place if window.is_built(p)]))
        window.show()
        with qtbot.waitSignal(window.meetings_loaded, timeout=20000):
            qtbot.waitExposed(window)
        # Painted before any place was built; the place on screen is built just after, before the rest.
        assert built_first == [[Place.CALENDAR]]
        assert window.stack.widget(int(Place.CALENDAR)) is window.calendar
        qtbot.waitUntil(lambda: all(window.is_built(p) for p in Place), timeout=20000)
        assert window.stack.widget(int(Place.MEETING)) is window.meeting
        assert window.stack.widget(int(Place.SEARCH)) is window.search
        assert window.place() == Place.CALENDAR
        assert not window.notices.isVisible()          # a sound store on a local disk: nothing to say
    finally:
        close_window(qtbot, window, worker)


def test_a_place_asked_for_before_it_is_built_is_built_at_once(qtbot, sample_folder):
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.shell.main_window import MainWindow, Place

    worker = DatabaseWorker(sample_folder)
    window = MainWindow(worker)
    try:
        assert not window.is_built(Place.SEARCH)
        window.go(Place.SEARCH)
        assert window.is_built(Place.SEARCH) and window.stack.currentWidget() is window.search
        assert window.place_actions[Place.SEARCH].isChecked()
    finally:
        close_window(qtbot, window, worker)


def test_a_recovered_store_is_explained_in_a_banner(qtbot, tmp_path):
    from panelbook.services.sample import load_sample
    from panelbook.store import Store

    folder = data_folder(tmp_path / "data")
    with Store.open(folder) as store:
        load_sample(store)
        store.backup_to(folder.backups / "manual-1.sqlite3")
    with folder.database.open("r+b") as handle:
        handle.write(os.urandom(100))        # the header: not a database any more

    window, worker = open_window(qtbot, folder)
    try:
        qtbot.waitUntil(window.notices.isVisible, timeout=10000)
        (text,) = window.notices.notices()
        assert text.startswith("Your Panelbook data was damaged")
        assert "It has been restored from the backup of" in text
        assert window.meetings            # the restored meetings are there
        window.notices.dismiss.click()
        assert not window.notices.isVisible() and window.notices.notices() == []
    finally:
        close_window(qtbot, window, worker)


def test_a_cloud_synced_data_folder_is_warned_about(qtbot, tmp_path):
    from panelbook.services.sample import load_sample
    from panelbook.store import Store

    folder = data_folder(tmp_path / "Dropbox" / "Panelbook")
    with Store.open(folder) as store:
        load_sample(store)
    window, worker = open_window(qtbot, folder)
    try:
        qtbot.waitUntil(window.notices.isVisible, timeout=10000)
        (text,) = window.notices.notices()
        assert "inside a Dropbox folder" in text and "Cloud syncing can damage the database" in text
    finally:
        close_window(qtbot, window, worker)


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_last_place_is_shown_once_built(qtbot, sample_folder):
    from panelbook.ui.common import settings
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.shell.main_window import MainWindow, Place

    settings.save_value("window/place", int(Place.SEARCH))
    worker = DatabaseWorker(sample_folder)
    window = MainWindow(worker)
    try:
        assert window.place() == Place.SEARCH and not window.is_built(Place.SEARCH)
        window.show()
        qtbot.waitUntil(lambda: window.is_built(Place.SEARCH), timeout=20000)
        assert window.stack.currentWidget() is window.search
        qtbot.waitUntil(lambda: window.search.box.hasFocus() or not window.isActiveWindow(), timeout=5000)
    finally:
        close_window(qtbot, window, worker)
