"""The saved-HTML form of the ModernGov "Agenda and minutes" reader, on Kingston's Agenda_151.html."""
from __future__ import annotations

from datetime import date

import pytest

import panelbook.sources.meeting_page_html as meeting_page_html
from panelbook.model import DocumentKind, DocumentLink, MeetingStatus, Resolution, UnreadableDocument
from panelbook.sources.meeting_page import read_meeting_page
from panelbook.sources.meeting_page_html import looks_like_meeting_page_html, read_meeting_page_html
from testdata import MODERNGOV, seed_text

PAGE_URL = "https://moderngov.kingston.gov.uk/ieListDocuments.aspx?CId=711&MId=10221&Ver=4"
BASE = "https://moderngov.kingston.gov.uk/"
COMMITTEE = "Kingston and North Kingston Neighbourhood Committee"


def _html(name: str = "Agenda_151.html") -> str:
    return (MODERNGOV / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page():
    return read_meeting_page_html(_html(), PAGE_URL)


def _item(document, number):
    (item,) = [item for item in document.meetings[0].items if item.minute_number == number]
    return item


def test_meeting(page):
    assert page.kind is DocumentKind.MEETING_PAGE
    assert page.title == f"{COMMITTEE} - Thursday 15 January 2026 7:30 pm"
    assert page.council == "Royal Borough of Kingston upon Thames Council"
    assert page.committee.name == COMMITTEE
    assert page.committee.external_id == "711"
    meeting = page.meetings[0]
    assert meeting.committee == COMMITTEE
    assert meeting.date == date(2026, 1, 15)
    assert meeting.time == "19:30"
    assert meeting.status is MeetingStatus.HELD
    assert meeting.venue == "Guildhall, Kingston upon Thames"
    assert meeting.contact_name == "Alice Aubrey"
    assert meeting.contact_role is None
    assert meeting.contact_phone == "07521058748"
    assert meeting.contact_email == "alice.aubrey@kingston.gov.uk"
    assert meeting.external_id == "10221"
    assert meeting.source_url == PAGE_URL


def test_items_numbers_and_titles(page):
    items = page.meetings[0].items
    assert len(items) == 12
    assert [item.minute_number for item in items] == [str(n) for n in range(54, 66)]
    assert [item.agenda_number for item in items] == [None] * 12
    assert items[0].title == "Public Question Time"
    assert items[4].title == "Minutes"
    assert items[5].title == "Petition Regarding the Introduction of Traffic Management Measures On Manorgate Road"
    assert items[8].title == "Planned Highway Maintenance and Street Lighting Capital Programme 2026/27"
    assert items[11].title == "Urgent Items Authorised by the Chair"


def test_descriptions_and_minutes(page):
    assert _item(page, "56").description is None
    assert _item(page, "56").minutes_text == (
        "Apologies were received from Councillors Noel Hadjimichael, Patrick Hall and John Sweeney."
    )
    assert _item(page, "54").description == (
        "A period of up to 30 minutes during which any resident of the Borough or representative of "
        "organisations within the Borough (other than members of the Council) may ask a question on "
        "matters relevant to the Committee.\n\nAdvance notice of questions is not required, but is "
        "encouraged in order to ensure an answer may be given on the night if the question is of a "
        "technical nature."
    )
    assert _item(page, "54").minutes_text.endswith("There were no public questions.")
    assert _item(page, "65").minutes_text == "There were no urgent items."
    # The page cuts long minutes off with a link to the item's own page.
    assert _item(page, "59").minutes_text.endswith("the council to understand potential ...")
    assert "view the full minutes text" not in _item(page, "59").minutes_text
    assert page.warnings == [
        "The minutes of item 59 are cut short on this page; the full text is at "
        f"{BASE}mgAi.aspx?ID=51902.",
        "The minutes of item 60 are cut short on this page; the full text is at "
        f"{BASE}mgAi.aspx?ID=51903.",
    ]


def test_document_counts_and_sizes(page):
    counts = {item.minute_number: len(item.documents) for item in page.meetings[0].items}
    assert counts == {
        "54": 0, "55": 0, "56": 0, "57": 0, "58": 1, "59": 5,
        "60": 2, "61": 1, "62": 5, "63": 2, "64": 1, "65": 0,
    }
    assert [doc.size for doc in _item(page, "59").documents] == ["161 KB", "601 KB", "1 MB", "602 KB", "353 KB"]
    assert [doc.title for doc in _item(page, "62").documents][3] == (
        "Annex 3 - K&NK Completed Street Lighting Lantern Replacement Programme 2025_26"
    )


def test_document_urls_resolved_and_encoded(page):
    assert _item(page, "58").documents == [
        DocumentLink(
            title="Minutes",
            url=f"{BASE}documents/s111920/Minutes%20of%20Previous%20Meeting.pdf",
            size="99 KB",
        )
    ]
    assert _item(page, "59").documents[1] == DocumentLink(
        title="Annex 1 - Wolverton Avenue",
        url=f"{BASE}documents/s112218/Annex%201%20-%20Wolverton%20Avenue.pdf",
        size="601 KB",
    )


def test_document_urls_without_a_page_address_stay_relative():
    document = read_meeting_page_html(_html())
    assert _item(document, "58").documents[0].url == "documents/s111920/Minutes%20of%20Previous%20Meeting.pdf"
    assert document.meetings[0].source_url is None
    assert document.meetings[0].external_id == "10221"   # from the attendance link


def test_link_with_a_line_break():
    html = _html().replace(
        'href="documents/s112218/Annex 1 - Wolverton Avenue.pdf"',
        'href="documents/s112218/Annex 1 -\n  Wolverton Avenue.pdf"',
    )
    document = read_meeting_page_html(html, PAGE_URL)
    assert _item(document, "59").documents[1].url == (
        f"{BASE}documents/s112218/Annex%201%20-%20Wolverton%20Avenue.pdf"
    )


def test_resolutions(page):
    assert _item(page, "59").resolutions == [
        Resolution("1", "the introduction of traffic management measures on Manorgate Road at the existing "
                        "width restriction and Wolverton Avenue using an experimental traffic management order "
                        "(ETMO) under sections 9 and 10 of the Road Traffic Regulation Act 1984(a), with "
                        "Manorgate Road to be made one-way Northbound (towards Kingston Hill/roundabout) and "
                        "Wolverton Avenue to be made one-way between Kingston Hill and Coombe Road, as shown "
                        "in Annex 3, be approved;"),
        Resolution("2", "a report be brought back to this Committee after 6 months from the implementation "
                        "of the scheme outlining the outcome of the scheme and the impact on the surrounding roads;"),
        Resolution("3", "approval be granted to proceed with the implementation of a green man phase at the "
                        "junction of Galworthy Road/Coombe Lane West/Gloucester Road/Coombe Road once funding "
                        "is secured."),
    ]
    assert _item(page, "60").resolutions == [
        Resolution(None, "that the decision on the implementation of the scheme as shown in Annex 1 be "
                         "deferred to the Committee meeting in March 2026."),
    ]
    assert _item(page, "63").resolutions == [
        Resolution("1", "the redistribution of any remaining Councillor Ward Funding (CWF) as of January 30th "
                        "2026 to the Neighbourhood Community Grants Programme be approved; and"),
        Resolution("2", "the application for \u00a31,800 of Neighbourhood Community Grant funding by "
                        "Barnfield Riding for the Disabled be approved."),
    ]
    with_resolutions = [item.minute_number for item in page.meetings[0].items if item.resolutions]
    assert with_resolutions == ["59", "60", "63"]


def test_status_suffix_and_proposed_venue():
    html = _html().replace("7:30 pm</a></h2>", "7:30 pm, CANCELLED</a></h2>")
    html = html.replace('class="mgLabel" >Venue: </span>', 'class="mgLabel" >Proposed venue: </span>')
    meeting = read_meeting_page_html(html).meetings[0]
    assert meeting.status is MeetingStatus.CANCELLED
    assert meeting.venue == "Guildhall, Kingston upon Thames"
    assert meeting.committee == COMMITTEE


AGENDA_ONLY = """<!DOCTYPE html><html><head><title>Agenda</title></head><body>
<h1 class="mgMainTitleTxt">Agenda</h1>
<h2 class="mgSubTitleTxt">Place Committee - Wednesday, 4th March, 2026 7.30 pm, NEW</h2>
<p><span class="mgLabel">Venue: </span>Guildhall 2</p>
<table class="mgItemTable">
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">1.</p></td><td>
<p class="mgAiTitleTxt">Apologies for Absence</p></td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">2.</p></td><td>
<p class="mgAiTitleTxt"><a class="mgAiTitleLnk" href="documents/s1/Budget.pdf">Budget
<span class="mgFileSize">PDF 1 MB</span></a></p>
<div class="mgWordPara"><p>To agree the budget.</p></div></td></tr>
</table></body></html>"""


def test_agenda_only_page():
    document = read_meeting_page_html(AGENDA_ONLY, "https://example.gov.uk/modernGov/ieListDocuments.aspx?CId=1&MId=2")
    meeting = document.meetings[0]
    assert meeting.status is MeetingStatus.NEW
    assert meeting.time == "19:30"
    assert meeting.venue == "Guildhall 2"
    assert meeting.external_id == "2"
    assert [item.agenda_number for item in meeting.items] == ["1", "2"]
    assert [item.minute_number for item in meeting.items] == [None, None]
    assert meeting.items[1].documents == [
        DocumentLink(title="Budget", url="https://example.gov.uk/modernGov/documents/s1/Budget.pdf", size="1 MB")
    ]
    assert meeting.items[1].description == "To agree the budget."
    assert document.council is None


def test_recognises_its_own_page():
    assert looks_like_meeting_page_html(_html())
    assert looks_like_meeting_page_html(AGENDA_ONLY)
    for other in ("CommitteeDetails.html", "CommitteeStructure.html", "BrowseMeetings.html"):
        assert not looks_like_meeting_page_html(_html(other))
    assert not looks_like_meeting_page_html(seed_text("004"))


def test_dispatcher_reads_html():
    document = read_meeting_page(_html(), PAGE_URL)
    assert len(document.meetings[0].items) == 12


NOT_MEETING_PAGE = "not a ModernGov 'Agenda and minutes' page"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body>Hello</body></html>",
        "Just some words, not a web page at all.",
        "<?xml version='1.0'?><meeting><meetingdate>15/01/2026</meetingdate></meeting>",
        "<div>" * 100_000 + "deep",
        "<html><body><h2 class='mgSubTitleTxt'>Committee details</h2></body></html>",
    ],
    ids=["empty", "hello", "prose", "xml", "deeply-nested", "no-date-heading"],
)
def test_wrong_input_is_refused(html):
    with pytest.raises(UnreadableDocument, match=NOT_MEETING_PAGE):
        read_meeting_page_html(html)


