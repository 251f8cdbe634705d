"""Reading the store: the listings the command line and the desktop show.

Each function returns plain dicts shaped like the documented ``--json``
contract (extra keys are allowed, the documented ones never change).
"""
from __future__ import annotations

import json
from datetime import date

import sqlite_utils

from ..model import RecStatus

OPEN_STATUSES = (
    RecStatus.AWAITING_RESPONSE.value, RecStatus.IN_PROGRESS.value,
    RecStatus.REPORTED_COMPLETE.value, RecStatus.REJECTED.value,
)


class NotFound(Exception):
    """The meeting, item or recommendation the user named is not in the store."""


def _meeting_dict(row: dict) -> dict:
    return {
        "id": row["id"], "committee": row["committee"], "date": row["date"], "time": row["time"],
        "venue": row["venue"], "status": row["status"], "council": row["council"],
        "contact": {
            "name": row["contact_name"], "role": row["contact_role"],
            "phone": row["contact_phone"], "email": row["contact_email"],
        },
        "source_url": row["source_url"], "sample": bool(row["sample"]),
        "items": row.get("item_count", 0),
    }


_MEETINGS_SQL = """
    SELECT m.*, c.name AS committee, c.council AS council,
           (SELECT count(*) FROM items i WHERE i.meeting_id = m.id) AS item_count
    FROM meetings m JOIN committees c ON c.id = m.committee_id
"""


def meetings(db: sqlite_utils.Database, date_from: str | None = None, date_to: str | None = None) -> list[dict]:
    where, params = [], []
    if date_from:
        where.append("m.date >= ?")
        params.append(date_from)
    if date_to:
        where.append("m.date <= ?")
        params.append(date_to)
    sql = _MEETINGS_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY m.date, m.time, c.name"
    return [_meeting_dict(row) for row in db.query(sql, params)]


def meeting(db: sqlite_utils.Database, meeting_id: int) -> dict:
    rows = list(db.query(_MEETINGS_SQL + " WHERE m.id = ?", (meeting_id,)))
    if not rows:
        raise NotFound(f"There is no meeting {meeting_id}.")
    return _meeting_dict(rows[0])


def resolve_meeting(db: sqlite_utils.Database, ref: str) -> int:
    """A meeting named by id or by date (YYYY-MM-DD, when only one meeting is on that day)."""
    ref = ref.strip()
    if ref.isdigit():
        if list(db.query("SELECT id FROM meetings WHERE id = ?", (int(ref),))):
            return int(ref)
        raise NotFound(f"There is no meeting with id {ref}; `panelbook meetings` lists them.")
    try:
        date.fromisoformat(ref)
    except ValueError:
        raise NotFound(f"'{ref}' is neither a meeting id nor a date (YYYY-MM-DD).") from None
    rows = list(db.query(_MEETINGS_SQL + " WHERE m.date = ?", (ref,)))
    if not rows:
        raise NotFound(f"There is no meeting on {ref}; `panelbook meetings` lists them.")
    if len(rows) > 1:
        names = ", ".join(f"{r['id']} ({r['committee']})" for r in rows)
        raise NotFound(f"Several meetings are on {ref}: {names}; name one by its id.")
    return rows[0]["id"]


def agenda(db: sqlite_utils.Database, meeting_id: int) -> dict:
    items = []
    for row in db.query("SELECT * FROM items WHERE meeting_id = ? ORDER BY position, id", (meeting_id,)):
        resolutions = [
            {"id": r["id"], "number": r["number"], "text": r["text"]}
            for r in db.query("SELECT * FROM resolutions WHERE item_id = ? ORDER BY position", (row["id"],))
        ]
        documents = [
            {"title": d["title"], "url": d["url"], "size": d["size"], "restricted": bool(d["restricted"])}
            for d in db.query("SELECT * FROM item_links WHERE item_id = ? ORDER BY id", (row["id"],))
        ]
        items.append({
            "id": row["id"], "agenda_number": row["agenda_number"], "minute_number": row["minute_number"],
            "title": row["title"], "description": row["description"],
            "pages": [row["page_first"], row["page_last"]] if row["page_first"] is not None else None,
            "confidential": bool(row["confidential"]), "issue": row["issue"],
            "minutes": row["minutes_text"],
            "discussion": json.loads(row["discussion"]) if row["discussion"] else [],
            "resolutions": resolutions, "documents": documents,
        })
    attendees = [
        {"name": a["name"], "role": a["role"], "attendance": a["attendance"]}
        for a in db.query("SELECT * FROM attendees WHERE meeting_id = ? ORDER BY id", (meeting_id,))
    ]
    return {"meeting": {**meeting(db, meeting_id), "attendees": attendees}, "items": items}


def resolve_item(db: sqlite_utils.Database, meeting_id: int, ref: str) -> int:
    """An item of a meeting named by agenda number, minute number or id (in that order)."""
    ref = ref.strip().rstrip(".")
    for column in ("agenda_number", "minute_number"):
        rows = list(db.query(f"SELECT id FROM items WHERE meeting_id = ? AND {column} = ?", (meeting_id, ref)))
        if len(rows) == 1:
            return rows[0]["id"]
    if ref.isdigit():
        rows = list(db.query("SELECT id FROM items WHERE meeting_id = ? AND id = ?", (meeting_id, int(ref))))
        if rows:
            return rows[0]["id"]
    raise NotFound(f"This meeting has no item '{ref}' (give its agenda number, minute number or id).")


def recommendations(
    db: sqlite_utils.Database, status: str | None = None, overdue_only: bool = False,
    today: date | None = None,
) -> list[dict]:
    today = today or date.today()
    where, params = [], []
    if status:
        where.append("r.status = ?")
        params.append(status)
    else:
        where.append("r.status != ?")
        params.append(RecStatus.DRAFT.value)
    sql = (
        "SELECT r.*, m.date AS meeting_date, coalesce(i.title, r.item_title) AS title_of_item "
        "FROM recommendations r LEFT JOIN meetings m ON m.id = r.meeting_id "
        "LEFT JOIN items i ON i.id = r.item_id WHERE " + " AND ".join(where) +
        " ORDER BY m.date, r.id"
    )
    out = []
    for row in db.query(sql, params):
        overdue = bool(
            row["deadline"] and row["status"] in OPEN_STATUSES[:2] and row["deadline"] < today.isoformat()
        )
        if overdue_only and not overdue:
            continue
        out.append({
            "id": row["id"], "meeting_date": row["meeting_date"], "item_title": row["item_title"] or row["title_of_item"],
            "text": row["text"], "response": row["response"], "status": row["status"],
            "status_text": row["status_text"], "deadline": row["deadline"], "overdue": overdue,
            "owner": row["owner"], "resolution_id": row["resolution_id"], "item_id": row["item_id"],
        })
    return out


def notes(db: sqlite_utils.Database, meeting_id: int) -> list[dict]:
    return [
        {"id": n["id"], "item_id": n["item_id"], "agenda_number": n["agenda_number"],
         "minute_number": n["minute_number"], "item_title": n["title"], "kind": n["kind"],
         "text": n["text"], "profile": n["profile"], "created_at": n["created_at"], "updated_at": n["updated_at"]}
        for n in db.query(
            "SELECT n.*, i.title, i.agenda_number, i.minute_number FROM notes n JOIN items i ON i.id = n.item_id "
            "WHERE i.meeting_id = ? ORDER BY i.position, n.id", (meeting_id,)
        )
    ]
