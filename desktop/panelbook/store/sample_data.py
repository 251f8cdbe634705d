"""Removing the sample panel from a store, when the user no longer wants it."""
from __future__ import annotations

from typing import Any

import sqlite_utils

from panelbook.store.db import transaction

REMOVED_SETTING = "sample_removed"      # the user removed the sample: an empty store stays empty


def remove_sample(db: sqlite_utils.Database) -> dict[str, Any]:
    """Delete every meeting, item, document and recommendation that came from the
    sample panel, with anything hanging off them; return what was removed."""
    with transaction(db):
        meetings = [r["id"] for r in db.query("SELECT id FROM meetings WHERE sample = 1")]
        if not meetings:
            return {"meetings": 0, "notes": 0, "recommendations": 0, "documents": 0}
        marks = ", ".join("?" for _ in meetings)
        committees = [r["committee_id"] for r in db.query(
            f"SELECT DISTINCT committee_id FROM meetings WHERE id IN ({marks})", meetings)]
        committee_marks = ", ".join("?" for _ in committees)
        items = [r["id"] for r in db.query(f"SELECT id FROM items WHERE meeting_id IN ({marks})", meetings)]
        item_marks = ", ".join("?" for _ in items) or "NULL"
        recs = [r["id"] for r in db.query(
            f"SELECT id FROM recommendations WHERE meeting_id IN ({marks}) OR item_id IN ({item_marks})",
            meetings + items)]
        rec_marks = ", ".join("?" for _ in recs) or "NULL"
        notes = db.execute(f"SELECT count(*) FROM notes WHERE item_id IN ({item_marks})", items).fetchone()[0]
        documents = [r["id"] for r in db.query(
            f"SELECT id FROM documents WHERE sample = 1 OR meeting_id IN ({marks})", meetings)]
        doc_marks = ", ".join("?" for _ in documents) or "NULL"
        statements = [
            (f"DELETE FROM search_rows WHERE meeting_id IN ({marks})", meetings),
            (f"DELETE FROM search_rows WHERE document_id IN ({doc_marks})", documents),
            (f"DELETE FROM rec_history WHERE rec_id IN ({rec_marks})", recs),
            (f"DELETE FROM recommendations WHERE id IN ({rec_marks})", recs),
            (f"DELETE FROM notes WHERE item_id IN ({item_marks})", items),
            (f"DELETE FROM item_marks WHERE item_id IN ({item_marks})", items),
            (f"DELETE FROM highlights WHERE item_id IN ({item_marks}) OR document_id IN ({doc_marks})",
             items + documents),
            (f"DELETE FROM pages WHERE document_id IN ({doc_marks}) OR item_id IN ({item_marks})", documents + items),
            (f"DELETE FROM glossary WHERE document_id IN ({doc_marks})", documents),
            (f"DELETE FROM documents WHERE id IN ({doc_marks})", documents),
            (f"DELETE FROM item_links WHERE item_id IN ({item_marks})", items),
            (f"DELETE FROM resolutions WHERE item_id IN ({item_marks})", items),
            (f"DELETE FROM facts WHERE entity = 'item' AND entity_id IN ({item_marks})", items),
            (f"DELETE FROM facts WHERE entity = 'meeting' AND entity_id IN ({marks})", meetings),
            (f"DELETE FROM corrections WHERE meeting_id IN ({marks})", meetings),
            (f"UPDATE items SET merged_into = NULL WHERE id IN ({item_marks})", items),
            (f"DELETE FROM items WHERE id IN ({item_marks})", items),
            (f"DELETE FROM attendees WHERE meeting_id IN ({marks})", meetings),
            (f"DELETE FROM meetings WHERE id IN ({marks})", meetings),
            (f"DELETE FROM committee_members WHERE committee_id IN ({committee_marks}) "
             "AND committee_id NOT IN (SELECT committee_id FROM meetings)", committees),
            (f"DELETE FROM committees WHERE id IN ({committee_marks}) "
             "AND id NOT IN (SELECT committee_id FROM meetings)", committees),
        ]
        for sql, params in statements:
            db.execute(sql, params)
        db.table("settings").insert({"key": REMOVED_SETTING, "value": "1"}, pk="key", replace=True)
    return {"meetings": len(meetings), "notes": notes, "recommendations": len(recs), "documents": len(documents)}


def sample_removed(db: sqlite_utils.Database) -> bool:
    """Whether the user removed the sample panel (and has not loaded it again since)."""
    return bool(db.execute("SELECT count(*) FROM settings WHERE key = ?", [REMOVED_SETTING]).fetchone()[0])


def forget_removal(db: sqlite_utils.Database) -> None:
    """The sample was loaded again on purpose: a later empty store may be offered it again."""
    with transaction(db):
        db.execute("DELETE FROM settings WHERE key = ?", [REMOVED_SETTING])


def sample_markup(db: sqlite_utils.Database) -> dict[str, Any]:
    """The user's markup on the sample panel, which removing it would delete: how
    many notes and questions, highlights and flags, and whose they are."""
    items = "SELECT i.id FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE m.sample = 1"
    documents = "SELECT id FROM documents WHERE sample = 1 OR meeting_id IN (SELECT id FROM meetings WHERE sample = 1)"
    notes = db.execute(f"SELECT count(*) FROM notes WHERE item_id IN ({items})").fetchone()[0]
    highlights = db.execute(f"SELECT count(*) FROM highlights WHERE item_id IN ({items}) "
                            f"OR document_id IN ({documents})").fetchone()[0]
    flags = db.execute(f"SELECT count(*) FROM item_marks WHERE item_id IN ({items}) "
                       "AND (flag IS NOT NULL OR priority IS NOT NULL)").fetchone()[0]
    profiles = sorted({r[0] for r in db.execute(
        f"SELECT profile FROM notes WHERE item_id IN ({items}) UNION "
        f"SELECT profile FROM highlights WHERE item_id IN ({items}) OR document_id IN ({documents}) UNION "
        f"SELECT profile FROM item_marks WHERE item_id IN ({items}) AND (flag IS NOT NULL OR priority IS NOT NULL)")})
    meetings = db.execute("SELECT count(*) FROM meetings WHERE sample = 1").fetchone()[0]
    return {"notes": notes, "highlights": highlights, "flags": flags, "total": notes + highlights + flags,
            "profiles": profiles, "meetings": meetings}
