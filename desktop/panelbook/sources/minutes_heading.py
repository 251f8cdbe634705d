"""Where printed minutes say which meeting they record, in the shapes councils print.

- A prose heading: "MINUTES OF THE MEETING HELD ON 20 JULY 2023", "Minutes of a Meeting
  of Town Council held in The Guildhall on Thursday 6th December 2012 at 7.00pm",
  "MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions House,
  County Hall, Maidstone on Thursday, 30 January 2025." (wrapped over lines), Welsh
  "Cofnodion y Cyfarfod ... a gynhaliwyd ar 16 Mawrth 2010".
- A title block: the council, the committee, the date and time (sometimes run
  together, "4.00pm1 July 2021"), the venue, then a line "MINUTES" and the
  attendance ("Present:"); or the date in a title line ("CORPORATE PARENTING PANEL
  – 10th December 2024") above the attendance.

The venue is read where it is printed: "held in/at <venue> on <day>" in the
prose heading, or the line between the date and "MINUTES" in a title block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from panelbook.sources.textutil import clean, parse_date, parse_time

_PROSE_RE = re.compile(
    r"(?im)^[ \t]*(?:minutes of (?:the )?(?:[\w ,&'()-]{0,120}? )?meeting\b[^\n]*?\bheld\b"
    r"|cofnodion (?:y |o )?(?:[\w ,&'()-]{0,80}? )?cyfarfod\b[^\n]*?\bgynhaliwyd\b)[^\n]*$"
)
_OF_COMMITTEE_RE = re.compile(r"(?i)\bmeeting of (?:the )?(.+?),? held\b")
_VENUE_RE = re.compile(
    r"(?i)\bheld\s+(?:in|at)\s+(?:(?-i:the)\s+)?(?P<venue>.+?)\s*,?\s+on\s+(?:(?:\w+day|dydd\s+\w+),?\s+)?\d"
)
_MINUTES_LINE = re.compile(r"^(?:MINUTES|Minutes|COFNODION|Cofnodion)$")
_ATTENDANCE = re.compile(
    r"^(?:Present|Apologies|Councillors present|Members present|Presennol|PRESENNOL)\b[^:]{0,40}:", re.IGNORECASE
)
_BODY_WORDS = re.compile(r"\b(?:Panel|Committee|Board|Cabinet|Council|Forum|Group|Commission)\b", re.IGNORECASE)
_HEAD_WINDOW = 1500          # minutes open with their heading; a pack only prints them later
_HEAD_LINES = 20             # a title block fits in the first lines
_LONGEST_LINE = 2000         # no heading line is longer; a huge line is not cleaned whole


@dataclass
class MinutesHead:
    """What the opening of the minutes says."""

    line: int                # index of the last heading line; the body starts after it
    date: date | None
    time: str | None
    text: str                # the heading as printed, wraps joined
    above: list[str]         # the lines above the heading (council, committee)
    venue: str | None = None
    committee: str | None = None


def find_head(lines: list[str]) -> MinutesHead | None:
    """The minutes' heading, in prose or as a title block, or None when the text has neither.
    Only the opening lines are looked at (the heading is in the first 1,500 characters)."""
    opening = lines[:_HEAD_WINDOW]
    return _prose(opening) or _title_block(opening)


def _prose(lines: list[str]) -> MinutesHead | None:
    text = "\n".join(line[:_HEAD_WINDOW] for line in lines)
    offset = len(text) - len(text.lstrip())
    match = _PROSE_RE.search(text, offset, offset + _HEAD_WINDOW)
    if match is None:
        return None
    start = text.count("\n", 0, match.start())
    heading_lines = [lines[start][:_HEAD_WINDOW]]
    end = start
    # a prose heading wrapped over lines runs on until its sentence (and its date) ends
    while parse_date(" ".join(heading_lines)) is None and end + 1 < len(lines) and end - start < 3:
        end += 1
        heading_lines.append(lines[end][:_HEAD_WINDOW])
    joined = clean(" ".join(heading_lines))
    committee_match = _OF_COMMITTEE_RE.search(joined)
    venue_match = _VENUE_RE.search(joined)
    return MinutesHead(
        line=end, date=parse_date(joined), time=parse_time(joined), text=joined, above=lines[:start],
        venue=clean(venue_match.group("venue")) if venue_match else None,
        committee=clean(committee_match.group(1)) if committee_match else None,
    )


def _title_block(lines: list[str]) -> MinutesHead | None:
    """Council, committee, date, venue and a "MINUTES" line, then the attendance."""
    cleaned = ((index, clean(line[:_LONGEST_LINE])) for index, line in enumerate(lines[:_HEAD_LINES * 10]))
    head = [(index, text) for index, text in cleaned if text][:_HEAD_LINES]
    marker = next((position for position, (_, text) in enumerate(head) if _MINUTES_LINE.match(text)), None)
    attendance = next((position for position, (_, text) in enumerate(head) if _ATTENDANCE.match(text)), None)
    if attendance is None or (marker is not None and marker > attendance):
        return None
    end = marker if marker is not None else attendance
    dated = [(position, parse_date(text)) for position, (_, text) in enumerate(head[:end])]
    found = next(((position, day) for position, day in dated if day is not None), None)
    if found is None:
        return None
    position, day = found
    date_text = head[position][1]
    above = [text for _, text in head[:position]]
    # "CORPORATE PARENTING PANEL – 10th December 2024": the committee shares the date's line
    title = re.split(r"\s+[-–—]\s+", date_text)
    committee = clean(title[0]) if len(title) > 1 and parse_date(title[0]) is None else None
    if committee is not None and not _BODY_WORDS.search(committee):
        committee = None
    said = marker is not None or any("minutes" in text.lower() for _, text in head[:end + 1])
    if not said and committee is None:
        return None          # a date and an attendance list alone do not make minutes
    between = [text for _, text in head[position + 1:end] if not _MINUTES_LINE.match(text)]
    venue = between[0] if len(between) == 1 and len(between[0]) <= 120 else None
    last = head[marker][0] if marker is not None else head[attendance][0] - 1
    return MinutesHead(line=last, date=day, time=parse_time(date_text), text=date_text, above=above,
                       venue=venue, committee=committee)
