"""A committee's meetings in the sync's window, and each meeting's detail, fetched from the
web service or, where it is switched off or refused, from the HTML pages.

The window is this municipal year (May to April) and the last, and everything ahead
(``GetMeetings`` is asked up to three years on); dates go to the web service as
dd/mm/yyyy.  Fetching is here; reading is the readers' (``sources/``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from panelbook.model import DocumentKind, MeetingStatus, ParsedDocument, UnreadableDocument
from panelbook.services.imports import Prepared, prepare_bytes
from panelbook.services.sync.changes import MeetingSeen
from panelbook.services.sync.errors import AnswerBroken
from panelbook.services.sync.http_client import HttpClient
from panelbook.sources.decode import decode_text
from panelbook.sources.detect import MEDIA_XML
from panelbook.sources.meeting_list_page import read_meeting_list_page_html
from panelbook.sources.webservice import read_meeting_flags, read_webservice_xml


def municipal_year_start(today: date) -> date:
    """1 May of the municipal year ``today`` is in."""
    return date(today.year if today.month >= 5 else today.year - 1, 5, 1)


def window(today: date) -> tuple[date, date]:
    """(from, to): the start of last municipal year, and three years ahead."""
    start = municipal_year_start(today)
    return date(start.year - 1, 5, 1), date(today.year + 3, today.month, min(today.day, 28))


@dataclass(frozen=True)
class Listed:
    """A meeting as a committee's list gives it."""

    external_id: str
    date: date
    time: str | None
    status: MeetingStatus
    page_url: str | None = None          # its ieListDocuments page (the HTML way)

    def signature(self) -> str:
        """What the list says of it, to tell next time whether the list changed."""
        return f"{self.date.isoformat()}|{self.time or ''}|{self.status.value}"


@dataclass(frozen=True)
class Linked:
    """A document linked to a meeting: its title and address."""

    title: str
    url: str


@dataclass
class Detail:
    """One meeting's detail, read: the document to import, its hash, how the meeting
    stands and the documents it links to."""

    prepared: Prepared
    sha256: str
    seen: MeetingSeen
    documents: list[Linked]


@dataclass(frozen=True)
class Unchanged:
    """The detail answer is byte for byte the one imported last time: nothing to read."""

    sha256: str


