"""Read queries the desktop needs beyond the command line's listings.

Pure SQL over the store, no Qt: where a meeting's data came from, the agenda
pack a reader opens (with the map between printed pack pages and PDF pages),
the items' report text, which items the user has opened, and tracker counts.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils

from panelbook.store.blobs import blob_path


def meeting_sources(db: sqlite_utils.Database, meeting_id: int) -> list[dict[str, Any]]:
    """The documents imported for a meeting, oldest first."""
    return [
        {"id": r["id"], "kind": r["kind"], "title": r["title"], "file_name": r["file_name"],
         "media_type": r["media_type"], "page_count": r["page_count"], "imported_at": r["imported_at"],
         "sample": bool(r["sample"])}
        for r in db.query(
            "SELECT * FROM documents WHERE meeting_id = ? ORDER BY imported_at, id", (meeting_id,))
    ]


def item_report_texts(db: sqlite_utils.Database, meeting_id: int) -> dict[int, str]:
    """Each item's report text (packs imported as text keep it here), by item id."""
    return {
        r["id"]: r["report_text"]
        for r in db.query(
            "SELECT id, report_text FROM items WHERE meeting_id = ? AND report_text IS NOT NULL "
            "AND report_text != ''", (meeting_id,))
    }


def pack(db: sqlite_utils.Database, files_dir: Path, meeting_id: int) -> dict[str, Any] | None:
    """The meeting's agenda pack: the PDF to open and its page map, or None.

    ``pages`` lists ``(idx, printed, item_id)`` for every PDF page; a pack
    imported as text has no pages and ``path`` is None.
    """
    rows = list(db.query(
        "SELECT * FROM documents WHERE meeting_id = ? AND kind = 'agenda_pack' "
        "ORDER BY confidential, media_type = 'application/pdf' DESC, imported_at DESC, id DESC LIMIT 1", (meeting_id,)))
    if not rows:
        return None
    doc = rows[0]
    is_pdf = doc["media_type"] == "application/pdf"
    path = blob_path(files_dir, doc["sha256"]) if is_pdf else None
    pages = [(r["idx"], r["printed"], r["item_id"]) for r in db.query(
        "SELECT idx, printed, item_id FROM pages WHERE document_id = ? ORDER BY idx", (doc["id"],))]
    return {
        "id": doc["id"], "title": doc["title"], "file_name": doc["file_name"], "media_type": doc["media_type"],
        "page_count": doc["page_count"], "path": str(path) if path is not None and path.exists() else None,
        "pages": pages,
    }


def read_items(db: sqlite_utils.Database) -> set[int]:
    """Ids of the agenda items this copy's member has marked read (their item marks)."""
    rows = list(db.query("SELECT value FROM settings WHERE key = 'profile_name'"))
    who = rows[0]["value"] if rows and rows[0]["value"] else "Me"
    return {r["item_id"] for r in db.query(
        "SELECT item_id FROM item_marks WHERE profile = ? AND read = 1", (who,))}


def meeting_exists(db: sqlite_utils.Database, meeting_id: int) -> bool:
    """Whether the meeting is (still) in the store: another process may have removed it."""
    return bool(list(db.query("SELECT 1 FROM meetings WHERE id = ?", (meeting_id,))))
