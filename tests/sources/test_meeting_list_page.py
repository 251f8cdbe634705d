"""The ModernGov committee meeting list reader, on Kingston's BrowseMeetings.html."""
from __future__ import annotations

from datetime import date

import pytest

from panelbook.model import DocumentKind, MeetingStatus, UnreadableDocument
from panelbook.sources.meeting_list_page import looks_like_meeting_list_page_html, read_meeting_list_page_html
from testdata import MODERNGOV, seed_text

LIST_URL = "https://moderngov.kingston.gov.uk/ieListMeetings.aspx?CommitteeId=711"
COMMITTEE = "Kingston and North Kingston Neighbourhood Committee"


def _html(name: str = "BrowseMeetings.html") -> str:
    return (MODERNGOV / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def listing():
    return read_meeting_list_page_html(_html(), LIST_URL)


def test_committee(listing):
    assert listing.kind is DocumentKind.MEETING_LIST_PAGE
    assert listing.committee.name == COMMITTEE
    assert listing.committee.external_id == "711"
    assert listing.council == "Royal Borough of Kingston upon Thames Council"
    assert listing.warnings == []


def test_meetings(listing):
    meetings = listing.meetings
    assert len(meetings) == 15
    assert all(meeting.committee == COMMITTEE for meeting in meetings)
    assert meetings[0].date == date(2026, 6, 15)
    assert meetings[-1].date == date(2024, 9, 5)
    assert [meeting.time for meeting in meetings].count("19:30") == 14
    (early,) = [meeting for meeting in meetings if meeting.time == "19:00"]
    assert early.date == date(2025, 6, 18)
    statuses = [meeting.status for meeting in meetings]
    assert statuses[:5] == [
        MeetingStatus.SCHEDULED, MeetingStatus.SCHEDULED, MeetingStatus.HELD,
        MeetingStatus.HELD, MeetingStatus.CANCELLED,
    ]
    assert statuses[5:] == [MeetingStatus.HELD] * 10


def test_cancelled_meeting_and_links(listing):
    (cancelled,) = [meeting for meeting in listing.meetings if meeting.status is MeetingStatus.CANCELLED]
    assert cancelled.date == date(2025, 12, 4)
    assert cancelled.external_id == "10161"
    held = [meeting for meeting in listing.meetings if meeting.date == date(2026, 1, 15)][0]
    assert held.external_id == "10221"
    assert held.source_url == "https://moderngov.kingston.gov.uk/ieListDocuments.aspx?CId=711&MId=10221&Ver=4"


def test_without_a_page_address_links_stay_relative():
    listing = read_meeting_list_page_html(_html())
    assert listing.meetings[0].source_url == "ieListDocuments.aspx?CId=711&MId=10337&Ver=4"


def test_recognises_its_own_page():
    assert looks_like_meeting_list_page_html(_html())
    assert not looks_like_meeting_list_page_html(_html("Agenda_151.html"))
    assert not looks_like_meeting_list_page_html(_html("CommitteeDetails.html"))


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body>Hello</body></html>",
        _html("Agenda_151.html"),
        _html("CommitteeDetails.html"),
        seed_text("004"),
        "<html><body><a class='mgMeetingTableLnk' href='x'>no date here</a></body></html>",
        _html()[:3000],
    ],
    ids=["empty", "hello", "meeting-page", "committee-details", "page-text", "no-committee", "truncated"],
)
def test_wrong_input_is_refused(html):
    with pytest.raises(UnreadableDocument, match="not a ModernGov list of a committee's meetings"):
        read_meeting_list_page_html(html)
