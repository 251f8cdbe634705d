"""The page-text form of the ModernGov "Agenda and minutes" reader, on seeds 001 and 004."""
from __future__ import annotations

from datetime import date

import pytest

from panelbook.model import DocumentKind, DocumentLink, MeetingStatus, Resolution, UnreadableDocument
from panelbook.sources.meeting_page import read_meeting_page
from panelbook.sources.meeting_page_text import looks_like_meeting_page_text, read_meeting_page_text
from testdata import MODERNGOV, seed_text

TITLES_004 = [
    "Apologies and Changes in Panel Membership (If Any)",
    "Minutes of the Previous Meeting (including matters arising)",
    "Early Years and Childcare",
    "Repeat Child Protection Plans - Analysis",
    "Annual Conversation with Ofsted and Progress of Post-Inspection Improvement Plan",
    "Children and Learning - Performance",
    "Monitoring Scrutiny Recommendations",
]
TITLES_001 = [
    "Apologies and Changes in Panel Membership (If Any)",
    "Minutes of the Previous Meeting (including matters arising)",
    "Children and Families - Performance",
    "The Views of Looked After Children and Young People in Southampton",
    "Monitoring Scrutiny Recommendations",
]


@pytest.fixture(scope="module")
def page_004():
    return read_meeting_page_text(seed_text("004"))


@pytest.fixture(scope="module")
def page_001():
    return read_meeting_page_text(seed_text("001"))


def _by_minute(document, number):
    (item,) = [item for item in document.meetings[0].items if item.minute_number == number]
    return item


def test_004_meeting(page_004):
    assert page_004.kind is DocumentKind.MEETING_PAGE
    assert page_004.title == "Children and Families Scrutiny Panel - Thursday, 8th August, 2024 5.30 pm"
    assert page_004.committee.name == "Children and Families Scrutiny Panel"
    assert len(page_004.meetings) == 1
    meeting = page_004.meetings[0]
    assert meeting.committee == "Children and Families Scrutiny Panel"
    assert meeting.date == date(2024, 8, 8)
    assert meeting.time == "17:30"
    assert meeting.status is MeetingStatus.HELD
    assert meeting.venue == "Conference Room 3 - Civic Centre"
    assert (meeting.contact_name, meeting.contact_role, meeting.contact_phone) == (
        "Ed Grimshaw", "Democratic Support Officer", "023 8083 2390",
    )
    assert meeting.contact_email is None
    assert page_004.warnings == []


def test_004_items_numbers_and_titles(page_004):
    items = page_004.meetings[0].items
    assert [item.minute_number for item in items] == ["8", "9", "10", "11", "12", "13", "14"]
    assert [item.agenda_number for item in items] == [None] * 7
    assert [item.title for item in items] == TITLES_004


def test_004_descriptions_and_documents(page_004):
    apologies = _by_minute(page_004, "8")
    assert apologies.description == (
        "To note any changes in membership of the Panel made in accordance with Council Procedure Rule 4.3."
    )
    assert apologies.documents == []
    previous = _by_minute(page_004, "9")
    assert previous.documents == [
        DocumentLink(title="Minutes of the Previous Meeting (including matters arising)", size="202 KB")
    ]
    sizes = [[doc.size for doc in item.documents] for item in page_004.meetings[0].items]
    assert sizes == [[], ["202 KB"], ["410 KB"], ["292 KB"], ["298 KB"], ["294 KB"], ["277 KB"]]
    assert _by_minute(page_004, "14").description == (
        "Report of the Scrutiny Manager recommending that the Panel considers the responses to "
        "recommendations from previous meetings and provides feedback."
    )


