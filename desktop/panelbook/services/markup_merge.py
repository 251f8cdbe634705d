"""Merging a checked markup file (``markup_file.parse``) into the store, and the
markup that waits for its meeting.

A member may export markup for a meeting whose papers the other computer has
not imported yet (the chair's lines of enquiry sent before the clerk's pack
arrives).  Those records are not dropped: they are kept in the store
(``store.markup.keep_pending``) and merged, by the same rules, when an import
brings their meeting (``attach_pending``, called by every import's transaction).
"""
from __future__ import annotations

from typing import Any

import sqlite_utils

from panelbook.store import correction_transfer, indexer, markup as markup_store

NOTE_FIELDS = ("uid", "profile", "kind", "text", "position", "state", "answer", "lead", "shared", "created_at",
               "updated_at")
HIGHLIGHT_FIELDS = ("uid", "page_idx", "printed", "quote", "context_before", "context_after", "comment", "profile",
                    "shared", "needs_placing", "created_at", "updated_at")


def _mark_identity(mark: dict[str, Any]) -> str:
    item = mark["item"]
    return f"{item['committee']}|{item['date']}|{item['title']}|{mark['profile']}"


def merge(db: sqlite_utils.Database, data: dict[str, Any]) -> dict[str, int]:
    """Merge ``data`` (checked, complete records) inside the caller's transaction:
    newer edits win, deletions here stay, records whose meeting or pack is not here
    are kept for later (counted as ``no_such_item``)."""
    counts = {"added": 0, "updated": 0, "unchanged": 0, "kept_newer_here": 0, "no_such_item": 0, "deleted_here": 0,
              "removed": 0}
    correction_transfer.merge_in(db, data.get("corrections", []), counts)   # first: the items they name move
    tombstones = {r["uid"] for r in markup_store.tombstones(db)}
    for dead in data.get("deleted", []):
        counts["removed"] += markup_store.take_deletion(db, dead["uid"], dead["deleted_at"])
        markup_store.forget_pending(db, dead["uid"])
    for note in data.get("notes", []):
        if note["uid"] in tombstones:
            counts["deleted_here"] += 1
            continue
        item_id = markup_store.find_item(db, note["item"])
        if item_id is None:
            markup_store.keep_pending(db, "notes", note["uid"], note)
            counts["no_such_item"] += 1
            continue
        fields = {k: note.get(k) for k in NOTE_FIELDS}
        counts[markup_store.merge_by_uid(db, "notes", fields | {"item_id": item_id})] += 1
    for mark in data.get("marks", []):
        item_id = markup_store.find_item(db, mark["item"])
        if item_id is None:
            markup_store.keep_pending(db, "marks", _mark_identity(mark), mark)
            counts["no_such_item"] += 1
            continue
        here = markup_store.item_mark(db, item_id, mark["profile"])
        if here and here["updated_at"] >= mark["updated_at"]:
            same = here["updated_at"] == mark["updated_at"] and all(
                here[k] == mark.get(k, 0 if k == "read" else None) for k in ("flag", "read", "priority"))
            counts["unchanged" if same else "kept_newer_here"] += 1
            continue
        markup_store.put_mark(db, {"item_id": item_id, "profile": mark["profile"], "flag": mark.get("flag"),
                                   "read": mark.get("read", 0), "priority": mark.get("priority"),
                                   "updated_at": mark["updated_at"]})
        counts["updated" if here else "added"] += 1
    for light in data.get("highlights", []):
        if light["uid"] in tombstones:
            counts["deleted_here"] += 1
            continue
        document_id = markup_store.document_id_by_key(db, light.get("document_key"))
        if document_id is None:
            markup_store.keep_pending(db, "highlights", light["uid"], light)
            counts["no_such_item"] += 1
            continue
        item_id = markup_store.find_item(db, light["item"]) if light.get("item") else None
        fields = {k: light.get(k) for k in HIGHLIGHT_FIELDS}
        placed = fields | {"item_id": item_id, "document_id": document_id}
        counts[markup_store.merge_by_uid(db, "highlights", placed)] += 1
    for meeting in markup_store.meetings_with_notes(db):
        indexer.reindex_meeting(db, meeting)
    return counts


def attach_pending(db: sqlite_utils.Database) -> int:
    """After an import, inside its transaction: merge the kept markup whose meeting
    (or pack) is here now; the rest keeps waiting.  Returns how many were attached."""
    if not markup_store.has_pending(db):
        return 0
    waiting = markup_store.take_pending(db)
    counts = merge(db, waiting)       # the clerk's corrections that waited come in first
    return counts["added"] + counts["updated"] + counts["unchanged"] + counts["kept_newer_here"]
