"""Importing several files from the window while the disk runs out (a small tmpfs filled to
the last byte, then a little space freed): each file is written in its own transaction, so
the file that fitted stays imported and the one the disk refused is named with the full-disk
sentence.  Skipped, with the reason, where mounting is not allowed.

The documents are the shared ModernGov samples (../shared/moderngov, sources in its README):
mg_GetMeetings_manchester.xml (a web service's list of meetings, 1 KB) and ZebraCrossing.pdf
(a report, 207 KB).
"""
from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_helpers import close_window, open_window
from fault_mounts import fill, free, mount_unavailable, small_disk
from panelbook.paths import DataFolder

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# Room for the list of meetings and its rows (under 100 KB of a 4 KB-page tmpfs with the WAL's
# growth), not for the report as well (its file, pages and index need over 400 KB more).
ROOM_KB = 250
FIRST = "mg_GetMeetings_manchester.xml"


def _documents(folder):
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT file_name FROM documents WHERE file_name IS NOT NULL"))
    finally:
        conn.close()


@pytest.mark.slow
def test_a_file_the_full_disk_refuses_does_not_undo_the_one_imported_before_it(
        qtbot, tmp_path, sample_folder, moderngov):
    reason = mount_unavailable(tmp_path)
    if reason:
        pytest.skip(reason)
    with small_disk(tmp_path / "disk", 16384) as disk:
        folder = DataFolder(disk / "data")
        shutil.copytree(sample_folder.root, folder.root)
        before = _documents(folder)
        window, worker = open_window(qtbot, folder)
        filler = None
        try:
            qtbot.waitUntil(lambda: not worker.busy, timeout=20000)
            filler = fill(disk)
            os.truncate(filler, os.path.getsize(filler) - ROOM_KB * 1024)
            with qtbot.waitSignal(window.import_finished, timeout=60000) as finished:
                window.import_files([str(moderngov / FIRST), str(moderngov / "ZebraCrossing.pdf")])
            outcome = finished.args[0]
            assert [r.file for r in outcome.reports] == [FIRST]
            assert [name for name, _ in outcome.failures] == ["ZebraCrossing.pdf"]
            assert "full" in outcome.failures[0][1] and "Traceback" not in outcome.failures[0][1]
            assert _documents(folder) == sorted([*before, FIRST])       # kept: not undone
            (box,) = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
            assert box.text().startswith(f"Imported {FIRST}: ")
            assert box.text().endswith("This document could not be imported:")
            assert box.informativeText().startswith("ZebraCrossing.pdf: The disk holding your Panelbook data is full")
            box.close()
            free(filler)
            filler = None
            with qtbot.waitSignal(window.import_finished, timeout=60000) as again:
                window.import_files([str(moderngov / "ZebraCrossing.pdf")])
            assert [r.file for r in again.args[0].reports] == ["ZebraCrossing.pdf"] and not again.args[0].failures
            assert _documents(folder) == sorted([*before, FIRST, "ZebraCrossing.pdf"])
        finally:
            if filler is not None:
                free(filler)
            close_window(qtbot, window, worker)
