"""The window under real faults of the disk: a note typed while the disk is full (a small
tmpfs filled to the last byte) stays in its editor, marked unsaved, and saves by itself once
space is freed; a read-only data folder (a read-only bind mount) opens for reading with a
banner saying why nothing can be changed.  Skipped, with the reason, where mounting is not
allowed."""
from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from test_markup_panel import open_item

from desktop_helpers import close_window, open_window
from fault_mounts import fill, free, mount_unavailable, read_only_view, small_disk
from panelbook.paths import DataFolder

# Closing over a note the read-only folder refused asks first (tests/ui/shell/test_close_with_unsaved_changes.py);
# the offscreen platform warns that it cannot pass the message's size hints on.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SHOTS = os.environ.get("PANELBOOK_FAULT_SHOTS")      # a folder to keep the window's pictures in


@pytest.fixture
def mounts(tmp_path):
    reason = mount_unavailable(tmp_path)
    if reason:
        pytest.skip(reason)
    return tmp_path


def _notes(folder, item_id):
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT text FROM notes WHERE item_id = ?", (item_id,))]
    finally:
        conn.close()


def _shot(qtbot, window, name):
    if SHOTS:
        qtbot.wait(200)         # let the layout catch up with the labels' new text
        window.grab().save(os.path.join(SHOTS, name))


@pytest.mark.slow
def test_a_note_typed_on_a_full_disk_stays_unsaved_and_saves_itself_when_space_returns(
        qtbot, mounts, sample_folder):
    with small_disk(mounts / "disk", 12288) as disk:
        folder = DataFolder(disk / "data")
        shutil.copytree(sample_folder.root, folder.root)
        window, worker = open_window(qtbot, folder)
        filler = None
        try:
            item, panel = open_item(qtbot, window)
            filler = fill(disk)
            panel.note.setFocus()
            with qtbot.waitSignal(panel.note.failed, timeout=10000):
                qtbot.keyClicks(panel.note, "Ask why re-referrals rose")
            assert panel.note.toPlainText() == "Ask why re-referrals rose"      # never dropped
            assert panel.note.dirty and panel.note.waiting_for_the_disk
            assert panel.note_status.text().startswith("Not saved yet")
            assert any("full" in text and "kept" in text for text in window.notices.notices())
            _shot(qtbot, window, "note-on-a-full-disk.png")
            assert _notes(folder, item["id"]) == []
            free(filler)
            filler = None
            with qtbot.waitSignal(panel.note.saved, timeout=15000):
                pass
            assert _notes(folder, item["id"]) == ["Ask why re-referrals rose"]
            assert panel.note_status.text() == "Saved" and not panel.note.dirty
        finally:
            if filler is not None:
                free(filler)
            close_window(qtbot, window, worker)


@pytest.mark.slow
def test_a_read_only_data_folder_opens_for_reading_with_a_banner(qtbot, mounts, sample_folder):
    with read_only_view(sample_folder.root, mounts / "view") as view:
        folder = DataFolder(view)
        window, worker = open_window(qtbot, folder)
        try:
            assert len(window.meetings) > 0                               # reading works
            qtbot.waitUntil(lambda: any("read-only" in t for t in window.notices.notices()), timeout=10000)
            assert window.notices.isVisible()
            _item, panel = open_item(qtbot, window)
            panel.note.setFocus()
            with qtbot.waitSignal(panel.note.failed, timeout=10000):
                qtbot.keyClicks(panel.note, "Typed on a read-only folder")
            assert panel.note.toPlainText() == "Typed on a read-only folder"
            assert panel.note.dirty
            _shot(qtbot, window, "read-only-folder.png")
            from PySide6.QtWidgets import QApplication, QMessageBox

            assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        finally:
            close_window(qtbot, window, worker)
