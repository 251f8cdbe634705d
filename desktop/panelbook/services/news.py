"""What's new: the changes syncs found, as the command line and the window show them.

Each entry names its kind in words (``label``), its committee and meeting; opening
one marks it seen and says where to go (its meeting, or its document there).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from panelbook.model import NewsKind
from panelbook.store import Store, news as news_rows
from panelbook.store.queries import NotFound
from panelbook.store.rows import NewsRow

LABELS: dict[NewsKind, str] = {
    NewsKind.NEW_MEETING: "New meeting",
    NewsKind.CANCELLED: "Cancelled",
    NewsKind.MOVED: "Moved",
    NewsKind.CHANGED: "Time or venue changed",
    NewsKind.AGENDA_PUBLISHED: "Agenda published",
    NewsKind.NEW_DOCUMENT: "New document",
    NewsKind.CHANGED_DOCUMENT: "Document revised",
    NewsKind.REMOVED_DOCUMENT: "Document withdrawn",
    NewsKind.SUPPLEMENT: "Supplement",
    NewsKind.MINUTES_PUBLISHED: "Minutes published",
    NewsKind.DECISIONS_PUBLISHED: "Decisions published",
}

JSON_KEYS = ("kind", "committee", "meeting_date", "title", "at", "seen")


def label(kind: str) -> str:
    """A news kind in words ("Minutes published"); an unknown stored kind as readable words."""
    try:
        return LABELS[NewsKind(kind)]
    except ValueError:
        return kind.replace("_", " ").capitalize()


def listing(store: Store, *, unseen_only: bool = False) -> list[NewsRow]:
    """What's new, newest first."""
    return news_rows.list_news(store, unseen_only)


def as_json(rows: Sequence[NewsRow]) -> list[dict[str, object]]:
    """The ``news --json`` records: the contract's keys first, then the ids."""
    extra = ("id", "committee_id", "meeting_id", "document_id", "council", "seen_at")
    plain = [dict(row) for row in rows]
    return [{key: values[key] for key in (*JSON_KEYS, *extra)} for values in plain]


def mark_seen(store: Store, ids: Sequence[int] | None = None) -> int:
    """Mark these entries seen (``None``: all of them); return how many were unread."""
    return news_rows.mark_seen(store, ids)


def unseen_counts(store: Store) -> dict[int, int]:
    """Unread entries per committee id."""
    return news_rows.unseen_counts(store)


def unseen_by_meeting(store: Store) -> dict[int, int]:
    """Unread entries per meeting id."""
    return news_rows.unseen_by_meeting(store)


def unread_by_committee(store: Store) -> list[tuple[str, int]]:
    """Unread entries per committee, by name, most first (for the side bar and the calendar)."""
    counts: dict[str, int] = {}
    for row in news_rows.list_news(store, unseen_only=True):
        name = row["committee"] or "Other"
        counts[name] = counts.get(name, 0) + 1
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


@dataclass(frozen=True)
class Destination:
    """Where opening a news entry goes: its meeting, and its document there when it has one."""

    meeting_id: int | None
    document_id: int | None


def open_entry(store: Store, news_id: int) -> Destination:
    """Mark the entry seen and say where it leads.  Raises NotFound for an unknown id."""
    entry = news_rows.news_entry(store, news_id)
    if entry is None:
        raise NotFound(f"There is no news entry {news_id}; `panelbook news` lists them.")
    news_rows.mark_seen(store, [news_id])
    return Destination(entry["meeting_id"], entry["document_id"])
