"""The open window notices what the command line writes (another process, another connection)
and shows it within two seconds, without a restart: the worker polls PRAGMA data_version."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from desktop_helpers import meeting_on

PERFORMANCE = "Children and Learning - Performance"
TRENDS = "That, to enable trends"


def _panelbook(folder, *args: str) -> None:
    """Run the real command line in its own process on the window's data folder."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (*sys.path,) if p)
    done = subprocess.run([sys.executable, "-m", "panelbook.cli", "--home", str(folder.root), *args],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr


def _show_item(qtbot, window, title: str) -> int:
    window.open_meeting(meeting_on(window, "2024-08-08"))
    place = window.meeting
    qtbot.waitUntil(lambda: place.model.rowCount() > 0, timeout=20000)
    item_id = next(place.model.item(r)["id"] for r in range(place.model.rowCount())
                   if place.model.item(r)["title"] == title)
    with qtbot.waitSignal(place.earlier_recs.loaded, timeout=20000):
        place.select_item(item_id)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    return item_id


def _within_two_seconds(qtbot, condition) -> float:
    started = time.monotonic()
    qtbot.waitUntil(condition, timeout=2000)
    return time.monotonic() - started


def test_a_note_added_on_the_command_line_shows_in_the_window(qtbot, window, sample_folder, sql):
    item_id = _show_item(qtbot, window, PERFORMANCE)
    number = sql.execute("SELECT agenda_number FROM items WHERE id = ?", (item_id,)).fetchone()[0]
    assert not window.meeting.model.marks(item_id).get("notes")
    _panelbook(sample_folder, "note", "add", "2024-08-08", number, "Ask how the trend lines were chosen")
    _within_two_seconds(qtbot, lambda: window.meeting.model.marks(item_id).get("notes") == 1)


def test_a_recommendation_set_on_the_command_line_shows_in_the_window(qtbot, window, sample_folder, sql):
    _show_item(qtbot, window, PERFORMANCE)
    panel = window.meeting.earlier_recs
    assert panel.model.rowCount() == 0
    rec_id = sql.execute("SELECT id FROM recommendations WHERE text LIKE ?", (TRENDS + "%",)).fetchone()[0]
    _panelbook(sample_folder, "recs", "set", str(rec_id), "--status", "awaiting_response")
    _within_two_seconds(qtbot, lambda: [row["id"] for row in panel.model.rows()] == [rec_id])


def test_the_windows_own_writes_are_not_taken_for_another_process(qtbot, window):
    """Only another connection moves data_version: the window's own note is announced once,
    by its StoreOp, and the poll adds nothing."""
    from panelbook.services import markup
    from panelbook.ui.common.store_op import Change, StoreOp

    item_id = _show_item(qtbot, window, PERFORMANCE)
    announced = []
    window.worker.store_changed.connect(lambda changes, who: announced.append(changes))
    StoreOp(window.worker, lambda store: markup.add_note(store, item_id, "Mine"), changes=Change.MARKUP) \
        .run_in_background()
    qtbot.wait(2500)            # more than two polls
    assert announced == [Change.MARKUP]


def test_the_worker_does_not_open_the_store_to_poll(qtbot, sample_folder):
    from panelbook.ui.common.worker import DatabaseWorker

    worker = DatabaseWorker(sample_folder)
    try:
        qtbot.wait(1500)
        assert worker._store is None and not worker.busy
    finally:
        worker.shutdown()
