"""Opening the SQLite store and running explicit transactions.

The connection runs in autocommit mode and every write goes through
``transaction()``, an explicit ``BEGIN IMMEDIATE`` ... ``COMMIT``: an import or
an edit either lands whole or leaves the file exactly as it was.  (sqlite-utils'
own write helpers commit on their own, so writes here are plain SQL; reads use
sqlite-utils' query helpers.)
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 10_000


class StoreBusy(Exception):
    """Another Panelbook is writing to this data folder right now."""


def open_database(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if needed) the store with the pragmas Panelbook relies on."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    db = sqlite_utils.Database(conn)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    return db


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One all-or-nothing unit of work."""
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreBusy(
                "Another Panelbook is saving to this data folder; try again in a moment."
            ) from exc
        raise
    try:
        yield db
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
