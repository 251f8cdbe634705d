"""The clerk's corrections in a markup file: written out with the markup they concern,
and merged in on the other computer, where they are laid over that computer's
imports just as they were here.

A correction travels by how the documents name what it corrects (the meeting's
committee and date as the readers gave them, the item's title as the readers gave
it, its agenda number), never by this store's ids.  The steps a merge or a split
brought with it are not written: replaying the merge or split makes them again.
A correction whose meeting or item is not on the other computer yet waits there
with the markup that waits (``markup.keep_pending``).
"""
from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from panelbook.sources.textutil import norm_key
from panelbook.store import correction_overlay, corrections, markup

Row = dict[str, Any]


def _one(db: sqlite_utils.Database, sql: str, args: tuple[Any, ...]) -> Row | None:
    rows = list(db.query(sql, args))
    return rows[0] if rows else None


def _meeting_ref(db: sqlite_utils.Database, meeting_id: int) -> Row:
    """The meeting as the documents name it: its committee and date before any correction of them."""
    first = _one(db, "SELECT reader_key FROM corrections WHERE meeting_id = ? AND reader_key IS NOT NULL "
                 "AND undone_at IS NULL ORDER BY id LIMIT 1", (meeting_id,))
    if first:
        committee_id, day = first["reader_key"].split("|", 1)
    else:
        row = _one(db, "SELECT committee_id, date FROM meetings WHERE id = ?", (meeting_id,))
        assert row is not None
        committee_id, day = row["committee_id"], row["date"]
    name = _one(db, "SELECT name FROM committees WHERE id = ?", (int(committee_id),))
    return {"committee": name["name"] if name else "", "date": day}


def _item_ref(db: sqlite_utils.Database, item_id: int | None) -> Row | None:
    if item_id is None:
        return None
    row = _one(db, "SELECT title, title_key, agenda_number FROM items WHERE id = ?", (item_id,))
    return None if row is None else {"title": row["title"], "title_key": row["title_key"],
                                     "agenda_number": row["agenda_number"]}


def meetings_of_items(db: sqlite_utils.Database, item_ids: set[int]) -> set[int]:
    """The meetings the items belong to."""
    if not item_ids:
        return set()
    marks = ", ".join("?" for _ in item_ids)
    return {r["meeting_id"] for r in db.query(f"SELECT DISTINCT meeting_id FROM items WHERE id IN ({marks})",
                                              list(item_ids))}


def to_export(db: sqlite_utils.Database, meeting_ids: set[int], who: str) -> list[Row]:
    """The corrections of ``meeting_ids`` and every correction ``who`` made, oldest first."""
    rows = db.query("SELECT * FROM corrections ORDER BY at, id")
    out = []
    for row in rows:
        detail = json.loads(row["detail"]) if row["detail"] else {}
        if "by" in detail or (row["meeting_id"] not in meeting_ids and row["who"] != who):
            continue
        record: Row = {"uid": row["uid"], "meeting": _meeting_ref(db, row["meeting_id"]),
                       "item": _item_ref(db, row["item_id"]), "field": row["field"],
                       "value": json.loads(row["value"]) if row["value"] else None,
                       "who": row["who"], "at": row["at"], "undone_at": row["undone_at"]}
        if row["field"] == "merge":
            record["absorbed"] = _item_ref(db, detail.get("absorbed"))
        out.append(record)
    return out


def _find_meeting(db: sqlite_utils.Database, ref: Row) -> int | None:
    for committee in db.query("SELECT id, name FROM committees"):
        if norm_key(committee["name"]) != norm_key(ref["committee"]):
            continue
        moved = correction_overlay.meeting_named_by_readers(db, committee["id"], ref["date"])
        if moved is not None:
            return moved
        row = _one(db, "SELECT id FROM meetings WHERE committee_id = ? AND date = ?", (committee["id"], ref["date"]))
        if row:
            return int(row["id"])
    return None


def _find_item(db: sqlite_utils.Database, meeting_id: int, ref: Row) -> int | None:
    rows = list(db.query("SELECT id, title, title_key, agenda_number FROM items WHERE meeting_id = ? ORDER BY id",
                         (meeting_id,)))
    for test in (lambda r: r["title_key"] == ref.get("title_key"),
                 lambda r: norm_key(r["title"]) == norm_key(ref.get("title")),
                 lambda r: bool(ref.get("agenda_number")) and r["agenda_number"] == ref["agenda_number"]):
        found = [r["id"] for r in rows if test(r)]
        if found:
            return int(found[0])
    return None


def merge_in(db: sqlite_utils.Database, records: list[Row], counts: dict[str, int]) -> None:
    """Merge a markup file's corrections inside the caller's transaction, adding to
    ``counts`` (added, updated, unchanged, no_such_item) as the markup does."""
    for record in records:
        here = _one(db, "SELECT * FROM corrections WHERE uid = ?", (record["uid"],))
        if here is not None:
            if record.get("undone_at") and here["undone_at"] is None:
                corrections.undo(db, here["id"])
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
            continue
        if record.get("undone_at"):
            counts["unchanged"] += 1        # made and undone elsewhere: nothing to lay over here
            continue
        if not _apply(db, record):
            markup.keep_pending(db, "corrections", record["uid"], record | {"updated_at": record["at"]})
            counts["no_such_item"] += 1
            continue
        counts["added"] += 1


def _apply(db: sqlite_utils.Database, record: Row) -> bool:
    """Make the correction here; False when its meeting or item is not here (yet)."""
    meeting_id = _find_meeting(db, record["meeting"])
    if meeting_id is None:
        return False
    item_id = _find_item(db, meeting_id, record["item"]) if record.get("item") else None
    if record.get("item") and item_id is None:
        return False
    field, value, who = record["field"], record.get("value"), record["who"]
    try:
        if item_id is None:
            made = corrections.correct_meeting(db, meeting_id, field, value, who)
        elif field == "merge":
            absorbed = _find_item(db, meeting_id, record.get("absorbed") or {})
            if absorbed is None:
                return False
            made = corrections.merge_items(db, item_id, absorbed, who)
        elif field == "split":
            split: Row = value if isinstance(value, dict) else {}
            made = corrections.split_item(db, item_id, int(split["at_page"]), split["title"], split.get("number"),
                                          who)
        else:
            made = corrections.correct_item(db, item_id, field, value, who)
    except corrections.CorrectionRefused:
        return False
    db.execute("UPDATE corrections SET uid = ?, at = ? WHERE id = ?", (record["uid"], record["at"], made))
    return True
