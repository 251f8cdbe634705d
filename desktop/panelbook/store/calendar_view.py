"""What the Calendar shows first: the meetings around today, before the whole list.

The window's calendar is useful as soon as it shows the month it opens on, the
meetings ahead and each committee's latest meetings.  ``first_view`` reads just
those, through indexes (``meetings_date`` and ``UNIQUE (committee_id, date)``),
so its cost follows the number of committees and of meetings ahead, not the
years of archive behind them.  The whole list follows later
(``queries.meetings``).

``early_view`` reads the same before the store is opened: opening checks the
whole database (``PRAGMA quick_check`` reads every page, a second or more on
a ten-year archive), and the calendar need not wait for that.  It reads through
a read-only connection of its own, only a store already at this Panelbook's
schema version, and gives None on any doubt (no database yet, another version,
any SQLite error), in which case the calendar simply waits for the opened
store.  If the check then finds damage, the store that opens afterwards is the
recovered one and the window reads the meetings again from it.
"""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from panelbook.store.meeting_rows import MEETINGS_SQL, meeting_dict
from panelbook.store.rows import MeetingRow

DAYS_BEHIND = 62        # the past meetings shown first: about two months before today
LATEST_EACH = 12        # each committee's latest meetings (the Recent list takes at most 12)


def _dicts(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def first_view(conn: sqlite3.Connection, today: date) -> dict[str, Any]:
    """The meetings the calendar opens on, with how many there are in all.

    ``meetings``: every meeting from ``DAYS_BEHIND`` days before ``today`` on, and
    each committee's ``LATEST_EACH`` latest, in the order of ``queries.meetings``;
    ``total``: how many meetings the store holds; ``complete``: whether
    ``meetings`` is all of them."""
    since = (today - timedelta(days=DAYS_BEHIND)).isoformat()
    rows: dict[int, dict[str, Any]] = {}
    for row in _dicts(conn, MEETINGS_SQL + " WHERE m.date >= ?", (since,)):
        rows[row["id"]] = row
    for (committee_id,) in conn.execute("SELECT id FROM committees").fetchall():
        for row in _dicts(conn, MEETINGS_SQL + " WHERE m.committee_id = ? ORDER BY m.date DESC LIMIT ?",
                          (committee_id, LATEST_EACH)):
            rows.setdefault(row["id"], row)
    total = int(conn.execute("SELECT count(*) FROM meetings").fetchone()[0])
    meetings: list[MeetingRow] = [
        meeting_dict(row) for row in sorted(rows.values(), key=lambda r: (r["date"], r["time"] or "", r["committee"]))]
    return {"meetings": meetings, "total": total, "complete": len(meetings) == total}


def early_view(database: Path, today: date, version: int) -> dict[str, Any] | None:
    """``first_view`` read before the store is opened (see the module's docstring), or None."""
    if not Path(database).is_file():
        return None
    try:
        conn = sqlite3.connect(f"{Path(database).resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) != version:
            return None
        return first_view(conn, today)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