@pytest.mark.parametrize("name", ["CommitteeDetails.html", "CommitteeStructure.html", "BrowseMeetings.html"])
def test_other_moderngov_pages_are_refused(name):
    with pytest.raises(UnreadableDocument, match=NOT_MEETING_PAGE):
        read_meeting_page_html(_html(name))


@pytest.mark.parametrize("seed", ["001", "002", "004"])
def test_page_text_handed_to_the_html_reader_is_refused(seed):
    with pytest.raises(UnreadableDocument, match=NOT_MEETING_PAGE):
        read_meeting_page_html(seed_text(seed))


def test_attendance_page_with_the_same_heading_is_refused():
    html = _html().replace(">Agenda, decisions and minutes</h1>", ">Attendance details</h1>")
    with pytest.raises(UnreadableDocument, match="Attendance details"):
        read_meeting_page_html(html)


def test_page_cut_before_the_heading_is_refused():
    with pytest.raises(UnreadableDocument, match="cut short before the meeting heading"):
        read_meeting_page_html(_html()[:3000])


def test_page_cut_among_the_items_is_read_as_far_as_it_goes():
    html = _html()
    cut = html.index('<a name="AI51903"')          # the row of item 60
    document = read_meeting_page_html(html[:cut], PAGE_URL)
    items = document.meetings[0].items
    assert [item.minute_number for item in items] == ["54", "55", "56", "57", "58", "59"]
    assert document.warnings[0].startswith("The saved page is cut short")
    assert len(items[5].resolutions) == 3


def test_recursion_is_turned_into_a_clear_error(monkeypatch):
    def overflow(_html: str) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(meeting_page_html, "html_to_text", overflow)
    with pytest.raises(UnreadableDocument, match="nested too deeply"):
        read_meeting_page_html(_html())


def test_bytes_are_refused():
    with pytest.raises(UnreadableDocument):
        read_meeting_page_html(_html().encode())  # type: ignore[arg-type]