def test_004_resolutions(page_004):
    assert _by_minute(page_004, "9").resolutions == [
        Resolution(None, "that the minutes of the meeting held on 18 July 2024, be approved and signed as a correct record.")
    ]
    assert _by_minute(page_004, "11").resolutions == [
        Resolution("i", "That, to reinforce the message about the value of good practice, the analysis of "
                        "repeat child protection plans is circulated to all social workers."),
        Resolution("ii", "That, reflecting concerns raised in the analysis relating to the impact of changes "
                         "in social worker, the service undertakes an audit on the quality of handovers "
                         "provided by social workers."),
        Resolution("iii", "That the scheduled follow up analysis of repeat child protection plans is provided "
                          "to the Panel when it is available."),
    ]
    assert _by_minute(page_004, "12").resolutions == [
        Resolution("i", "That an all-members briefing is scheduled to inform councillors about the changes "
                        "that have been undertaken across Children\u2019s Services and Learning."),
    ]
    for number in ("8", "10", "13", "14"):
        assert _by_minute(page_004, number).resolutions == []


def test_004_minutes_and_discussion(page_004):
    assert _by_minute(page_004, "8").minutes_text.startswith(
        "It was noted that following receipt of the temporary resignation of Councillors Kaur and Allen"
    )
    early_years = _by_minute(page_004, "10")
    assert len(early_years.discussion) == 7
    assert early_years.discussion[0] == (
        "The ability of the Early Years sector in Southampton to meet the extended childcare entitlements."
    )
    assert early_years.discussion[-1] == (
        "The resilience of the sector and ability to respond to any future variations."
    )
    repeat = _by_minute(page_004, "11")
    assert len(repeat.discussion) == 5
    assert "RESOLVED" not in repeat.minutes_text
    assert repeat.minutes_text.endswith("The Panel discussed a number of key points as follows:")
    assert len(_by_minute(page_004, "12").discussion) == 4
    assert _by_minute(page_004, "14").minutes_text == (
        "The Panel received and noted the report of the Scrutiny Manager which enables the Children "
        "and Families Scrutiny Panel to monitor and track progress on recommendations made at previous meetings."
    )


def test_001_moved_meeting(page_001):
    meeting = page_001.meetings[0]
    assert meeting.date == date(2019, 11, 7)
    assert meeting.time == "17:30"
    assert meeting.status is MeetingStatus.MOVED
    assert meeting.venue == "Conference Room 3 - Civic Centre"
    assert meeting.contact_name == "Emily Goodwin/Pat Wood"
    assert meeting.contact_role == "Democratic Support Officer"
    assert meeting.contact_phone == "023 8083 2302"


def test_001_unnumbered_items_in_order(page_001):
    items = page_001.meetings[0].items
    assert [item.title for item in items] == TITLES_001
    assert [item.minute_number for item in items] == [None] * 5
    assert [item.agenda_number for item in items] == [None] * 5
    assert [[doc.size for doc in item.documents] for item in items] == [
        [], ["205 KB"], ["308 KB"], ["307 KB"], ["210 KB"]
    ]
    assert items[0].description == (
        "To note any changes in membership of the Panel made in accordance with Council Procedure Rule 4.3."
    )
    assert items[0].minutes_text == (
        "The apologies of Councillor Guthrie, Councillor Challoner and Appointed Member Catherine Hobbs were noted."
    )
    assert items[1].resolutions == [
        Resolution(None, "that the minutes of the meeting held on 26 September 2019 be approved and signed as a correct record.")
    ]
    assert len(items[2].discussion) == 15
    assert items[2].discussion[-1] == (
        "A vision for children and a 5 year plan for children in Southampton was in development."
    )
    assert items[2].description.startswith("Report of the Director, Legal and Governance providing an overview")
    assert len(items[3].discussion) == 7
    assert items[4].minutes_text.endswith(
        "The Panel noted that all the information requested at previous meetings had been received."
    )
    assert all(item.resolutions == [] for item in items if item is not items[1])


def test_recognises_its_own_pages():
    assert looks_like_meeting_page_text(seed_text("004"))
    assert looks_like_meeting_page_text(seed_text("001"))
    for other in ("000", "002", "003"):
        assert not looks_like_meeting_page_text(seed_text(other))


