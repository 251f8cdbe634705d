"""The markup tables: profiles, notes (and questions, lines of enquiry), item
marks, highlights and the tombstones of deleted markup.

Only reads and writes; the rules (who may do what, what a markup file means)
are in ``panelbook.services.markup``.  Callers hold the transaction: every
write here runs inside ``panelbook.store.transaction`` (sqlite-utils' own
writes nest in it as savepoints).
"""
from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from panelbook import anchoring
from panelbook.sources.textutil import norm_key
from panelbook.store.queries import NotFound
from panelbook.store.rows import (
    Highlight,
    ItemMark,
    Note,
    Profile,
    highlight as as_highlight,
    item_mark as as_mark,
    note as as_note,
)

Row = dict[str, Any]
MERGED_TABLES = ("notes", "highlights")


# -- profile -------------------------------------------------------------------


def save_profile(db: sqlite_utils.Database, name: str, role: str) -> None:
    """Record the profile's role and make it this copy's profile."""
    db.table("profiles").insert({"name": name, "role": role}, pk="name", replace=True)
    db.table("settings").insert({"key": "profile_name", "value": name}, pk="key", replace=True)


def profile_row(db: sqlite_utils.Database, name: str) -> Profile | None:
    rows = list(db.query("SELECT * FROM profiles WHERE name = ?", (name,)))
    return Profile(name=rows[0]["name"], role=rows[0]["role"]) if rows else None


def rename_profile_markup(db: sqlite_utils.Database, before: str, after: str) -> None:
    """Move the markup made under ``before`` to ``after`` (the same person, renamed);
    an item mark ``after`` already has on the same item is kept."""
    db.execute("UPDATE notes SET profile = ? WHERE profile = ?", (after, before))
    db.execute("UPDATE highlights SET profile = ? WHERE profile = ?", (after, before))
    db.execute("UPDATE OR IGNORE item_marks SET profile = ? WHERE profile = ?", (after, before))


# -- notes -----------------------------------------------------------------------


def note(db: sqlite_utils.Database, note_id: int) -> Note:
    rows = list(db.query("SELECT * FROM notes WHERE id = ?", (note_id,)))
    if not rows:
        raise NotFound(f"There is no note {note_id}.")
    return as_note(rows[0])


def next_note_position(db: sqlite_utils.Database, item_id: int, profile: str, kind: str) -> int:
    """Where a new note of ``kind`` goes: after the profile's others on the item."""
    rows = list(db.query(
        "SELECT coalesce(max(position), -1) + 1 AS next FROM notes WHERE item_id = ? AND profile = ? AND kind = ?",
        (item_id, profile, kind)))
    return int(rows[0]["next"])


def insert_note(db: sqlite_utils.Database, values: Row) -> int:
    table = db.table("notes")
    table.insert(values)
    return int(table.last_rowid or 0)


def update_note(db: sqlite_utils.Database, note_id: int, changes: Row) -> None:
    db.table("notes").update(note_id, changes)


def delete_note(db: sqlite_utils.Database, note_id: int, uid: str, stamp: str) -> None:
    """Delete a note and its search row, remembering its uid (a markup file made
    elsewhere does not bring it back)."""
    db.execute("DELETE FROM notes WHERE id = ?", (note_id,))
    db.execute("DELETE FROM search_rows WHERE kind = 'note' AND ref_id = ?", (note_id,))
    remember_deleted(db, uid, stamp)


def restore_note(db: sqlite_utils.Database, values: Row) -> int:
    """Put a deleted note back under its uid (a new id), forgetting its tombstone."""
    forget_deleted(db, values["uid"])
    return insert_note(db, values)


def set_positions(db: sqlite_utils.Database, note_ids: list[int], stamp: str) -> None:
    """Number the notes in the given order, touching only those that move."""
    for position, note_id in enumerate(note_ids):
        db.execute("UPDATE notes SET position = ?, updated_at = ? WHERE id = ? AND position != ?",
                   (position, stamp, note_id, position))


def item_notes(db: sqlite_utils.Database, item_id: int) -> list[Note]:
    """Every note on an item, by kind and order."""
    rows = db.query("SELECT * FROM notes WHERE item_id = ? ORDER BY kind, position, id", (item_id,))
    return [as_note(r) for r in rows]


def first_own_note(db: sqlite_utils.Database, item_id: int, profile: str) -> Row | None:
    """The profile's first private note on an item (the one the note editor shows)."""
    rows = list(db.query(
        "SELECT id, text FROM notes WHERE item_id = ? AND profile = ? AND kind = 'note' ORDER BY position, id LIMIT 1",
        (item_id, profile)))
    return rows[0] if rows else None


