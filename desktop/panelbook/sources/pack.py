"""Agenda packs: the front-sheet agenda, each report's pages and text, the
municipal year's dates, the minutes printed inside, and the monitoring table.

``read_pack`` takes the page texts of a pack PDF (see ``pdftext.extract_pages``)
and maps printed "Page N" footers to PDF pages; ``read_pack_text`` takes a pack
that survives only as one extracted text, where reports are found by where they
start instead.
"""
from __future__ import annotations

import re
from collections import Counter
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
from panelbook.sources.pack_frontsheet import FrontSheet, parse_front_sheet
from panelbook.sources.pack_glossary import parse_glossary
from panelbook.sources.pack_monitoring import parse_monitoring
from panelbook.sources.pack_sections import split_pack_text, strip_stamps
from panelbook.sources.pdftext import printed_page_number
from panelbook.sources.textutil import norm_key, parse_long_date

NOT_A_PACK = "This is not an agenda pack: it has no front-sheet agenda with page ranges."
NO_DATE = "This agenda pack does not say the date of its meeting."
NO_COMMITTEE = "This agenda pack does not name its committee."

_PAGE_RANGE = re.compile(r"\(\s*Pages?\s+\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s*\)", re.IGNORECASE)
# "AGENDA" alone, or "Summons to and Agenda for a Meeting on Thursday, 13th March, 2025 at 10.00 am".
_AGENDA_HEAD = re.compile(r"^[^\S\n]*(?:AGENDA[^\S\n]*$|Summons\s+to\s+and\s+Agenda\s+for\s+a\s+Meeting\b)",
                          re.MULTILINE | re.IGNORECASE)
_STAMPS = re.compile(r"^[^\S\n]*Agenda\s+Item\s+\d+[^\S\n]*$", re.IGNORECASE | re.MULTILINE)
_DECISION_DATE = re.compile(r"DATE\s+OF\s+DECISION\s*:\s*(.+)", re.IGNORECASE)
_MONITORING_DATE = re.compile(r"Scrutiny\s+Monitoring\s*[–-]\s*(.+)", re.IGNORECASE)
_MINUTES_DATE = re.compile(r"MINUTES\s+OF\s+THE\s+MEETING\s+HELD\s+ON\s+(.+)", re.IGNORECASE)


def looks_like_pack(text: str) -> bool:
    """True for a pack: an agenda heading with "(Pages a - b)" ranges, or pack
    stamps ("Agenda Item N" headers)."""
    if not text:
        return False
    if _AGENDA_HEAD.search(text) and _PAGE_RANGE.search(text):
        return True
    return bool(_STAMPS.search(text)) and bool(_PAGE_RANGE.search(text))


def read_pack(pages: list[str]) -> ParsedDocument:
    """Read a pack PDF from the text of each of its pages (PDF page order)."""
    whole = "\n".join(pages)
    if not looks_like_pack(whole):
        raise UnreadableDocument(NOT_A_PACK)
    page_list = [Page(index=i, printed=printed_page_number(t), text=t) for i, t in enumerate(pages)]
    first_numbered = next((p.index for p in page_list if p.printed is not None), len(pages))
    front = "\n".join(pages[:first_numbered]) if first_numbered else whole
    sheet = parse_front_sheet(front, whole)
    by_printed: dict[int, str] = {}
    for page in page_list:
        if page.printed is not None:
            by_printed.setdefault(page.printed, page.text)
    warnings = []
    for item in sheet.items:
        if item.pages:
            first, last = item.pages
            found = [by_printed[n] for n in range(first, last + 1) if n in by_printed]
            if len(found) < last - first + 1:
                warnings.append(f"Agenda item {item.agenda_number}: some of pages {first}-{last} are missing.")
            if found:
                item.text = _tidy(strip_stamps("\n".join(found), item.pages))
    return _document(sheet, whole, page_list, warnings)


