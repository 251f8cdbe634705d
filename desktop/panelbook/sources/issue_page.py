"""A ModernGov "Issue - meetings" page: a recurring issue and every meeting it came to.

The page (``mgIssueHistoryHome.aspx``) names the issue, then for each meeting
a "Meeting: 20/07/2023 - Children and Families Scrutiny Panel (Item 9)" line,
the item as on the meeting page (title with its "pdf icon PDF 280 KB" link,
description, "Additional documents:", "Minutes:", "Decision:"), and around it
the site's menus and an English/Welsh date picker, which are ignored.

Decisions:
- Each meeting is returned with the one item the issue came to, its
  ``issue`` set to the issue title.  The item's number is a minute number
  when the meeting has minutes (as on the meeting page), else an agenda number.
- A meeting with minutes or decisions is HELD; otherwise SCHEDULED.
- Saved HTML is turned into text first and read the same way.
"""
from __future__ import annotations

import itertools
import re

from panelbook.model import (
    AgendaItem,
    Committee,
    DocumentKind,
    DocumentLink,
    Meeting,
    MeetingStatus,
    ParsedDocument,
    UnreadableDocument,
)
from panelbook.sources.meeting_page import apply_minutes, document_title, split_size_label
from panelbook.sources.textutil import clean, parse_numeric_date

NOT_AN_ISSUE_PAGE = (
    "This is not a ModernGov 'Issue - meetings' page; open the issue's page on the council's "
    "website and save or copy that page instead."
)

_PAGE_TITLE_RE = re.compile(r"^(?:Issue\s*-\s*meetings|Issue history)$", re.IGNORECASE)
_MEETING_RE = re.compile(
    r"^Meeting:\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\s*[-\u2013]\s*(?P<committee>.+?)"
    r"(?:\s*\(Item\s+(?P<item>[\w/.]+?)\.?\))?\s*$",
    re.IGNORECASE,
)
_MEETING_WORD_RE = re.compile(r"^[^\S\n]*Meeting:", re.IGNORECASE | re.MULTILINE)
_LABEL_RE = re.compile(
    r"^(?P<label>Additional documents|Supporting documents|Background documents|Minutes|Decision)\s*:$",
    re.IGNORECASE,
)
_BULLET_RE = re.compile(r"^[\u2022\u25cf\u25aa\u00b7*]\s*")
_FURNITURE = frozenset(
    "loading...|issue details|issue history|related meetings|print this page|skip to main content|"
    "back to top|share this page".split("|")
)
# Where the page's own content ends: the date picker (English and Welsh) and the footer.
_END_RE = re.compile(
    r"^(?:Last 7 days|Month to date|Year to date|Start Date|End Date|Date Range|"
    r"Y saith diwrnod diwethaf|Ystod y dyddiadau|\u00a9|Copyright\b)",
    re.IGNORECASE,
)
_HTML_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def looks_like_issue_page(text: str) -> bool:
    """True for the text (or saved HTML) of an "Issue - meetings" page."""
    if not isinstance(text, str) or not text.strip():
        return False
    text = _as_text(text)
    # The title sits near the top: look there first, so a long file that is
    # not an issue page is refused without cleaning every one of its lines.
    head = text[:200_000].replace("\r\n", "\n").replace("\r", "\n").split("\n", 200)[:200]
    if not any(_PAGE_TITLE_RE.match(_BULLET_RE.sub("", clean(line))) for line in head):
        return False
    return _has_meeting_line(text)


