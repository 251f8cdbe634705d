"""The clerk's corrections as the writer lays them over what the documents say.

``store/corrections.py`` records and undoes corrections; this module only reads
the ones in force, so the writer (which it must not import) can apply them
every time it rewrites a meeting or an item: a correction wins over the same
document imported again and over a revised one, and undoing it gives back
what the readers said.  All functions run inside the caller's transaction.
"""
from __future__ import annotations

import json
from typing import Any

import sqlite_utils

MEETING_FIELDS = ("committee", "date", "time", "venue", "status")
ITEM_FIELDS = ("agenda_number", "title", "pages", "confidential")


def in_force(db: sqlite_utils.Database, *, meeting_id: int | None = None,
             item_id: int | None = None) -> dict[str, Any]:
    """Field by field, the newest correction not undone of a meeting (its own
    fields) or of an item: ``{"time": "18:00", "pages": [12, 30], ...}``.  Newest by
    when it was made, so one merged in from another computer never overrides a
    later one made here."""
    if item_id is not None:
        rows = db.query("SELECT field, value FROM corrections WHERE item_id = ? AND undone_at IS NULL "
                        "AND field NOT IN ('merge', 'split') ORDER BY at, id", (item_id,))
    else:
        rows = db.query("SELECT field, value FROM corrections WHERE meeting_id = ? AND item_id IS NULL "
                        "AND undone_at IS NULL ORDER BY at, id", (meeting_id,))
    return {row["field"]: json.loads(row["value"]) for row in rows}


def meeting_values(db: sqlite_utils.Database, meeting_id: int, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (a meeting row's time, venue, status merged from the documents)
    with the clerk's corrections of them laid over."""
    corrected = in_force(db, meeting_id=meeting_id)
    return values | {name: corrected[name] for name in ("time", "venue", "status") if name in corrected}


def item_values(db: sqlite_utils.Database, item_id: int, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (an item row merged from the documents) with the clerk's corrections
    laid over, and ``merged_into`` set when a merge in force hides the item.  The
    title key stays the readers' own, so a re-import still finds the item."""
    corrected = in_force(db, item_id=item_id)
    out = dict(values)
    for name in ("agenda_number", "title"):
        if name in corrected:
            out[name] = corrected[name]
    if "confidential" in corrected:
        out["confidential"] = 1 if corrected["confidential"] else 0
    if "pages" in corrected:
        pages = corrected["pages"]
        out["page_first"], out["page_last"] = (pages[0], pages[1]) if pages else (None, None)
    absorbed_by = [row["item_id"] for row in db.query(
        "SELECT item_id, detail FROM corrections WHERE field = 'merge' AND undone_at IS NULL "
        "AND json_extract(detail, '$.absorbed') = ?", (item_id,))]
    out["merged_into"] = absorbed_by[-1] if absorbed_by else None
    return out


def meeting_named_by_readers(db: sqlite_utils.Database, committee_id: int, day: str) -> int | None:
    """The meeting the readers call committee ``committee_id`` on ``day``, when a
    correction in force has since moved it to another committee or date."""
    rows = list(db.query(
        "SELECT meeting_id FROM corrections WHERE reader_key = ? AND undone_at IS NULL "
        "AND field IN ('committee', 'date') ORDER BY id DESC LIMIT 1", (f"{committee_id}|{day}",)))
    return int(rows[0]["meeting_id"]) if rows else None


def is_corrected(db: sqlite_utils.Database, meeting_id: int, item_id: int | None = None) -> bool:
    """Whether a correction is in force on the meeting (its own fields) or the item."""
    if item_id is None:
        sql, args = "meeting_id = ? AND item_id IS NULL", (meeting_id,)
    else:
        sql, args = "item_id = ?", (item_id,)
    return bool(list(db.query(f"SELECT 1 FROM corrections WHERE {sql} AND undone_at IS NULL LIMIT 1", args)))


def corrected_items(db: sqlite_utils.Database, meeting_id: int) -> set[int]:
    """The items of a meeting with a correction in force (the "corrected" marker)."""
    return {r["item_id"] for r in db.query("SELECT DISTINCT item_id FROM corrections WHERE meeting_id = ? "
                                           "AND item_id IS NOT NULL AND undone_at IS NULL", (meeting_id,))}
