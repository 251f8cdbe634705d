"""A single committee report PDF (no pack stamps), as councils publish per item.

Word-made reports open with the committee, the meeting date and the title,
then "Report by ...".  The report becomes one agenda item of that meeting,
carrying its text.  (What it asks the committee to resolve is not a
resolution until the minutes say so, so none are recorded here.)
"""
from __future__ import annotations

import re
from datetime import date

from panelbook.model import (
    AgendaItem,
    Committee,
    DocumentKind,
    Meeting,
    MeetingStatus,
    Page,
    ParsedDocument,
    UnreadableDocument,
)
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


# -- a report as text -------------------------------------------------------------------------------

_REPORT_BY = re.compile(r"^Report (?:of|by|from)\b", re.IGNORECASE)
_TEXT_HEAD = 15          # a report names its committee, date and author in its first lines


def _text_head(text: str) -> list[str]:
    lines = (clean(line[:500]) for line in text[:20_000].replace("\r", "\n").split("\n"))
    return [line for line in lines if line and line.lower() not in ("top", "agenda item no", "agenda item no.")][
        :_TEXT_HEAD]


def _committee_and_date(lines: list[str]) -> tuple[int, str, date] | None:
    """Where a report names its meeting: "Scrutiny Committee (Lifelong Learning): 23rd July, 2012",
    or a committee line with the date on the next line."""
    for index, line in enumerate(lines):
        name, _, when = line.partition(":")
        day = parse_date(when) if when and _COMMITTEE_WORDS.search(name) else None
        if day and name.strip():
            return index, clean(name), day
    for index, line in enumerate(lines[:-1]):
        day = parse_date(lines[index + 1]) if len(lines[index + 1]) <= 40 else None
        if _COMMITTEE_WORDS.search(line) and day and not parse_date(line):
            return index + 1, line, day
    return None


def looks_like_report_text(text: str) -> bool:
    """True for the text of a committee report: its meeting, then "Report of ..." in its first lines."""
    if not isinstance(text, str) or not text.strip():
        return False
    lines = _text_head(text)
    found = _committee_and_date(lines)
    return found is not None and any(_REPORT_BY.match(line) for line in lines[found[0] + 1: found[0] + 4])


def read_report_text(text: str) -> ParsedDocument:
    """The report as the one item of its meeting: committee, date, title, author and text."""
    if not looks_like_report_text(text):
        raise UnreadableDocument("This text is not a committee report that Panelbook recognises.")
    lines = _text_head(text)
    found = _committee_and_date(lines)
    assert found is not None
    at, committee, when = found
    by = next(i for i in range(at + 1, len(lines)) if _REPORT_BY.match(lines[i]))
    title = lines[by + 1] if by + 1 < len(lines) else lines[by]
    council = next((line for line in lines[:at] if re.search(r"\bCouncil\b", line)
                    and _COMMITTEE_WORDS.sub("", line).strip() != ""), None)
    item = AgendaItem(title=title, description=lines[by], text=text.strip())
    meeting = Meeting(committee=committee, date=when, status=MeetingStatus.SCHEDULED, council=council, items=[item])
    return ParsedDocument(kind=DocumentKind.REPORT, title=title, council=council,
                          committee=Committee(name=committee, council=council), meetings=[meeting])
