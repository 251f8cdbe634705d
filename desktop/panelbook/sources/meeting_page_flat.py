"""A ModernGov meeting page whose item table was flattened into one line per row.

Some copies of a meeting page (a table turned into text) keep each item on one
line: the title, then "Minutes:" and the minutes on the same line, the row ended
by " |"; a long minute runs on over the next lines.  There are no item numbers
and no heading.  Such a page is recognised by its rows: at least three lines
that carry a "Minutes:" label followed by text on the same line, and no
"Minutes:" label on a line of its own (that is the ordinary page copy, read by
``meeting_page_text``).

Decisions: the text before "Minutes:" is the item's title, unless it reads as
an agenda description ("To receive ..."), which is kept as the description
with no title; the meeting is HELD (it has minutes); the committee is taken,
with a warning, from the minutes of its previous meeting that the page confirms.
"""
from __future__ import annotations

import re

from panelbook.model import AgendaItem, Committee, DocumentKind, Meeting, MeetingStatus, ParsedDocument
from panelbook.sources.meeting_page_common import apply_minutes, refuse
from panelbook.sources.meeting_page_text import PREVIOUS_MINUTES
from panelbook.sources.textutil import clean

_ROW = re.compile(r"(?:^|\s)(?:Minutes|Cofnodion)\s*:\s+(?=\S)")
_LABEL_ALONE = re.compile(r"^\s*(?:Minutes|Cofnodion)\s*:\s*$", re.MULTILINE)
_ROW_END = re.compile(r"\s*\|\s*$")
_DESCRIPTION = re.compile(r"^To\s+[a-z]")
_MIN_ROWS = 3


def _lines(text: str) -> list[str]:
    return [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


def looks_like_flat_meeting_page(text: str) -> bool:
    """True for a page of flattened item rows ("Title Minutes: text |")."""
    if not isinstance(text, str) or _LABEL_ALONE.search(text[:200_000]):
        return False
    rows = sum(bool(_ROW.search(line)) for line in _lines(text[:200_000])[:400])
    return rows >= _MIN_ROWS


def read_flat_meeting_page(text: str) -> ParsedDocument:
    """The meeting's items and minutes from the flattened rows."""
    if not looks_like_flat_meeting_page(text):
        raise refuse("its items are not in rows with their minutes")
    rows: list[tuple[str, list[str]]] = []
    for line in _lines(text):
        match = _ROW.search(line)
        body = _ROW_END.sub("", line)
        if match:
            rows.append((clean(line[: match.start()]), [_ROW_END.sub("", line[match.end():])]))
        elif rows:
            rows[-1][1].append(body)
    items = []
    for head, minutes in rows:
        item = AgendaItem()
        if _DESCRIPTION.match(head):
            item.description = head
        else:
            item.title = head
        apply_minutes(item, "\n\n".join(clean(line) for line in minutes))
        items.append(item)
    warnings = []
    committee = ""
    found = PREVIOUS_MINUTES.search(text)
    if found:
        committee = clean(found.group("name"))
        warnings.append(f"The page has no heading; the committee ({committee}) is taken from the minutes "
                        "of its previous meeting that it confirms.")
    meeting = Meeting(committee=committee, date=None, status=MeetingStatus.HELD, items=items)
    return ParsedDocument(kind=DocumentKind.MEETING_PAGE, title="Agenda and minutes",
                          committee=Committee(name=committee) if committee else None,
                          meetings=[meeting], warnings=warnings)
