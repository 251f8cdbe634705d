"""The "Scrutiny Monitoring" table of a pack, as MonitoringRow objects.

Extracted from PDF, the table comes cell by cell: a date and a wrapped title
("18/07/24 Local Area / SEND / Inspection"), then each recommendation
("1) That ..."), the response ("action taken") and a progress status wrapped in
a narrow column ("Not / complete – / deadline / November / 2024.").  The column
header repeats on every page.  Blank lines may or may not survive extraction,
so the parse reads line shapes, not gaps.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from panelbook.model import MonitoringRow, RecStatus
from panelbook.sources.deadlines import parse_deadline
from panelbook.sources.pack_sections import AGENDA_STAMP, PAGE_STAMP
from panelbook.sources.textutil import clean, parse_numeric_date

_TITLE = re.compile(r"^\s*Scrutiny\s+Monitoring\s*[–-]\s*(.+?)\s*$", re.IGNORECASE)
_HEADER = re.compile(r"^\s*Date\s+Title\s+Action\s+proposed\b", re.IGNORECASE)
_DATE_ROW = re.compile(r"^\s*(\d{1,2}/\d{1,2}/\d{2,4})\b\s*(.*)$")
_NUMBERED = re.compile(r"^\s*\(?(\d{1,2})[).]\s+\S")
_STATUS_START = re.compile(
    r"^\s*(?:Not(?:\s+complete\b.*)?|Complete[d.]?|Partially\b.*|Ongoing\b.*|In progress\b.*"
    r"|Not started\b.*|Rejected\b.*|Accepted\b.*|Awaiting\b.*)\s*$",
    re.IGNORECASE,
)
_NUMBER_PREFIX = re.compile(r"^\(?\d{1,2}[).]\s+")
_STATUS_WIDTH = 24          # the progress column is narrow: its lines are short


def _status(text: str | None, answered: bool) -> RecStatus:
    """The tracker status a council's progress wording stands for.  A row with a
    response but no status yet is in progress; a row with neither awaits a response."""
    words = (text or "").lower()
    if not words:
        return RecStatus.IN_PROGRESS if answered else RecStatus.AWAITING_RESPONSE
    if words.startswith(("not complete", "not started", "partially", "ongoing", "in progress")):
        return RecStatus.IN_PROGRESS
    if words.startswith("complete"):
        return RecStatus.REPORTED_COMPLETE
    if words.startswith("rejected"):
        return RecStatus.REJECTED
    return RecStatus.IN_PROGRESS


def _table_lines(text: str) -> list[str] | None:
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if _TITLE.match(line)), None)
    if start is None:
        return None
    body, skip_status = [], False
    for line in lines[start + 1:]:
        if _HEADER.match(line):
            skip_status = True          # the header's own wrapped "Status"
            continue
        if skip_status and line.strip().lower() == "status":
            skip_status = False
            continue
        if line.strip():
            skip_status = False
        if PAGE_STAMP.match(line) or AGENDA_STAMP.match(line) or not line.strip():
            continue
        body.append(line.strip())
    return body


def _join(lines: list[str]) -> str:
    text = clean(" ".join(lines))
    return re.sub(r"\s*•\s*", "\n• ", text).strip()


def parse_monitoring(
    text: str, meeting_date: date | None = None, meeting_dates: Iterable[date] = ()
) -> list[MonitoringRow]:
    """Every recommendation row of the first "Scrutiny Monitoring" table in ``text``.

    ``meeting_date`` is the meeting the table was written for, so that "at next
    scrutiny panel" means the first of ``meeting_dates`` after it.
    """
    lines = _table_lines(text)
    if not lines:
        return []
    meeting_dates = tuple(meeting_dates)
    rows: list[MonitoringRow] = []
    made: date | None = None
    title_parts: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        dated = _DATE_ROW.match(line)
        if dated:
            made = parse_numeric_date(dated.group(1))
            title_parts = [dated.group(2)] if dated.group(2) else []
            index += 1
            while index < len(lines) and not _NUMBERED.match(lines[index]) and len(lines[index]) <= _STATUS_WIDTH:
                title_parts.append(lines[index])
                index += 1
            continue
        if not _NUMBERED.match(line):
            index += 1
            continue
        proposed = [line]
        index += 1
        while not proposed[-1].rstrip().endswith(".") and index < len(lines) \
                and not _NUMBERED.match(lines[index]) and not _DATE_ROW.match(lines[index]):
            proposed.append(lines[index])
            index += 1
        taken: list[str] = []
        status: list[str] = []
        while index < len(lines) and not _NUMBERED.match(lines[index]) and not _DATE_ROW.match(lines[index]):
            current = lines[index]
            if status or (_STATUS_START.match(current) and len(current) <= _STATUS_WIDTH):
                if status and status[-1].endswith("."):
                    break
                status.append(current)
            else:
                taken.append(current)
            index += 1
        status_text = clean(" ".join(status)) or None
        rows.append(MonitoringRow(
            meeting_date=made,
            item_title=clean(" ".join(title_parts)),
            action_proposed=_NUMBER_PREFIX.sub("", _join(proposed), count=1),
            action_taken=_join(taken) or None,
            status_text=status_text,
            status=_status(status_text, answered=bool(taken)),
            deadline=parse_deadline(status_text, meeting_dates, after=meeting_date),
        ))
    return rows
