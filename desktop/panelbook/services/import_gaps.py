"""What an import does when a document does not say which meeting it is about.

Readers give what the document says and leave the rest empty: a page copied
without its heading has no committee (``""``) and no date (``None``), a
web-service ``GetMeeting`` answer of a cancelled meeting names no committee.
Before anything is written the import fills such gaps from what is known for
certain, and says where each came from in the document's warnings:

- the date from the file's name when it holds one ("… 2021-12-09.txt",
  "… 9th December 2021.pdf");
- the committee of a web-service meeting from the meeting of the same ModernGov
  id already in the store (filed there by a ``GetMeetings`` answer).

A document whose own meeting still has no committee or no date cannot be filed:
it is refused with one sentence saying what is missing, and the store is left
as it was.  Mentioned meetings that lack either are left out.
"""
from __future__ import annotations

import re
from datetime import date

import sqlite_utils

from panelbook.model import Meeting, ParsedDocument, UnreadableDocument
from panelbook.sources.textutil import parse_long_date, parse_numeric_date
from panelbook.store import queries

_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]([01]\d)[-_.]([0-3]\d)(?!\d)")
DATE_FROM_NAME = "The document does not say the date of its meeting; {day:%d %B %Y} is taken from the file name."
COMMITTEE_FROM_STORE = ("The document does not name its committee; {name} is taken from the meeting list "
                        "imported earlier (ModernGov meeting {meeting_id}).")
NO_DATE = ("This document does not say the date of its meeting (nor does its file name), so Panelbook cannot "
           "file it; import the meeting's full page, its agenda or its minutes instead.")
NO_COMMITTEE = ("This document does not name the committee of its meeting, so Panelbook cannot file it; "
                "import the meeting's full page, its agenda or its minutes instead.")
NO_COMMITTEE_WEBSERVICE = ("This ModernGov meeting answer does not name its committee; import the committee's "
                           "meeting list (GetMeetings) first, then this answer again.")


def date_in_file_name(file_name: str) -> date | None:
    """A date written in a file name: ISO ("2021-12-09"), in words or day first ("09/12/2021")."""
    match = _ISO_DATE.search(file_name)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    spaced = re.sub(r"[_+]", " ", file_name)
    return parse_long_date(spaced) or parse_numeric_date(spaced)


def fill_from_file_name(parsed: ParsedDocument, file_name: str) -> None:
    """The own meeting's missing date from the file name, said in the warnings."""
    if not parsed.meetings or parsed.meetings[0].date is not None:
        return
    day = date_in_file_name(file_name)
    if day is not None:
        parsed.meetings[0].date = day
        parsed.warnings.append(DATE_FROM_NAME.format(day=day))


def fill_from_store(db: sqlite_utils.Database, parsed: ParsedDocument) -> None:
    """A web-service meeting's missing committee from the meeting list already in the store."""
    for meeting in parsed.meetings:
        if meeting.committee.strip() or not meeting.external_id:
            continue
        name = queries.committee_of_external_meeting(db, meeting.external_id)
        if name:
            meeting.committee = name
            parsed.warnings.append(COMMITTEE_FROM_STORE.format(name=name, meeting_id=meeting.external_id))
    if parsed.meetings and parsed.committee is not None and not parsed.committee.name.strip():
        parsed.committee.name = parsed.meetings[0].committee
    if parsed.committee is not None and not parsed.committee.name.strip():
        parsed.committee = None


def _fileable(meeting: Meeting) -> bool:
    return meeting.date is not None and bool(meeting.committee.strip())


def require_meeting(parsed: ParsedDocument) -> None:
    """Refuse, in one sentence, a document whose own meeting cannot be filed; drop the
    mentioned meetings that cannot be."""
    if not parsed.meetings:
        return
    own = parsed.meetings[0]
    if own.date is None:
        raise UnreadableDocument(NO_DATE)
    if not own.committee.strip():
        raise UnreadableDocument(NO_COMMITTEE_WEBSERVICE if own.external_id else NO_COMMITTEE)
    parsed.meetings[1:] = [meeting for meeting in parsed.meetings[1:] if _fileable(meeting)]
