"""The calendar shows its meetings before the store has finished opening.

Opening the store checks the whole database, which takes a second or more on
a ten-year archive.  Here the check is held back until the test lets it go: the
calendar must already show the sample panel's meetings (read through the
early view), and the month the member moved to must stay when every meeting
arrives afterwards."""
from __future__ import annotations

import threading

from PySide6.QtCore import QDate

from desktop_helpers import close_window
from panelbook.store import health


def test_the_calendar_shows_its_meetings_while_the_store_is_still_opening(qtbot, sample_folder, monkeypatch):
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.shell.main_window import MainWindow, Place

    gate = threading.Event()
    checked = health.check_database

    def slow_check(path, full):
        assert gate.wait(30), "the test never let the check go"
        return checked(path, full)

    monkeypatch.setattr(health, "check_database", slow_check)
    worker = DatabaseWorker(sample_folder)
    window = MainWindow(worker)
    try:
        window.show()
        with qtbot.waitSignal(window.calendar_shown, timeout=20000):
            window.start(load_sample_if_empty=False)
        assert worker._store is None and window.meetings == []       # the store is still being checked
        place = window.calendar
        assert window.place() == Place.CALENDAR
        assert place.list_heading.text() == "Recent meetings"
        assert place.model.rowCount() == 8
        assert place.model.meeting(0)["date"] == "2025-03-27"
        assert [m["status"] for m in place.calendar.meetings_on(QDate(2019, 11, 7))] == ["moved"]
        assert window.summary.text() == "8 meetings"
        place.go_to_date("2024-08-08")                               # the member moves meanwhile
        gate.set()
        qtbot.waitUntil(lambda: len(window.meetings) == 8, timeout=20000)
        assert place.calendar.selectedDate() == QDate(2024, 8, 8)    # still where the member put it
        assert (place.calendar.yearShown(), place.calendar.monthShown()) == (2024, 8)
        assert place.model.rowCount() == 8
    finally:
        gate.set()
        close_window(qtbot, window, worker)


def test_a_first_start_without_a_store_waits_for_the_opened_store(qtbot, tmp_path):
    from panelbook.paths import data_folder
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.shell.main_window import MainWindow

    worker = DatabaseWorker(data_folder(tmp_path / "new"))
    window = MainWindow(worker)
    shown = []
    window.calendar_shown.connect(lambda: shown.append(len(window.meetings)))
    try:
        window.show()
        with qtbot.waitSignal(window.meetings_loaded, timeout=30000):
            window.start(load_sample_if_empty=True)              # a first start: the sample is loaded
        assert shown == [8]            # shown once, from the opened store, with every meeting
    finally:
        close_window(qtbot, window, worker)
