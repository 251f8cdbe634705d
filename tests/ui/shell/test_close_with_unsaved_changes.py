"""Closing the window while the disk refuses a note (a small tmpfs filled to the last byte):
the window does not close over it silently.  It asks; "Keep Panelbook open" keeps it open,
"Try again" closes once the note has landed, "Copy the text and close" puts the text on the
clipboard and in a recovery file outside the full disk.  A note typed just before closing,
whose last save the disk refuses as the window goes, ends in a recovery file too.  Skipped,
with the reason, where mounting is not allowed."""
from __future__ import annotations

import shutil
import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_helpers import close_window, meeting_on, open_window
from fault_mounts import fill, free, mount_unavailable, small_disk
from panelbook.paths import DataFolder

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOTE = "Ask the director why re-referrals rose after the 2023 restructure."
ITEM = "Repeat Child Protection Plans - Analysis"


@pytest.fixture
def on_a_small_disk(qtbot, tmp_path, sample_folder, monkeypatch):
    reason = mount_unavailable(tmp_path)
    if reason:
        pytest.skip(reason)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))     # the recovery folder, on another disk
    with small_disk(tmp_path / "disk", 12288) as disk:
        folder = DataFolder(disk / "data")
        shutil.copytree(sample_folder.root, folder.root)
        yield disk, folder, tmp_path / "state" / "Panelbook" / "unsaved"


def _open_item(qtbot, window):
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, "2024-08-08"))
    item = next(it for it in window.meeting.model.items() if it["title"] == ITEM)
    panel = window.meeting.markup
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        window.meeting.select_item(item["id"])
    window.meeting.show_markup()
    return item, panel


def _refused_note(qtbot, window, disk):
    item, panel = _open_item(qtbot, window)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    filler = fill(disk)
    panel.note.setFocus()
    with qtbot.waitSignal(panel.note.failed, timeout=10000):
        qtbot.keyClicks(panel.note, NOTE)
    qtbot.waitUntil(lambda: bool(panel.kept.pending()), timeout=10000)
    return item, panel, filler


def _notes(folder, item_id):
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT text FROM notes WHERE item_id = ? AND kind = 'note'", (item_id,))]
    finally:
        conn.close()


def _asked(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.close_guard.dialog is not None and window.close_guard.dialog.isVisible())
    return window.close_guard.dialog


@pytest.mark.slow
def test_closing_over_a_refused_note_asks_and_keep_open_keeps_it(qtbot, on_a_small_disk):
    disk, folder, _recovery = on_a_small_disk
    window, worker = open_window(qtbot, folder)
    filler = None
    try:
        item, panel, filler = _refused_note(qtbot, window, disk)
        assert not window.close()                   # refused: the note is not saved
        box = _asked(qtbot, window)
        assert window.isVisible()
        assert box.text() == "One change is not saved yet."
        assert box.informativeText().startswith("The disk holding your Panelbook data is full")
        assert NOTE in box.detailedText() and ITEM in box.detailedText()
        assert box.defaultButton() is window.close_guard.keep_button
        window.close_guard.keep_button.click()
        assert window.isVisible() and panel.note.toPlainText() == NOTE

        free(filler)
        filler = None
        qtbot.waitUntil(lambda: not panel.kept.pending(), timeout=15000)
        assert _notes(folder, item["id"]) == [NOTE]
        assert window.close()                       # nothing kept any more: it closes at once
    finally:
        if filler is not None:
            free(filler)
        close_window(qtbot, window, worker)


@pytest.mark.slow
def test_try_again_closes_the_window_once_the_note_has_landed(qtbot, on_a_small_disk):
    disk, folder, _recovery = on_a_small_disk
    window, worker = open_window(qtbot, folder)
    filler = None
    try:
        item, _panel, filler = _refused_note(qtbot, window, disk)
        window.close()
        _asked(qtbot, window)
        window.close_guard.retry_button.click()     # still full: asked again, still open
        box = _asked(qtbot, window)
        assert box.text() == "Still not saved: one change is not saved yet."
        assert window.isVisible()
        free(filler)
        filler = None
        window.close_guard.retry_button.click()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
        assert _notes(folder, item["id"]) == [NOTE]
    finally:
        if filler is not None:
            free(filler)
        close_window(qtbot, window, worker)


@pytest.mark.slow
def test_copy_the_text_and_close_keeps_the_note_outside_the_full_disk(qtbot, on_a_small_disk):
    disk, folder, recovery = on_a_small_disk
    window, worker = open_window(qtbot, folder)
    filler = None
    try:
        item, _panel, filler = _refused_note(qtbot, window, disk)
        window.close()
        _asked(qtbot, window)
        window.close_guard.copy_button.click()
        qtbot.waitUntil(lambda: getattr(window.close_guard, "last_message", None) is not None, timeout=10000)
        (kept,) = recovery.glob("*.txt")
        assert str(kept) in window.close_guard.last_message.text()
        text = kept.read_text(encoding="utf-8")
        assert NOTE in text and ITEM in text and "full" in text
        assert NOTE in QApplication.clipboard().text()
        assert window.isVisible()                   # until the message naming the file is read
        window.close_guard.last_message.done(0)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
        assert _notes(folder, item["id"]) == []     # the disk is still full: the file holds it
    finally:
        if filler is not None:
            free(filler)
        close_window(qtbot, window, worker)


@pytest.mark.slow
def test_a_note_whose_last_save_is_refused_as_the_window_closes_goes_to_a_recovery_file(qtbot, on_a_small_disk):
    disk, folder, recovery = on_a_small_disk
    window, worker = open_window(qtbot, folder)
    filler = None
    try:
        item, panel = _open_item(qtbot, window)
        qtbot.waitUntil(lambda: not worker.busy, timeout=20000)
        filler = fill(disk)
        panel.note.setFocus()
        panel.note.insertPlainText(NOTE)            # typed, its save still waiting for the pause
        assert panel.note.dirty and not panel.kept.pending()
        assert window.close()                       # nothing refused yet: it closes, saving the note
        worker.shutdown()                           # the last save is refused; its answer still arrives
        (kept,) = recovery.glob("*.txt")
        assert NOTE in kept.read_text(encoding="utf-8")
        assert _notes(folder, item["id"]) == []
    finally:
        if filler is not None:
            free(filler)
        close_window(qtbot, window, worker)
