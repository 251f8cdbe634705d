"""The clerk's corrections of a meeting or an item a reader got wrong: user work.

A correction is a row of ``corrections`` (who, when, the field, what the readers
said and the corrected value); the writer lays every correction in force over
what the documents say (``correction_overlay``), so importing the same document
again, or a revised one, never undoes it.  Undoing marks the row undone (it
stays in the history) and gives the field back to what the readers say.

A meeting's committee and date are its identity: correcting them moves the
meeting (refused onto a meeting that already exists) and remembers how the
readers named it, so their next import still finds it.  A merge keeps the
absorbed item out of sight (``items.merged_into``) with its user work moved to
the item it joined; a split makes a new item from the pages after a page of
another.  Checking the request is the caller's (``services/corrections``); the
functions here raise ``CorrectionRefused`` only for what the store alone knows.
All functions run inside the caller's transaction.
"""
from __future__ import annotations

import json
import uuid
from typing import Any

import sqlite_utils

from panelbook.sources.textutil import norm_key
from panelbook.store import correction_overlay, indexer
from panelbook.store.writer import now_iso, refresh_item, refresh_meeting, upsert_committee

Row = dict[str, Any]


class CorrectionRefused(ValueError):
    """A correction the store cannot take, in one sentence."""


def _one(db: sqlite_utils.Database, sql: str, args: tuple[Any, ...]) -> Row | None:
    rows = list(db.query(sql, args))
    return rows[0] if rows else None


def _insert(db: sqlite_utils.Database, values: Row) -> int:
    table = db.table("corrections")
    table.insert({"uid": str(uuid.uuid4()), "at": now_iso(), **values})
    return int(table.last_rowid or 0)


def _reader_item_value(db: sqlite_utils.Database, item: Row, name: str) -> Any:
    if name == "pages":
        return [item["page_first"], item["page_last"]] if item["page_first"] is not None else None
    if name == "confidential":
        return bool(item["confidential"])
    return item[name]


# -- a meeting ----------------------------------------------------------------


def correct_meeting(db: sqlite_utils.Database, meeting_id: int, field: str, value: Any, who: str) -> int:
    """Correct one of a meeting's fields (``committee`` a name, ``date`` ISO, ``time``
    HH:MM or None, ``venue`` or None, ``status``); return the correction's id."""
    meeting = _one(db, "SELECT m.*, c.name AS committee, c.council FROM meetings m "
                   "JOIN committees c ON c.id = m.committee_id WHERE m.id = ?", (meeting_id,))
    if meeting is None:
        raise CorrectionRefused("That meeting is not in the store.")
    reader_key = None
    if field in ("committee", "date"):
        reader_key = _reader_key(db, meeting)
        committee_id = meeting["committee_id"]
        day = meeting["date"]
        if field == "committee":
            committee_id = upsert_committee(db, value, meeting["council"])
        else:
            day = value
        _move(db, meeting, committee_id, day)
    reader_value = meeting[field]
    correction = _insert(db, {"meeting_id": meeting_id, "item_id": None, "field": field,
                              "value": json.dumps(value), "reader_value": json.dumps(reader_value),
                              "reader_key": reader_key, "who": who})
    refresh_meeting(db, meeting_id)
    indexer.reindex_meeting(db, meeting_id)
    return correction


def _reader_key(db: sqlite_utils.Database, meeting: Row) -> str:
    """How the readers name the meeting: kept from its first identity correction in force."""
    earlier = _one(db, "SELECT reader_key FROM corrections WHERE meeting_id = ? AND reader_key IS NOT NULL "
                   "AND undone_at IS NULL ORDER BY id LIMIT 1", (meeting["id"],))
    return earlier["reader_key"] if earlier else f"{meeting['committee_id']}|{meeting['date']}"


def _move(db: sqlite_utils.Database, meeting: Row, committee_id: int, day: str) -> None:
    if committee_id == meeting["committee_id"] and day == meeting["date"]:
        return
    clash = _one(db, "SELECT m.id, c.name FROM meetings m JOIN committees c ON c.id = m.committee_id "
                 "WHERE m.committee_id = ? AND m.date = ? AND m.id != ?", (committee_id, day, meeting["id"]))
    if clash is not None:
        raise CorrectionRefused(
            f"There is already a meeting of {clash['name']} on {day} (id {clash['id']}); "
            "correct that one instead, or give another date.")
    db.execute("UPDATE meetings SET committee_id = ?, date = ? WHERE id = ?", (committee_id, day, meeting["id"]))


# -- an item ------------------------------------------------------------------


def item_row(db: sqlite_utils.Database, item_id: int) -> Row:
    row = _one(db, "SELECT * FROM items WHERE id = ?", (item_id,))
    if row is None:
        raise CorrectionRefused("That item is not in the store.")
    return row


def correct_item(db: sqlite_utils.Database, item_id: int, field: str, value: Any, who: str) -> int:
    """Correct one of an item's fields (``agenda_number``, ``title``, ``pages`` as
    [first, last] or None, ``confidential``); return the correction's id."""
    item = item_row(db, item_id)
    correction = _insert(db, {"meeting_id": item["meeting_id"], "item_id": item_id, "field": field,
                              "value": json.dumps(value),
                              "reader_value": json.dumps(_reader_item_value(db, item, field)), "who": who})
    _refresh_items(db, item["meeting_id"], [item_id])
    return correction


