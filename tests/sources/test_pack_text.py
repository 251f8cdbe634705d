"""The agenda pack reader on seed 003, the 8 August 2024 pack as one extracted text."""
from __future__ import annotations

import contextlib
from datetime import date

import pytest

from panelbook.model import DocumentKind, MeetingStatus, RecStatus, UnreadableDocument
from panelbook.sources.pack import looks_like_pack, read_pack, read_pack_text
from panelbook.sources.pdftext import extract_pages
from testdata import MODERNGOV, seed_text

ITEMS = [
    ("1", "Apologies and Changes in Panel Membership (If Any)", None,
     "To note any changes in membership of the Panel made in accordance with Council Procedure Rule 4.3."),
    ("2", "Disclosure of Personal and Pecuniary Interests", None,
     "In accordance with the Localism Act 2011, and the Council’s Code of Conduct, Members to disclose any "
     "personal or pecuniary interests in any matter included on the agenda for this meeting."),
    ("3", "Statement from the Chair", None, None),
    ("4", "Declarations of Scrutiny Interest", None,
     "Members are invited to declare any prior participation in any decision taken by a Committee, "
     "Sub-Committee, or Panel of the Council on the agenda and being scrutinised at this meeting."),
    ("5", "Declaration of Party Political Whip", None,
     "Members are invited to declare the application of any party political whip on any matter on the "
     "agenda and being scrutinised at this meeting."),
    ("6", "Minutes of the Previous Meeting (Including Matters Arising)", (1, 4),
     "To approve and sign as a correct record the Minutes of the meetings held on 18 July 2024 and to deal "
     "with any matters arising, attached."),
    ("7", "Early Years and Childcare", (5, 10),
     "Report of the Executive Director, Children and Learning, providing an overview of Early Years and "
     "Childcare Services in Southampton."),
    ("8", "Repeat Child Protection Plans - Analysis", (11, 22),
     "Report of the Executive Director, Children and Learning, outlining the work undertaken to understand "
     "why some families come back to Child Protection Planning for a second or subsequent time."),
    ("9", "Annual Conversation with Ofsted and Progress of Post-Inspection Improvement Plan", (23, 66),
     "Report of the Executive Director, Children and Learning, introducing the service’s update to Ofsted "
     "at its annual engagement meeting."),
    ("10", "Children and Learning - Performance", (67, 104),
     "Report of the Scrutiny Manager recommending that the Panel consider and challenge the performance of "
     "Children’s Services and Learning in Southampton."),
    ("11", "Monitoring Scrutiny Recommendations", (105, 110),
     "Report of the Scrutiny Manager recommending that the Panel considers the responses to "
     "recommendations from previous meetings and provides feedback."),
]


@pytest.fixture(scope="module")
def pack():
    return read_pack_text(seed_text("003"))


def test_recognises_a_pack():
    assert looks_like_pack(seed_text("003"))
    assert not looks_like_pack(seed_text("000"))      # printed minutes
    assert not looks_like_pack("")


def test_committee_council_and_remit(pack):
    assert pack.kind is DocumentKind.AGENDA_PACK
    assert pack.council == "Southampton City Council"
    assert pack.committee.name == "Children and Families Scrutiny Panel"
    assert pack.committee.council == "Southampton City Council"
    assert pack.committee.quorum == 3
    remit = pack.committee.terms_of_reference
    assert remit.startswith("To undertake the scrutiny of Children and Families Services in the City, including")
    assert "\nTerms of reference: Scrutiny of Children and Families Services in the City to include: " in remit
    assert remit.endswith("Referring issues to the Chair of the LSCB and the Corporate Parenting Committee.")
    assert pack.title == "Children and Families Scrutiny Panel – 8 August 2024 – agenda pack"