def _dmy(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def meetings_from_service(http: HttpClient, base: str, committee: str, today: date) -> list[Listed]:
    """``GetMeetings`` for the window."""
    start, end = window(today)
    url = (f"{base}mgWebService.asmx/GetMeetings?lCommitteeId={committee}"
           f"&sFromDate={_dmy(start)}&sToDate={_dmy(end)}")
    answer = http.get(url, expect_xml=True)
    if answer.status != 200:
        raise AnswerBroken(f"The council's web service has no meeting list for committee {committee} "
                           f"(HTTP {answer.status}).", url)
    try:
        parsed = read_webservice_xml(answer.body, base, today)
    except UnreadableDocument as error:
        raise AnswerBroken(f"The meeting list could not be read: {error}", url) from None
    if parsed.kind != DocumentKind.WEBSERVICE_MEETINGS:
        raise AnswerBroken("The council's web service answered something other than a meeting list.", url)
    return [Listed(m.external_id, m.date, m.time, m.status) for m in parsed.meetings
            if m.external_id and m.date is not None]


def meetings_from_pages(http: HttpClient, base: str, committee: str, today: date) -> list[Listed]:
    """The committee's meeting-list pages (``ieListMeetings.aspx``), one per municipal year
    of the window and the next; meetings outside the window are left out."""
    start, _end = window(today)
    this_year = municipal_year_start(today).year
    found: dict[str, Listed] = {}
    for year in (this_year - 1, this_year, this_year + 1):
        url = f"{base}ieListMeetings.aspx?CId={committee}&Year={year}"
        answer = http.get(url)
        if answer.status != 200:
            continue
        try:
            parsed = read_meeting_list_page_html(decode_text(answer.body), url)
        except UnreadableDocument:
            continue
        for meeting in parsed.meetings:
            if meeting.external_id and meeting.date is not None and meeting.date >= start:
                found[meeting.external_id] = Listed(meeting.external_id, meeting.date, meeting.time,
                                                    meeting.status, meeting.source_url)
    return sorted(found.values(), key=lambda m: m.date)


def _on_host(url: str | None, host: str) -> bool:
    return bool(url) and (urlsplit(url or "").hostname or "").lower() == host


def _linked(parsed: ParsedDocument, host: str) -> list[Linked]:
    links: dict[str, Linked] = {}
    for meeting in parsed.meetings[:1]:
        for item in meeting.items:
            for doc in item.documents:
                if doc.url and not doc.restricted and _on_host(doc.url, host):
                    links.setdefault(doc.url, Linked(doc.title or "Document", doc.url))
    return list(links.values())


def own_committee(parsed: ParsedDocument, name: str) -> None:
    """The document's own meeting belongs to the followed committee, under the name the
    site gives it (a response or page may name it differently, or not at all)."""
    if parsed.meetings:
        parsed.meetings[0].committee = name
    if parsed.committee is not None:
        parsed.committee.name = name


def _seen(parsed: ParsedDocument, agenda: bool, minutes: bool, decisions: bool) -> MeetingSeen:
    meeting = parsed.meetings[0]
    day = meeting.date.isoformat() if meeting.date else ""
    return MeetingSeen(day, meeting.time, meeting.venue, meeting.status.value, agenda, minutes, decisions)


def detail_from_service(http: HttpClient, base: str, host: str, meeting: str, committee_name: str,
                        today: date, known_sha: str | None = None) -> Detail | Unchanged | None:
    """``GetMeeting`` read; ``Unchanged`` when its bytes hash to ``known_sha`` (not read
    again); None when the site no longer has the meeting (404)."""
    url = f"{base}mgWebService.asmx/GetMeeting?lMeetingId={meeting}"
    answer = http.get(url, expect_xml=True)
    if answer.status in (404, 410):
        return None
    sha = hashlib.sha256(answer.body).hexdigest()
    if sha == known_sha:
        return Unchanged(sha)
    name = f"GetMeeting {meeting}.xml"
    try:        # read as of the sync's day, which decides whether a confirmed meeting was held
        prepared = Prepared(name, answer.body, read_webservice_xml(answer.body, base, today), MEDIA_XML)
    except UnreadableDocument as error:
        raise UnreadableDocument(f"{name}: {error}") from None
    if prepared.parsed.kind != DocumentKind.WEBSERVICE_MEETING or not prepared.parsed.meetings:
        raise UnreadableDocument(f"GetMeeting {meeting}.xml: the web service answered something other than a meeting.")
    own_committee(prepared.parsed, committee_name)
    flags = read_meeting_flags(answer.body)
    documents = _linked(prepared.parsed, host)
    if flags.agenda_published and flags.agenda_id:
        documents.insert(0, Linked("Reports pack", f"{base}mgChooseDocPack.aspx?ID={flags.agenda_id}"))
    seen = _seen(prepared.parsed, flags.agenda_published, flags.minutes_published, flags.decisions_published)
    return Detail(prepared, sha, seen, documents)


def detail_from_page(http: HttpClient, listed: Listed, host: str, committee_name: str,
                     known_sha: str | None = None) -> Detail | Unchanged | None:
    """The meeting's "Agenda and minutes" page (``ieListDocuments.aspx``) read, or
    ``Unchanged``; None on 404."""
    if not listed.page_url:
        return None
    answer = http.get(listed.page_url)
    if answer.status in (404, 410):
        return None
    if hashlib.sha256(answer.body).hexdigest() == known_sha:
        return Unchanged(known_sha)
    name = f"Meeting {listed.external_id}.html"
    prepared = prepare_bytes(answer.body, name, url=answer.url)
    if prepared.parsed.kind != DocumentKind.MEETING_PAGE or not prepared.parsed.meetings:
        raise UnreadableDocument(f"{name}: the council's site answered something other than a meeting's page.")
    own_committee(prepared.parsed, committee_name)
    items = prepared.parsed.meetings[0].items
    documents = _linked(prepared.parsed, host)
    minutes = any(item.minutes_text for item in items)
    decisions = any(item.resolutions for item in items) and not minutes
    seen = _seen(prepared.parsed, bool(documents), minutes, decisions)
    return Detail(prepared, hashlib.sha256(answer.body).hexdigest(), seen, documents)
