"""A plain agenda as text: the "Agenda" heading and its items, without page ranges.

Town and parish councils publish the agenda as a web page: an optional notice
("Please note, this meeting has been cancelled."), a line "Agenda", then one item a
line ("- Declarations of interests ...", "3. Minutes"), sometimes with a paragraph
between them.  Recognised by the heading near the top followed by at least three
item lines in a row; read as an agenda front sheet (kind AGENDA_PACK) whose meeting
is CANCELLED when the notice says so.  Committee and date are read when a line
gives them ("Recreation Ground Committee – 9th December 2021"), else left empty
for the import to say so.
"""
from __future__ import annotations

import re

from panelbook.model import (
    AgendaItem,
    Committee,
    DocumentKind,
    Meeting,
    MeetingStatus,
    ParsedDocument,
    UnreadableDocument,
)
from panelbook.sources.textutil import clean, parse_long_date, parse_time

NOT_AN_AGENDA = "This text is not an agenda: it has no 'Agenda' heading followed by its items."
_HEADING = re.compile(r"^(?:AGENDA|Agenda)$")
_ITEM = re.compile(r"^(?:[-–•*]\s+|(?P<number>\d{1,2})[.)]?\s+)(?P<title>\S.*)$")
_CANCELLED = re.compile(r"\b(?:meeting (?:has been|is|was) cancelled|CANCELLED)\b", re.IGNORECASE)
_COMMITTEE_WORDS = re.compile(r"\b(?:Committee|Council|Panel|Board|Cabinet|Forum|Sub-Committee)\b")
_STANDING_BUSINESS = re.compile(r"\b(?:apolog|declarations?\b|interests?\b|minutes\b|matters arising|any other business"
                                r"|public (?:questions|participation|recess|forum))", re.IGNORECASE)
_TOP = 8            # the heading sits in the first lines
_MIN_ITEMS = 3


def _lines(text: str) -> list[str]:
    lines = (clean(line[:2000]) for line in text[:200_000].replace("\r", "\n").split("\n"))
    return [line for line in lines if line]


def _items_from(lines: list[str], start: int) -> list[tuple[str | None, str]]:
    """The item lines after the heading: a paragraph may sit between them, the first run of
    three or more item lines in a row is the agenda."""
    items: list[tuple[str | None, str]] = []
    for line in lines[start:]:
        match = _ITEM.match(line)
        if match:
            items.append((match.group("number"), clean(match.group("title"))))
        elif len(items) >= _MIN_ITEMS:
            break
        else:
            items = []
    return items if len(items) >= _MIN_ITEMS else []


def _heading_at(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines[:_TOP]) if _HEADING.match(line)), None)


def looks_like_agenda_text(text: str) -> bool:
    """True for an "Agenda" heading near the top, then item lines that include the business every
    council agenda has (apologies, declarations of interest, the minutes, ...)."""
    if not isinstance(text, str) or not text.strip():
        return False
    lines = _lines(text)
    at = _heading_at(lines)
    items = _items_from(lines, at + 1) if at is not None else []
    return any(_STANDING_BUSINESS.search(title) for _, title in items)


def read_agenda_text(text: str) -> ParsedDocument:
    """The agenda's meeting and items."""
    if not looks_like_agenda_text(text):
        raise UnreadableDocument(NOT_AN_AGENDA)
    lines = _lines(text)
    at = _heading_at(lines)
    assert at is not None
    items = [AgendaItem(agenda_number=number, title=title) for number, title in _items_from(lines, at + 1)]
    top = lines[:at]
    cancelled = any(_CANCELLED.search(line) for line in top)
    committee, day, time = "", None, None
    for line in top:
        when = parse_long_date(line)
        if when and _COMMITTEE_WORDS.search(line):
            committee = clean(re.split(r"\s+[-–—]\s+|,", line)[0])
            day, time = when, parse_time(line)
            break
    meeting = Meeting(committee=committee, date=day, time=time, items=items,
                      status=MeetingStatus.CANCELLED if cancelled else MeetingStatus.SCHEDULED)
    return ParsedDocument(kind=DocumentKind.AGENDA_PACK, title="Agenda", meetings=[meeting],
                          committee=Committee(name=committee) if committee else None)
