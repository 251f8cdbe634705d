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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

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


def open_database(path: Path | str) -> sqlite_utils.Database:
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
    return sqlite_utils.Database(conn)


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One all-or-nothing unit of work.  A COMMIT that fails leaves nothing
    half-done behind on the connection: the transaction is rolled back."""
    conn = db.conn
    with busy_is_store_busy():
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        with busy_is_store_busy():
            conn.execute("COMMIT")
    except BaseException:
        # SQLite may already have rolled back on its own (disk full, I/O error):
        # a second ROLLBACK would hide the real error behind "no transaction is active".
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
