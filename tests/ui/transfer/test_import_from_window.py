"""Importing from the window: progress, Cancel, calm messages naming the file, drag and drop."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

# Message boxes have a fixed size; the offscreen test platform warns that it cannot pass size
# hints on to a window system.  That is the test platform talking, not the application.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


# The web page's meeting and its twelve agenda items (as the page lists them), and the six
# recommendations its minutes give.
AGENDA_151_ADDED = "1 meeting, 12 agenda items, 6 recommendations added or updated."


def _block_worker(window):
    """Hold the worker until the returned event is set (so the test can look at a running import)."""
    gate = threading.Event()
    window.worker.submit(lambda store: gate.wait(20))
    return gate


def _messages(window):
    return [w for w in window.findChildren(QMessageBox) if w.isVisible()]


def test_import_names_the_unreadable_file_and_imports_the_rest(qtbot, window, tmp_path, moderngov):
    bad = tmp_path / "agenda.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a PDF at all")
    gate = _block_worker(window)
    window.import_files([str(moderngov / "Agenda_151.html"), str(bad)])
    assert window.progress.isVisible() and window.cancel_button.isVisible()
    assert window.progress_label.text() == "Importing 2 documents…"
    assert not window.import_action.isEnabled()
    with qtbot.waitSignal(window.import_finished, timeout=30000) as finished:
        gate.set()
    outcome = finished.args[0]
    assert [r.file for r in outcome.reports] == ["Agenda_151.html"]
    assert [name for name, _ in outcome.failures] == ["agenda.pdf"]
    assert not outcome.failures[0][1].startswith("agenda.pdf:")
    assert not window.progress.isVisible() and window.import_action.isEnabled()
    (box,) = _messages(window)
    assert box.text() == f"Imported Agenda_151.html: {AGENDA_151_ADDED} This document could not be imported:"
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.informativeText().startswith("agenda.pdf: ")
    assert "Traceback" not in box.informativeText()
    box.close()
    qtbot.waitUntil(lambda: len(window.meetings) == 9, timeout=20000)
    assert sorted(window.calendar.committee_boxes) == [
        "Children and Families Scrutiny Panel", "Kingston and North Kingston Neighbourhood Committee"]
    assert all(box.isEnabled() for box in window.calendar.committee_boxes.values())


def test_committees_can_be_hidden_from_the_calendar(qtbot, window, moderngov):
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.import_files([str(moderngov / "Agenda_151.html")])
    qtbot.waitUntil(lambda: len(window.calendar.committee_boxes) == 2, timeout=20000)
    rows = window.calendar.model.rowCount()
    window.calendar.committee_boxes["Children and Families Scrutiny Panel"].setChecked(False)
    assert window.calendar.model.rowCount() == rows - 8
    assert window.calendar.hidden_committees() == ["Children and Families Scrutiny Panel"]


def test_cancel_leaves_the_store_as_it_was(qtbot, window, moderngov):
    gate = _block_worker(window)
    window.import_files([str(moderngov / "Agenda_151.html")])
    window.cancel_button.click()
    assert window.progress_label.text() == "Cancelling…"
    with qtbot.waitSignal(window.import_finished, timeout=30000) as finished:
        gate.set()
    assert finished.args[0].cancelled and finished.args[0].reports == []
    (box,) = _messages(window)
    assert box.text() == "The import was cancelled; nothing was changed."
    box.close()
    window.refresh()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    assert len(window.meetings) == 8


def test_a_second_import_waits_for_the_first(qtbot, window, moderngov):
    gate = _block_worker(window)
    assert window.importer.start([str(moderngov / "Agenda_151.html")])
    assert not window.importer.start([str(moderngov / "Agenda_151.html")])
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        gate.set()


def test_dropping_files_on_the_window_imports_them(qtbot, window, moderngov):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(moderngov / "mg_GetMeetings_manchester.xml"))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=30000) as finished:
        window.dropEvent(drop)
    assert [r.file for r in finished.args[0].reports] == ["mg_GetMeetings_manchester.xml"]
    qtbot.waitUntil(lambda: len(window.meetings) == 10, timeout=20000)


def test_dragging_something_other_than_files_is_refused(window):
    data = QMimeData()
    data.setText("just text")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_a_missing_file_is_named_once(qtbot, window, tmp_path):
    gone = tmp_path / "does-not-exist.pdf"
    with qtbot.waitSignal(window.import_finished, timeout=30000) as finished:
        window.import_files([str(gone)])
    assert finished.args[0].failures == [
        ("does-not-exist.pdf", "This file cannot be opened (No such file or directory).")]
    (box,) = _messages(window)
    assert box.informativeText() == "does-not-exist.pdf: This file cannot be opened (No such file or directory)."
    box.close()


def test_a_finished_import_is_said_and_the_count_of_meetings_stays_beneath(qtbot, window, moderngov):
    qtbot.waitUntil(lambda: window.summary.text().startswith("8 meetings"), timeout=20000)
    assert window.statusBar().currentMessage() == ""          # "Opening your data…" is gone
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.import_files([str(moderngov / "Agenda_151.html")])
    qtbot.waitUntil(lambda: window.summary.text().startswith("9 meetings"), timeout=20000)
    assert window.statusBar().currentMessage() == "Imported Agenda_151.html: " + AGENDA_151_ADDED


def test_an_import_says_what_changed_or_that_it_was_already_up_to_date(qtbot, window, moderngov):
    agenda = str(moderngov / "Agenda_151.html")
    changes = []
    window.worker.store_changed.connect(lambda what, _by: changes.append(what))
    # The same file given twice in one import is read once, and said so.
    with qtbot.waitSignal(window.import_finished, timeout=30000) as finished:
        window.import_files([agenda, agenda])
    assert [r.file for r in finished.args[0].reports] == ["Agenda_151.html"]
    assert window.statusBar().currentMessage() == (
        f"Imported Agenda_151.html: {AGENDA_151_ADDED} Agenda_151.html was given more than once and read once.")
    assert len(changes) == 1
    assert not _messages(window)   # what the page could not give (the minutes cut short) is a notice
    (notice,) = window.notices.notices()
    assert notice.startswith("Check what could not be read")
    assert "Not read from Agenda_151.html: The minutes of item 59 are cut short" in notice
    qtbot.waitUntil(lambda: len(window.meetings) == 9, timeout=20000)
    # Again, unchanged: nothing is written, nothing refreshes, and the window says so.
    with qtbot.waitSignal(window.import_finished, timeout=30000) as finished:
        window.import_files([agenda])
    assert finished.args[0].reports == [] and finished.args[0].unchanged == ["Agenda_151.html"]
    assert window.statusBar().currentMessage() == "Agenda_151.html was already up to date: nothing changed."
    assert len(changes) == 1 and not _messages(window)
    assert len(window.meetings) == 9


def test_a_failed_import_is_a_warning(qtbot, window, tmp_path):
    bad = tmp_path / "agenda.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a PDF at all")
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.import_files([str(bad)])
    (box,) = _messages(window)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == "This document could not be imported:"
    box.close()
