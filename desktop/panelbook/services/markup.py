"""A member's markup: notes, questions, flags, read marks, highlights, and the
chair's lines of enquiry.  Everything saves at once, in its own transaction.

Markup hangs off agenda items, which imports never delete, so it survives
re-imports and revised packs; highlights are re-placed by their quote when a
pack's pages change (``reanchor_document``), and the ones that cannot be
placed are kept and listed as "needs placing", never dropped.

Markup moves between computers as a JSON file (``export_markup`` /
``import_markup``): items are identified by committee, meeting date and title,
every note and highlight by a uid; an import keeps whichever edit is newer and
never brings back what was deleted here.
"""
from __future__ import annotations

import json
import uuid
from datetime import datetime

import sqlite_utils

from panelbook import anchoring
from panelbook.sources.textutil import norm_key
from panelbook.store import Store, indexer, transaction
from panelbook.store.queries import NotFound
from panelbook.store.writer import now_iso

FLAGS = ("key item", "challenge", "follow up", "declare interest")
QUESTION_STATES = ("open", "asked", "answered")
ROLES = ("councillor", "chair", "clerk")
FORMAT = "panelbook-markup"
FORMAT_VERSION = 1


class MarkupError(ValueError):
    """A markup file or edit that cannot be taken."""


# -- profile -------------------------------------------------------------------


def set_profile(store: Store, name: str, role: str) -> None:
    """Who uses this copy (chosen at first start, changeable later)."""
    if role not in ROLES:
        raise MarkupError(f"A profile's role is one of {', '.join(ROLES)}.")
    name = name.strip()
    if not name:
        raise MarkupError("A profile needs a name.")
    with transaction(store.db):
        store.db.execute("INSERT INTO profiles (name, role) VALUES (?, ?) "
                         "ON CONFLICT (name) DO UPDATE SET role = excluded.role", (name, role))
        store.db.execute("INSERT INTO settings (key, value) VALUES ('profile_name', ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (name,))


def profile_name(store: Store) -> str:
    """Who is using this copy (set in the desktop; "Me" until then)."""
    return store.setting("profile_name") or "Me"


def profile(store: Store) -> dict | None:
    name = store.setting("profile_name")
    if not name:
        return None
    rows = list(store.db.query("SELECT * FROM profiles WHERE name = ?", (name,)))
    return rows[0] if rows else {"name": name, "role": "councillor"}


# -- notes and questions ---------------------------------------------------------


def add_note(store: Store, item_id: int, text: str, *, question: bool = False, who: str | None = None) -> int:
    """A member's note or question on an agenda item; saved at once and searchable."""
    who = who or profile_name(store)
    stamp = now_iso()
    with transaction(store.db):
        kind = "question" if question else "note"
        position = store.db.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM notes WHERE item_id = ? AND profile = ? AND kind = ?",
            (item_id, who, kind)).fetchone()[0]
        cursor = store.db.execute(
            "INSERT INTO notes (uid, item_id, profile, kind, text, position, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), item_id, who, kind, text, position, stamp, stamp),
        )
        note_id = int(cursor.lastrowid)
        indexer.index_note(store.db, note_id)
    return note_id


def _note(db: sqlite_utils.Database, note_id: int) -> dict:
    rows = list(db.query("SELECT * FROM notes WHERE id = ?", (note_id,)))
    if not rows:
        raise NotFound(f"There is no note {note_id}.")
    return rows[0]


def update_note(store: Store, note_id: int, **changes) -> dict:
    """Change a note's text, a question's state / answer / lead, sharing, or position."""
    allowed = {"text", "state", "answer", "lead", "shared", "position"}
    if set(changes) - allowed:
        raise TypeError(f"unknown note fields: {sorted(set(changes) - allowed)}")
    if "state" in changes and changes["state"] not in QUESTION_STATES:
        raise MarkupError(f"A question is {', '.join(QUESTION_STATES)}.")
    with transaction(store.db):
        current = _note(store.db, note_id)
        diff = {k: v for k, v in changes.items() if current[k] != v}
        if diff:
            diff["updated_at"] = now_iso()
            store.db.execute("UPDATE notes SET " + ", ".join(f"{k} = ?" for k in diff) + " WHERE id = ?",
                             [*diff.values(), note_id])
            indexer.index_note(store.db, note_id)
    return _note(store.db, note_id)


def delete_note(store: Store, note_id: int) -> dict:
    """Delete a note; returns it whole so the caller can offer undo (``restore_note``)."""
    with transaction(store.db):
        current = _note(store.db, note_id)
        store.db.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        store.db.execute("DELETE FROM search_rows WHERE kind = 'note' AND ref_id = ?", (note_id,))
        store.db.execute("INSERT OR REPLACE INTO markup_tombstones (uid, deleted_at) VALUES (?, ?)",
                         (current["uid"], now_iso()))
    return current