def _refresh_items(db: sqlite_utils.Database, meeting_id: int, item_ids: list[int]) -> None:
    for item_id in item_ids:
        refresh_item(db, item_id)
    place_pages(db, meeting_id)
    indexer.reindex_meeting(db, meeting_id)


def pack_page_span(db: sqlite_utils.Database, meeting_id: int) -> tuple[int, int] | None:
    """The first and last printed page of the meeting's agenda pack, when one is stored."""
    row = _one(db, "SELECT min(p.printed) AS first, max(p.printed) AS last FROM pages p JOIN documents d "
               "ON d.id = p.document_id WHERE d.meeting_id = ? AND d.kind = 'agenda_pack' AND p.printed IS NOT NULL",
               (meeting_id,))
    return (int(row["first"]), int(row["last"])) if row and row["first"] is not None else None


def place_pages(db: sqlite_utils.Database, meeting_id: int) -> None:
    """Give each page of the meeting's documents the item whose printed range holds it
    (after a correction of pages, a merge or a split)."""
    ranges = list(db.query("SELECT id, page_first, page_last FROM items WHERE meeting_id = ? AND "
                           "page_first IS NOT NULL AND merged_into IS NULL ORDER BY id", (meeting_id,)))
    for page in list(db.query("SELECT p.id, p.printed, p.item_id FROM pages p JOIN documents d ON d.id = p.document_id "
                              "WHERE d.meeting_id = ?", (meeting_id,))):
        printed = page["printed"]
        owner = next((r["id"] for r in ranges if printed is not None and r["page_first"] <= printed <= r["page_last"]),
                     None)
        if owner != page["item_id"]:
            db.execute("UPDATE pages SET item_id = ? WHERE id = ?", (owner, page["id"]))


_USER_WORK = (("notes", "item_id"), ("highlights", "item_id"), ("recommendations", "item_id"))


def _move_user_work(db: sqlite_utils.Database, source: int, target: int) -> dict[str, list[int]]:
    """Move notes, highlights, recommendations and flags from item ``source`` to ``target``
    (a flag the target already has from the same member is kept); return the ids of the
    notes, highlights and recommendations moved, so an undo can move them back."""
    moved: dict[str, list[int]] = {}
    for table, column in _USER_WORK:
        ids = [r["id"] for r in db.query(f"SELECT id FROM {table} WHERE {column} = ?", (source,))]
        if ids:
            db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (target, source))
        moved[table] = ids
    db.execute("UPDATE OR IGNORE item_marks SET item_id = ? WHERE item_id = ?", (target, source))
    db.execute("DELETE FROM item_marks WHERE item_id = ?", (source,))
    return moved


def _move_back(db: sqlite_utils.Database, moved: dict[str, list[int]], source: int, target: int) -> None:
    for table, column in _USER_WORK:
        ids = moved.get(table, [])
        if ids:
            marks = ", ".join("?" for _ in ids)
            db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ? AND id IN ({marks})",
                       (source, target, *ids))


def merge_items(db: sqlite_utils.Database, item_id: int, absorbed_id: int, who: str) -> int:
    """Item ``absorbed_id`` joins ``item_id``: its pages join the range, its user work
    moves over, and it leaves the agenda (kept, so the readers still find it)."""
    item, absorbed = item_row(db, item_id), item_row(db, absorbed_id)
    moved = _move_user_work(db, absorbed_id, item_id)
    first = [p for p in (item["page_first"], absorbed["page_first"]) if p is not None]
    last = [p for p in (item["page_last"], absorbed["page_last"]) if p is not None]
    pages = [min(first), max(last)] if first and last else None
    correction = _insert(db, {"meeting_id": item["meeting_id"], "item_id": item_id, "field": "merge",
                              "value": json.dumps(pages),
                              "reader_value": json.dumps(_reader_item_value(db, item, "pages")),
                              "detail": json.dumps({"absorbed": absorbed_id, "moved": moved,
                                                    "absorbed_title": absorbed["title"]}), "who": who})
    if pages is not None:
        _insert(db, {"meeting_id": item["meeting_id"], "item_id": item_id, "field": "pages",
                     "value": json.dumps(pages), "reader_value": json.dumps(_reader_item_value(db, item, "pages")),
                     "detail": json.dumps({"by": correction}), "who": who})
    _refresh_items(db, item["meeting_id"], [item_id, absorbed_id])
    return correction


