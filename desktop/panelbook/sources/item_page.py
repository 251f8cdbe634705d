"""Pages about one item of one meeting: ModernGov agenda-item and decision pages.

- Agenda-item pages (``mgAi.aspx``): "Agenda item" (Welsh "Eitem Agenda"), sometimes
  "Agenda item - <title>" above the site's furniture, then the item's title, its agenda
  text and its minutes, "Supporting documents:" at the end; a "Meeting: 20/07/2023 -
  Panel (Item 9)" line when the page names its meeting.  A copy may keep only the
  "Minutes:" block.
- Decision pages (``mgDecisionDetails``, ``ieDecisionDetails``, a decision in full on
  ``mgDelegatedDecisions``): "Issue - decisions" or "Decision details", the decision's
  title (or "23/03/2012 - Title"), labels read by their text ("Decision Maker:",
  "Decided at meeting:", "Made at meeting:", "Date of decision:", "Decision:").
- The body of such a page copied on its own: the item's agenda text ("To receive the
  report ...") then its minute (in the past tense, about the item or the meeting).

Each becomes the one item of its meeting (kind ISSUE_PAGE, item-level like the issue
pages), its ``issue`` the item's title.  The meeting is the one the page names, or
committee "" and date None when it names none (the import then says so).  A
decision is read only where the meeting made one (RESOLVED, AGREED, a "Decision:"
block); a minute number is taken from the page's numbered paragraphs ("39.1" ... "39.5").

Saved HTML (a whole page or a ``<div id="modgov">`` fragment) is turned into text first.
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
    ParsedDocument,
    UnreadableDocument,
)
from panelbook.sources.meeting_page_common import apply_minutes
from panelbook.sources.resolutions import parse_resolutions
from panelbook.sources.textutil import clean, parse_date, parse_numeric_date

NOT_AN_ITEM_PAGE = (
    "This is not a ModernGov agenda-item or decision page; open the item's page on the council's website and "
    "save or copy that page instead."
)
_ITEM_TITLE = re.compile(r"^(?:Agenda item|Eitem agenda)(?:\s*[-–]\s*(?P<title>.+))?$", re.IGNORECASE)
_DECISION_TITLE = re.compile(r"^(?:Issue\s*-\s*decisions|Decision details|Decisions?|Manylion y penderfyniad)$",
                             re.IGNORECASE)
_LABELS = ("decision maker", "decision status", "decided at meeting", "made at meeting", "date of decision",
           "decision published", "publication date", "effective from", "is key decision?",
           "is subject to call in?", "wards affected", "lead officer", "accompanying documents",
           "supporting documents", "decision", "minutes", "purpose", "meeting", "cofnodion", "penderfyniad")
_LABEL = re.compile(rf"^(?P<label>{'|'.join(re.escape(label) for label in _LABELS)})\s*:\s*(?P<rest>.*)$",
                    re.IGNORECASE)
_MEETING_VALUE = re.compile(
    r"^(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\s*[-–]\s*(?P<committee>.+?)(?:\s*\(Item\s+(?P<item>[\w/.]+?)\.?\))?$",
    re.IGNORECASE)
_DATED_TITLE = re.compile(r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*(?P<title>.+?)(?:\s+ref:\s*\d+.*)?$")
_FURNITURE = re.compile(r"^(?:navigation and tools|find it|you are here\b.*|skip to main content|print this page"
                        r"|loading\.\.\.|related meetings|issue history|back to top)$", re.IGNORECASE)
_AGENDA_TEXT = re.compile(r"^To\s+(?:receive|consider|approve|note|agree|confirm|appoint|elect|determine|review"
                          r"|endorse|seek|advise|update|read)\b")
_PAST_RECORD = re.compile(r"\b(?:was|were|had been|has been)\b")
_MEETING_WORDS = re.compile(r"\b(?:item|meeting|minutes|Committee|Cabinet|Council|Panel|Board|Chair(?:man)?)\b")
_PARAGRAPH_NUMBER = re.compile(r"^(?P<minute>\d{1,4})\.\d{1,2}\.?\s")
_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|table|p|h[1-6])\b", re.IGNORECASE)
_MAX_BODY = 6000        # an item-level page body copied on its own is short


def _text(data: str) -> str:
    if _HTML.search(data.lstrip()[:2048]):
        from panelbook.sources.htmltext import html_to_text

        return html_to_text(data)
    return data


def _lines(data: str) -> list[str]:
    text = _text(data).replace("\r\n", "\n").replace("\r", "\n")
    return [line for line in (clean(raw) for raw in text.split("\n")) if line]


def _shape(lines: list[str]) -> str | None:
    """"item", "decision", "minutes" or "body" for the page's opening, else None."""
    if not lines:
        return None
    first = lines[0]
    if _ITEM_TITLE.match(first):
        return "item"
    found = [m for m in map(_LABEL.match, lines[:40]) if m]
    labels = {m.group("label").lower() for m in found}
    if _DECISION_TITLE.match(first) and (
            labels & {"decision maker", "decided at meeting", "made at meeting", "date of decision", "decision"}
            or any(_DATED_TITLE.match(line) for line in lines[1:4])):
        return "decision"
    # without the page's title, the labels must name a real meeting or date ("16/04/2024 - Committee")
    dated = any((m.group("label").lower() in ("made at meeting", "decided at meeting")
                 and _MEETING_VALUE.match(clean(m.group("rest"))))
                or (m.group("label").lower() == "date of decision" and parse_numeric_date(m.group("rest")))
                for m in found)
    if "decision maker" in labels and dated:
        return "decision"
    start = _LABEL.match(first)
    if start and start.group("label").lower() in ("minutes", "cofnodion") and len(lines) >= 2:
        return "minutes"
    if (sum(len(line) for line in lines) <= _MAX_BODY and len(lines) <= 8 and _AGENDA_TEXT.match(first)
            and any(_PAST_RECORD.search(line) and _MEETING_WORDS.search(line) for line in lines[1:])):
        return "body"
    return None


