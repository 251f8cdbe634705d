"""The open recommendations an agenda item inherits from earlier meetings on the same issue.

"Children and Learning - Performance" comes back meeting after meeting; when it
does, members want what the panel asked for last time and is still open.  An
earlier item is on the same issue when it belongs to an earlier meeting of the
same committee and either carries the same ``issue`` or has a title at least
``SIMILAR`` alike (the monitoring table's shorter titles count too).
"""
from __future__ import annotations

from datetime import date

import sqlite_utils

from panelbook import tracker
from panelbook.model import RecStatus
from panelbook.store import queries
from panelbook.store.matching import title_similarity
from panelbook.store.rows import RecListRow

SIMILAR = 0.85


def _same_issue(issue: str | None, title: str, other_issue: str | None, other_titles: list[str | None]) -> bool:
    if issue and other_issue and issue == other_issue:
        return True
    return any(t and title_similarity(title, t) >= SIMILAR for t in other_titles)


def earlier_open_recs(db: sqlite_utils.Database, item_id: int, today: date | None = None) -> list[RecListRow]:
    """Open recommendations (rows shaped as ``queries.recommendations``) made at
    earlier meetings of the item's committee on the same issue, oldest first."""
    rows = list(db.query(
        "SELECT i.id, i.title, i.issue, m.date, m.committee_id FROM items i "
        "JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?", (item_id,)))
    if not rows:
        raise queries.NotFound(f"There is no agenda item {item_id}.")
    item = rows[0]
    earlier_meetings = {r["id"] for r in db.query(
        "SELECT id FROM meetings WHERE committee_id = ? AND date < ?", (item["committee_id"], item["date"]))}
    if not earlier_meetings:
        return []
    out: list[RecListRow] = []
    for rec in queries.recommendations(db, view="open", today=today):
        if rec["meeting_id"] not in earlier_meetings or RecStatus(rec["status"]) not in tracker.OPEN:
            continue
        titles = [rec["item_title"]]
        if rec["item_id"] is not None:
            titles += [r["title"] for r in db.query("SELECT title FROM items WHERE id = ?", (rec["item_id"],))]
        if _same_issue(item["issue"], item["title"], rec["issue"], titles):
            out.append(rec)
    return out
