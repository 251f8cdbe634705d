"""Read a saved ModernGov list of a committee's meetings (``ieListMeetings.aspx``).

The page names the committee in ``h2.mgSubTitleTxt`` and lists each meeting
as an ``a.mgMeetingTableLnk`` ("15 Jan 2026 7:30 pm", a link to the meeting's
``ieListDocuments.aspx`` page) followed by what has been published for it
(" - Agenda, Decisions, Minutes") or its state (" - CANCELLED").

Status decisions: CANCELLED / MOVED / NEW when the list says so; a meeting
with decisions or minutes published was HELD; anything else is SCHEDULED
(the list alone cannot tell a past meeting without papers from a future one).
"""
from __future__ import annotations

import re
from urllib.parse import quote, urljoin

from bs4 import BeautifulSoup, Tag

from panelbook.model import Committee, DocumentKind, Meeting, MeetingStatus, ParsedDocument, UnreadableDocument
from panelbook.sources.htmltext import attribute, href, parse_html
from panelbook.sources.meeting_page_common import council_from_copyright, query_value
from panelbook.sources.textutil import clean, parse_long_date, parse_time

NOT_A_MEETING_LIST = (
    "This page is not a ModernGov list of a committee's meetings; open the committee's "
    "'Meetings' page on the council's website and save that page instead."
)
_HTML_START = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|ul)\b", re.IGNORECASE)
_STATES = (
    ("CANCELLED", MeetingStatus.CANCELLED),
    ("POSTPONED", MeetingStatus.MOVED),
    ("MOVED", MeetingStatus.MOVED),
    ("NEW", MeetingStatus.NEW),
)
_PUBLISHED_AFTER = re.compile(r"\b(?:decisions|minutes)\b", re.IGNORECASE)
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def looks_like_meeting_list_page_html(html: str) -> bool:
    """True when ``html`` holds ModernGov's meeting-list links."""
    return (
        isinstance(html, str)
        and bool(_HTML_START.search(html.lstrip()[:2048]))
        and "mgmeetingtablelnk" in html.lower()
    )


def read_meeting_list_page_html(html: str, url: str | None = None) -> ParsedDocument:
    """The committee and its meetings (date, time, status, page address, ModernGov id)."""
    if not looks_like_meeting_list_page_html(html):
        raise UnreadableDocument(NOT_A_MEETING_LIST)
    try:
        soup = parse_html(html)
        return _read(soup, url)
    except RecursionError:
        raise UnreadableDocument(NOT_A_MEETING_LIST) from None


def _read(soup: BeautifulSoup, url: str | None) -> ParsedDocument:
    name = _committee_name(soup)
    if name is None:
        raise UnreadableDocument(NOT_A_MEETING_LIST)
    council = next(
        (owner for text in soup.find_all(string=re.compile("©")) if (owner := council_from_copyright(str(text)))),
        None,
    )
    meetings: list[Meeting] = []
    warnings: list[str] = []
    for link in soup.find_all("a", class_="mgMeetingTableLnk"):
        meeting = _meeting(link, name, council, url)
        if meeting is None:
            warnings.append(f"A meeting listed as '{clean(link.get_text(' '))}' has no date that can be read.")
        else:
            meetings.append(meeting)
    if not meetings:
        raise UnreadableDocument(NOT_A_MEETING_LIST)
    return ParsedDocument(
        kind=DocumentKind.MEETING_LIST_PAGE,
        title=f"Meetings of {name}",
        council=council,
        committee=Committee(name=name, council=council, external_id=_committee_id(soup)),
        meetings=meetings,
        warnings=warnings,
    )


def _committee_name(soup: BeautifulSoup) -> str | None:
    """The first subtitle that names the committee (not "Information about ...")."""
    for tag in soup.find_all("h2", class_="mgSubTitleTxt"):
        text = clean(tag.get_text(" "))
        if text and not text.lower().startswith("information about"):
            return text
    return None


def _committee_id(soup: BeautifulSoup) -> str | None:
    hidden = soup.find("input", attrs={"name": "hCommitteeId"})
    if hidden is not None and clean(attribute(hidden, "value")):
        return clean(attribute(hidden, "value"))
    link = soup.find("a", href=re.compile(r"mgCommitteeDetails\.aspx", re.IGNORECASE))
    return query_value(href(link), "ID") if link is not None else None


def _meeting(link: Tag, committee: str, council: str | None, url: str | None) -> Meeting | None:
    when = clean(link.get_text(" "))
    day = parse_long_date(when)
    if day is None:
        return None
    holder = link.parent if link.parent is not None else link
    after = clean(holder.get_text(" "))[len(when):] if clean(holder.get_text(" ")).startswith(when) else ""
    address_text = clean(attribute(link, "href"))
    address = quote(urljoin(url, address_text) if url else address_text, safe=_URL_SAFE) if address_text else None
    return Meeting(
        committee=committee,
        date=day,
        time=parse_time(when),
        status=_status(after),
        council=council,
        source_url=address,
        external_id=query_value(address_text, "MId") if address_text else None,
    )


def _status(after: str) -> MeetingStatus:
    words = after.upper()
    for word, status in _STATES:
        if re.search(rf"\b{word}\b", words):
            return status
    return MeetingStatus.HELD if _PUBLISHED_AFTER.search(after) else MeetingStatus.SCHEDULED

