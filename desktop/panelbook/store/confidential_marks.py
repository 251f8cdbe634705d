"""What the main (unencrypted) store knows about confidential papers: which documents and
items are confidential, and how to recognise the encrypted store's key (never the key).

The settings kept here: ``confidential.store_id`` (a random id naming the keychain entry of
this data folder's key), ``confidential.key_check`` (an HMAC of a fixed text under the key:
it tells a wrong key from the right one without revealing it) and ``confidential.locked``
(the user locked the confidential store: nothing opens it until they unlock it).
"""
from __future__ import annotations

from typing import Any

import sqlite_utils

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


def mark_document(db: sqlite_utils.Database, document_id: int, sha: str) -> None:
    """Mark a document confidential: its pages, glossary and search entries leave this store (they
    are kept in the encrypted one), its items are confidential too, and ``sha`` replaces the
    plain file's hash (the file itself is kept encrypted)."""
    db.execute("UPDATE documents SET confidential = 1, sha256 = ? WHERE id = ?", (sha, document_id))
    db.execute("DELETE FROM search_rows WHERE document_id = ? AND kind = 'page'", (document_id,))
    db.execute("DELETE FROM glossary WHERE document_id = ?", (document_id,))
    db.execute("UPDATE pages SET text = '' WHERE document_id = ?", (document_id,))
    db.execute("UPDATE items SET confidential = 1 WHERE id IN (SELECT item_id FROM pages WHERE document_id = ? "
               "AND item_id IS NOT NULL)", (document_id,))


def clear_page_texts(db: sqlite_utils.Database, document_id: int, item_ids: set[int]) -> None:
    """Keep a document's pages that belong to the exempt items ``item_ids`` without their text here,
    nor in the search (their text is kept in the encrypted store)."""
    if not item_ids:
        return
    marks = ", ".join("?" for _ in item_ids)
    params = [document_id, *item_ids]
    db.execute(f"DELETE FROM search_rows WHERE kind = 'page' AND document_id = ? AND item_id IN ({marks})", params)
    db.execute(f"UPDATE pages SET text = '' WHERE document_id = ? AND item_id IN ({marks})", params)


def mark_items(db: sqlite_utils.Database, item_ids: set[int]) -> None:
    for item_id in item_ids:
        db.execute("UPDATE items SET confidential = 1 WHERE id = ?", (item_id,))


def item(db: sqlite_utils.Database, item_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT id, meeting_id, title, confidential FROM items WHERE id = ?", (item_id,)))
    return rows[0] if rows else None


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
