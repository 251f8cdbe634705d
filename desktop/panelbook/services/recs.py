"""The recommendations tracker's use cases: changing a recommendation under the
clerk's lifecycle, and adding one by hand.  Every change is recorded in the
recommendation's history with who made it and the value before and after.
"""
from __future__ import annotations

import uuid
from datetime import date

from panelbook import tracker
from panelbook.model import RecStatus
from panelbook.services.markup import profile_name
from panelbook.store import Store, indexer, transaction
from panelbook.store.queries import NotFound
from panelbook.store.writer import now_iso, record_change


EDITABLE_REC_FIELDS = ("status", "response", "deadline", "owner", "text", "decision", "not_a_recommendation")


def set_recommendation(store: Store, rec_id: int, *, who: str | None = None, **changes) -> dict:
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
        rows = list(store.db.query("SELECT * FROM recommendations WHERE id = ?", (rec_id,)))
        if not rows:
            raise NotFound(f"There is no recommendation {rec_id}; `panelbook recs` lists them.")
        current = rows[0]
        if "status" in wanted:
            try:
                target = RecStatus(wanted["status"])
            except ValueError:
                raise NotFound(f"'{wanted['status']}' is not a recommendation status.") from None
            tracker.check_transition(RecStatus(current["status"]), target)
        diff = {k: v for k, v in wanted.items() if current[k] != v}
        if diff.get("response") and not current["response_received"]:
            diff["response_received"] = date.today().isoformat()
        if diff.get("response") and current["status"] == RecStatus.AWAITING_RESPONSE.value and "status" not in diff:
            diff["status"] = RecStatus.IN_PROGRESS.value     # a response has been received
        for name, value in diff.items():
            if name != "response_received":
                record_change(store.db, rec_id, who, name, current[name], value)
        if diff:
            diff["updated_at"] = now_iso()
            store.db.execute(
                "UPDATE recommendations SET " + ", ".join(f"{k} = ?" for k in diff) + " WHERE id = ?",
                [*diff.values(), rec_id],
            )
            rec = list(store.db.query("SELECT * FROM recommendations WHERE id = ?", (rec_id,)))[0]
            indexer.index_recommendation(store.db, rec)
    return list(store.db.query("SELECT * FROM recommendations WHERE id = ?", (rec_id,)))[0]


def add_recommendation(store: Store, meeting_id: int, text: str, *, item_id: int | None = None,
                       owner: str | None = None, deadline: str | None = None, who: str | None = None) -> int:
    """A recommendation written by hand (not from minutes or a monitoring table)."""
    who = who or profile_name(store)
    stamp = now_iso()
    with transaction(store.db):
        title = None
        if item_id is not None:
            title = next(iter(store.db.query("SELECT title FROM items WHERE id = ?", (item_id,))))["title"]
        cursor = store.db.execute(
            "INSERT INTO recommendations (key, meeting_id, item_id, item_title, text, owner, status, deadline, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (f"manual|{uuid.uuid4()}", meeting_id, item_id, title, text, owner,
             RecStatus.AWAITING_RESPONSE.value, deadline, stamp, stamp),
        )
        rec_id = int(cursor.lastrowid)
        record_change(store.db, rec_id, who, "created", None, text)
        rec = list(store.db.query("SELECT * FROM recommendations WHERE id = ?", (rec_id,)))[0]
        indexer.index_recommendation(store.db, rec)
    return rec_id
