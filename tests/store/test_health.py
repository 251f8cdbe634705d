"""Damage on purpose: garbage in the database, the WAL and the backups; stale sessions; rotation."""
import os
import time
from datetime import date, timedelta

import pytest

from panelbook.paths import data_folder
from panelbook.services.markup import add_note
from panelbook.services.sample import load_sample
from panelbook.store import Store, health
from panelbook.store.faults import StoreReadOnly, StoreUnavailable
from panelbook.store.queries import notes, resolve_item, resolve_meeting


def _store_with_a_note(tmp_path, text="Ask about handovers"):
    folder = data_folder(tmp_path / "data")
    with Store.open(folder) as store:
        load_sample(store)
        meeting = resolve_meeting(store.db, "2024-08-08")
        add_note(store, resolve_item(store.db, meeting, "8"), text)
        store.backup_to(folder.backups / "manual-1.sqlite3")
    return folder


def _notes(folder):
    with Store.open(folder, daily_backup=False) as store:
        return [n["text"] for n in notes(store.db, resolve_meeting(store.db, "2024-08-08"))], store.recovery


def _scribble(path, offset=4096, size=8192):
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(os.urandom(size))


def test_garbage_in_the_database_is_recovered_from_the_newest_backup(tmp_path):
    folder = _store_with_a_note(tmp_path)
    _scribble(folder.database, offset=0, size=100)          # the header too: not a database any more
    texts, recovery = _notes(folder)
    assert texts == ["Ask about handovers"]
    assert recovery is not None and "restored from the backup of" in recovery.message
    assert recovery.damaged_copy.exists()                   # nothing silently discarded


def test_damage_inside_the_file_is_found_by_the_check(tmp_path):
    folder = _store_with_a_note(tmp_path)
    size = folder.database.stat().st_size
    _scribble(folder.database, offset=size // 2, size=size // 4)
    problem = health.check_database(folder.database, full=True)
    assert problem is not None
    texts, recovery = _notes(folder)
    assert texts == ["Ask about handovers"] and recovery is not None


def test_a_corrupt_newest_backup_is_passed_over_for_an_older_good_one(tmp_path):
    folder = _store_with_a_note(tmp_path)
    newest = folder.backups / "manual-2.sqlite3"
    newest.write_bytes(b"SQLite format 3\x00" + os.urandom(50000))
    later = time.time() + 60
    os.utime(newest, (later, later))
    folder.database.write_bytes(os.urandom(65536))
    texts, recovery = _notes(folder)
    assert texts == ["Ask about handovers"]
    assert recovery.restored_from.name != "manual-2.sqlite3"


def test_no_backup_at_all_never_starts_an_empty_store_beside_the_damaged_file(tmp_path):
    folder = data_folder(tmp_path / "data")
    folder.ensure()
    folder.database.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreUnavailable) as raised:
        Store.open(folder)
    message = str(raised.value)
    assert "no backup could replace it" in message and str(folder.database) in message
    assert folder.database.read_bytes() == b"this is not a database" * 100     # not moved, not emptied
    assert not health.damaged_copies(folder)


def test_damage_with_no_backup_opens_read_only_and_refuses_writes(tmp_path):
    folder = _store_with_a_note(tmp_path)
    for backup in folder.backups.glob("*.sqlite3"):
        backup.unlink()
    _damage_an_index(folder)
    with Store.open(folder, daily_backup=False) as store:
        assert store.recovery is not None and store.recovery.restored_from is None
        assert store.read_only is not None and "no backup could replace it" in store.read_only
        meeting = resolve_meeting(store.db, "2024-08-08")
        assert [r[0] for r in store.db.execute("SELECT text FROM notes")] == ["Ask about handovers"]
        with pytest.raises(StoreReadOnly):
            add_note(store, resolve_item(store.db, meeting, "8"), "more")
    assert health.check_database(folder.database, full=True) is not None      # still where it was


