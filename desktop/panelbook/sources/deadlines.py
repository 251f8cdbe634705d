"""Deadlines as councils word them in monitoring tables.

"deadline November 2024" means by the end of that month; "at the 30 January
2025 meeting" means that day; "update will be provided at next scrutiny panel"
means the panel's next meeting, which only the calendar can tell.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date

from panelbook.sources.textutil import MONTHS, clean, parse_long_date

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_YEAR = re.compile(rf"\b({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_NEXT_MEETING = re.compile(
    r"\bnext\s+(?:scrutiny\s+)?(?:panel|meeting|committee)\b|\bnext\s+\w+\s+(?:panel|meeting)\b",
    re.IGNORECASE,
)


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_deadline(
    text: str | None, meeting_dates: Iterable[date] = (), after: date | None = None
) -> date | None:
    """The date a status or action phrase sets as its deadline, or None.

    A full date ("at the 30 January 2025 meeting") is that day; a month and year
    ("deadline November 2024") is the last day of that month; "next scrutiny
    panel" / "next meeting" is the first of ``meeting_dates`` after ``after``
    (the meeting the phrase was written for), or the first of them when
    ``after`` is None.
    """
    text = clean(text)
    if not text:
        return None
    exact = parse_long_date(text)
    if exact:
        return exact
    month_year = _MONTH_YEAR.search(text)
    if month_year:
        return _end_of_month(int(month_year.group(2)), MONTHS[month_year.group(1).lower()])
    if _NEXT_MEETING.search(text):
        later = sorted(d for d in meeting_dates if after is None or d > after)
        return later[0] if later else None
    return None
