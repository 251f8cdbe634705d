"""Read ModernGov web-service XML: ``GetCommittees``, ``GetMeetings``, ``GetMeeting``.

Councils' ``mgWebService.asmx`` answers plain HTTP GET with a bare XML
document (SOAP POST wraps the same document in an envelope; both are read).
The XML is untrusted: it is parsed with defusedxml, and any DTD or entity
declaration is refused rather than resolved.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.etree.ElementTree import Element

from panelbook.model import Committee, DocumentKind, Meeting, ParsedDocument, UnreadableDocument
from panelbook.sources.textutil import clean, parse_time
from panelbook.sources.webservice_meeting import read_meeting
from panelbook.sources.webservice_xml import (
    ROOTS,
    as_text,
    day,
    first_tag,
    flag,
    meeting_status,
    parse_xml,
    text,
    unwrap,
)

_NOT_OURS = "This XML is not a ModernGov web-service response (GetCommittees, GetMeetings or GetMeeting)."
_MODERNGOV_NS = "moderngov.co.uk/namespaces"


def looks_like_webservice_xml(data: bytes | str) -> bool:
    """Cheap sniff of the first few kilobytes: is this a web-service response?

    True when the first element (after the XML declaration and comments) is
    ``committees``, ``getmeetings`` or ``meeting``, or a SOAP envelope in
    ModernGov's namespace.  Never raises.
    """
    try:
        head = as_text(data[:8192])
    except (UnreadableDocument, TypeError):
        return False
    tag = first_tag(head)
    if tag in ROOTS:
        return True
    return tag == "Envelope" and _MODERNGOV_NS in head


def read_webservice_xml(
    data: bytes | str, base_url: str | None = None, today: date | None = None
) -> ParsedDocument:
    """Parse a web-service response into a ParsedDocument.

    ``base_url`` is the ModernGov folder the response came from (the one that
    holds ``mgWebService.asmx``): relative document links are made absolute
    against it and the meeting gets a source URL.  ``today`` decides whether a
    "Confirmed" meeting is still SCHEDULED or already HELD.
    Raises UnreadableDocument (one sentence) for anything else.
    """
    root = unwrap(parse_xml(data))
    today = today or date.today()
    if root.tag == "committees":
        return _read_committees(root)
    if root.tag == "getmeetings" or root.find("committee/committeemeetings") is not None:
        return _read_meetings(root, today)
    if root.tag == "meeting":
        return read_meeting(root, base_url, today)
    raise UnreadableDocument(_NOT_OURS)


def _committee(element: Element) -> Committee:
    return Committee(
        name=clean(text(element, "committeetitle")),
        external_id=text(element, "committeeid") or None,
        category=clean(text(element, "committeecategory")) or None,
        deleted=flag(element, "committeedeleted"),
        expired=flag(element, "committeeexpired"),
    )


def _read_committees(root: Element) -> ParsedDocument:
    """``GetCommittees``: every committee with its id, flags and category."""
    committees = [_committee(element) for element in root.findall("committee")]
    committees = [committee for committee in committees if committee.name]
    return ParsedDocument(
        kind=DocumentKind.WEBSERVICE_COMMITTEES,
        title=f"ModernGov committees ({len(committees)})",
        committees=committees,
    )


def _read_meetings(root: Element, today: date) -> ParsedDocument:
    """``GetMeetings``: each committee's meetings with date, time and status.

    A meeting without a readable date is left out with a warning.
    """
    committees: list[Committee] = []
    meetings: list[Meeting] = []
    warnings: list[str] = []
    for committee_element in root.findall("committee"):
        committee = _committee(committee_element)
        committees.append(committee)
        for element in committee_element.findall("committeemeetings/meeting"):
            when = day(element, "meetingdate")
            meeting_id = text(element, "meetingid") or None
            if when is None:
                warnings.append(
                    f"Meeting {meeting_id or '(no id)'} of {committee.name or 'a committee'} "
                    "has no readable date and was left out."
                )
                continue
            meetings.append(Meeting(
                committee=committee.name,
                date=when,
                time=parse_time(text(element, "meetingtime")),
                status=meeting_status(text(element, "meetingstatus"), when, today),
                external_id=meeting_id,
            ))
    single = committees[0] if len(committees) == 1 else None
    name = single.name if single and single.name else "ModernGov"
    return ParsedDocument(
        kind=DocumentKind.WEBSERVICE_MEETINGS,
        title=f"{name} meetings",
        committee=single,
        committees=committees,
        meetings=meetings,
        warnings=warnings,
    )


@dataclass(frozen=True)
class MeetingFlags:
    """What ``GetMeeting`` says has been published, and the agenda id its packs hang off."""

    agenda_id: str | None
    agenda_published: bool
    minutes_published: bool
    decisions_published: bool


def read_meeting_flags(data: bytes | str) -> MeetingFlags:
    """The published flags and agenda id of a ``GetMeeting`` answer (UnreadableDocument otherwise)."""
    root = unwrap(parse_xml(data))
    if root.tag != "meeting":
        raise UnreadableDocument(_NOT_OURS)
    return MeetingFlags(
        agenda_id=text(root, "agendaid") or None,
        agenda_published=flag(root, "agendapublished"),
        minutes_published=flag(root, "minutepublished"),
        decisions_published=flag(root, "decisionpublished"),
    )
