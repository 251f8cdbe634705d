"""Merging what several documents say about the same meeting or item.

Each import records its own statement (a "fact": the non-empty fields it
read) under its document's key; the stored row is the merge of all facts,
most authoritative source first.  Printed minutes are the formal record; the
pack is the agenda's own word on numbers and pages; web pages come next.
Re-importing a document rewrites only its own fact, so it never flips a value
that a more authoritative document set, and importing the same document twice
changes nothing.
"""
from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from panelbook.model import DocumentKind

RANKS = {
    DocumentKind.PRINTED_MINUTES: 0,
    DocumentKind.AGENDA_PACK: 1,
    DocumentKind.MEETING_PAGE: 2,
    DocumentKind.WEBSERVICE_MEETING: 3,
    DocumentKind.ISSUE_PAGE: 4,
    DocumentKind.REPORT: 5,
}
DEFAULT_RANK = 6


def rank_of(kind: DocumentKind) -> int:
    return RANKS.get(kind, DEFAULT_RANK)


def record(db: sqlite_utils.Database, entity: str, entity_id: int, source: str, rank: int,
           data: dict[str, Any]) -> None:
    """Store (or replace) what ``source`` says about one meeting or item."""
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False)
    db.execute(
        "INSERT INTO facts (entity, entity_id, source, rank, data) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (entity, entity_id, source) DO UPDATE SET rank = excluded.rank, data = excluded.data "
        "WHERE data IS NOT excluded.data",
        (entity, entity_id, source, rank, payload),
    )


def merged(db: sqlite_utils.Database, entity: str, entity_id: int, readable: tuple[str, ...] = ()) -> dict[str, Any]:
    """Field by field, the value of the most authoritative source that has one.

    For fields in ``readable`` (titles), a source that prints them in capitals
    gives way to a less authoritative one that prints them in normal case.
    """
    rows = list(db.query(
        "SELECT data FROM facts WHERE entity = ? AND entity_id = ? ORDER BY rank, rowid", (entity, entity_id)
    ))
    statements = [json.loads(row["data"]) for row in rows]
    out: dict[str, Any] = {}
    for statement in statements:
        for key, value in statement.items():
            if key not in out and value not in (None, "", []):
                out[key] = value
    for key in readable:
        if isinstance(out.get(key), str) and out[key].isupper():
            normal = next((s[key] for s in statements if isinstance(s.get(key), str) and s[key]
                           and not s[key].isupper()), None)
            if normal:
                out[key] = normal
    return out
