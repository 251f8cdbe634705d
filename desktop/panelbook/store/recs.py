"""The recommendations table, read and written one recommendation at a time
(listings are in ``queries``; what an import writes is in ``writer``)."""
from __future__ import annotations

from typing import Any

import sqlite_utils

from panelbook.store.rows import Recommendation, recommendation as as_rec

Row = dict[str, Any]


def recommendation(db: sqlite_utils.Database, rec_id: int) -> Recommendation | None:
    rows = list(db.query("SELECT * FROM recommendations WHERE id = ?", (rec_id,)))
    return as_rec(rows[0]) if rows else None


def status_of(db: sqlite_utils.Database, rec_id: int) -> str | None:
    """The stored status of a recommendation (None if there is no such one)."""
    rows = list(db.query("SELECT status FROM recommendations WHERE id = ?", (rec_id,)))
    return str(rows[0]["status"]) if rows else None


def update_recommendation(db: sqlite_utils.Database, rec_id: int, changes: Row) -> Recommendation:
    """Set ``changes`` on a recommendation; return it as it now is."""
    recs = db.table("recommendations")
    recs.update(rec_id, changes)
    return as_rec(recs.get(rec_id))


def insert_recommendation(db: sqlite_utils.Database, values: Row) -> Recommendation:
    """Add a recommendation; return it as stored (with its id)."""
    recs = db.table("recommendations")
    recs.insert(values)
    return as_rec(recs.get(int(recs.last_rowid or 0)))


def item_title(db: sqlite_utils.Database, item_id: int) -> str | None:
    rows = list(db.query("SELECT title FROM items WHERE id = ?", (item_id,)))
    return str(rows[0]["title"]) if rows else None
