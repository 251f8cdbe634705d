"""What the main (unencrypted) store knows about confidential papers: which documents and
items are confidential, and how to recognise the encrypted store's key (never the key).

The settings kept here: ``confidential.store_id`` (a random id naming the keychain entry of
this data folder's key), ``confidential.key_check`` (an HMAC of a fixed text under the key:
it tells a wrong key from the right one without revealing it) and ``confidential.locked``
(the user locked the confidential store: nothing opens it until they unlock it).
"""
from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from panelbook.store import facts, indexer

STORE_ID = "confidential.store_id"
KEY_CHECK = "confidential.key_check"
LOCKED = "confidential.locked"


def setting(db: sqlite_utils.Database, key: str) -> str | None:
    rows = list(db.query("SELECT value FROM settings WHERE key = ?", (key,)))
    return rows[0]["value"] if rows else None


def set_setting(db: sqlite_utils.Database, key: str, value: str | None) -> None:
    """Set (or with None remove) one setting; inside the caller's transaction."""
    if value is None:
        db.execute("DELETE FROM settings WHERE key = ?", (key,))
    else:
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def confidential_documents(db: sqlite_utils.Database) -> dict[int, str]:
    """Every confidential document's id and key."""
    return {int(r["id"]): r["key"] for r in db.query("SELECT id, key FROM documents WHERE confidential = 1")}


def all_documents(db: sqlite_utils.Database) -> dict[int, str]:
    return {int(r["id"]): r["key"] for r in db.query("SELECT id, key FROM documents")}


