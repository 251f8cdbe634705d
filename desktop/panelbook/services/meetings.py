"""Meetings and what they hold, read for a listing: the meetings, one meeting's agenda,
a meeting or item named the way a person names it, and the markup on a meeting's items
grouped by item.  The command line calls these; the window can too.  No Qt here.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from panelbook.services import confidential_notes
from panelbook.store import Store, queries
from panelbook.store.rows import MeetingRow

# One wording per meeting status, as the window's calendar says it.
STATUS_LABELS = {"scheduled": "Upcoming", "held": "Held", "moved": "Moved", "cancelled": "Cancelled",
                 "new": "New"}
PAST_LABEL = "Past — no minutes yet"


def status_label(status: str, meeting_date: str | None, today: date | None = None) -> str:
    """A meeting's status in words; a scheduled meeting whose date has passed is "Past — no minutes yet"."""
    today = today or date.today()
    if status == "scheduled" and meeting_date and meeting_date < today.isoformat():
        return PAST_LABEL
    return STATUS_LABELS.get(status, status.replace("_", " ").capitalize())


def list_meetings(store: Store, date_from: str | None = None, date_to: str | None = None) -> list[MeetingRow]:
    """Every meeting, oldest first, optionally from and to an ISO date (both included)."""
    return queries.meetings(store.db, date_from, date_to)


def resolve_meeting(store: Store, ref: str) -> int:
    """The meeting named by id or ISO date; NotFound with a sentence otherwise."""
    return queries.resolve_meeting(store.db, ref)


def resolve_item(store: Store, meeting_id: int, ref: str) -> int:
    """The meeting's item named by agenda number, minute number or id."""
    return queries.resolve_item(store.db, meeting_id, ref)


def agenda(store: Store, ref: str) -> dict[str, Any]:
    """The agenda of the meeting named ``ref``: the meeting, its attendees and its items."""
    return queries.agenda(store.db, resolve_meeting(store, ref))


def notes(store: Store, ref: str) -> list[dict[str, Any]]:
    """The markup on the items of the meeting named ``ref`` (the ``notes --json`` rows)."""
    meeting_id = resolve_meeting(store, ref)
    rows = queries.notes(store.db, meeting_id)
    hidden = confidential_notes.meeting_notes(store, meeting_id)
    if not hidden:
        return rows
    order = {item["id"]: position for position, item in enumerate(queries.agenda(store.db, meeting_id)["items"])}
    return sorted([*rows, *hidden], key=lambda r: (order.get(r["item_id"], len(order)), r["kind"] == "highlight"))


def notes_by_item(rows: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """``notes`` rows grouped under their item, items in the order they first appear
    (agenda order), each item's rows in their own order; highlights on no item come last."""
    groups: dict[Any, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    for row in rows:
        key = row["item_id"]
        if key not in groups:
            groups[key] = ({"item_id": key, "agenda_number": row["agenda_number"],
                            "minute_number": row["minute_number"], "item_title": row["item_title"]}, [])
        groups[key][1].append(row)
    ordered = [g for k, g in groups.items() if k is not None]
    return ordered + ([groups[None]] if None in groups else [])