def split_item(db: sqlite_utils.Database, item_id: int, at_page: int, title: str, number: str | None,
               who: str) -> int:
    """A new item ``title`` from page ``at_page`` to the end of item ``item_id``'s range,
    which then ends the page before; return the correction's id."""
    item = item_row(db, item_id)
    first, last = item["page_first"], item["page_last"]
    table = db.table("items")
    table.insert({"meeting_id": item["meeting_id"], "position": item["position"], "title": title,
                  "title_key": norm_key(title), "confidential": item["confidential"]})
    new_id = int(table.last_rowid or 0)
    correction = _insert(db, {"meeting_id": item["meeting_id"], "item_id": item_id, "field": "split",
                              "value": json.dumps({"at_page": at_page, "title": title, "number": number}),
                              "reader_value": json.dumps([first, last]),
                              "detail": json.dumps({"new_item": new_id}), "who": who})
    made = {"title": title, "pages": [at_page, last], "agenda_number": number,
            "confidential": bool(item["confidential"])}
    for name, value in made.items():
        _insert(db, {"meeting_id": item["meeting_id"], "item_id": new_id, "field": name, "value": json.dumps(value),
                     "reader_value": json.dumps(None), "detail": json.dumps({"by": correction}), "who": who})
    _insert(db, {"meeting_id": item["meeting_id"], "item_id": item_id, "field": "pages",
                 "value": json.dumps([first, at_page - 1]), "reader_value": json.dumps([first, last]),
                 "detail": json.dumps({"by": correction}), "who": who})
    _refresh_items(db, item["meeting_id"], [item_id, new_id])
    return correction


# -- undo and history -----------------------------------------------------------


def correction_row(db: sqlite_utils.Database, correction_id: int) -> Row | None:
    return _one(db, "SELECT * FROM corrections WHERE id = ?", (correction_id,))


def undo(db: sqlite_utils.Database, correction_id: int) -> Row:
    """Undo a correction in force (and the corrections it brought with it: a merge's or a
    split's pages); the field goes back to what the readers say.  Returns its row."""
    row = correction_row(db, correction_id)
    if row is None or row["undone_at"] is not None:
        raise CorrectionRefused("That correction is not in force.")
    stamp = now_iso()
    detail = json.loads(row["detail"]) if row["detail"] else {}
    if row["field"] in ("committee", "date"):
        _undo_identity(db, row)
    if row["field"] == "merge":
        _move_back(db, detail.get("moved", {}), detail["absorbed"], row["item_id"])
    touched = [row["item_id"]] if row["item_id"] is not None else []
    db.execute("UPDATE corrections SET undone_at = ? WHERE id = ? OR (undone_at IS NULL AND "
               "json_extract(detail, '$.by') = ?)", (stamp, correction_id, correction_id))
    if row["field"] == "merge":
        touched.append(detail["absorbed"])
    if row["field"] == "split":
        _remove_made_item(db, detail["new_item"], row["item_id"])
    if row["item_id"] is None:
        refresh_meeting(db, row["meeting_id"])
        indexer.reindex_meeting(db, row["meeting_id"])
    else:
        _refresh_items(db, row["meeting_id"], touched)
    return row


def _undo_identity(db: sqlite_utils.Database, row: Row) -> None:
    """Put a meeting back where the readers had it, unless it is still moved by
    the other identity correction (then only this one's part goes back)."""
    meeting = _one(db, "SELECT * FROM meetings WHERE id = ?", (row["meeting_id"],))
    assert meeting is not None
    committee_id, day = (row["reader_key"] or "|").split("|", 1)
    others = [r["field"] for r in db.query("SELECT field FROM corrections WHERE meeting_id = ? AND item_id IS NULL "
                                           "AND undone_at IS NULL AND field IN ('committee', 'date') AND id != ?",
                                           (row["meeting_id"], row["id"]))]
    target_committee = meeting["committee_id"] if "committee" in others else int(committee_id)
    target_day = meeting["date"] if "date" in others else day
    _move(db, {**meeting}, target_committee, target_day)


def _remove_made_item(db: sqlite_utils.Database, new_id: int, item_id: int) -> None:
    """An item made by a split goes; whatever was written on it moves to the item it came from."""
    _move_user_work(db, new_id, item_id)
    db.execute("UPDATE pages SET item_id = NULL WHERE item_id = ?", (new_id,))
    db.execute("DELETE FROM corrections WHERE item_id = ?", (new_id,))     # its fields, part of the split
    db.execute("DELETE FROM search_rows WHERE item_id = ?", (new_id,))
    db.execute("DELETE FROM items WHERE id = ?", (new_id,))


def history(db: sqlite_utils.Database, meeting_id: int) -> list[Row]:
    """Every correction of a meeting and its items, oldest first, with the item's title."""
    return list(db.query(
        "SELECT c.*, i.title AS item_title, i.agenda_number AS item_number FROM corrections c "
        "LEFT JOIN items i ON i.id = c.item_id WHERE c.meeting_id = ? "
        "ORDER BY c.id", (meeting_id,)))


def in_force(db: sqlite_utils.Database, meeting_id: int, item_id: int | None = None) -> list[Row]:
    """The corrections in force on a meeting's own fields or on one item, newest first."""
    where = "item_id = ?" if item_id is not None else "meeting_id = ? AND item_id IS NULL"
    return list(db.query(f"SELECT * FROM corrections WHERE {where} AND undone_at IS NULL ORDER BY id DESC",
                         (item_id if item_id is not None else meeting_id,)))


corrected_items = correction_overlay.corrected_items
is_corrected = correction_overlay.is_corrected
