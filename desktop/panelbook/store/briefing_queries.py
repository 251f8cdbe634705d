"""The reads a briefing pack and the monitoring report need, beyond ``queries``.

Plain dicts and lists; no formatting.  "Outstanding" means what the clerk's
rule keeps on the list: accepted into the tracker (not a draft) and not closed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlite_utils

from panelbook.model import RecStatus
from panelbook.store.blobs import blob_path

NOT_ON_LIST = (RecStatus.DRAFT.value, RecStatus.CLOSED_COMPLETE.value, RecStatus.CLOSED_REJECTED.value)


def committee_of(db: sqlite_utils.Database, meeting_id: int) -> dict[str, Any]:
    """The meeting's committee row: name, council, terms of reference, quorum, key."""
    return list(db.query(
        "SELECT c.* FROM committees c JOIN meetings m ON m.committee_id = c.id WHERE m.id = ?", (meeting_id,)
    ))[0]


def previous_meeting(db: sqlite_utils.Database, meeting_id: int) -> dict[str, Any] | None:
    """The committee's last meeting before this one that took place (not moved or cancelled)."""
    rows = list(db.query(
        "SELECT p.* FROM meetings p JOIN meetings m ON m.committee_id = p.committee_id "
        "WHERE m.id = ? AND p.date < m.date AND p.status NOT IN ('moved', 'cancelled') "
        "ORDER BY p.date DESC LIMIT 1", (meeting_id,)
    ))
    return rows[0] if rows else None


def members(db: sqlite_utils.Database, meeting_id: int) -> tuple[list[dict[str, Any]], str | None]:
    """The panel's members and where the list comes from.

    The committee's own membership when the store has it; else the attendance
    recorded for this meeting; else the attendance at the latest earlier
    meeting that recorded one (the source then names that meeting's date).
    """
    committee = committee_of(db, meeting_id)
    rows = list(db.query("SELECT name, role FROM committee_members WHERE committee_id = ? ORDER BY id",
                         (committee["id"],)))
    if rows:
        return rows, None
    rows = list(db.query("SELECT name, role, attendance FROM attendees WHERE meeting_id = ? ORDER BY id",
                         (meeting_id,)))
    if rows:
        return rows, "attendance"
    earlier = list(db.query(
        "SELECT p.id, p.date FROM meetings p JOIN meetings m ON m.committee_id = p.committee_id "
        "WHERE m.id = ? AND p.date < m.date AND EXISTS (SELECT 1 FROM attendees a WHERE a.meeting_id = p.id) "
        "ORDER BY p.date DESC LIMIT 1", (meeting_id,)
    ))
    if not earlier:
        return [], None
    rows = list(db.query("SELECT name, role, attendance FROM attendees WHERE meeting_id = ? ORDER BY id",
                         (earlier[0]["id"],)))
    return rows, earlier[0]["date"]


def pack_document(db: sqlite_utils.Database, meeting_id: int) -> dict[str, Any] | None:
    """The meeting's agenda pack document (the PDF one when there is one)."""
    rows = list(db.query(
        "SELECT * FROM documents WHERE meeting_id = ? AND kind = 'agenda_pack' "
        "ORDER BY confidential, media_type = 'application/pdf' DESC, imported_at DESC, id DESC LIMIT 1", (meeting_id,)
    ))
    return rows[0] if rows else None


def document_file(files_dir: Path, document: dict[str, Any]) -> Path:
    return blob_path(files_dir, document["sha256"])


def item_page_indexes(db: sqlite_utils.Database, document_id: int, item: dict[str, Any]) -> list[int]:
    """The PDF page indexes of an item's report in a pack: pages tied to the
    item, else pages whose printed number lies in its printed range."""
    rows = list(db.query("SELECT idx FROM pages WHERE document_id = ? AND item_id = ? ORDER BY idx",
                         (document_id, item["id"])))
    if not rows and item.get("pages"):
        first, last = item["pages"]
        rows = list(db.query(
            "SELECT idx FROM pages WHERE document_id = ? AND printed BETWEEN ? AND ? ORDER BY idx",
            (document_id, first, last)))
    return [r["idx"] for r in rows]