def test_the_packs_meeting(pack):
    meeting = pack.meetings[0]
    assert meeting.date == date(2024, 8, 8)
    assert meeting.committee == "Children and Families Scrutiny Panel"
    assert meeting.status is MeetingStatus.SCHEDULED
    assert meeting.agenda_published == date(2024, 7, 31)
    # The seed's front sheet text does not print time, venue or contact.
    assert (meeting.time, meeting.venue, meeting.contact_name) == (None, None, None)


def test_agenda_items(pack):
    items = pack.meetings[0].items
    assert [(i.agenda_number, i.title, i.pages, i.description) for i in items] == ITEMS
    assert all(i.minute_number is None and not i.confidential for i in items)


def test_report_texts(pack):
    items = {i.agenda_number: i for i in pack.meetings[0].items}
    assert all(items[n].text is None for n in "12345")
    assert items["6"].text.startswith("SOUTHAMPTON CITY COUNCIL\nCHILDREN AND FAMILIES SCRUTINY PANEL")
    assert items["6"].text.endswith("recommendations made at previous meetings.")
    assert "SUBJECT: EARLY YEARS AND CHILDCARE" in items["7"].text
    assert "SUBJECT: REPEAT CHILD PROTECTION PLANS - ANALYSIS" in items["8"].text
    assert items["10"].text.rstrip().endswith("Southampton Local Safeguarding Board http://southamptonlscb.co.uk/")
    # pack stamps are furniture, not report text
    assert "Agenda Item 11" not in items["11"].text and "\nPage 105" not in items["11"].text
    assert items["8"].text.count("available for inspection at:") == 1
    assert "inspection at: Page 12" not in items["8"].text


