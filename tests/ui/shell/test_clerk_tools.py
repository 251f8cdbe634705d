"""The Tools menu on the sample panel: Back up now, Restore from backup (checked first, the
question naming when it was taken, the database replaced kept aside), Remove the sample panel
(asking about the member's own markup, exporting it first when asked), and the history of a
recommendation reached by keyboard.  Questions and file choices are answered by the test."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from panelbook.ui.shell.clerk_tools import EXPORT_FIRST, KEEP, REMOVE_ALL, when_text
from panelbook.ui.shell.places import Place

SIZE_HINTS = "This plugin does not support propagateSizeHints"     # a message box on the offscreen platform


def count(folder, table: str, where: str = "1") -> int:
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]
    finally:
        conn.close()


def answering(tools, *answers: str) -> list[str]:
    """Answer the tools' questions in turn; the questions asked are collected."""
    asked: list[str] = []
    queue = list(answers)

    def ask(_parent, _title, text, choices):
        asked.append(text)
        assert queue, f"an unexpected question: {text}"
        answer = queue.pop(0)
        assert answer in [a for a, _label in choices]
        return answer

    tools.ask = ask
    return asked


def told(qtbot, tools, action) -> str:
    with qtbot.waitSignal(tools.done, timeout=20000) as said:
        action()
    return said.args[0]


def add_note(qtbot, window, text: str) -> None:
    from panelbook.services import markup
    from panelbook.store import queries

    def write(store):
        august = next(m["id"] for m in queries.meetings(store.db) if m["date"] == "2024-08-08")
        return markup.add_note(store, queries.agenda(store.db, august)["items"][0]["id"], text)

    done = []
    window.worker.submit(write, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)


def warnings_shown(window) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_back_up_now_writes_a_verified_copy_in_the_backups_folder(qtbot, window, sample_folder):
    from panelbook.store.backup import verify_backup

    said = told(qtbot, window.tools, window.tools.backup_action.trigger)
    backups = sorted(sample_folder.backups.glob("manual-*.sqlite3"))
    assert len(backups) == 1
    assert said == f"Backed up to {backups[0]}."
    verify_backup(backups[0])
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == count(sample_folder, "meetings")
    conn.close()


def test_restore_names_the_backups_date_and_brings_back_what_it_held(qtbot, window, sample_folder):
    from panelbook.services.backup import taken_at

    told(qtbot, window.tools, window.tools.backup_action.trigger)
    backup = next(sample_folder.backups.glob("manual-*.sqlite3"))
    add_note(qtbot, window, "Written after the backup")
    assert count(sample_folder, "notes", "text = 'Written after the backup'") == 1

    asked = answering(window.tools, KEEP)          # Cancel first: nothing changes
    window.tools.ask_open = lambda _parent, folder: backup if folder == sample_folder.backups else None
    window.tools.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)
    assert f"Restore the backup taken on {when_text(taken_at(backup))} ({backup.name})?" in asked[0]
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    assert count(sample_folder, "notes", "text = 'Written after the backup'") == 1

    answering(window.tools, REMOVE_ALL)
    said = told(qtbot, window.tools, window.tools.restore_action.trigger)
    assert said.startswith(f"Restored the backup taken on {when_text(taken_at(backup))}.")
    assert count(sample_folder, "notes", "text = 'Written after the backup'") == 0
    kept = next(sample_folder.backups.glob("replaced-by-restore-*.sqlite3"))
    assert str(kept) in said
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT count(*) FROM notes WHERE text = 'Written after the backup'").fetchone()[0] == 1
    conn.close()
    # the window works on the restored store: a note written now lands in it
    add_note(qtbot, window, "Written after the restore")
    assert count(sample_folder, "notes", "text = 'Written after the restore'") == 1


@pytest.mark.qt_log_ignore(SIZE_HINTS)
def test_a_file_that_is_no_backup_is_refused_before_any_question(qtbot, window, sample_folder, tmp_path):
    not_a_backup = Path(__file__)       # a Python file, as a clerk might pick by mistake
    before = sample_folder.database.read_bytes()
    asked = answering(window.tools)
    window.tools.restore_from(not_a_backup)
    qtbot.waitUntil(lambda: bool(warnings_shown(window)), timeout=20000)
    assert warnings_shown(window) == [f"{not_a_backup.name} is not a Panelbook backup (not an SQLite database)."]
    assert asked == []
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    assert count(sample_folder, "meetings") > 0
    assert not list(sample_folder.backups.glob("replaced-by-restore-*"))
    assert len(sample_folder.database.read_bytes()) == len(before)


def test_removing_the_sample_offers_to_export_the_members_markup_first(qtbot, window, sample_folder, tmp_path):
    add_note(qtbot, window, "My own note on the sample")
    meetings = count(sample_folder, "meetings", "sample = 1")
    assert meetings > 0

    asked = answering(window.tools, KEEP)
    window.tools.remove_sample_action.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)
    assert "The sample panel holds your markup (1 note and questions)" in asked[0]
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    assert count(sample_folder, "meetings", "sample = 1") == meetings       # Cancel removed nothing

    exported = tmp_path / "my-markup.json"
    answering(window.tools, EXPORT_FIRST)
    window.tools.ask_save = lambda _parent, _suggested: exported
    said = told(qtbot, window.tools, window.tools.remove_sample_action.trigger)
    assert said == f"Removed the sample panel ({meetings} meetings). Your markup on it is in {exported}."
    assert count(sample_folder, "meetings", "sample = 1") == 0
    assert [n["text"] for n in json.loads(exported.read_text())["notes"]] == ["My own note on the sample"]
    qtbot.waitUntil(lambda: not window.meetings, timeout=20000)     # the window follows

    answering(window.tools)
    assert told(qtbot, window.tools, window.tools.remove_sample_action.trigger) == "There is no sample panel to remove."


def test_a_removed_sample_is_not_loaded_again_at_the_next_start(qtbot, tmp_path):
    from desktop_helpers import close_window
    from panelbook.paths import data_folder
    from panelbook.services import sample
    from panelbook.store import Store
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.shell.main_window import MainWindow

    folder = data_folder(tmp_path / "data")
    with Store.open(folder) as store:
        sample.load_sample(store)
        sample.remove_sample(store)
    worker = DatabaseWorker(folder)
    window = MainWindow(worker)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.meetings_loaded, timeout=20000):
        window.start(load_sample_if_empty=True)
    assert window.meetings == []
    close_window(qtbot, window, worker)
    with Store.open(folder) as store:          # loaded again on purpose, it is offered again
        sample.load_sample(store)
        assert sample.wanted(store)


def test_history_of_the_chosen_recommendation_by_keyboard(qtbot, window):
    qtbot.waitUntil(lambda: window.is_built(Place.TRACKER), timeout=20000)
    window.go(Place.TRACKER)
    tracker = window.tracker
    qtbot.waitUntil(lambda: tracker.model.rowCount() > 0, timeout=20000)
    window.tools.history_action.trigger()
    if tracker.current_id() is None:
        assert "Choose a recommendation" in window.statusBar().currentMessage()
        tracker.table.setFocus()
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(tracker.table, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: tracker.current_id() is not None, timeout=5000)
        window.tools.history_action.trigger()
    focused = QApplication.focusWidget()
    assert focused is not None and focused.accessibleName() == "History of the recommendation"
    assert window.place() == Place.TRACKER
