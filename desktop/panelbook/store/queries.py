"""Reading the store: the listings the command line and the desktop show.

Each function returns plain dicts shaped like the documented ``--json``
contract (extra keys are allowed, the documented ones never change).
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any

import sqlite_utils

from panelbook import tracker
from panelbook.model import RecStatus
from panelbook.store import correction_overlay
from panelbook.store.meeting_rows import MEETINGS_SQL, meeting_dict
from panelbook.store.rows import MeetingRow, RecListRow


class NotFound(Exception):
    """The meeting, item or recommendation the user named is not in the store."""


_meeting_dict = meeting_dict
_MEETINGS_SQL = MEETINGS_SQL


def meetings(db: sqlite_utils.Database, date_from: str | None = None, date_to: str | None = None) -> list[MeetingRow]:
    where, params = [], []
    if date_from:
        where.append("m.date >= ?")
        params.append(date_from)
    if date_to:
        where.append("m.date <= ?")
        params.append(date_to)
    sql = _MEETINGS_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY m.date, m.time, c.name"
    return [_meeting_dict(row) for row in db.query(sql, params)]


def meeting(db: sqlite_utils.Database, meeting_id: int) -> MeetingRow:
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
    return int(rows[0]["id"])


def agenda(db: sqlite_utils.Database, meeting_id: int) -> dict[str, Any]:
    items = []
    corrected = correction_overlay.corrected_items(db, meeting_id)
    for row in db.query("SELECT * FROM items WHERE meeting_id = ? AND merged_into IS NULL ORDER BY position, id",
                        (meeting_id,)):
        resolutions = [     # its own, then those of the items merged into it
            {"id": r["id"], "number": r["number"], "text": r["text"]}
            for r in db.query("SELECT r.* FROM resolutions r JOIN items i ON i.id = r.item_id WHERE i.id = ? "
                              "OR i.merged_into = ? ORDER BY i.id != ?, i.position, i.id, r.position",
                              (row["id"], row["id"], row["id"]))
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
            "resolutions": resolutions, "documents": documents, "corrected": row["id"] in corrected,
        })
    attendees = [
        {"name": a["name"], "role": a["role"], "attendance": a["attendance"]}
        for a in db.query("SELECT * FROM attendees WHERE meeting_id = ? ORDER BY id", (meeting_id,))
    ]
    documents = meeting_documents(db, meeting_id)
    return {"meeting": {**meeting(db, meeting_id), "attendees": attendees, "documents": documents,
                        "corrected": correction_overlay.is_corrected(db, meeting_id)}, "items": items}


def meeting_documents(db: sqlite_utils.Database, meeting_id: int) -> list[dict[str, Any]]:
    """The documents imported for a meeting (``agenda --json``'s ``documents``):
    kind, title, media type and page count, the reading copy of each kind first
    (a PDF before the same pack read as text).  Only what the documents say, so the
    same documents give the same listing in any data folder."""
    return [
        {"kind": d["kind"], "title": d["title"], "media_type": d["media_type"], "page_count": d["page_count"]}
        for d in db.query(
            "SELECT * FROM documents WHERE meeting_id = ? "
            "ORDER BY kind, media_type = 'application/pdf' DESC, imported_at DESC, id DESC", (meeting_id,))
    ]


def resolve_item(db: sqlite_utils.Database, meeting_id: int, ref: str) -> int:
    """An item of a meeting named by agenda number, minute number or id (in that order)."""
    ref = ref.strip().rstrip(".")
    for column in ("agenda_number", "minute_number"):
        rows = list(db.query(f"SELECT id FROM items WHERE meeting_id = ? AND {column} = ? AND merged_into IS NULL",
                             (meeting_id, ref)))
        if len(rows) == 1:
            return int(rows[0]["id"])
    if ref.isdigit():
        rows = list(db.query("SELECT id FROM items WHERE meeting_id = ? AND id = ? AND merged_into IS NULL",
                             (meeting_id, int(ref))))
        if rows:
            return int(rows[0]["id"])
    raise NotFound(f"This meeting has no item '{ref}' (give its agenda number, minute number or id).")


VIEWS = ("open", "overdue", "due", "closed", "all")


def _response_months(db: sqlite_utils.Database) -> int:
    rows = list(db.query("SELECT value FROM settings WHERE key = 'response_months'"))
    try:
        return int(rows[0]["value"]) if rows else tracker.DEFAULT_RESPONSE_MONTHS
    except ValueError:
        return tracker.DEFAULT_RESPONSE_MONTHS


def last_meeting_held(db: sqlite_utils.Database) -> str | None:
    """The date of the latest meeting held (``recs changes`` counts from it), or None."""
    rows = list(db.query("SELECT max(date) AS d FROM meetings WHERE status = 'held'"))
    return rows[0]["d"] if rows and rows[0]["d"] else None


def next_meeting_date(db: sqlite_utils.Database, committee_id: int | None, after: str) -> str | None:
    """The committee's next meeting (not cancelled) after ``after``."""
    rows = list(db.query(
        "SELECT min(date) AS d FROM meetings WHERE date > ? AND status != 'cancelled' "
        "AND (? IS NULL OR committee_id = ?)", (after, committee_id, committee_id)))
    return rows[0]["d"] if rows else None


def recommendations(
    db: sqlite_utils.Database, status: str | None = None, overdue_only: bool = False,
    today: date | None = None, view: str | None = None, meeting_id: int | None = None,
    issue: str | None = None,
) -> list[RecListRow]:
    """The tracker's rows.  Without ``status`` or ``view``, every recommendation
    except drafts; ``view`` is one of VIEWS ("due": open and due by the next meeting)."""
    today = today or date.today()
    months = _response_months(db)
    where: list[str] = []
    params: list[Any] = []
    if status:
        where.append("r.status = ?")
        params.append(status)
    else:
        where.append("r.status != ?")
        params.append(RecStatus.DRAFT.value)
    if status == RecStatus.DRAFT.value:
        where.append("r.not_a_recommendation = 0")
    if meeting_id is not None:
        where.append("r.meeting_id = ?")
        params.append(meeting_id)
    if issue:
        where.append("(i.issue = ? OR r.item_title = ? OR i.title = ?)")
        params += [issue, issue, issue]
    sql = (
        "SELECT r.*, m.date AS meeting_date, m.committee_id, coalesce(i.title, r.item_title) AS title_of_item, "
        "i.issue AS issue FROM recommendations r LEFT JOIN meetings m ON m.id = r.meeting_id "
        "LEFT JOIN items i ON i.id = r.item_id WHERE " + " AND ".join(where) +
        " ORDER BY m.date, r.id"
    )
    next_dates: dict[int | None, str | None] = {}
    out: list[RecListRow] = []
    for row in db.query(sql, params):
        rec_status = RecStatus(row["status"])
        meeting_day = date.fromisoformat(row["meeting_date"]) if row["meeting_date"] else None
        deadline = date.fromisoformat(row["deadline"]) if row["deadline"] else None
        overdue = tracker.is_overdue(rec_status, deadline, meeting_day, bool(row["response"]), today, months)
        if overdue_only and not overdue:
            continue
        if view and not _in_view(view, rec_status, overdue, deadline, row, db, today, next_dates):
            continue
        due = tracker.response_due(meeting_day, months)
        out.append({
            "id": row["id"], "meeting_date": row["meeting_date"],
            "item_title": row["item_title"] or row["title_of_item"],
            "text": row["text"], "response": row["response"], "status": row["status"],
            "status_text": row["status_text"], "deadline": row["deadline"], "overdue": overdue,
            "status_label": tracker.label(rec_status), "owner": row["owner"],
            "response_due": due.isoformat() if due else None, "response_received": row["response_received"],
            "decision": row["decision"], "on_list": tracker.on_the_list(rec_status),
            "resolution_id": row["resolution_id"], "item_id": row["item_id"], "meeting_id": row["meeting_id"],
            "issue": row["issue"],
        })
    return out


def _in_view(view: str, status: RecStatus, overdue: bool, deadline: date | None, row: dict[str, Any],
             db: sqlite_utils.Database, today: date, next_dates: dict[int | None, str | None]) -> bool:
    if view == "all":
        return True
    if view == "open":
        return status in tracker.OPEN
    if view == "closed":
        return status in tracker.CLOSED
    if view == "overdue":
        return overdue
    if view == "due":
        key = row["committee_id"]
        if key not in next_dates:
            next_dates[key] = next_meeting_date(db, key, today.isoformat())
        upcoming = next_dates[key]
        return status in tracker.AWAITING_ACTION and deadline is not None and (
            upcoming is None or deadline.isoformat() <= upcoming)
    raise NotFound(f"Unknown view '{view}'; use one of {', '.join(VIEWS)}.")


def history(db: sqlite_utils.Database, rec_id: int) -> list[dict[str, Any]]:
    """Every change to a recommendation: when, who, what, before and after."""
    if not list(db.query("SELECT id FROM recommendations WHERE id = ?", (rec_id,))):
        raise NotFound(f"There is no recommendation {rec_id}; `panelbook recs` lists them.")
    return [dict(r) for r in db.query(
        "SELECT at, who, field, before, after FROM rec_history WHERE rec_id = ? ORDER BY id", (rec_id,))]


def changes_since(db: sqlite_utils.Database, since: str, today: date | None = None) -> dict[str, Any]:
    """What happened in the tracker since a date (the last meeting): closed, added, became overdue."""
    today = today or date.today()
    closed = [dict(r) for r in db.query(
        "SELECT DISTINCT r.id, r.text, r.status FROM rec_history h JOIN recommendations r ON r.id = h.rec_id "
        "WHERE h.field = 'status' AND h.after IN ('closed_complete', 'closed_rejected') AND h.at >= ?", (since,))]
    # Added: made at a meeting on or after ``since`` (imported later or not), or written by hand since then.
    added = [dict(r) for r in db.query(
        "SELECT r.id, r.text, r.status FROM recommendations r LEFT JOIN meetings m ON m.id = r.meeting_id "
        "WHERE r.status != 'draft' AND (m.date >= ? OR (r.key LIKE 'manual|%' AND r.created_at >= ?))",
        (since[:10], since))]
    since_day = date.fromisoformat(since[:10])
    overdue_now = {r["id"]: r for r in recommendations(db, overdue_only=True, today=today)}
    overdue_then = {r["id"] for r in recommendations(db, overdue_only=True, today=since_day)}
    became = [{"id": r["id"], "text": r["text"], "status": r["status"]}
              for rid, r in overdue_now.items() if rid not in overdue_then]
    return {"since": since, "closed": closed, "added": added, "became_overdue": became}


def last_meetings_held(db: sqlite_utils.Database, today: date | None = None) -> list[dict[str, Any]]:
    """Per committee: its latest meeting held on or before ``today`` (else its latest
    past one not cancelled), as ``{"committee_id", "committee", "date"}``, oldest first.
    Each committee's recommendations count their changes from their own last meeting."""
    today = today or date.today()
    out = []
    for committee in db.query("SELECT id, name FROM committees ORDER BY name"):
        rows = [{"date": r["date"], "status": r["status"]} for r in db.query(
            "SELECT date, status FROM meetings WHERE committee_id = ? ORDER BY date, time", (committee["id"],))]
        last = tracker.last_held_meeting(rows, today)
        if last:
            out.append({"committee_id": committee["id"], "committee": committee["name"], "date": last["date"]})
    return sorted(out, key=lambda row: (row["date"], row["committee"]))


def changes_since_last_meetings(db: sqlite_utils.Database, today: date | None = None) -> dict[str, Any] | None:
    """What happened in the tracker since each committee's own last meeting (None
    when no committee has met): ``changes_since`` per committee, each recommendation
    counted against the last meeting of the committee it was made at, and tagged
    with that ``committee`` and ``since``.  ``since`` is the earliest of those dates
    and ``committees`` lists them all."""
    lasts = last_meetings_held(db, today)
    if not lasts:
        return None
    committee_of = {r["id"]: r["committee_id"] for r in db.query(
        "SELECT r.id, m.committee_id FROM recommendations r JOIN meetings m ON m.id = r.meeting_id")}
    result: dict[str, Any] = {"since": lasts[0]["date"], "committees": lasts, "closed": [], "added": [],
                              "became_overdue": []}
    for last in lasts:
        part = changes_since(db, last["date"], today=today)
        for key in ("closed", "added", "became_overdue"):
            result[key] += [rec | {"committee": last["committee"], "since": last["date"]} for rec in part[key]
                            if committee_of.get(rec["id"]) == last["committee_id"]]
    return result


def notes(db: sqlite_utils.Database, meeting_id: int) -> list[dict[str, Any]]:
    """The markup on a meeting's items, in agenda order: notes, questions (in
    their order, with state and answer), lines of enquiry, then highlights."""
    rows = [
        {"id": n["id"], "uid": n["uid"], "item_id": n["item_id"], "agenda_number": n["agenda_number"],
         "minute_number": n["minute_number"], "item_title": n["title"], "kind": n["kind"],
         "text": n["text"], "profile": n["profile"], "position": n["position"], "state": n["state"],
         "answer": n["answer"], "lead": n["lead"], "shared": bool(n["shared"]),
         "created_at": n["created_at"], "updated_at": n["updated_at"]}
        for n in db.query(
            "SELECT n.*, i.title, i.agenda_number, i.minute_number FROM notes n JOIN items i ON i.id = n.item_id "
            "WHERE i.meeting_id = ? ORDER BY i.position, n.kind, n.position, n.id", (meeting_id,)
        )
    ]
    rows += [
        {"id": h["id"], "uid": h["uid"], "item_id": h["item_id"], "agenda_number": h["agenda_number"],
         "minute_number": h["minute_number"], "item_title": h["title"], "kind": "highlight",
         "text": h["quote"], "comment": h["comment"], "page": h["printed"], "pdf_page": h["page_idx"],
         "needs_placing": bool(h["needs_placing"]), "profile": h["profile"], "shared": bool(h["shared"]),
         "created_at": h["created_at"], "updated_at": h["updated_at"]}
        for h in db.query(
            "SELECT h.*, i.title, i.agenda_number, i.minute_number FROM highlights h "
            "JOIN documents d ON d.id = h.document_id LEFT JOIN items i ON i.id = h.item_id "
            "WHERE d.meeting_id = ? OR i.meeting_id = ? ORDER BY h.page_idx, h.id", (meeting_id, meeting_id)
        )
    ]
    return rows


def committee_of_external_meeting(db: sqlite_utils.Database, external_id: str) -> str | None:
    """The committee of the stored meeting that has ModernGov meeting id ``external_id``
    (a GetMeetings answer files each meeting under its committee), or None."""
    row = next(iter(db.query(
        "SELECT c.name FROM meetings m JOIN committees c ON c.id = m.committee_id "
        "WHERE m.external_id = ? AND c.name != '' ORDER BY m.id LIMIT 1", (external_id,))), None)
    return str(row["name"]) if row else None
