"""The documents table and what hangs off a document: its pages (text, printed
number, the agenda item each page belongs to) and its glossary.

A document is kept under a stable key (``services.imports.document_key``): a
revised version replaces the pages of the one before, and the highlights on it
are found again by their quotes.
"""
from __future__ import annotations

from typing import Any

import sqlite_utils

from panelbook.model import ParsedDocument
from panelbook.store import indexer
from panelbook.store.markup import reanchor_document
from panelbook.store.writer import now_iso

Row = dict[str, Any]


def document_by_key(db: sqlite_utils.Database, key: str) -> Row | None:
    rows = list(db.query("SELECT * FROM documents WHERE key = ?", (key,)))
    return rows[0] if rows else None


def item_title_keys(db: sqlite_utils.Database, meeting_id: int | None) -> set[str]:
    """The normalised titles of a meeting's agenda items."""
    return {row["title_key"] for row in db.query("SELECT title_key FROM items WHERE meeting_id = ?", (meeting_id,))}


def save_document(db: sqlite_utils.Database, parsed: ParsedDocument, key: str, sha: str, file_name: str,
                  media_type: str, meeting_id: int | None, sample: bool) -> int:
    """Store a read document under ``key`` with its pages and glossary; return its id.
    The same content again changes nothing; a revised version replaces its pages and
    re-places the highlights on it.  Runs inside the import's transaction."""
    values = {
        "meeting_id": meeting_id, "kind": parsed.kind.value, "title": parsed.title or file_name,
        "file_name": file_name, "sha256": sha, "media_type": media_type,
        "page_count": len(parsed.pages), "imported_at": now_iso(), "sample": int(sample),
    }
    existing = document_by_key(db, key)
    if existing and existing["sha256"] == sha:
        return int(existing["id"])
    documents = db.table("documents")
    if existing:
        document_id = int(existing["id"])
        documents.update(document_id, values)
        db.execute("DELETE FROM pages WHERE document_id = ?", (document_id,))
        db.execute("DELETE FROM glossary WHERE document_id = ?", (document_id,))
    else:
        documents.insert({"key": key, **values})
        document_id = int(documents.last_rowid or 0)
    ranges = []
    if meeting_id is not None:
        ranges = list(db.query(
            "SELECT id, page_first, page_last FROM items WHERE meeting_id = ? AND page_first IS NOT NULL "
            "AND merged_into IS NULL ORDER BY id", (meeting_id,)
        ))
    db.table("pages").insert_all(
        {"document_id": document_id, "idx": page.index, "printed": page.printed, "text": page.text,
         "item_id": next((r["id"] for r in ranges
                          if page.printed is not None and r["page_first"] <= page.printed <= r["page_last"]), None)}
        for page in parsed.pages)
    db.table("glossary").insert_all(
        ({"document_id": document_id, "term": term, "meaning": meaning} for term, meaning in parsed.glossary),
        ignore=True)
    indexer.reindex_document(db, document_id)
    if existing:   # a revised version: find every highlight on it again by its quote
        reanchor_document(db, document_id)
    return document_id
