"""What's new: the changes a sync found, recorded per committee, read newest first,
and marked seen by the user.

``record_news`` writes inside the caller's transaction when one is open (the sync
records its news in the same unit of work as what it imported, so an interrupted
sync leaves neither) and in its own otherwise.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from panelbook.model import NewsInput, NewsKind
from panelbook.store.db import transaction
from panelbook.store.rows import NewsRow

if TYPE_CHECKING:
    import sqlite_utils

    from panelbook.store.store import Store

_LISTING = """
    SELECT news.id, news.kind, news.committee_id, news.meeting_id, news.document_id, news.title,
           news.at, news.seen_at, committees.name AS committee, committees.council AS council,
           meetings.date AS meeting_date
    FROM news
    LEFT JOIN committees ON committees.id = news.committee_id
    LEFT JOIN meetings ON meetings.id = news.meeting_id
"""

_SAME_UNSEEN = """
    SELECT 1 FROM news WHERE seen_at IS NULL AND kind = ? AND committee_id IS ? AND meeting_id IS ?
    AND document_id IS ? AND title = ? LIMIT 1
"""


def utc_now() -> str:
    """Now, as news records it: ISO 8601 in UTC to the second ("2026-12-02T18:04:00Z")."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@contextmanager
def _writing(db: sqlite_utils.Database) -> Iterator[None]:
    """The caller's open transaction, or one of our own."""
    with nullcontext() if db.conn.in_transaction else transaction(db):
        yield


def record_news(store: Store, entries: Iterable[NewsInput]) -> int:
    """Record what a sync found; return how many entries were added.

    An entry the user has not yet seen is not recorded twice (the same kind,
    committee, meeting, document and title): a sync resumed after an interruption,
    or run again before the user looked, does not repeat itself.
    """
    rows = [_checked(entry) for entry in entries]
    added = 0
    with _writing(store.db):
        for row in rows:
            key = (row["kind"], row["committee_id"], row["meeting_id"], row["document_id"], row["title"])
            if store.db.execute(_SAME_UNSEEN, key).fetchone():
                continue
            store.db.execute(
                "INSERT INTO news (kind, committee_id, meeting_id, document_id, title, at) VALUES (?, ?, ?, ?, ?, ?)",
                (*key, row["at"]))
            added += 1
    return added


def _checked(entry: NewsInput) -> dict[str, Any]:
    kind = NewsKind(entry.kind)         # a wrong kind fails here, before anything is written
    title = " ".join(entry.title.split())
    if not title:
        raise ValueError("a news entry needs a title")
    datetime.fromisoformat(entry.at)    # and so does a time that is not ISO 8601
    return {"kind": kind.value, "committee_id": entry.committee_id, "meeting_id": entry.meeting_id,
            "document_id": entry.document_id, "title": title, "at": entry.at}


def list_news(store: Store, unseen_only: bool = False, *, committee_id: int | None = None) -> list[NewsRow]:
    """What's new, newest first (entries seen at the same moment in the order they were recorded)."""
    where, params = [], []
    if unseen_only:
        where.append("news.seen_at IS NULL")
    if committee_id is not None:
        where.append("news.committee_id = ?")
        params.append(committee_id)
    sql = _LISTING + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY news.at DESC, news.id DESC"
    return [_row(row) for row in store.db.query(sql, params)]


def news_entry(store: Store, news_id: int) -> NewsRow | None:
    rows = list(store.db.query(_LISTING + " WHERE news.id = ?", (news_id,)))
    return _row(rows[0]) if rows else None


def _row(row: dict[str, Any]) -> NewsRow:
    row["seen"] = row["seen_at"] is not None
    return cast(NewsRow, row)


def mark_seen(store: Store, ids: Sequence[int] | None = None) -> int:
    """Mark entries seen (``None``: every one not yet seen); return how many changed."""
    now = utc_now()
    with _writing(store.db):
        if ids is None:
            cursor = store.db.execute("UPDATE news SET seen_at = ? WHERE seen_at IS NULL", (now,))
            return int(cursor.rowcount)
        changed = 0
        for news_id in ids:
            cursor = store.db.execute("UPDATE news SET seen_at = ? WHERE id = ? AND seen_at IS NULL", (now, news_id))
            changed += int(cursor.rowcount)
        return changed


def unseen_counts(store: Store) -> dict[int, int]:
    """How many entries the user has not seen, per committee id (committees with none left out)."""
    rows = store.db.execute(
        "SELECT committee_id, count(*) FROM news WHERE seen_at IS NULL AND committee_id IS NOT NULL "
        "GROUP BY committee_id").fetchall()
    return {int(committee): int(n) for committee, n in rows}


def unseen_by_meeting(store: Store) -> dict[int, int]:
    """How many entries the user has not seen, per meeting id (for the calendar)."""
    rows = store.db.execute(
        "SELECT meeting_id, count(*) FROM news WHERE seen_at IS NULL AND meeting_id IS NOT NULL "
        "GROUP BY meeting_id").fetchall()
    return {int(meeting): int(n) for meeting, n in rows}