def test_municipal_year_and_previous_meeting(pack):
    assert [(m.date, m.status) for m in pack.meetings] == [
        (date(2024, 8, 8), MeetingStatus.SCHEDULED),
        (date(2024, 9, 26), MeetingStatus.SCHEDULED),
        (date(2024, 11, 28), MeetingStatus.SCHEDULED),
        (date(2025, 1, 30), MeetingStatus.SCHEDULED),
        (date(2025, 3, 27), MeetingStatus.SCHEDULED),
        (date(2024, 7, 18), MeetingStatus.HELD),
    ]
    assert all(not m.items for m in pack.meetings[1:5])
    previous = pack.meetings[-1]
    assert previous.committee == "Children and Families Scrutiny Panel"
    assert previous.council == "Southampton City Council"
    assert [i.minute_number for i in previous.items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert previous.items[1].title == "Election of Vice-Chair"
    assert [r.text for r in previous.items[1].resolutions] == [
        "That Councillor Webb be appointed as Vice Chair for the 2024-2025 municipal year."
    ]
    assert [r.number for r in previous.items[3].resolutions] == ["1", "2", "3"]
    assert [r.number for r in previous.items[4].resolutions] == ["1", "2"]
    assert previous.items[4].resolutions[1].text == (
        "That an update on progress implementing the Family Safeguarding Model is presented to the "
        "Panel at the 30 January 2025 meeting."
    )


def test_monitoring_table(pack):
    rows = pack.monitoring
    assert [(r.meeting_date, r.item_title) for r in rows] == (
        [(date(2024, 7, 18), "Local Area SEND Inspection")] * 3
        + [(date(2024, 7, 18), "Family Safeguarding Model")] * 2
    )
    assert [r.action_proposed for r in rows] == [
        "That, reflecting issues raised by the inspection about the visibility of some children with SEND, "
        "the number and percentage of elective home educated children with SEND is circulated to the Panel.",
        "That, to help target activity aimed at improving uptake, analysis is undertaken of the mandated "
        "healthy child programme developmental checks to identify if there are any significant variations "
        "across the city, geographical or otherwise.",
        "That the issue returns to the agenda of the Panel in November to consider the SEND Partnership "
        "action plan developed in response to the inspection findings.",
        "That a Headteacher is invited to attend Operational Board meetings to enable feedback about the "
        "impact of the Family Safeguarding Model on school outcomes to be identified and recorded.",
        "That an update on progress implementing the Family Safeguarding Model is presented to the Panel at "
        "the 30 January 2025 meeting.",
    ]
    assert [r.status_text for r in rows] == [
        None,
        "Not complete – update will be provided at next scrutiny panel.",
        "Not complete – deadline November 2024.",
        "Complete",
        "Not complete – deadline January 2025.",
    ]
    assert [r.status for r in rows] == [
        RecStatus.IN_PROGRESS, RecStatus.IN_PROGRESS, RecStatus.IN_PROGRESS,
        RecStatus.REPORTED_COMPLETE, RecStatus.IN_PROGRESS,
    ]
    # "next scrutiny panel" is the meeting after the 8 August one the table reports to
    assert [r.deadline for r in rows] == [
        None, date(2024, 9, 26), date(2024, 11, 30), None, date(2025, 1, 31),
    ]
    assert rows[0].action_taken.startswith("Southampton currently has 650 pupils who are EHE.")
    assert "\n• Dissatisfaction with school due to bullying\n• Lifestyle/Philosophical choice" in rows[0].action_taken
    assert rows[0].action_taken.endswith("when there is a high number or concerns over information/process.")
    assert "Date Title Action proposed" not in rows[0].action_taken
    assert rows[2].action_taken == "The service will make the necessary arrangements for November 2024."
    assert rows[3].action_taken == "Chair of FSM operational board has identified head teacher representative."


def test_glossary(pack):
    glossary = pack.glossary
    assert len(glossary) == 88
    assert glossary[0] == ("ADM", "Agency decision maker")
    assert ("Jigsaw", "Children with Disabilities Team") in glossary
    assert ("KCSiE", "Keeping Children Safe in Education (safeguarding legislation and guidance for "
            "education settings)") in glossary
    assert glossary[24] == ("YPS", "Young Person Service")
    assert glossary[25][0] == "Abuse"
    assert glossary[25][1].startswith("Abuse is the act of violation of an individual’s human or civil rights.")
    terms = [term for term, _ in glossary]
    assert "Agency Decision Maker" in terms and "Child in Need and Child in Need Plan" in terms
    assert terms[-1] == "Youth Offending Service or Team"
    assert glossary[-1][1].endswith("monitored and co-ordinated nationally by the Youth Justice Board (YJB).")
    assert "Sources" not in terms


def test_text_form_has_no_pages(pack):
    assert pack.pages == []
    assert pack.warnings == ["This pack is one text without page breaks; printed pages are not mapped."]


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01 random words", "AGENDA\nnothing here"])
def test_not_a_pack_text(text):
    with pytest.raises(UnreadableDocument) as error:
        read_pack_text(text)
    assert str(error.value) == "This is not an agenda pack: it has no front-sheet agenda with page ranges."


def test_a_single_report_is_not_a_pack():
    pages = extract_pages(MODERNGOV / "ZebraCrossing.pdf")
    with pytest.raises(UnreadableDocument, match=r"^This is not an agenda pack"):
        read_pack(pages)
    with pytest.raises(UnreadableDocument, match=r"^This is not an agenda pack"):
        read_pack_text("\n".join(pages))


def test_minutes_are_not_a_pack():
    with pytest.raises(UnreadableDocument, match=r"^This is not an agenda pack"):
        read_pack_text(seed_text("000"))
    with pytest.raises(UnreadableDocument, match=r"^This is not an agenda pack"):
        read_pack([])


def test_pieces_of_a_pack_never_raise_anything_else():
    text = seed_text("003")
    step = len(text) // 23
    for start in range(0, len(text), step):
        for piece in (text[:start], text[start:], text[start: start + step * 3]):
            for call, argument in ((read_pack_text, piece), (read_pack, piece.split("\n\n"))):
                with contextlib.suppress(UnreadableDocument):
                    call(argument)
