"""Opening the SQLite store and running explicit transactions.

The connection runs in autocommit mode and every write goes through
``transaction()``, an explicit ``BEGIN IMMEDIATE`` ... ``COMMIT``: an import or
an edit either lands whole or leaves the file exactly as it was.  sqlite-utils'
table writes (``db.table(name).insert/update``) wrap themselves in
``db.atomic()``, which inside this transaction is a savepoint (sqlite-utils 4):
they land or roll back with the rest of the unit of work.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import sqlite_utils

from panelbook.store.faults import faults_are_plain

DEFAULT_BUSY_TIMEOUT_S = 10.0
ENV_BUSY_TIMEOUT = "PANELBOOK_BUSY_TIMEOUT_S"
BUSY_MESSAGE = "Another Panelbook is saving to this data folder; try again in a moment."
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


class StoreBusy(Exception):
    """Another Panelbook is writing to this data folder right now."""

    def __init__(self, message: str = BUSY_MESSAGE):
        super().__init__(message)


def busy_timeout_s() -> float:
    """How long a write waits for another Panelbook to finish saving
    ($PANELBOOK_BUSY_TIMEOUT_S overrides the 10 s default; the tests shorten it)."""
    value = os.environ.get(ENV_BUSY_TIMEOUT)
    try:
        return max(0.0, float(value)) if value else DEFAULT_BUSY_TIMEOUT_S
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_S


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` is SQLite saying another connection holds the lock
    ("database is locked"), as opposed to a real fault."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(error).lower()
    return "database is locked" in text or "database table is locked" in text or "database is busy" in text


@contextmanager
def busy_is_store_busy() -> Iterator[None]:
    """Turn SQLite's "database is locked" into StoreBusy and its plain message."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if is_busy(error):
            raise StoreBusy() from error
        raise


class GuardedDatabase(sqlite_utils.Database):
    """A sqlite-utils Database whose every ``transaction()`` first asks ``guard()`` whether
    writing may go ahead (the store open read-only, its folder gone or replaced: the guard
    raises, and nothing is begun)."""

    guard: Callable[[], None] | None = None
    root: Path | None = None      # the data folder, for the sentences of operational faults


def open_database(path: Path | str) -> GuardedDatabase:
    """Open (creating if needed) the store with the pragmas Panelbook relies on."""
    timeout = busy_timeout_s()
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=timeout)
    try:
        with busy_is_store_busy():
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
    except BaseException:
        conn.close()
        raise
    return GuardedDatabase(conn)


def open_for_reading(path: Path, *, exclusive: bool = False) -> GuardedDatabase:
    """Open an existing store for reading only, where writing cannot work (a read-only
    folder, a full disk).  SQLite's read-only mode is tried first; when it cannot make
    its shared-memory file (-shm) and no write-ahead log holds anything, the file is read
    as immutable (nobody can write it meanwhile: the folder or disk will not take it).
    ``exclusive`` (a full disk, a log to read) last keeps the log's index in this
    process's memory instead of the -shm file.  Writes are refused by the Store's guard."""
    wal = Path(str(path) + "-wal")
    wal_empty = not wal.exists() or wal.stat().st_size == 0
    attempts = ["?mode=ro"] + (["?mode=ro&immutable=1"] if wal_empty else []) + (["exclusive"] if exclusive else [])
    last: sqlite3.Error | None = None
    for query in attempts:
        uri = f"file:{path}" + ("" if query == "exclusive" else query)
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=busy_timeout_s())
        try:
            if query == "exclusive":
                conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as error:
            conn.close()
            if is_busy(error):      # another Panelbook holds it: never read around its lock
                raise StoreBusy() from error
            last = error
            continue
        return GuardedDatabase(conn)
    assert last is not None
    raise last


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One all-or-nothing unit of work.  A COMMIT that fails leaves nothing
    half-done behind on the connection: the transaction is rolled back.  A disk
    that is full, read-only or failing comes out as StoreUnavailable and its sentence."""
    root = getattr(db, "root", None)
    with faults_are_plain(root) if root is not None else nullcontext():
        guard = getattr(db, "guard", None)
        if guard is not None:
            guard()
        with _unit_of_work(db.conn):
            yield db


@contextmanager
def _unit_of_work(conn: sqlite3.Connection) -> Iterator[None]:
    with busy_is_store_busy():
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        with busy_is_store_busy():
            conn.execute("COMMIT")
    except BaseException:
        # SQLite may already have rolled back on its own (disk full, I/O error):
        # a second ROLLBACK would hide the real error behind "no transaction is active".
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