def _damage_an_index(folder):
    """Give the store an index of its own and scribble over that index's page: quick_check
    fails, while every table Panelbook reads is intact."""
    import sqlite3

    conn = sqlite3.connect(folder.database, isolation_level=None)
    conn.execute("CREATE TABLE scratch (x TEXT)")
    conn.executemany("INSERT INTO scratch VALUES (?)", [(f"row {i}",) for i in range(200)])
    conn.execute("CREATE INDEX scratch_x ON scratch (x)")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'scratch_x'").fetchone()[0]
    conn.close()
    _scribble(folder.database, offset=(root - 1) * page_size, size=64)


def test_garbage_in_the_wal_never_makes_the_store_unreadable(tmp_path):
    folder = _store_with_a_note(tmp_path)
    store = Store.open(folder, daily_backup=False)
    meeting = resolve_meeting(store.db, "2024-08-08")
    add_note(store, resolve_item(store.db, meeting, "7"), "second note")
    wal = folder.database.with_name(folder.database.name + "-wal")
    # Simulate a crash: copy the files as they are on disk while the store is open, then spoil the WAL.
    crashed = data_folder(tmp_path / "crashed").ensure()
    for suffix in ("", "-wal"):
        source = folder.database.with_name(folder.database.name + suffix)
        if source.exists():
            (crashed.root / source.name).write_bytes(source.read_bytes())
    store.close()
    crashed_wal = crashed.root / wal.name
    if crashed_wal.exists() and crashed_wal.stat().st_size > 100:
        _scribble(crashed_wal, offset=32, size=min(4096, crashed_wal.stat().st_size - 32))
    assert health.check_database(crashed.database, full=True) is None
    with Store.open(crashed, daily_backup=False) as reopened:
        assert reopened.recovery is None
        reopened.db.execute("SELECT count(*) FROM notes").fetchone()


def test_a_stale_session_marker_triggers_the_full_check(tmp_path, monkeypatch):
    folder = _store_with_a_note(tmp_path)
    (folder.root / "session-999999999").write_text("left by a crash")
    calls = []
    real = health.check_database
    monkeypatch.setattr(health, "check_database", lambda path, full: calls.append(full) or real(path, full))
    _texts, recovery = _notes(folder)
    assert calls == [True] and recovery is None
    assert not (folder.root / "session-999999999").exists()
    _notes(folder)
    assert calls == [True, False]


def test_daily_backups_rotate_7_daily_4_weekly_6_monthly_and_spare_the_others(tmp_path):
    folder = data_folder(tmp_path / "data").ensure()
    folder.backups.mkdir(parents=True)
    today = date(2026, 11, 23)
    for back in range(0, 400):
        (folder.backups / f"auto-{(today - timedelta(days=back)).isoformat()}.sqlite3").write_text("x")
    (folder.backups / "before-migration-v1-to-v2-20200101-000000.sqlite3").write_text("x")
    (folder.backups / "manual-20200101-000000.sqlite3").write_text("x")
    health.rotate(folder, today)
    kept = sorted(p.name for p in folder.backups.glob("auto-*"))
    days = [date.fromisoformat(name[5:15]) for name in kept]
    assert all((today - timedelta(days=n)) in days for n in range(7))
    assert len(kept) <= 7 + 4 + 6
    assert min(days) >= today - timedelta(days=31 * 6)
    assert (folder.backups / "before-migration-v1-to-v2-20200101-000000.sqlite3").exists()
    assert (folder.backups / "manual-20200101-000000.sqlite3").exists()


def test_a_day_backup_is_taken_once_the_store_holds_something(tmp_path):
    folder = data_folder(tmp_path / "data")
    with Store.open(folder) as store:
        assert store.take_daily_backup(date(2026, 11, 23)) is None       # empty: nothing to keep
        load_sample(store)
        assert store.take_daily_backup(date(2026, 11, 23)).name == "auto-2026-11-23.sqlite3"
        assert store.take_daily_backup(date(2026, 11, 23)) is None       # once a day


def test_cloud_folders_are_warned_about(tmp_path):
    assert health.location_warning(tmp_path / "Dropbox" / "panelbook") is not None
    assert health.location_warning(tmp_path / "plain" / "panelbook") is None