def restore_note(store: Store, note: dict) -> int:
    """Undo a deletion: the note comes back as it was, under the same uid."""
    columns = [c for c in note if c != "id"]
    with transaction(store.db):
        store.db.execute("DELETE FROM markup_tombstones WHERE uid = ?", (note["uid"],))
        cursor = store.db.execute(
            f"INSERT INTO notes ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [note[c] for c in columns])
        note_id = int(cursor.lastrowid)
        indexer.index_note(store.db, note_id)
    return note_id


def reorder(store: Store, note_ids: list[int]) -> None:
    """Put questions (or lines of enquiry) in the given order."""
    with transaction(store.db):
        stamp = now_iso()
        for position, note_id in enumerate(note_ids):
            store.db.execute("UPDATE notes SET position = ?, updated_at = ? WHERE id = ? AND position != ?",
                             (position, stamp, note_id, position))


def add_enquiry(store: Store, item_id: int, text: str, lead: str | None = None, who: str | None = None) -> int:
    """The chair's line of enquiry on an item, shared with the panel, optionally with who leads it."""
    note_id = add_note(store, item_id, text, who=who)
    with transaction(store.db):
        store.db.execute("UPDATE notes SET kind = 'enquiry', shared = 1, lead = ? WHERE id = ?", (lead, note_id))
    return note_id


# -- flags, read marks, priority ---------------------------------------------------


def set_mark(store: Store, item_id: int, *, flag: str | None | type(...) = ..., read: bool | None = None,
             priority: int | None | type(...) = ..., who: str | None = None) -> dict:
    """A member's flag and read mark on an item (``...`` leaves a field as it is; None clears it)."""
    if flag is not ... and flag is not None and flag not in FLAGS:
        raise MarkupError(f"A flag is one of: {', '.join(FLAGS)}.")
    who = who or profile_name(store)
    with transaction(store.db):
        store.db.execute(
            "INSERT OR IGNORE INTO item_marks (item_id, profile, updated_at) VALUES (?, ?, ?)",
            (item_id, who, now_iso()))
        changes = {}
        if flag is not ...:
            changes["flag"] = flag
        if read is not None:
            changes["read"] = int(read)
        if priority is not ...:
            changes["priority"] = priority
        if changes:
            changes["updated_at"] = now_iso()
            store.db.execute(
                "UPDATE item_marks SET " + ", ".join(f"{k} = ?" for k in changes) + " WHERE item_id = ? AND profile = ?",
                [*changes.values(), item_id, who])
    return next(iter(store.db.query("SELECT * FROM item_marks WHERE item_id = ? AND profile = ?", (item_id, who))))


# -- highlights ------------------------------------------------------------------


def add_highlight(store: Store, document_id: int, page_idx: int, start: int, end: int,
                  comment: str | None = None, who: str | None = None) -> int:
    """Highlight characters ``start:end`` of a stored page's text."""
    who = who or profile_name(store)
    rows = list(store.db.query("SELECT * FROM pages WHERE document_id = ? AND idx = ?", (document_id, page_idx)))
    if not rows:
        raise NotFound(f"Document {document_id} has no page {page_idx}.")
    page = rows[0]
    anchor = anchoring.capture(page["text"], start, end)
    if not anchor.quote:
        raise MarkupError("Select some text to highlight.")
    stamp = now_iso()
    with transaction(store.db):
        cursor = store.db.execute(
            "INSERT INTO highlights (uid, item_id, document_id, page_idx, printed, quote, context_before, "
            "context_after, comment, profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), page["item_id"], document_id, page_idx, page["printed"], anchor.quote,
             anchor.before, anchor.after, comment, who, stamp, stamp))
    return int(cursor.lastrowid)


def _highlight(db: sqlite_utils.Database, highlight_id: int) -> dict:
    rows = list(db.query("SELECT * FROM highlights WHERE id = ?", (highlight_id,)))
    if not rows:
        raise NotFound(f"There is no highlight {highlight_id}.")
    return rows[0]


def delete_highlight(store: Store, highlight_id: int) -> dict:
    """Delete a highlight; returns it whole so the caller can offer undo (``restore_highlight``).
    Its uid is remembered, so a markup file made elsewhere does not bring it back."""
    with transaction(store.db):
        current = _highlight(store.db, highlight_id)
        store.db.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))
        store.db.execute("INSERT OR REPLACE INTO markup_tombstones (uid, deleted_at) VALUES (?, ?)",
                         (current["uid"], now_iso()))
    return current


