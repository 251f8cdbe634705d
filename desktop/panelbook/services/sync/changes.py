"""What changed about a meeting or a document since the last sync, as news entries.

A meeting is compared with what the sync remembered of it (``sync_meetings``): a new
meeting, cancelled, moved (its status says so, or its date changed), its time or venue
changed, its agenda, minutes or decisions published.  A document is new (a supplement
when its title or address says so), changed (other bytes at the same address) or
removed (no longer linked).  The first sync of a committee is its baseline and makes
no news: everything would be new.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from panelbook.model import MeetingStatus

_SUPPLEMENT = re.compile(r"\bsupplement|\bSID=\d|\badditional (?:documents?|papers?)\b|\blate (?:item|report)",
                         re.IGNORECASE)


@dataclass(frozen=True)
class MeetingSeen:
    """A meeting as one sync sees it (what ``sync_meetings`` keeps)."""

    date: str
    time: str | None
    venue: str | None
    status: str
    agenda_published: bool
    minutes_published: bool
    decisions_published: bool

    def as_row(self) -> dict[str, Any]:
        return {"date": self.date, "time": self.time, "venue": self.venue, "status": self.status,
                "agenda_published": int(self.agenda_published), "minutes_published": int(self.minutes_published),
                "decisions_published": int(self.decisions_published)}


@dataclass(frozen=True)
class Change:
    """One change found: the ``NewsKind`` value, the store ids it is about, its title."""

    kind: str
    committee_id: int | None
    meeting_id: int | None
    document_id: int | None
    title: str


def meeting_changes(before: dict[str, Any] | None, now: MeetingSeen, committee_id: int | None,
                    meeting_id: int | None, name: str) -> list[Change]:
    """The news about one meeting; ``before`` is its remembered row (None: never seen)."""
    def change(kind: str, title: str) -> Change:
        return Change(kind, committee_id, meeting_id, None, title)

    if before is None:
        return [change("new_meeting", name)]
    found: list[Change] = []
    if now.status != before["status"]:
        if now.status == MeetingStatus.CANCELLED.value:
            found.append(change("cancelled", f"{name}: cancelled"))
        elif now.status == MeetingStatus.MOVED.value:
            found.append(change("moved", f"{name}: moved"))
    if before["date"] and now.date != before["date"]:
        found.append(change("moved", f"{name}: moved from {before['date']} to {now.date}"))
    if (before["time"] or None) != now.time and now.time and before["time"]:
        found.append(change("changed", f"{name}: time changed from {before['time']} to {now.time}"))
    if (before["venue"] or None) != now.venue and now.venue and before["venue"]:
        found.append(change("changed", f"{name}: venue changed to {now.venue}"))
    for flag, kind, words in (("agenda_published", "agenda_published", "agenda published"),
                              ("minutes_published", "minutes_published", "minutes published"),
                              ("decisions_published", "decisions_published", "decisions published")):
        if getattr(now, flag) and not before[flag]:
            found.append(change(kind, f"{name}: {words}"))
    return found


def is_supplement(title: str, url: str) -> bool:
    return bool(_SUPPLEMENT.search(title) or _SUPPLEMENT.search(url))


def document_role(title: str, url: str) -> str:
    """"pack", "supplement" or "report": what a linked document is to its meeting."""
    if is_supplement(title, url):
        return "supplement"
    return "pack" if "mgchoosedocpack.aspx" in url.lower() else "report"


def document_change(kind: str, title: str, url: str, committee_id: int | None, meeting_id: int | None,
                    document_id: int | None) -> Change:
    """``kind`` is "new_document", "changed_document" or "removed_document"; a new
    supplement is news of its own kind."""
    if kind == "new_document" and is_supplement(title, url):
        kind = "supplement"
    return Change(kind, committee_id, meeting_id, document_id, title)
