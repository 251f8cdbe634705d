"""Leftovers of a recovery that was interrupted are finished or rolled back at the next start,
a missing database beside a damaged copy is restored (never an empty store), and an unclean
shutdown is said once."""
from __future__ import annotations

import shutil

import pytest

from panelbook.paths import data_folder
from panelbook.services.markup import add_note
from panelbook.services.sample import load_sample
from panelbook.store import Store, health
from panelbook.store.faults import StoreUnavailable
from panelbook.store.queries import resolve_item, resolve_meeting
from panelbook.store.store import UNCLEAN_NOTICE

NOTE = "Ask about handovers"


def _folder(tmp_path):
    folder = data_folder(tmp_path / "data")
    with Store.open(folder) as store:
        load_sample(store)
        add_note(store, resolve_item(store.db, resolve_meeting(store.db, "2024-08-08"), "8"), NOTE)
        store.backup_to(folder.backups / "manual-1.sqlite3")
    return folder


def _notes(folder):
    with Store.open(folder, daily_backup=False) as store:
        return [r[0] for r in store.db.execute("SELECT text FROM notes")], store


def test_a_copy_never_renamed_in_is_rolled_back_and_the_database_left_alone(tmp_path):
    folder = _folder(tmp_path)
    before = folder.database.read_bytes()
    health.restoring_path(folder).write_bytes(b"half a copy")          # the copy was cut short
    texts, store = _notes(folder)
    assert texts == [NOTE] and store.recovery is None
    assert not health.restoring_path(folder).exists()
    assert folder.database.read_bytes() == before


def test_a_copy_whose_damaged_database_was_already_moved_aside_is_finished(tmp_path):
    folder = _folder(tmp_path)
    aside = folder.backups / "damaged-20240101-000000"
    aside.mkdir()
    folder.database.replace(aside / folder.database.name)             # moved aside, then the crash
    shutil.copyfile(folder.backups / "manual-1.sqlite3", health.restoring_path(folder))
    texts, store = _notes(folder)
    assert texts == [NOTE]
    assert any("interrupted" in notice and "finished" in notice for notice in store.notices)
    assert not health.restoring_path(folder).exists()


def test_a_missing_database_beside_a_damaged_copy_is_restored_not_started_empty(tmp_path):
    folder = _folder(tmp_path)
    aside = folder.backups / "damaged-20240101-000000"
    aside.mkdir()
    folder.database.replace(aside / folder.database.name)
    texts, store = _notes(folder)
    assert texts == [NOTE]
    assert store.recovery is not None and "restored from the backup of" in store.recovery.message


def test_a_missing_database_beside_a_damaged_copy_and_no_backup_creates_nothing(tmp_path):
    folder = _folder(tmp_path)
    for backup in folder.backups.glob("*.sqlite3"):
        backup.unlink()
    aside = folder.backups / "damaged-20240101-000000"
    aside.mkdir()
    folder.database.replace(aside / folder.database.name)
    with pytest.raises(StoreUnavailable) as raised:
        Store.open(folder)
    assert "damaged copy is kept at" in str(raised.value)
    assert not folder.database.exists()


def test_an_unclean_shutdown_is_said_once(tmp_path):
    folder = _folder(tmp_path)
    (folder.root / "session-999999999").write_text("left by a crash")
    _texts, first = _notes(folder)
    assert UNCLEAN_NOTICE in first.notices
    _texts, second = _notes(folder)
    assert UNCLEAN_NOTICE not in second.notices