def document(db: sqlite_utils.Database, document_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM documents WHERE id = ?", (document_id,)))
    return rows[0] if rows else None


def mark_document(db: sqlite_utils.Database, document_id: int, sha: str, page_count: int) -> None:
    """Mark a document confidential: its pages' text, glossary and search entries leave this store
    (they are kept in the encrypted one), its items are confidential too, and ``sha`` (a keyed hash)
    replaces the plain file's hash (the file itself is kept sealed)."""
    db.execute("UPDATE documents SET confidential = 1, sha256 = ?, page_count = ? WHERE id = ?",
               (sha, page_count, document_id))
    db.execute("DELETE FROM search_rows WHERE document_id = ? AND kind = 'page'", (document_id,))
    db.execute("DELETE FROM glossary WHERE document_id = ?", (document_id,))
    db.execute("UPDATE pages SET text = '' WHERE document_id = ?", (document_id,))
    db.execute("UPDATE items SET confidential = 1 WHERE id IN (SELECT item_id FROM pages WHERE document_id = ? "
               "AND item_id IS NOT NULL)", (document_id,))


def document_pages(db: sqlite_utils.Database, document_id: int) -> list[tuple[int, int | None, int | None, str]]:
    """A document's pages as (idx, printed, item_id, text)."""
    return [(r["idx"], r["printed"], r["item_id"], r["text"]) for r in db.query(
        "SELECT idx, printed, item_id, text FROM pages WHERE document_id = ? ORDER BY idx", (document_id,))]


def documents_with_file(db: sqlite_utils.Database, sha256: str) -> list[int]:
    """The documents (not confidential) whose plain file is the one with this SHA-256."""
    return [int(r["id"]) for r in db.query(
        "SELECT id FROM documents WHERE sha256 = ? AND confidential = 0", (sha256,))]


TEXT_FIELDS = ("report_text", "minutes_text", "discussion")


def take_item_texts(db: sqlite_utils.Database, source: str) -> list[tuple[int, int, str, dict[str, str | None]]]:
    """Take out of this store the report, minutes and discussion text that document ``source`` gave its
    items (from what it said, and from the items where its text is the one shown), and return it per
    item as (item id, meeting id, title, texts), for the encrypted store.  Runs inside a transaction."""
    taken = []
    for row in list(db.query(
            "SELECT f.entity_id, f.data, i.meeting_id, i.title FROM facts f JOIN items i ON i.id = f.entity_id "
            "WHERE f.entity = 'item' AND f.source = ?", (source,))):
        data = json.loads(row["data"])
        texts = {name: data.pop(name, None) for name in TEXT_FIELDS}
        if not any(texts.values()):
            continue
        db.execute("UPDATE facts SET data = ? WHERE entity = 'item' AND entity_id = ? AND source = ?",
                   (json.dumps(data, sort_keys=True, ensure_ascii=False), row["entity_id"], source))
        merged = facts.merged(db, "item", row["entity_id"])
        db.execute("UPDATE items SET report_text = ?, minutes_text = ?, discussion = ? WHERE id = ?",
                   (*(merged.get(name) for name in TEXT_FIELDS), row["entity_id"]))
        if texts["discussion"]:
            texts["discussion"] = " ".join(json.loads(texts["discussion"]))
        taken.append((int(row["entity_id"]), int(row["meeting_id"]), row["title"], texts))
    for meeting_id in {meeting for _, meeting, _, _ in taken}:
        indexer.reindex_meeting(db, meeting_id)
    return taken


def take_notes_on_confidential_items(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Take the notes, questions and lines of enquiry on confidential items out of this store (with their
    search entries), for the encrypted store; each row with its item's meeting and title.  Inside a
    transaction."""
    rows = list(db.query(
        "SELECT n.*, i.meeting_id, i.title AS item_title FROM notes n JOIN items i ON i.id = n.item_id "
        "WHERE i.confidential = 1 ORDER BY n.id"))
    for row in rows:
        db.execute("DELETE FROM search_rows WHERE kind = 'note' AND ref_id = ?", (row["id"],))
        db.execute("DELETE FROM notes WHERE id = ?", (row["id"],))
    return rows


def merge_search_index(db: sqlite_utils.Database) -> None:
    """Merge the full-text index into one segment: FTS5 keeps the words of deleted entries in older
    segments until a merge, so text that has just left this store would stay readable there.  Costs a
    rewrite of the index: for the rare marking of a document as confidential, not for every write."""
    db.execute("INSERT INTO search (search) VALUES ('optimize')")


def fold_log(db: sqlite_utils.Database) -> None:
    """Fold the write-ahead log into the database and empty it (outside any transaction), so that page
    images from before a change (text that has just left this store) do not stay in the log file;
    freed pages are zeroed in the database itself (``secure_delete`` is on)."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


ItemRanges = list[tuple[int, int, int]]


def item_ranges(db: sqlite_utils.Database, meeting_id: int | None) -> ItemRanges:
    """A meeting's items' printed page ranges: (item id, first, last)."""
    if meeting_id is None:
        return []
    return [(int(r["id"]), int(r["page_first"]), int(r["page_last"] or r["page_first"])) for r in db.query(
        "SELECT id, page_first, page_last FROM items WHERE meeting_id = ? AND page_first IS NOT NULL", (meeting_id,))]


def item_for_page(ranges: ItemRanges, printed: int | None) -> int | None:
    """The item a printed page belongs to (as the main store places its pages)."""
    if printed is None:
        return None
    return next((item_id for item_id, first, last in ranges if first <= printed <= last), None)


def clear_page_texts(db: sqlite_utils.Database, document_id: int, item_ids: set[int]) -> None:
    """Keep a document's pages that belong to the exempt items ``item_ids`` without their text here,
    nor in the search (their text is kept in the encrypted store)."""
    if not item_ids:
        return
    marks = ", ".join("?" for _ in item_ids)
    params = [document_id, *item_ids]
    db.execute(f"DELETE FROM search_rows WHERE kind = 'page' AND document_id = ? AND item_id IN ({marks})", params)
    db.execute(f"UPDATE pages SET text = '' WHERE document_id = ? AND item_id IN ({marks})", params)


def items_of_source(db: sqlite_utils.Database, source: str, meeting_id: int | None) -> set[int]:
    """The items of ``meeting_id`` that document ``source`` speaks about."""
    return {int(r["entity_id"]) for r in db.query(
        "SELECT f.entity_id FROM facts f JOIN items i ON i.id = f.entity_id WHERE f.entity = 'item' "
        "AND f.source = ? AND i.meeting_id IS ?", (source, meeting_id))}


def mark_items(db: sqlite_utils.Database, item_ids: set[int]) -> None:
    for item_id in item_ids:
        db.execute("UPDATE items SET confidential = 1 WHERE id = ?", (item_id,))


def item(db: sqlite_utils.Database, item_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT id, meeting_id, title, confidential FROM items WHERE id = ?", (item_id,)))
    return rows[0] if rows else None


def item_titles(db: sqlite_utils.Database, item_ids: set[int]) -> dict[int, str]:
    if not item_ids:
        return {}
    marks = ", ".join("?" for _ in item_ids)
    return {int(r["id"]): r["title"] for r in db.query(f"SELECT id, title FROM items WHERE id IN ({marks})",
                                                      list(item_ids))}


def item_is_confidential(db: sqlite_utils.Database, item_id: int) -> bool:
    found = item(db, item_id)
    return bool(found and found["confidential"])


def confidential_items(db: sqlite_utils.Database, meeting_id: int) -> list[dict[str, Any]]:
    return list(db.query("SELECT id, title, agenda_number FROM items WHERE meeting_id = ? AND confidential = 1 "
                         "ORDER BY position", (meeting_id,)))


def meeting_labels(db: sqlite_utils.Database, meeting_ids: set[int]) -> dict[int, tuple[str, str]]:
    """Each meeting's date and committee name, for search hits found in the encrypted store."""
    if not meeting_ids:
        return {}
    marks = ", ".join("?" for _ in meeting_ids)
    return {int(r["id"]): (r["date"], r["name"]) for r in db.query(
        f"SELECT m.id, m.date, c.name FROM meetings m JOIN committees c ON c.id = m.committee_id "
        f"WHERE m.id IN ({marks})", list(meeting_ids))}