def restore_highlight(store: Store, light: dict) -> int:
    """Undo a deletion: the highlight comes back as it was, under the same uid (and,
    while its id is free, the same id)."""
    with transaction(store.db):
        if list(store.db.query("SELECT id FROM highlights WHERE uid = ?", (light["uid"],))):
            raise MarkupError("This highlight is already there; there is nothing to bring back.")
        if not list(store.db.query("SELECT id FROM documents WHERE id = ?", (light["document_id"],))):
            raise NotFound("The pack this highlight was on is no longer stored.")
        if light.get("item_id") is not None and not list(
                store.db.query("SELECT id FROM items WHERE id = ?", (light["item_id"],))):
            raise NotFound("The agenda item this highlight was on is no longer stored.")
        columns = [c for c in light if c != "id"]
        if not list(store.db.query("SELECT id FROM highlights WHERE id = ?", (light["id"],))):
            columns.append("id")
        store.db.execute("DELETE FROM markup_tombstones WHERE uid = ?", (light["uid"],))
        cursor = store.db.execute(
            f"INSERT INTO highlights ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [light[c] for c in columns])
    return int(cursor.lastrowid)


def highlights(db: sqlite_utils.Database, *, item_id: int | None = None, document_id: int | None = None,
               profile_name_: str | None = None) -> list[dict]:
    where, params = [], []
    for column, value in (("item_id", item_id), ("document_id", document_id), ("profile", profile_name_)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = "SELECT * FROM highlights" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY page_idx, id"
    return list(db.query(sql, params))


def reanchor_document(db: sqlite_utils.Database, document_id: int) -> dict:
    """After a document's pages were replaced (a revised pack): find every highlight
    again by its quote; the ones that cannot be found are marked "needs placing".
    Runs inside the import's transaction."""
    pages = [(r["idx"], r["printed"], r["text"]) for r in db.query(
        "SELECT idx, printed, text FROM pages WHERE document_id = ? ORDER BY idx", (document_id,))]
    item_of = {r["idx"]: r["item_id"] for r in db.query(
        "SELECT idx, item_id FROM pages WHERE document_id = ?", (document_id,))}
    placed = lost = 0
    for mark in list(db.query("SELECT * FROM highlights WHERE document_id = ?", (document_id,))):
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


# -- moving markup between computers -------------------------------------------------


def _item_ref(db: sqlite_utils.Database, item_id: int) -> dict:
    row = next(iter(db.query(
        "SELECT i.title, i.title_key, i.agenda_number, i.minute_number, m.date, c.name AS committee "
        "FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id "
        "WHERE i.id = ?", (item_id,))))
    return {"committee": row["committee"], "date": row["date"], "title": row["title"],
            "agenda_number": row["agenda_number"], "minute_number": row["minute_number"]}


def _find_item(db: sqlite_utils.Database, ref: dict) -> int | None:
    rows = list(db.query(
        "SELECT i.id, i.title_key, i.agenda_number, c.name FROM items i JOIN meetings m ON m.id = i.meeting_id "
        "JOIN committees c ON c.id = m.committee_id WHERE m.date = ?", (ref["date"],)))
    rows = [r for r in rows if norm_key(r["name"]) == norm_key(ref["committee"])]
    for row in rows:
        if row["title_key"] == norm_key(ref["title"]):
            return row["id"]
    for row in rows:
        if ref.get("agenda_number") and row["agenda_number"] == ref["agenda_number"]:
            return row["id"]
    return None


def export_markup(store: Store, *, who: str | None = None, shared_only: bool = False) -> dict:
    """One member's markup (or, with ``shared_only``, the chair's shared markup) as a JSON-able dict."""
    who = who or profile_name(store)
    db = store.db
    where = "shared = 1" if shared_only else "profile = ?"
    params = () if shared_only else (who,)
    notes = [dict(n) | {"item": _item_ref(db, n["item_id"])}
             for n in db.query(f"SELECT * FROM notes WHERE {where}", params)]
    marks = [] if shared_only else [dict(m) | {"item": _item_ref(db, m["item_id"])}
                                    for m in db.query("SELECT * FROM item_marks WHERE profile = ?", (who,))]
    lights = []
    for h in db.query(f"SELECT h.*, d.key AS document_key FROM highlights h JOIN documents d ON d.id = h.document_id "
                      f"WHERE h.{where}", params):
        lights.append(dict(h) | {"item": _item_ref(db, h["item_id"]) if h["item_id"] else None})
    for row in notes + marks + lights:
        for key in ("id", "item_id", "document_id"):
            row.pop(key, None)
    tombstones = [dict(t) for t in db.query("SELECT * FROM markup_tombstones")]
    return {"format": FORMAT, "version": FORMAT_VERSION, "profile": who, "shared_only": shared_only,
            "exported_at": datetime.now().isoformat(timespec="seconds"),
            "notes": notes, "marks": marks, "highlights": lights, "deleted": tombstones}


def import_summary(counts: dict) -> str:
    """The counts of ``import_markup`` as one sentence (the desktop and the command line say the same)."""
    parts = [f"{counts.get('added', 0)} added", f"{counts.get('updated', 0)} updated"]
    if counts.get("removed"):
        parts.append(f"{counts['removed']} removed (deleted in the file)")
    if counts.get("kept_newer_here"):
        parts.append(f"{counts['kept_newer_here']} kept as they are (newer here)")
    if counts.get("deleted_here"):
        parts.append(f"{counts['deleted_here']} not brought back (deleted here)")
    if counts.get("no_such_item"):
        parts.append(f"{counts['no_such_item']} for meetings not in Panelbook yet")
    return "Markup imported: " + ", ".join(parts) + "."


def import_markup(store: Store, data: dict | str) -> dict:
    """Merge a markup file: newer edits win, nothing newer here is overwritten, what was
    deleted here stays deleted; markup whose item is not in this store is reported.
    Notes and highlights the file says were deleted go here too ("removed"), unless
    they were changed here after that deletion."""
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError:
            raise MarkupError("This is not a Panelbook markup file (it is not JSON).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise MarkupError("This is not a Panelbook markup file.")
    if int(data.get("version", 0)) > FORMAT_VERSION:
        raise MarkupError("This markup file was made by a newer Panelbook; update Panelbook to read it.")
    db = store.db
    counts = {"added": 0, "updated": 0, "kept_newer_here": 0, "no_such_item": 0, "deleted_here": 0,
              "removed": 0}
    with transaction(db):
        tombstones = {r["uid"] for r in db.query("SELECT uid FROM markup_tombstones")}
        for dead in data.get("deleted", []):
            for table in ("notes", "highlights"):
                gone = db.execute(f"DELETE FROM {table} WHERE uid = ? AND updated_at <= ?",
                                  (dead["uid"], dead["deleted_at"]))
                counts["removed"] += gone.rowcount
            db.execute("INSERT OR IGNORE INTO markup_tombstones (uid, deleted_at) VALUES (?, ?)",
                       (dead["uid"], dead["deleted_at"]))
        for note in data.get("notes", []):
            if note["uid"] in tombstones:
                counts["deleted_here"] += 1
                continue
            item_id = _find_item(db, note["item"])
            if item_id is None:
                counts["no_such_item"] += 1
                continue
            fields = {k: note.get(k) for k in ("uid", "profile", "kind", "text", "position", "state", "answer",
                                                "lead", "shared", "created_at", "updated_at")}
            _merge_row(db, "notes", fields | {"item_id": item_id}, counts)
        for mark in data.get("marks", []):
            item_id = _find_item(db, mark["item"])
            if item_id is None:
                counts["no_such_item"] += 1
                continue
            here = list(db.query("SELECT updated_at FROM item_marks WHERE item_id = ? AND profile = ?",
                                 (item_id, mark["profile"])))
            if here and here[0]["updated_at"] >= mark["updated_at"]:
                counts["kept_newer_here"] += 1
                continue
            db.execute("INSERT OR REPLACE INTO item_marks (item_id, profile, flag, read, priority, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)", (item_id, mark["profile"], mark.get("flag"), mark.get("read", 0),
                                                     mark.get("priority"), mark["updated_at"]))
            counts["updated" if here else "added"] += 1
        for light in data.get("highlights", []):
            if light["uid"] in tombstones:
                counts["deleted_here"] += 1
                continue
            docs = list(db.query("SELECT id FROM documents WHERE key = ?", (light.get("document_key"),)))
            if not docs:
                counts["no_such_item"] += 1
                continue
            item_id = _find_item(db, light["item"]) if light.get("item") else None
            fields = {k: light.get(k) for k in ("uid", "page_idx", "printed", "quote", "context_before",
                                                 "context_after", "comment", "profile", "shared", "needs_placing",
                                                 "created_at", "updated_at")}
            _merge_row(db, "highlights", fields | {"item_id": item_id, "document_id": docs[0]["id"]}, counts)
        for meeting in {r["meeting_id"] for r in db.query("SELECT DISTINCT i.meeting_id FROM notes n "
                                                           "JOIN items i ON i.id = n.item_id")}:
            indexer.reindex_meeting(db, meeting)
    return counts


def _merge_row(db: sqlite_utils.Database, table: str, fields: dict, counts: dict) -> None:
    here = list(db.query(f"SELECT id, updated_at FROM {table} WHERE uid = ?", (fields["uid"],)))
    if here and here[0]["updated_at"] >= fields["updated_at"]:
        counts["kept_newer_here"] += 1
        return
    if here:
        assignments = ", ".join(f"{k} = ?" for k in fields if k != "uid")
        db.execute(f"UPDATE {table} SET {assignments} WHERE uid = ?",
                   [v for k, v in fields.items() if k != "uid"] + [fields["uid"]])
        counts["updated"] += 1
    else:
        columns = ", ".join(fields)
        db.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' for _ in fields)})", list(fields.values()))
        counts["added"] += 1
