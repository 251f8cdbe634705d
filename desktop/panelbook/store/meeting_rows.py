"""The meeting listing's one query and row shape, shared by ``queries`` and ``calendar_view``.

Kept apart, with nothing but the standard library behind it, so that the
calendar's first view can be read before the rest of the store is imported.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from panelbook.store.rows import MeetingRow

MEETINGS_SQL = """
    SELECT m.*, c.name AS committee, c.council AS council,
           (SELECT count(*) FROM items i WHERE i.meeting_id = m.id) AS item_count
    FROM meetings m JOIN committees c ON c.id = m.committee_id
"""


def meeting_dict(row: Mapping[str, Any]) -> MeetingRow:
    """A row of ``MEETINGS_SQL`` as the documented ``meetings --json`` entry."""
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
