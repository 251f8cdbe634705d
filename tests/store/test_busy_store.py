"""Another program is saving to the data folder: the command line waits for it,
or gives up with one plain line; never "database is locked", never a traceback,
and a locked database is never taken for a damaged one."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from panelbook.paths import DataFolder, sample_dir
from panelbook.services.sample import load_sample
from panelbook.store import Store, StoreBusy, transaction
from panelbook.store.db import DEFAULT_BUSY_TIMEOUT_S, busy_timeout_s

BUSY_LINE = "panelbook: Another Panelbook is saving to this data folder; try again in a moment.\n"
PACK = sample_dir() / "2024-08-08 agenda pack (rebuilt).pdf"

# Holds a write transaction on the database until it has held it for HOLD
# seconds (then commits) or is killed.  EXCLUSIVE: SQLite's exclusive locking
# mode, in which not even readers get in (a program working on the file directly).
HOLDER = """
import sqlite3, sys, time
path, hold, exclusive = sys.argv[1], float(sys.argv[2]), sys.argv[3] == "1"
conn = sqlite3.connect(path, isolation_level=None)
if exclusive:
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE" if exclusive else "BEGIN IMMEDIATE")
conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('held', 'by another program')")
print("HELD", flush=True)
time.sleep(hold)
conn.execute("COMMIT")
print("RELEASED", time.time(), flush=True)
"""


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("busy") / "template"
    with Store.open(DataFolder(home), daily_backup=False) as store:
        load_sample(store)
    return home


@pytest.fixture
def folder(prepared, tmp_path) -> DataFolder:
    home = tmp_path / "data"
    shutil.copytree(prepared, home)
    return DataFolder(home)


@pytest.fixture
def hold(folder):
    """hold(seconds, exclusive=False): start a process holding the write lock; killed at the end."""
    started = []

    def start(seconds: float, exclusive: bool = False) -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder.database), str(seconds),
                                 "1" if exclusive else "0"], stdout=subprocess.PIPE, text=True)
        started.append(proc)
        assert proc.stdout.readline().strip() == "HELD"
        return proc

    yield start
    for proc in started:
        proc.kill()
        proc.wait()
        proc.stdout.close()


def cli(folder: DataFolder, *args: str, timeout_s: float) -> tuple[subprocess.CompletedProcess, float]:
    """Run the real command line in its own process; return its result and the time it finished."""
    env = {**os.environ, "PANELBOOK_BUSY_TIMEOUT_S": str(timeout_s), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "panelbook.cli", "--home", str(folder.root), *args],
                          capture_output=True, text=True, env=env, timeout=60)
    return done, time.time()


def count(folder: DataFolder, sql: str) -> int:
    conn = sqlite3.connect(folder.database)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _files(folder: DataFolder) -> list[str]:
    """Every file in the data folder but session markers and SQLite's own -wal / -shm."""
    return sorted(str(p.relative_to(folder.root)) for p in folder.root.rglob("*")
                  if not p.name.startswith("session-") and not p.name.endswith(("-wal", "-shm")))


def test_a_note_waits_for_the_other_program_and_then_saves(folder, hold):
    holder = hold(1.5)
    done, finished = cli(folder, "note", "add", "2024-08-08", "8", "Ask about the waiting list", timeout_s=20)
    released = float(holder.stdout.readline().split()[1])
    assert (done.returncode, done.stderr) == (0, "")
    assert finished > released          # it waited for the lock rather than failing or skipping it
    assert count(folder, "SELECT count(*) FROM notes WHERE text = 'Ask about the waiting list'") == 1
    assert count(folder, "SELECT count(*) FROM settings WHERE key = 'held'") == 1    # the other write landed too


@pytest.mark.parametrize("args", [
    ("import", str(PACK)),
    ("note", "add", "2024-08-08", "8", "Ask about the waiting list"),
    ("recs", "set", "1", "--response", "An answer"),
    ("sample",),
], ids=["import", "note", "recs-set", "sample"])
def test_a_write_that_cannot_wait_any_longer_says_so_in_one_line(folder, hold, args):
    before = [count(folder, f"SELECT count(*) FROM {table}") for table in ("documents", "notes", "rec_history")]
    hold(30)
    started = time.time()
    done, finished = cli(folder, *args, timeout_s=0.5)
    assert (done.returncode, done.stderr) == (1, BUSY_LINE)
    assert finished - started < 10       # the configured timeout, not SQLite's or the 10 s default
    after = [count(folder, f"SELECT count(*) FROM {table}") for table in ("documents", "notes", "rec_history")]
    assert after == before


def test_a_database_locked_even_against_readers_is_busy_not_damaged(folder, hold):
    """The start-up check cannot read a database held in exclusive mode.  That
    once counted as damage: the database in use was moved aside and replaced
    by a backup.  It must say busy and touch nothing."""
    with Store.open(folder) as store:                 # the day's backup: something to "recover" from
        store.backup_to(folder.backups / "manual.sqlite3")
    files_before = _files(folder)
    holder = hold(1.0, exclusive=True)
    done, _ = cli(folder, "meetings", timeout_s=0.3)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", BUSY_LINE)
    holder.wait(timeout=10)
    assert _files(folder) == files_before
    assert not list(folder.backups.glob("damaged-*"))
    assert count(folder, "SELECT count(*) FROM settings WHERE key = 'held'") == 1   # its write is in the store


def test_a_write_outside_a_transaction_that_meets_the_lock_is_store_busy(folder, hold, monkeypatch):
    monkeypatch.setenv("PANELBOOK_BUSY_TIMEOUT_S", "0.2")
    store = Store.open(folder)
    hold(30)
    busy = r"^Another Panelbook is saving to this data folder; try again in a moment.$"
    with pytest.raises(StoreBusy, match=busy), store:
        store.db.execute("INSERT INTO settings (key, value) VALUES ('profile_name', 'Cllr Bell')")
    with Store.open(folder) as store, pytest.raises(StoreBusy), transaction(store.db):
        pass


def test_store_open_with_a_lock_held_still_opens_for_reading(folder, hold, monkeypatch):
    monkeypatch.setenv("PANELBOOK_BUSY_TIMEOUT_S", "0.2")
    hold(30)
    with Store.open(folder) as store:       # checks, migration check and the day's backup only read
        assert store.recovery is None
        assert store.db.execute("SELECT count(*) FROM meetings").fetchone()[0] == 8
    assert [p.name for p in folder.backups.glob("auto-*.sqlite3")]


def test_the_busy_timeout_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("PANELBOOK_BUSY_TIMEOUT_S", raising=False)
    assert busy_timeout_s() == DEFAULT_BUSY_TIMEOUT_S == 10.0
    monkeypatch.setenv("PANELBOOK_BUSY_TIMEOUT_S", "0.25")
    assert busy_timeout_s() == 0.25
    monkeypatch.setenv("PANELBOOK_BUSY_TIMEOUT_S", "soon")
    assert busy_timeout_s() == 10.0