def members_for_item(db: sqlite_utils.Database, item_id: int) -> list[str]:
    """The members of the committee whose meeting the item is on, by name."""
    rows = db.query(
        "SELECT DISTINCT cm.name FROM committee_members cm JOIN meetings m ON m.committee_id = cm.committee_id "
        "JOIN items i ON i.meeting_id = m.id WHERE i.id = ? ORDER BY cm.name", (item_id,))
    return [r["name"] for r in rows]


def meetings_with_notes(db: sqlite_utils.Database) -> set[int]:
    return {r["meeting_id"] for r in db.query(
        "SELECT DISTINCT i.meeting_id FROM notes n JOIN items i ON i.id = n.item_id")}


# -- item marks ------------------------------------------------------------------


def item_mark(db: sqlite_utils.Database, item_id: int, profile: str) -> ItemMark | None:
    rows = list(db.query("SELECT * FROM item_marks WHERE item_id = ? AND profile = ?", (item_id, profile)))
    return as_mark(rows[0]) if rows else None


def set_mark(db: sqlite_utils.Database, item_id: int, profile: str, changes: Row, stamp: str) -> ItemMark:
    """Make the profile's mark on the item if it has none, set ``changes`` on it; return it."""
    marks = db.table("item_marks")
    marks.insert({"item_id": item_id, "profile": profile, "updated_at": stamp}, ignore=True)
    if changes:
        marks.update((item_id, profile), changes)
    mark = item_mark(db, item_id, profile)
    assert mark is not None
    return mark


def put_mark(db: sqlite_utils.Database, values: Row) -> None:
    """Replace the mark of ``values["item_id"]`` and ``values["profile"]`` (a markup file's)."""
    db.table("item_marks").insert(values, pk=("item_id", "profile"), replace=True)


def meeting_marks(db: sqlite_utils.Database, meeting_id: int, profile: str) -> dict[int, Row]:
    """Per item of a meeting: the profile's flag and priority, and how many notes
    (own or shared) and highlights it carries."""
    out: dict[int, Row] = {}
    for row in db.query(
            "SELECT i.id, m.flag, m.priority FROM items i LEFT JOIN item_marks m ON m.item_id = i.id "
            "AND m.profile = ? WHERE i.meeting_id = ?", (profile, meeting_id)):
        out[row["id"]] = {"flag": row["flag"], "priority": row["priority"], "notes": 0, "highlights": 0}
    for row in db.query(
            "SELECT n.item_id, count(*) AS n FROM notes n JOIN items i ON i.id = n.item_id WHERE i.meeting_id = ? "
            "AND (n.profile = ? OR n.shared = 1) GROUP BY n.item_id", (meeting_id, profile)):
        out.setdefault(row["item_id"], {"flag": None, "priority": None, "highlights": 0})["notes"] = row["n"]
    for row in db.query(
            "SELECT h.item_id, count(*) AS n FROM highlights h JOIN items i ON i.id = h.item_id "
            "WHERE i.meeting_id = ? GROUP BY h.item_id", (meeting_id,)):
        out.setdefault(row["item_id"], {"flag": None, "priority": None, "notes": 0})["highlights"] = row["n"]
    return out


# -- highlights ------------------------------------------------------------------


def page(db: sqlite_utils.Database, document_id: int, page_idx: int) -> Row | None:
    """A stored page of a document (its text, printed number and item)."""
    rows = list(db.query("SELECT * FROM pages WHERE document_id = ? AND idx = ?", (document_id, page_idx)))
    return rows[0] if rows else None


def report_text(db: sqlite_utils.Database, item_id: int) -> str | None:
    """An item's report text (a pack imported as text is read, and highlighted, in it)."""
    rows = list(db.query("SELECT report_text FROM items WHERE id = ?", (item_id,)))
    return rows[0]["report_text"] if rows else None


def highlight(db: sqlite_utils.Database, highlight_id: int) -> Highlight:
    rows = list(db.query("SELECT * FROM highlights WHERE id = ?", (highlight_id,)))
    if not rows:
        raise NotFound(f"There is no highlight {highlight_id}.")
    return as_highlight(rows[0])


def insert_highlight(db: sqlite_utils.Database, values: Row) -> int:
    table = db.table("highlights")
    table.insert(values)
    return int(table.last_rowid or 0)


def delete_highlight(db: sqlite_utils.Database, highlight_id: int, uid: str, stamp: str) -> None:
    db.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))
    remember_deleted(db, uid, stamp)


def exists(db: sqlite_utils.Database, table: str, **where: Any) -> bool:
    """Whether ``table`` (a markup, document or item table) has a row with these values."""
    assert table in ("highlights", "documents", "items", "notes"), table
    clause = " AND ".join(f"{column} = ?" for column in where)
    return db.table(table).count_where(clause, list(where.values())) > 0


