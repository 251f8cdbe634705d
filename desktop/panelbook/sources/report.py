"""A single committee report PDF (no pack stamps), as councils publish per item.

Word-made reports open with the committee, the meeting date and the title,
then "Report by ...".  The report becomes one agenda item of that meeting,
carrying its text.  (What it asks the committee to resolve is not a
resolution until the minutes say so, so none are recorded here.)
"""
from __future__ import annotations

import re

from panelbook.model import AgendaItem, DocumentKind, Meeting, MeetingStatus, Page, ParsedDocument, UnreadableDocument
from panelbook.sources.textutil import clean, parse_date

_COMMITTEE_WORDS = re.compile(r"\b(committee|panel|board|council|cabinet|sub-committee|forum)\b", re.I)


def _head_lines(pages: list[str]) -> list[str]:
    return [clean(line) for line in pages[0].splitlines() if clean(line)][:12]


def looks_like_report(pages: list[str]) -> bool:
    lines = _head_lines(pages) if pages else []
    return (
        len(lines) >= 3
        and bool(_COMMITTEE_WORDS.search(lines[0]))
        and parse_date(lines[1]) is not None
    )


def read_report(pages: list[str]) -> ParsedDocument:
    """Committee, date and title from the first lines; the whole text as the item's report."""
    if not looks_like_report(pages):
        raise UnreadableDocument(
            "This PDF is not an agenda pack, printed minutes or a committee report that Panelbook recognises."
        )
    lines = _head_lines(pages)
    committee, when, title = lines[0], parse_date(lines[1]), lines[2]
    assert when is not None
    description = next((line for line in lines[3:6] if line.lower().startswith("report ")), None)
    full = "\n".join(pages)
    item = AgendaItem(title=title, description=description, text=full)
    meeting = Meeting(committee=committee, date=when, status=MeetingStatus.SCHEDULED, items=[item])
    document = ParsedDocument(
        kind=DocumentKind.REPORT, title=title, meetings=[meeting],
        pages=[Page(index=i, printed=None, text=text) for i, text in enumerate(pages)],
    )
    return document
