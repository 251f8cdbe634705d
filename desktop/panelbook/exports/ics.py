"""Meetings as an iCalendar file (RFC 5545), written with the ``icalendar`` library.

- UIDs are stable across exports and data folders: built from the committee's
  key and the meeting date (a committee meets at most once a day in the store),
  so a calendar that subscribes to the file updates events instead of doubling them.
- Times are Europe/London with a VTIMEZONE; a meeting without a start time is an
  all-day event.  Councils publish start times only, so events last two hours.
- A cancelled meeting is ``STATUS:CANCELLED``; so is a "moved" one, because it
  will not take place on that date (its new date is a meeting of its own).
  Held, scheduled and new meetings are ``CONFIRMED``.  A meeting whose minutes
  are stored was held, whatever its listing says (a page may still call it
  "moved" or "cancelled"), so it is never exported as cancelled.
"""
from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from panelbook import __version__
from panelbook.exports import atomic
from panelbook.store import Store, briefing_queries as bq

LONDON = ZoneInfo("Europe/London")
DURATION = timedelta(hours=2)
_STATUS = {"cancelled": "CANCELLED", "moved": "CANCELLED"}
_WORDS = {"held": "Held", "scheduled": "Scheduled", "new": "New", "moved": "Moved", "cancelled": "Cancelled"}


def meeting_uid(committee_key: str, day: str) -> str:
    """A stable UID for a committee's meeting on ``day``."""
    digest = hashlib.sha1(f"{committee_key}|{day}".encode()).hexdigest()[:20]
    return f"{day}-{digest}@panelbook"


def _event(row: dict[str, Any], stamp: datetime) -> Event:
    event = Event()
    event.add("uid", meeting_uid(row["committee_key"], row["date"]))
    event.add("dtstamp", stamp)
    status = "held" if row.get("has_minutes") else row["status"]
    prefix = {"cancelled": "CANCELLED: ", "moved": "MOVED: "}.get(status, "")
    event.add("summary", prefix + row["committee"])
    day = date.fromisoformat(row["date"])
    if row["time"]:
        hours, minutes = (int(x) for x in row["time"].split(":")[:2])
        start = datetime.combine(day, time(hours, minutes), tzinfo=LONDON)
        event.add("dtstart", start)
        event.add("dtend", start + DURATION)
    else:
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
    if row["venue"]:
        event.add("location", row["venue"])
    event.add("status", _STATUS.get(status, "CONFIRMED"))
    lines = [f"{row['committee']}" + (f", {row['council']}" if row["council"] else ""),
             f"Status: {_WORDS.get(status, status)}"]
    contact = ", ".join(x for x in (row["contact_name"], row["contact_role"], row["contact_phone"],
                                    row["contact_email"]) if x)
    if contact:
        lines.append(f"Contact: {contact}")
    if row["source_url"]:
        lines.append(row["source_url"])
        event.add("url", row["source_url"])
    event.add("description", "\n".join(lines))
    return event


def calendar(rows: list[dict[str, Any]], now: datetime | None = None) -> Calendar:
    """The calendar of the given meeting rows (``briefing_queries.all_meetings_for_calendar``)."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", f"-//Panelbook//Panelbook {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Panelbook meetings")
    cal.add("x-wr-timezone", "Europe/London")
    for row in rows:
        cal.add_component(_event(row, stamp))
    days = sorted(row["date"] for row in rows if row["time"])
    if days:
        # Transitions for the years the meetings span, not 1970-2038.
        first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
        cal.add_missing_timezones(first_date=date(first.year, 1, 1), last_date=date(last.year + 1, 1, 1))
    return cal


def export_ics(store: Store, out_path: Path | str, now: datetime | None = None) -> int:
    """Write every meeting in the store to ``out_path``; return the number of events."""
    rows = bq.all_meetings_for_calendar(store.db)
    data = calendar(rows, now).to_ical()
    atomic.write_bytes(out_path, data)
    return len(rows)
