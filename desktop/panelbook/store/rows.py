"""The shapes of the rows the store hands out, as TypedDicts.

They are plain dicts at run time (what sqlite-utils returns, and what the
``--json`` output prints), typed so that callers and the type checker agree on
the keys.  Table rows mirror ``schema.py``; listing rows (``MeetingRow``,
``RecListRow``) are what ``queries`` builds for the command line and the window.
"""
from __future__ import annotations

from typing import Any, TypedDict, cast


class Contact(TypedDict):
    name: str | None
    role: str | None
    phone: str | None
    email: str | None


class MeetingRow(TypedDict):
    """A meeting in a listing (``meetings --json`` gives the first six keys)."""

    id: int
    committee: str
    date: str               # YYYY-MM-DD
    time: str | None        # HH:MM
    venue: str | None
    status: str             # a MeetingStatus value
    council: str | None
    contact: Contact
    source_url: str | None
    sample: bool
    items: int


class RecListRow(TypedDict):
    """A recommendation as the tracker lists it (the ``recs --json`` record)."""

    id: int
    meeting_date: str | None
    item_title: str | None
    text: str
    response: str | None
    status: str             # a RecStatus value
    status_text: str | None
    deadline: str | None
    overdue: bool
    status_label: str
    owner: str | None
    response_due: str | None
    response_received: str | None
    decision: str | None
    on_list: bool
    resolution_id: int | None
    item_id: int | None
    meeting_id: int | None
    issue: str | None


class Recommendation(TypedDict):
    """A row of the recommendations table."""

    id: int
    key: str
    meeting_id: int | None
    item_id: int | None
    resolution_id: int | None
    item_title: str | None
    text: str
    owner: str | None
    response: str | None
    status: str             # a RecStatus value
    status_text: str | None
    deadline: str | None
    response_received: str | None
    decision: str | None
    not_a_recommendation: int
    created_at: str
    updated_at: str


class Note(TypedDict):
    """A row of the notes table: a note, a question or a line of enquiry."""

    id: int
    uid: str
    item_id: int
    profile: str
    kind: str               # note | question | enquiry
    text: str
    position: int
    state: str              # open | asked | answered
    answer: str | None
    lead: str | None
    shared: int
    created_at: str
    updated_at: str


class Highlight(TypedDict):
    """A row of the highlights table: a quoted passage anchored on a page."""

    id: int
    uid: str
    item_id: int | None
    document_id: int
    page_idx: int | None
    printed: int | None
    quote: str
    context_before: str
    context_after: str
    comment: str | None
    profile: str
    shared: int
    needs_placing: int
    created_at: str
    updated_at: str


class ItemMark(TypedDict):
    """A row of item_marks: one profile's flag, read mark and priority on an item."""

    item_id: int
    profile: str
    flag: str | None
    read: int
    priority: int | None
    updated_at: str


class NewsRow(TypedDict):
    """An entry of What's new (the ``news --json`` record gives the first six keys)."""

    kind: str               # a NewsKind value
    committee: str | None
    meeting_date: str | None   # YYYY-MM-DD
    title: str
    at: str                 # when the sync saw it, ISO 8601 UTC
    seen: bool              # whether the user has seen it
    id: int
    committee_id: int | None
    meeting_id: int | None
    document_id: int | None
    council: str | None
    seen_at: str | None     # when the user saw it, ISO 8601 UTC


class Profile(TypedDict):
    name: str
    role: str               # councillor | chair | clerk


def recommendation(row: dict[str, Any]) -> Recommendation:
    """A recommendations-table row as read by sqlite-utils, typed."""
    return cast(Recommendation, row)


def note(row: dict[str, Any]) -> Note:
    return cast(Note, row)


def highlight(row: dict[str, Any]) -> Highlight:
    return cast(Highlight, row)


def item_mark(row: dict[str, Any]) -> ItemMark:
    return cast(ItemMark, row)
