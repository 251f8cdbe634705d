"""Real rows for the What's new tests: two councils' committees imported from the recorded
ModernGov answers in ../shared/moderngov (Manchester's Audit Committee from its web service,
a cancelled and a held meeting; Kingston's Neighbourhood Committee from its meeting page),
and news about them as a sync would record it."""
from __future__ import annotations

from dataclasses import dataclass

from panelbook.model import NewsInput, NewsKind
from panelbook.services.imports import import_files
from testdata import MODERNGOV


@dataclass(frozen=True)
class Imported:
    audit: int                 # Manchester's Audit Committee
    kingston: int              # Kingston and North Kingston Neighbourhood Committee
    audit_cancelled: int       # 13 January 2026, cancelled
    audit_held: int            # 10 February 2026, with its minutes
    kingston_meeting: int      # 15 January 2026
    audit_minutes_doc: int     # the GetMeeting answer, stored as the meeting's document
    kingston_page_doc: int     # the meeting page, stored as a document


def import_two_committees(store) -> Imported:
    reports = import_files(store, [MODERNGOV / "mg_GetMeetings_manchester.xml", MODERNGOV / "Agenda_151.html",
                                   MODERNGOV / "mg_GetMeeting_with_minutes_manchester.xml"])
    meetings = {r["date"]: r for r in store.db.query(
        "SELECT meetings.id, meetings.date, meetings.committee_id FROM meetings")}
    return Imported(
        audit=meetings["2026-01-13"]["committee_id"], kingston=meetings["2026-01-15"]["committee_id"],
        audit_cancelled=meetings["2026-01-13"]["id"], audit_held=meetings["2026-02-10"]["id"],
        kingston_meeting=meetings["2026-01-15"]["id"],
        audit_minutes_doc=reports[2].document_id, kingston_page_doc=reports[1].document_id)


def a_sync_of(ids: Imported, at: str = "2026-12-02T09:30:00Z") -> list[NewsInput]:
    """What a sync of both committees could have found: the January meeting cancelled, February's
    minutes published, Kingston's meeting page revised."""
    return [
        NewsInput(NewsKind.CANCELLED, ids.audit, ids.audit_cancelled, None, "Audit Committee, 13 January 2026", at),
        NewsInput(NewsKind.MINUTES_PUBLISHED, ids.audit, ids.audit_held, ids.audit_minutes_doc,
                  "Printed minutes 10th-Feb-2026", at),
        NewsInput(NewsKind.CHANGED_DOCUMENT, ids.kingston, ids.kingston_meeting, ids.kingston_page_doc,
                  "Agenda, decisions and minutes", at),
    ]