def page_texts(db: sqlite_utils.Database, document_id: int, indexes: list[int] | None = None, *,
               skip: list[int] | None = None) -> list[str]:
    """Page texts of a document in order (all pages, or the given indexes), but those in ``skip``."""
    rows = db.query("SELECT idx, text FROM pages WHERE document_id = ? ORDER BY idx", (document_id,))
    wanted = set(indexes) if indexes is not None else None
    skipped = set(skip or ())
    return [r["text"] for r in rows if (wanted is None or r["idx"] in wanted) and r["idx"] not in skipped]


def glossary(db: sqlite_utils.Database, meeting_id: int) -> list[tuple[str, str]]:
    """The glossary appendices of the meeting's documents, in their printed order."""
    return [(r["term"], r["meaning"]) for r in db.query(
        "SELECT g.term, g.meaning FROM glossary g JOIN documents d ON d.id = g.document_id "
        "WHERE d.meeting_id = ? ORDER BY d.id, g.id", (meeting_id,))]


def report_texts(db: sqlite_utils.Database, meeting_id: int) -> dict[int, str]:
    return {r["id"]: r["report_text"] for r in db.query(
        "SELECT id, report_text FROM items WHERE meeting_id = ? AND report_text IS NOT NULL", (meeting_id,))}


def notes_and_questions(db: sqlite_utils.Database, meeting_id: int) -> list[dict[str, Any]]:
    """Every profile's notes and questions on a meeting's items, in agenda
    order and each member's own order (lines of enquiry are read as markup)."""
    return list(db.query(
        "SELECT n.* FROM notes n JOIN items i ON i.id = n.item_id WHERE i.meeting_id = ? "
        "AND n.kind IN ('note', 'question') ORDER BY i.position, n.position, n.id", (meeting_id,)))


_OUTSTANDING_SQL = """
    SELECT r.*, m.date AS meeting_date, i.title AS title_of_item, i.issue AS issue, i.title_key AS title_key
    FROM recommendations r JOIN meetings m ON m.id = r.meeting_id
    LEFT JOIN items i ON i.id = r.item_id
    WHERE m.committee_id = (SELECT committee_id FROM meetings WHERE id = ?)
      AND m.date < (SELECT date FROM meetings WHERE id = ?)
      AND r.status NOT IN ({})
    ORDER BY m.date, coalesce(i.position, 0), r.id
""".format(", ".join("?" for _ in NOT_ON_LIST))


def outstanding_at(db: sqlite_utils.Database, meeting_id: int) -> list[dict[str, Any]]:
    """Recommendations of the committee's earlier meetings still on the list:
    accepted into the tracker and not closed.  Each carries its meeting date,
    item title (as printed in the tracker, else the item's) and the item's issue."""
    rows = db.query(_OUTSTANDING_SQL, (meeting_id, meeting_id, *NOT_ON_LIST))
    return [{**r, "item_title": r["item_title"] or r["title_of_item"]} for r in rows]


def all_meetings_for_calendar(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every meeting with its committee's key, name and council (for the .ics file),
    and ``has_minutes``: whether minutes or resolutions of it are stored (it was held)."""
    return list(db.query(
        "SELECT m.*, c.key AS committee_key, c.name AS committee, c.council AS council, "
        "(EXISTS (SELECT 1 FROM items i WHERE i.meeting_id = m.id AND i.minutes_text IS NOT NULL) "
        " OR EXISTS (SELECT 1 FROM resolutions r JOIN items i ON i.id = r.item_id WHERE i.meeting_id = m.id)"
        ") AS has_minutes "
        "FROM meetings m JOIN committees c ON c.id = m.committee_id ORDER BY m.date, m.time, c.name"))