def read_pack_text(text: str) -> ParsedDocument:
    """Read a pack that is one extracted text without page breaks.  Printed pages
    cannot be rebuilt from the few footers left, so the result has no pages."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if not looks_like_pack(text):
        raise UnreadableDocument(NOT_A_PACK)
    parts = split_pack_text(text)
    sheet = parse_front_sheet(parts.front, text)
    ranged = [item for item in sheet.items if item.pages]
    warnings = ["This pack is one text without page breaks; printed pages are not mapped."]
    if ranged and len(parts.reports) == len(ranged):
        for item, report in zip(ranged, parts.reports, strict=True):
            item.text = _tidy(strip_stamps(report, item.pages))
    else:
        warnings.append("The reports in this pack could not be told apart; items have no report text.")
    return _document(sheet, text, [], warnings)


def _tidy(text: str) -> str:
    """Trailing spaces off, runs of blank lines down to one."""
    lines = [line.rstrip() for line in text.strip("\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _meeting_date(sheet: FrontSheet, whole: str) -> date | None:
    """The pack's meeting: on the front sheet, else the reports' "DATE OF
    DECISION", else the monitoring table's heading, else the first date of the
    municipal year after the agenda was published."""
    if sheet.meeting_date:
        return sheet.meeting_date
    for pattern in (_DECISION_DATE, _MONITORING_DATE):
        found = Counter(d for d in (parse_long_date(m) for m in pattern.findall(whole)) if d)
        if found:
            return found.most_common(1)[0][0]
    if sheet.published:
        later = [d for d in sheet.year_dates if d > sheet.published]
        if later:
            return later[0]
    return None


def _minutes_item(items: list[AgendaItem]) -> AgendaItem | None:
    for item in items:
        if "minutes of the previous meeting" in norm_key(item.title) and item.text:
            return item
    return None


def _previous_meeting(item: AgendaItem | None, committee: str, council: str | None,
                      warnings: list[str]) -> Meeting | None:
    """The meeting whose minutes the pack prints, read with the minutes reader
    (only its date and committee when the minutes cannot be read)."""
    if item is None or not item.text:
        return None
    heading = _MINUTES_DATE.search(item.text)
    held = parse_long_date(heading.group(1)) if heading else None
    from panelbook.sources.minutes import read_minutes_text

    try:
        parsed = read_minutes_text(item.text)
    except Exception as error:  # noqa: BLE001 - the pack stays readable whatever its minutes hold
        warnings.append(f"The minutes printed in the pack could not be read: {error}")
    else:
        if parsed.meetings:
            meeting = parsed.meetings[0]
            meeting.committee = meeting.committee or committee
            meeting.council = meeting.council or council
            meeting.status = MeetingStatus.HELD
            return meeting
    if held is None:
        return None
    return Meeting(committee=committee, date=held, status=MeetingStatus.HELD, council=council)


def _document(sheet: FrontSheet, whole: str, pages: list[Page], warnings: list[str]) -> ParsedDocument:
    if not sheet.items:
        raise UnreadableDocument(NOT_A_PACK)
    if not sheet.committee:
        raise UnreadableDocument(NO_COMMITTEE)
    when = _meeting_date(sheet, whole)
    if when is None:
        raise UnreadableDocument(NO_DATE)
    committee = Committee(name=sheet.committee, council=sheet.council,
                          terms_of_reference=sheet.remit, quorum=sheet.quorum)
    own = Meeting(committee=sheet.committee, date=when, time=sheet.time, venue=sheet.venue,
                  status=MeetingStatus.SCHEDULED, contact_name=sheet.contact,
                  contact_role=sheet.contact_role, contact_phone=sheet.contact_phone,
                  contact_email=sheet.contact_email,
                  council=sheet.council, items=sheet.items, agenda_published=sheet.published)
    previous = _previous_meeting(_minutes_item(sheet.items), sheet.committee, sheet.council, warnings)
    taken = {when} | ({previous.date} if previous else set())
    scheduled = [Meeting(committee=sheet.committee, date=d, council=sheet.council)
                 for d in sheet.year_dates if d not in taken]
    meetings = [own, *scheduled] + ([previous] if previous else [])
    reports = [item.text for item in sheet.items if item.text] or [whole]
    monitoring = next((rows for rows in (parse_monitoring(t, when, sheet.year_dates) for t in reports) if rows), [])
    glossary = next((g for g in (parse_glossary(t) for t in reports) if g), [])
    return ParsedDocument(
        kind=DocumentKind.AGENDA_PACK,
        title=f"{sheet.committee} – {when.day} {when:%B %Y} – agenda pack",
        council=sheet.council, committee=committee, meetings=meetings, pages=pages,
        monitoring=monitoring, glossary=glossary, warnings=warnings,
    )
