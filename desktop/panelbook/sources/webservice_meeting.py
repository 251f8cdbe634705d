"""Read a ModernGov ``GetMeeting`` response into one Meeting with its items.

``GetMeeting`` carries everything about one meeting: date, time, status,
location, the agenda items with their display and minute numbers, the
Word HTML of their agenda text and minutes, linked documents and attendees
(whose data sits in attributes).  The response names no committee at the top;
it is taken from the items' ``refertocommittee`` or their documents'
``committeetitle``.
"""
from __future__ import annotations

from datetime import date
from urllib.parse import urljoin
from xml.etree.ElementTree import Element

from panelbook.model import (
    AgendaItem,
    Committee,
    DocumentKind,
    DocumentLink,
    Meeting,
    Member,
    ParsedDocument,
    UnreadableDocument,
)
from panelbook.sources.htmltext import html_to_text
from panelbook.sources.resolutions import parse_resolutions, split_minutes
from panelbook.sources.textutil import clean, parse_time
from panelbook.sources.webservice_xml import attr, day, flag, meeting_status, raw_text, text


def read_meeting(root: Element, base_url: str | None, today: date) -> ParsedDocument:
    """A WEBSERVICE_MEETING document from a parsed ``<meeting>`` response element."""
    when = day(root, "meetingdate")
    if when is None:
        raise UnreadableDocument(
            "This ModernGov meeting response has no meeting date, so it cannot be read."
        )
    item_elements = root.findall("agendaitems/agendaitem")
    committee = _committee_name(root, item_elements)
    meeting = Meeting(
        committee=committee,
        date=when,
        time=parse_time(text(root, "meetingtime")),
        venue=_venue(root),
        status=meeting_status(text(root, "meetingstatus"), when, today),
        items=[_item(element, base_url) for element in item_elements],
        attendees=[_attendee(element) for element in root.findall("attendees/attendee")
                   if attr(element, "name")],
        agenda_published=_agenda_published(root, item_elements),
        external_id=text(root, "meetingid") or None,
        source_url=_source_url(base_url, text(root, "meetingid")),
    )
    title = f"{committee or 'Meeting'}, {when.day} {when:%B %Y}"
    return ParsedDocument(
        kind=DocumentKind.WEBSERVICE_MEETING,
        title=title,
        committee=Committee(name=committee) if committee else None,
        meetings=[meeting],
    )


def _committee_name(root: Element, items: list[Element]) -> str:
    """The committee: a top-level title if present, else the first item's or document's."""
    candidates = [text(root, "committeetitle")]
    for item in items:
        candidates.append(text(item, "refertocommittee"))
        candidates.extend(text(doc, "committeetitle")
                          for doc in item.findall("linkeddocuments/linkeddoc"))
    return next((clean(name) for name in candidates if clean(name)), "")


def _venue(root: Element) -> str | None:
    """``meetinglocation``, with ``meetingroom`` in front when it adds something."""
    location = clean(text(root, "meetinglocation"))
    room = clean(text(root, "meetingroom"))
    if room and room.lower() not in location.lower():
        return f"{room}, {location}" if location else room
    return location or None


def _agenda_published(root: Element, items: list[Element]) -> date | None:
    """When the agenda was published: ``agendapublished`` is only a flag, so the
    date is the earliest publication date of the agenda's (non-decision) documents."""
    if not flag(root, "agendapublished"):
        return None
    dates = [
        day(doc, "publicationdate")
        for item in items
        for doc in item.findall("linkeddocuments/linkeddoc")
        if not flag(doc, "isdecisionattachment")
    ]
    known = [d for d in dates if d is not None]
    return min(known) if known else None


def _source_url(base_url: str | None, meeting_id: str) -> str | None:
    if not base_url or not meeting_id:
        return None
    return f"{base_url.rstrip('/')}/mgWebService.asmx/GetMeeting?lMeetingId={meeting_id}"


def _item(element: Element, base_url: str | None) -> AgendaItem:
    """One ``agendaitem``: numbers, title, agenda text, minutes and documents."""
    number = text(element, "fulldisplaynumberformat").rstrip(".").strip()
    minute = text(element, "minutesitemnumber")
    if minute:
        minute += text(element, "minutesitemsubnumber")
    item = AgendaItem(
        agenda_number=number or None,
        minute_number=minute or None,
        title=clean(text(element, "agendaitemtitle")),
        description=html_to_text(raw_text(element, "agendatext")) or None,
        confidential=flag(element, "isrestricted"),
        documents=[_document(doc, base_url)
                   for doc in element.findall("linkeddocuments/linkeddoc")],
    )
    minutes = html_to_text(raw_text(element, "minutesnonemptyhtmlbody"))
    if minutes:
        item.minutes_text = minutes
        _prose, item.discussion, item.resolutions = split_minutes(minutes)
    else:
        decision = html_to_text(raw_text(element, "decisionnonemptyhtmlbody"))
        if decision:
            item.resolutions = parse_resolutions(decision)
    return item


def _document(element: Element, base_url: str | None) -> DocumentLink:
    url = text(element, "url") or None
    if url and base_url:
        url = urljoin(base_url.rstrip("/") + "/", url)
    return DocumentLink(
        title=clean(text(element, "title")),
        url=url,
        restricted=flag(element, "isrestricted"),
        attachment_id=text(element, "attachmentid") or None,
    )


_ATTENDANCE = (
    ("present", "present"),
    ("attended", "present"),
    ("apolog", "apologies"),
    ("absent", "absent"),
    ("in attendance", "in attendance"),
)


def _attendee(element: Element) -> Member:
    """An ``attendee``: its data is in attributes.  "Expected" (before the
    meeting) and unknown wordings leave attendance as None."""
    raw = (attr(element, "attendance") or "").lower()
    attendance = next((value for key, value in _ATTENDANCE if raw.startswith(key)), None)
    return Member(
        name=attr(element, "name") or "",
        role=attr(element, "roledescription"),
        attendance=attendance,
        party=attr(element, "politicalparty"),
    )
