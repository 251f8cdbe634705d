"""The recommendations tracker's use cases: changing a recommendation under the
clerk's lifecycle, adding one by hand, and what the tracker place shows.  Every
change is recorded in the recommendation's history with who made it and the
value before and after.
"""
from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from panelbook import tracker
from panelbook.model import RecStatus
from panelbook.services.markup import profile_name
from panelbook.store import Store, indexer, queries, recs as rec_rows, transaction
from panelbook.store.queries import NotFound
from panelbook.store.rows import Recommendation
from panelbook.store.writer import now_iso, record_change

EDITABLE_REC_FIELDS = ("status", "response", "deadline", "owner", "text", "decision", "not_a_recommendation")


def set_recommendation(store: Store, rec_id: int, *, who: str | None = None, **changes: Any) -> Recommendation:
    """Change a recommendation (status, response, deadline, owner, text, decision,
    not_a_recommendation), checking the lifecycle and recording every change in
    its history with who made it and the value before and after.

    ``deadline=""`` clears the deadline.  Raises NotFound for an unknown id or a
    bad date, tracker.InvalidTransition for a status change the lifecycle forbids.
    """
    unknown = set(changes) - set(EDITABLE_REC_FIELDS)
    if unknown:
        raise TypeError(f"unknown recommendation fields: {sorted(unknown)}")
    wanted = {k: v for k, v in changes.items() if v is not None}
    if "deadline" in wanted:
        wanted["deadline"] = wanted["deadline"] or None
        if wanted["deadline"] is not None:
            try:
                date.fromisoformat(wanted["deadline"])
            except ValueError:
                raise NotFound(f"'{wanted['deadline']}' is not a date (YYYY-MM-DD).") from None
    if "not_a_recommendation" in wanted:
        wanted["not_a_recommendation"] = int(bool(wanted["not_a_recommendation"]))
    who = who or profile_name(store)
    with transaction(store.db):
        current = rec_rows.recommendation(store.db, rec_id)
        if current is None:
            raise NotFound(f"There is no recommendation {rec_id}; `panelbook recs` lists them.")
        if "status" in wanted:
            try:
                target = RecStatus(wanted["status"])
            except ValueError:
                raise NotFound(f"'{wanted['status']}' is not a recommendation status.") from None
            tracker.check_transition(RecStatus(current["status"]), target)
        _keep_aside_for_drafts(current, wanted)
        diff = {k: v for k, v in wanted.items() if current.get(k) != v}
        if diff.get("response") and not current["response_received"]:
            diff["response_received"] = date.today().isoformat()
        if diff.get("response") and current["status"] == RecStatus.AWAITING_RESPONSE.value and "status" not in diff:
            diff["status"] = RecStatus.IN_PROGRESS.value     # a response has been received
        for name, value in diff.items():
            if name != "response_received":
                record_change(store.db, rec_id, who, name, current.get(name), value)
        if not diff:
            return current
        diff["updated_at"] = now_iso()
        rec = rec_rows.update_recommendation(store.db, rec_id, diff)
        indexer.index_recommendation(store.db, rec)
    return rec


def _keep_aside_for_drafts(current: Recommendation, wanted: dict[str, Any]) -> None:
    """Only a draft can be set aside as "not a recommendation".  A set-aside draft
    that becomes live (accepted by its status) has the flag cleared with the same
    change, so it is recorded in the history; setting the flag on a live one, or
    in the same change that makes it live, is refused with the reason."""
    status = wanted.get("status", current["status"])
    if status == RecStatus.DRAFT.value:
        return
    if wanted.get("not_a_recommendation"):
        raise tracker.InvalidTransition(
            f"Only a draft can be set aside as not a recommendation; this one would be '{status}'. "
            "Close it as rejected instead if the panel has dropped it.")
    if current["not_a_recommendation"]:
        wanted["not_a_recommendation"] = 0


def add_recommendation(store: Store, meeting_id: int, text: str, *, item_id: int | None = None,
                       owner: str | None = None, deadline: str | None = None, who: str | None = None) -> int:
    """A recommendation written by hand (not from minutes or a monitoring table)."""
    who = who or profile_name(store)
    stamp = now_iso()
    with transaction(store.db):
        title = rec_rows.item_title(store.db, item_id) if item_id is not None else None
        rec = rec_rows.insert_recommendation(store.db, {
            "key": f"manual|{uuid.uuid4()}", "meeting_id": meeting_id, "item_id": item_id, "item_title": title,
            "text": text, "owner": owner, "status": RecStatus.AWAITING_RESPONSE.value, "deadline": deadline,
            "created_at": stamp, "updated_at": stamp})
        record_change(store.db, rec["id"], who, "created", None, text)
        indexer.index_recommendation(store.db, rec)
    return int(rec["id"])


def current_status(store: Store, rec_id: int) -> str | None:
    """A recommendation's status as saved now (None if there is no such one)."""
    return rec_rows.status_of(store.db, rec_id)


def tracker_overview(store: Store, today: date | None = None) -> dict[str, Any]:
    """Everything the tracker place shows, read at once: every recommendation and
    the drafts, which ids fall in each view, the meetings, the last held meeting
    and what changed since each committee's own last meeting.  ``today`` defaults to the real date."""
    db = store.db
    today = today or date.today()
    views = {v: {r["id"] for r in queries.recommendations(db, view=v, today=today)} for v in queries.VIEWS}
    rows = queries.recommendations(db, view="all", today=today)
    drafts = queries.recommendations(db, status=RecStatus.DRAFT.value, today=today)
    views["drafts"] = {r["id"] for r in drafts}
    meetings = queries.meetings(db)
    last = tracker.last_held_meeting(meetings, today)
    since = queries.changes_since_last_meetings(db, today=today)    # each committee from its own last meeting
    return {"rows": rows + drafts, "views": views, "meetings": meetings, "last": last, "since": since,
            "today": today}


def listing(store: Store, *, status: str | None = None, overdue: bool = False, view: str | None = None,
            meeting: str | None = None, issue: str | None = None) -> list[dict[str, Any]]:
    """The tracker's listing (the ``recs --json`` rows), filtered by status, overdue,
    view, the meeting they were made at (id or ISO date) or recurring issue."""
    meeting_id = queries.resolve_meeting(store.db, meeting) if meeting else None
    return [dict(r) for r in queries.recommendations(store.db, status, overdue, view=view,
                                                     meeting_id=meeting_id, issue=issue)]


def history(store: Store, rec_id: int) -> list[dict[str, Any]]:
    """Every change to a recommendation: when, who, what, before and after."""
    return queries.history(store.db, rec_id)


def changes(store: Store, since: str | None = None) -> dict[str, Any]:
    """What was closed, added or became overdue since ``since``; by default each
    recommendation since the last meeting of its own committee (``committees`` names them)."""
    if since:
        return queries.changes_since(store.db, since)
    return queries.changes_since_last_meetings(store.db) or {
        "since": None, "committees": [], "closed": [], "added": [], "became_overdue": []}
