"""Keeping the full-text index in step with the store.

Index rows are derived data: they are rebuilt for a meeting or a document
whenever that meeting or document changes, inside the same transaction.
They are written to ``search_rows``; triggers keep the FTS5 index ``search``
in step (see the schema), so nothing here writes to ``search`` itself.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import sqlite_utils

_INSERT = (
    "INSERT INTO search_rows (title, body, kind, ref_id, meeting_id, item_id, document_id, page) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def reindex_meeting(db: sqlite_utils.Database, meeting_id: int) -> None:
    """Index a meeting's items, minutes, resolutions, recommendations and notes."""
    db.execute("DELETE FROM search_rows WHERE meeting_id = ? AND kind != 'page'", (meeting_id,))
    for item in db.query("SELECT * FROM items WHERE meeting_id = ?", (meeting_id,)):
        body = " ".join(filter(None, [item["description"], item["issue"]]))
        db.execute(_INSERT, (item["title"], body, "item", item["id"], meeting_id, item["id"], None, item["page_first"]))
        discussion = " ".join(json.loads(item["discussion"])) if item["discussion"] else ""
        minutes = " ".join(filter(None, [item["minutes_text"], discussion]))
        if minutes:
            db.execute(_INSERT, (item["title"], minutes, "minutes", item["id"], meeting_id, item["id"], None, None))
        # A pack read from text has no pages: its report text is searched instead (no page number
        # is claimed, because the text does not say on which printed page a passage stands).
        if item["report_text"] and not list(db.query("SELECT 1 FROM pages WHERE item_id = ? LIMIT 1", (item["id"],))):
            db.execute(_INSERT, (item["title"], item["report_text"], "report", item["id"], meeting_id, item["id"],
                                 None, None))
    for res in db.query(
        "SELECT r.id, r.text, i.id AS item_id, i.title FROM resolutions r JOIN items i ON i.id = r.item_id "
        "WHERE i.meeting_id = ?", (meeting_id,)
    ):
        db.execute(_INSERT, (res["title"], res["text"], "resolution", res["id"], meeting_id, res["item_id"],
                             None, None))
    for rec in db.query("SELECT * FROM recommendations WHERE meeting_id = ?", (meeting_id,)):
        index_recommendation(db, rec, delete=False)
    for note in db.query(
        "SELECT n.*, i.title FROM notes n JOIN items i ON i.id = n.item_id WHERE i.meeting_id = ?", (meeting_id,)
    ):
        db.execute(_INSERT, (note["title"], note["text"], "note", note["id"], meeting_id, note["item_id"], None, None))


def index_recommendation(db: sqlite_utils.Database, rec: Mapping[str, Any], delete: bool = True) -> None:
    if delete:
        db.execute("DELETE FROM search_rows WHERE kind = 'recommendation' AND ref_id = ?", (rec["id"],))
    body = " ".join(filter(None, [rec["text"], rec["response"], rec["status_text"]]))
    db.execute(_INSERT, (rec["item_title"] or "", body, "recommendation", rec["id"], rec["meeting_id"],
                         rec["item_id"], None, None))


def index_note(db: sqlite_utils.Database, note_id: int) -> None:
    db.execute("DELETE FROM search_rows WHERE kind = 'note' AND ref_id = ?", (note_id,))
    for note in db.query(
        "SELECT n.*, i.title, i.meeting_id FROM notes n JOIN items i ON i.id = n.item_id WHERE n.id = ?", (note_id,)
    ):
        db.execute(_INSERT, (note["title"], note["text"], "note", note_id, note["meeting_id"], note["item_id"],
                             None, None))


def reindex_document(db: sqlite_utils.Database, document_id: int) -> None:
    """Index every page of a document under its meeting and item."""
    db.execute("DELETE FROM search_rows WHERE document_id = ? AND kind = 'page'", (document_id,))
    doc = next(iter(db.query("SELECT * FROM documents WHERE id = ?", (document_id,))))
    db.execute(
        "INSERT INTO search_rows (title, body, kind, ref_id, meeting_id, item_id, document_id, page) "
        "SELECT coalesce(i.title, ?), p.text, 'page', p.id, ?, p.item_id, p.document_id, p.printed "
        "FROM pages p LEFT JOIN items i ON i.id = p.item_id WHERE p.document_id = ?",
        (doc["title"], doc["meeting_id"], document_id),
    )
    # Items whose report was searched as text (a pack read from text) now have pages: their
    # text rows would list the same passage twice, once with its page and once without.
    db.execute("DELETE FROM search_rows WHERE kind = 'report' AND item_id IN "
               "(SELECT item_id FROM pages WHERE document_id = ? AND item_id IS NOT NULL)", (document_id,))