def test_page_furniture_and_line_endings_change_nothing(page_004):
    menus = "• Calendar\n  • Committees\n  • Meetings\n\nSkip to main content\n\n"
    footer = "\n\nPrint this page\n\nBack to top\n\n© Southampton City Council 2024\n\nAccessibility\n"
    wrapped = read_meeting_page_text((menus + seed_text("004") + footer).replace("\n", "\r\n"))
    assert wrapped.meetings == page_004.meetings


def _variant(old: str, new: str) -> str:
    text = seed_text("004")
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize(
    ("suffix", "status"),
    [(", CANCELLED", MeetingStatus.CANCELLED), (", NEW", MeetingStatus.NEW), (", MOVED", MeetingStatus.MOVED)],
)
def test_status_suffix(suffix, status):
    text = _variant("2024 5.30 pm\n", f"2024 5.30 pm{suffix}\n")
    text = text.replace("Venue: ", "Proposed venue: ")
    meeting = read_meeting_page_text(text).meetings[0]
    assert meeting.status is status
    assert meeting.venue == "Conference Room 3 - Civic Centre"
    assert meeting.date == date(2024, 8, 8)


def test_agenda_only_page_is_scheduled_with_agenda_numbers():
    text = (
        "Agenda\n\nChildren and Families Scrutiny Panel - Thursday, 6th March, 2025 5.30 pm\n\n"
        "Venue: Conference Room 3 - Civic Centre\n\nContact: Ed Grimshaw, Democratic Support Officer\n\n"
        "Items\nNo. Item\n\n1.\n\nApologies and Changes in Panel Membership (If Any)\n\n"
        "To note any changes in membership of the Panel.\n\n2.\n\nChildren and Learning - Performance "
        "pdf icon PDF 280 KB\n\nReport of the Scrutiny Manager.\n\nAdditional documents:\n\n"
        "  • Appendix 1 - Performance Report.pptx, item 2 pdf icon PDF 3 MB\n"
    )
    meeting = read_meeting_page_text(text).meetings[0]
    assert meeting.status is MeetingStatus.SCHEDULED
    assert meeting.time == "17:30"
    assert [item.agenda_number for item in meeting.items] == ["1", "2"]
    assert [item.minute_number for item in meeting.items] == [None, None]
    assert meeting.items[1].documents == [
        DocumentLink(title="Children and Learning - Performance", size="280 KB"),
        DocumentLink(title="Appendix 1 - Performance Report.pptx", size="3 MB"),
    ]
    assert meeting.items[1].description == "Report of the Scrutiny Manager."
    assert meeting.items[1].minutes_text is None
    assert meeting.contact_phone is None


def test_dispatcher_reads_text():
    document = read_meeting_page(seed_text("004"))
    assert [item.minute_number for item in document.meetings[0].items] == ["8", "9", "10", "11", "12", "13", "14"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "The panel met on a Thursday and talked about many things. " * 40,
        "Children and Families Scrutiny Panel - Thursday, 8th August, 2024 5.30 pm",  # heading alone
        "\x00\x01\ufffd garbage \ufffd" * 500,
        "x" * 2_000_000,
    ],
    ids=["empty", "blank", "prose", "heading-alone", "binary", "one-long-line"],
)
def test_bad_text_is_refused(text):
    with pytest.raises(UnreadableDocument, match="not a ModernGov 'Agenda and minutes' page"):
        read_meeting_page_text(text)


@pytest.mark.parametrize("seed", ["000", "002", "003"])
def test_other_seeds_are_refused(seed):
    with pytest.raises(UnreadableDocument, match="not a ModernGov 'Agenda and minutes' page"):
        read_meeting_page_text(seed_text(seed))


def test_html_handed_to_the_text_reader_is_refused():
    html = (MODERNGOV / "Agenda_151.html").read_text(encoding="utf-8")
    with pytest.raises(UnreadableDocument):
        read_meeting_page_text(html)


def test_bytes_are_refused():
    with pytest.raises(UnreadableDocument):
        read_meeting_page_text(seed_text("004").encode())  # type: ignore[arg-type]