def _has_meeting_line(text: str) -> bool:
    """True when a line of ``text`` reads as "Meeting: <date> - <committee>".
    Only the lines holding "meeting:" are cleaned and matched, not all of them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u200b", "")
    for found in _MEETING_WORD_RE.finditer(text):
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        if _MEETING_RE.match(clean(text[start:] if end < 0 else text[start:end])):
            return True
    return False


def read_issue_page(text: str) -> ParsedDocument:
    """The issue and the meetings (one item each) it came to, as a ParsedDocument."""
    if not looks_like_issue_page(text):
        raise UnreadableDocument(NOT_AN_ISSUE_PAGE)
    lines = _lines(_as_text(text))      # cleaned once; everything below works on these
    issue = _issue_title(lines)
    starts = [i for i, line in enumerate(lines) if _MEETING_RE.match(line)]
    end = next((i for i in range(starts[-1], len(lines)) if _END_RE.match(_BULLET_RE.sub("", lines[i]))),
               len(lines))
    meetings = []
    for start, stop in itertools.pairwise([*starts, end]):
        meeting = _meeting(lines[start], lines[start + 1: stop], issue)
        if meeting is not None:
            meetings.append(meeting)
    if issue is None:
        issue = next((m.items[0].title for m in meetings if m.items and m.items[0].title), None)
        for meeting in meetings:
            for item in meeting.items:
                item.issue = issue
    if not meetings:
        raise UnreadableDocument(NOT_AN_ISSUE_PAGE)
    committees = {m.committee: Committee(name=m.committee) for m in meetings}
    return ParsedDocument(
        kind=DocumentKind.ISSUE_PAGE,
        title=issue or "Issue",
        issue=issue,
        committee=next(iter(committees.values())) if len(committees) == 1 else None,
        committees=list(committees.values()),
        meetings=meetings,
    )


def _as_text(data: str) -> str:
    """Saved HTML as plain text; text as it is."""
    if _HTML_RE.search(data.lstrip()[:2048]):
        from panelbook.sources.htmltext import html_to_text

        return html_to_text(data)
    return data


def _lines(text: str) -> list[str]:
    return [clean(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _issue_title(lines: list[str]) -> str | None:
    """The first real line after the page title "Issue - meetings"."""
    for index, line in enumerate(lines):
        if _PAGE_TITLE_RE.match(_BULLET_RE.sub("", line)):
            for candidate in lines[index + 1:]:
                if _MEETING_RE.match(candidate):
                    return None
                if candidate and not _BULLET_RE.match(candidate) and candidate.lower() not in _FURNITURE:
                    return candidate
    return None


def _meeting(heading: str, body: list[str], issue: str | None) -> Meeting | None:
    match = _MEETING_RE.match(heading)
    if match is None:
        return None
    when = parse_numeric_date(match.group("date"))
    if when is None:
        return None
    number = match.group("item")
    sections = _sections(body)
    head, recorded = _split_record(sections.get("", []))
    if recorded and not sections.get("minutes"):
        sections["minutes"] = recorded          # the minutes copied without their "Minutes:" label
    item = _item(head, number, issue)
    for line in sections.get("additional documents", []) + sections.get("supporting documents", []) \
            + sections.get("background documents", []):
        title, size = document_title(_BULLET_RE.sub("", line))
        if title:
            item.documents.append(DocumentLink(title=title, size=size))
    minutes = "\n".join(sections.get("minutes", [])).strip()
    decision = "\n".join(sections.get("decision", [])).strip()
    apply_minutes(item, minutes or None, decision or None)
    held = bool(minutes or decision)
    if held:
        item.minute_number = number
    else:
        item.agenda_number = number
    return Meeting(
        committee=clean(match.group("committee")),
        date=when,
        status=MeetingStatus.HELD if held else MeetingStatus.SCHEDULED,
        items=[item],
    )


_RECORD_RE = re.compile(r"\b(?:was|were|had|took|received|advised|reported|noted|agreed|resolved)\b")
_AGENDA_TEXT_RE = re.compile(r"^To\s+[a-z]")


def _is_record(line: str) -> bool:
    """A sentence of the minutes (what happened), not a title or the agenda's "To receive ..."."""
    return line.endswith((".", ")")) and len(line) > 40 and not _AGENDA_TEXT_RE.match(line) \
        and bool(_RECORD_RE.search(line))


def _split_record(head: list[str]) -> tuple[list[str], list[str]]:
    """The item line and agenda text, and the minutes that follow them unlabelled."""
    for index, line in enumerate(head):
        if _is_record(line):
            return head[:index], head[index:]
    return head, []


def _sections(body: list[str]) -> dict[str, list[str]]:
    """Lines under each label; "" holds the item line and description before any label."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in body:
        label = _LABEL_RE.match(line)
        if label:
            current = label.group("label").lower()
            sections.setdefault(current, [])
            continue
        furniture = not line or line.lower() in _FURNITURE
        if furniture and current in ("", "additional documents", "supporting documents", "background documents"):
            continue
        sections[current].append(line)
    return sections


def _item(head: list[str], number: str | None, issue: str | None) -> AgendaItem:
    """The item line ("9 Children and Learning - Performance pdf icon PDF 280 KB") and description."""
    item = AgendaItem(issue=issue)
    if not head:
        item.title = issue or ""
        return item
    first = head[0]
    if number and re.match(rf"{re.escape(number)}\.?\s", first):
        first = first[len(number):].lstrip(". ")
    title, size = split_size_label(first)
    item.title = title
    if size:
        item.documents.append(DocumentLink(title=title, size=size))
    description = clean(" ".join(head[1:]))
    item.description = description or None
    return item
