"""A tracker change saved while the disk is full (a small tmpfs filled to the last byte) stays
in the editor, says it is not saved yet, and is saved by itself once space is freed.  Skipped,
with the reason, where mounting is not allowed."""
from __future__ import annotations

import shutil
import sqlite3

import pytest
from test_tracker_place import open_tracker, select

from desktop_helpers import close_window, open_window
from fault_mounts import fill, free, mount_unavailable, small_disk
from panelbook.paths import DataFolder
from panelbook.ui.common.kept_edits import kept_edits

RESPONSE = "Response typed while the disk was full."


def _response(folder, rid):
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT response FROM recommendations WHERE id = ?", (rid,)).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.slow
def test_a_change_made_on_a_full_disk_is_kept_and_saved_when_space_returns(qtbot, tmp_path, sample_folder):
    reason = mount_unavailable(tmp_path)
    if reason:
        pytest.skip(reason)
    with small_disk(tmp_path / "disk", 12288) as disk:
        folder = DataFolder(disk / "data")
        shutil.copytree(sample_folder.root, folder.root)
        window, worker = open_window(qtbot, folder)
        filler = None
        try:
            tracker = open_tracker(qtbot, window)
            rid = tracker.shown_rows()[0]["id"]
            select(qtbot, tracker, rid)
            filler = fill(disk)
            tracker.editor.response.setPlainText(RESPONSE)
            tracker.editor.save_button.click()
            qtbot.waitUntil(lambda: tracker.editor.message.text().startswith("Not saved yet"), timeout=10000)
            assert "full" in tracker.editor.message.text()
            assert tracker.editor.response.toPlainText() == RESPONSE             # kept in the editor
            (edit,) = kept_edits(worker).pending()                               # and named for the close guard
            assert (edit.what, edit.text) == (f"Your change to recommendation {rid}", f"Response: {RESPONSE}")
            assert _response(folder, rid) != RESPONSE
            free(filler)
            filler = None
            with qtbot.waitSignal(tracker.saved, timeout=15000):
                pass
            assert _response(folder, rid) == RESPONSE
            assert not kept_edits(worker).pending()
        finally:
            if filler is not None:
                free(filler)
            close_window(qtbot, window, worker)


@pytest.mark.slow
def test_a_draft_set_aside_on_a_full_disk_is_kept_and_set_aside_when_space_returns(qtbot, tmp_path, sample_folder):
    reason = mount_unavailable(tmp_path)
    if reason:
        pytest.skip(reason)
    with small_disk(tmp_path / "disk", 12288) as disk:
        folder = DataFolder(disk / "data")
        shutil.copytree(sample_folder.root, folder.root)
        window, worker = open_window(qtbot, folder)
        filler = None
        try:
            tracker = open_tracker(qtbot, window)
            tracker.set_view("drafts")
            rid = tracker.shown_rows()[0]["id"]
            select(qtbot, tracker, rid)
            filler = fill(disk)
            tracker.editor.aside_button.click()
            kept = kept_edits(worker)
            qtbot.waitUntil(lambda: bool(kept.pending()), timeout=10000)
            (edit,) = kept.pending()
            assert edit.what == f"Setting draft {rid} aside (not a recommendation)"
            assert tracker.editor.message.text().startswith("Not done yet: The disk holding your Panelbook data is full")
            assert _aside(folder, rid) == 0
            free(filler)
            filler = None
            qtbot.waitUntil(lambda: not kept.pending(), timeout=15000)
            assert _aside(folder, rid) == 1
        finally:
            if filler is not None:
                free(filler)
            close_window(qtbot, window, worker)


def _aside(folder, rid):
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT not_a_recommendation FROM recommendations WHERE id = ?", (rid,)).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_recommendation_added_by_hand_on_a_full_disk_is_kept_and_added_when_space_returns(
        qtbot, tmp_path, sample_folder):
    reason = mount_unavailable(tmp_path)
    if reason:
        pytest.skip(reason)
    wording = "That the Panel receives a report on re-referral rates at its next meeting"
    with small_disk(tmp_path / "disk", 12288) as disk:
        folder = DataFolder(disk / "data")
        shutil.copytree(sample_folder.root, folder.root)
        window, worker = open_window(qtbot, folder)
        filler = None
        try:
            august = next(m["id"] for m in window.meetings if m["date"] == "2024-08-08")
            window.open_meeting(august)
            qtbot.waitUntil(lambda: window.shown_meeting() == august and not worker.busy, timeout=20000)
            window.tools.add_rec_action.trigger()
            dialog = window.tools.dialog
            dialog.text.setPlainText(wording)
            dialog.no_deadline.setChecked(True)
            filler = fill(disk)
            dialog.add_button.click()                       # the dialog closes; the wording must not go with it
            kept = kept_edits(worker)
            qtbot.waitUntil(lambda: bool(kept.pending()), timeout=10000)
            (edit,) = kept.pending()
            assert (edit.what, edit.text) == ("A recommendation added by hand to the meeting of 2024-08-08", wording)
            assert _wordings(folder).count(wording) == 0
            free(filler)
            filler = None
            with qtbot.waitSignal(window.tools.done, timeout=15000):
                pass
            assert _wordings(folder).count(wording) == 1 and not kept.pending()
        finally:
            if filler is not None:
                free(filler)
            close_window(qtbot, window, worker)


def _wordings(folder):
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT text FROM recommendations")]
    finally:
        conn.close()
