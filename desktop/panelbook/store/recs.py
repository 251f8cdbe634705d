"""The recommendations table, read and written one recommendation at a time
(listings are in ``queries``; what an import writes is in ``writer``)."""
from __future__ import annotations

from typing import Any

import sqlite_utils

Row = dict[str, Any]


def recommendation(db: sqlite_utils.Database, rec_id: int) -> Row | None:
    rows = list(db.query("SELECT * FROM recommendations WHERE id = ?", (rec_id,)))
    return rows[0] if rows else None


def status_of(db: sqlite_utils.Database, rec_id: int) -> str | None:
    """The stored status of a recommendation (None if there is no such one)."""
    rows = list(db.query("SELECT status FROM recommendations WHERE id = ?", (rec_id,)))
    return rows[0]["status"] if rows else None


def update_recommendation(db: sqlite_utils.Database, rec_id: int, changes: Row) -> Row:
    """Set ``changes`` on a recommendation; return it as it now is."""
    recs = db.table("recommendations")
    recs.update(rec_id, changes)
    return recs.get(rec_id)


def insert_recommendation(db: sqlite_utils.Database, values: Row) -> Row:
    """Add a recommendation; return it as stored (with its id)."""
    recs = db.table("recommendations")
    recs.insert(values)
    return recs.get(recs.last_rowid)


def item_title(db: sqlite_utils.Database, item_id: int) -> str | None:
    rows = list(db.query("SELECT title FROM items WHERE id = ?", (item_id,)))
    return rows[0]["title"] if rows else None