def highlights(db: sqlite_utils.Database, *, item_id: int | None = None, document_id: int | None = None,
               profile: str | None = None) -> list[Highlight]:
    """Highlights, optionally of one item, document or profile, in page order."""
    where: list[str] = []
    params: list[Any] = []
    for column, value in (("item_id", item_id), ("document_id", document_id), ("profile", profile)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = "SELECT * FROM highlights" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY page_idx, id"
    return [as_highlight(r) for r in db.query(sql, params)]


def reanchor_document(db: sqlite_utils.Database, document_id: int) -> dict[str, int]:
    """After a document's pages were replaced (a revised pack): find every highlight
    again by its quote; the ones that cannot be found are marked "needs placing".
    Runs inside the import's transaction."""
    pages = [(r["idx"], r["printed"], r["text"]) for r in db.query(
        "SELECT idx, printed, text FROM pages WHERE document_id = ? ORDER BY idx", (document_id,))]
    item_of = {r["idx"]: r["item_id"] for r in db.query(
        "SELECT idx, item_id FROM pages WHERE document_id = ?", (document_id,))}
    placed = lost = 0
    for mark in list(db.query("SELECT * FROM highlights WHERE document_id = ?", (document_id,))):
        if mark["page_idx"] is None and mark["item_id"] is not None and not pages:
            # Highlighted in the report text of a pack imported as text: found again in that text.
            text = report_text(db, mark["item_id"]) or ""
            anchor = anchoring.Anchor(mark["quote"], mark["context_before"], mark["context_after"])
            found = anchoring.locate(anchor, [(0, None, text)]) is not None
            db.execute("UPDATE highlights SET needs_placing = ? WHERE id = ?", (int(not found), mark["id"]))
            placed, lost = placed + found, lost + (not found)
            continue
        anchor = anchoring.Anchor(mark["quote"], mark["context_before"], mark["context_after"])
        place = anchoring.locate(anchor, pages, near=mark["page_idx"])
        if place is None:
            db.execute("UPDATE highlights SET needs_placing = 1 WHERE id = ?", (mark["id"],))
            lost += 1
        else:
            db.execute(
                "UPDATE highlights SET page_idx = ?, printed = ?, item_id = coalesce(?, item_id), needs_placing = 0 "
                "WHERE id = ?", (place.index, place.printed, item_of.get(place.index), mark["id"]))
            placed += 1
    return {"placed": placed, "needs_placing": lost}


# -- deleted markup ----------------------------------------------------------------


def remember_deleted(db: sqlite_utils.Database, uid: str, stamp: str) -> None:
    db.table("markup_tombstones").insert({"uid": uid, "deleted_at": stamp}, pk="uid", replace=True)


def forget_deleted(db: sqlite_utils.Database, uid: str) -> None:
    db.execute("DELETE FROM markup_tombstones WHERE uid = ?", (uid,))


def tombstones(db: sqlite_utils.Database) -> list[Row]:
    return list(db.query("SELECT * FROM markup_tombstones"))


def take_deletion(db: sqlite_utils.Database, uid: str, deleted_at: str) -> int:
    """A deletion made elsewhere: remove the note or highlight ``uid`` unless it was
    changed here after ``deleted_at``, and remember the deletion; how many went."""
    gone = 0
    for sql in ("DELETE FROM notes WHERE uid = ? AND updated_at <= ?",
                "DELETE FROM highlights WHERE uid = ? AND updated_at <= ?"):
        gone += db.execute(sql, (uid, deleted_at)).rowcount
    db.table("markup_tombstones").insert({"uid": uid, "deleted_at": deleted_at}, pk="uid", ignore=True)
    return gone


# -- markup files ------------------------------------------------------------------


def item_ref(db: sqlite_utils.Database, item_id: int) -> Row:
    """How a markup file names an item: committee, meeting date, title and numbers."""
    row = next(iter(db.query(
        "SELECT i.title, i.title_key, i.agenda_number, i.minute_number, m.date, c.name AS committee "
        "FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id "
        "WHERE i.id = ?", (item_id,))))
    return {"committee": row["committee"], "date": row["date"], "title": row["title"],
            "agenda_number": row["agenda_number"], "minute_number": row["minute_number"],
            "title_key": row["title_key"]}      # the title as the documents give it (the shown one may be corrected)


def find_item(db: sqlite_utils.Database, ref: Row) -> int | None:
    """The item a markup file's reference names here: same committee and date, then
    the same title, or failing that the same agenda number."""
    rows = list(db.query(
        "SELECT i.id, i.title_key, i.agenda_number, c.name FROM items i JOIN meetings m ON m.id = i.meeting_id "
        "JOIN committees c ON c.id = m.committee_id WHERE m.date = ?", (ref["date"],)))
    rows = [r for r in rows if norm_key(r["name"]) == norm_key(ref["committee"])]
    for key in (ref.get("title_key"), norm_key(ref["title"])):
        for row in rows:
            if key and row["title_key"] == key:
                return int(row["id"])
    for row in rows:
        if ref.get("agenda_number") and row["agenda_number"] == ref["agenda_number"]:
            return int(row["id"])
    return None


def confidential_item_ids(db: sqlite_utils.Database) -> set[int]:
    """The items the agenda (or the user) marks confidential: markup on them is confidential too."""
    return {int(r["id"]) for r in db.query("SELECT id FROM items WHERE confidential = 1")}


def notes_to_export(db: sqlite_utils.Database, profile: str, shared_only: bool) -> list[Row]:
    if shared_only:
        return list(db.query("SELECT * FROM notes WHERE shared = 1"))
    return list(db.query("SELECT * FROM notes WHERE profile = ?", (profile,)))


def marks_to_export(db: sqlite_utils.Database, profile: str) -> list[Row]:
    return list(db.query("SELECT * FROM item_marks WHERE profile = ?", (profile,)))


def highlights_to_export(db: sqlite_utils.Database, profile: str, shared_only: bool) -> list[Row]:
    """Highlights with the key of their document (how a markup file names it)."""
    sql = "SELECT h.*, d.key AS document_key FROM highlights h JOIN documents d ON d.id = h.document_id WHERE "
    if shared_only:
        return list(db.query(sql + "h.shared = 1"))
    return list(db.query(sql + "h.profile = ?", (profile,)))


def document_id_by_key(db: sqlite_utils.Database, key: str | None) -> int | None:
    rows = list(db.query("SELECT id FROM documents WHERE key = ?", (key,)))
    return int(rows[0]["id"]) if rows else None


def merge_by_uid(db: sqlite_utils.Database, table: str, fields: Row) -> str:
    """Take a note or highlight from a markup file, by its uid: ``"added"``,
    ``"updated"``, ``"unchanged"`` when the row here is the same edit, or ``"kept_newer_here"``
    when the row here is newer (or as new but different: the edit here wins a tie)."""
    assert table in MERGED_TABLES, table
    here = list(db.table(table).rows_where("uid = ?", [fields["uid"]]))
    if here and here[0]["updated_at"] == fields["updated_at"] and all(
            here[0].get(k) == v for k, v in fields.items() if k in here[0]):
        return "unchanged"
    if here and here[0]["updated_at"] >= fields["updated_at"]:
        return "kept_newer_here"
    if here:
        db.table(table).update(here[0]["id"], {k: v for k, v in fields.items() if k != "uid"})
        return "updated"
    db.table(table).insert(fields)
    return "added"


# -- markup waiting for its meeting ------------------------------------------------
# A markup file's records whose meeting (or pack) is not in this store yet are kept
# in the settings table, one row each, under "pending-markup|<section>|<identity>",
# so they are backed up and written in the same transactions as everything else.

PENDING = "pending-markup|"


def keep_pending(db: sqlite_utils.Database, section: str, identity: str, record: Row) -> None:
    """Keep a markup record (a note, flag or highlight) until its meeting arrives;
    a newer copy of the same record replaces an older one."""
    key = f"{PENDING}{section}|{identity}"
    rows = list(db.query("SELECT value FROM settings WHERE key = ?", (key,)))
    if rows and json.loads(rows[0]["value"]).get("updated_at", "") > record.get("updated_at", ""):
        return
    db.table("settings").insert({"key": key, "value": json.dumps(record, ensure_ascii=False)}, pk="key", replace=True)


def has_pending(db: sqlite_utils.Database) -> bool:
    return db.table("settings").count_where("key LIKE ?", [PENDING + "%"]) > 0


def take_pending(db: sqlite_utils.Database) -> dict[str, list[Row]]:
    """Every kept record by section (``notes``, ``marks``, ``highlights``), removed
    from the waiting list: the caller merges them or keeps them again."""
    out: dict[str, list[Row]] = {"notes": [], "marks": [], "highlights": []}
    for row in db.query("SELECT key, value FROM settings WHERE key LIKE ?", (PENDING + "%",)):
        section = row["key"][len(PENDING):].split("|", 1)[0]
        out.setdefault(section, []).append(json.loads(row["value"]))
    db.execute("DELETE FROM settings WHERE key LIKE ?", (PENDING + "%",))
    return out


def forget_pending(db: sqlite_utils.Database, uid: str) -> int:
    """A kept note or highlight deleted on the computer it came from: it goes too."""
    return db.execute("DELETE FROM settings WHERE key IN (?, ?)",
                      (f"{PENDING}notes|{uid}", f"{PENDING}highlights|{uid}")).rowcount