def looks_like_item_page(text: str) -> bool:
    """True for the text (or saved HTML) of an agenda-item or decision page, or of such a page's body."""
    if not isinstance(text, str) or not text.strip():
        return False
    return _shape(_lines(text[:200_000])[:400]) is not None


def read_item_page(text: str) -> ParsedDocument:
    """The page's one item at its meeting, as a ParsedDocument of kind ISSUE_PAGE."""
    if not isinstance(text, str):
        raise UnreadableDocument(NOT_AN_ITEM_PAGE)
    lines = _lines(text)
    shape = _shape(lines)
    if shape is None:
        raise UnreadableDocument(NOT_AN_ITEM_PAGE)
    title, committee, day, number, sections = _read(lines, shape)
    item = AgendaItem(title=title or "", issue=title)
    item.description = "\n\n".join(sections["agenda"]) or None
    decision = "\n\n".join(sections["decision"])
    minutes = "\n\n".join(sections["minutes"])
    apply_minutes(item, minutes or None, None)
    if decision:
        item.resolutions = item.resolutions or parse_resolutions(decision)
        item.minutes_text = item.minutes_text or decision
    held = bool(minutes or decision)
    item.minute_number = number or _paragraph_minute(sections["minutes"])
    meeting = Meeting(committee=committee or "", date=day,
                      status=MeetingStatus.HELD if held else MeetingStatus.SCHEDULED, items=[item])
    return ParsedDocument(kind=DocumentKind.ISSUE_PAGE, title=title or "Agenda item", issue=title,
                          committee=Committee(name=committee) if committee else None,
                          committees=[Committee(name=committee)] if committee else [], meetings=[meeting])


def _read(lines: list[str], shape: str) -> tuple[str | None, str | None, date | None, str | None,
                                                    dict[str, list[str]]]:
    """Title, committee, date, number and the page's blocks ("agenda", "minutes", "decision")."""
    title = committee = number = None
    day: date | None = None
    sections: dict[str, list[str]] = {"agenda": [], "minutes": [], "decision": [], "other": []}
    current = "agenda" if shape in ("item", "body") else "other"
    rest = lines
    if shape in ("item", "decision"):
        heading = _ITEM_TITLE.match(lines[0])
        title = clean(heading.group("title")) if heading and heading.group("title") else None
        rest = lines[1:]
    for line in rest:
        if _FURNITURE.match(line) or _ITEM_TITLE.match(line) or _DECISION_TITLE.match(line):
            continue
        label = _LABEL.match(line)
        if label:
            name, value = label.group("label").lower(), clean(label.group("rest"))
            meeting = _MEETING_VALUE.match(value)
            if name in ("decided at meeting", "made at meeting", "meeting") and meeting:
                day = day or parse_numeric_date(meeting.group("date"))
                committee = committee or clean(meeting.group("committee"))
                number = number or meeting.group("item")
            elif name == "decision maker" and value:
                committee = committee or value
            elif name == "date of decision" and value:
                day = day or parse_date(value)
            current = {"decision": "decision", "penderfyniad": "decision", "minutes": "minutes",
                       "cofnodion": "minutes", "purpose": "agenda"}.get(name, "other")
            if current != "other" and value:
                sections[current].append(value)
            continue
        dated = _DATED_TITLE.match(line) if shape == "decision" and day is None else None
        if dated:    # "23/03/2012 - Programme of Meetings 2012/13": the decision under the issue's title
            title, day = clean(dated.group("title")), parse_numeric_date(dated.group("date"))
            continue
        if title is None and shape in ("item", "decision") and _title_like(line) and not any(sections.values()):
            title = line
            continue
        if current == "agenda" and shape in ("item", "body") and sections["agenda"] and not _AGENDA_TEXT.match(line):
            current = "minutes"          # after the agenda text, the page goes on with the minutes
        elif current == "agenda" and shape == "item" and not _AGENDA_TEXT.match(line):
            current = "minutes"
        sections[current if current != "other" else "other"].append(line)
    if shape == "decision" and not sections["decision"]:
        sections["decision"] = sections["other"]
    return title, committee, day, number, sections


def _title_like(line: str) -> bool:
    return len(line) <= 150 and not line.endswith((".", ":", ";")) and line[:1].isupper() \
        and not _AGENDA_TEXT.match(line)


def _paragraph_minute(lines: list[str]) -> str | None:
    """"39" when the minutes' paragraphs are numbered 39.1, 39.2 ... (two at least, one minute)."""
    found = Counter(m.group("minute") for m in map(_PARAGRAPH_NUMBER.match, lines) if m)
    if len(found) == 1 and sum(found.values()) >= 2:
        return next(iter(found))
    return None
