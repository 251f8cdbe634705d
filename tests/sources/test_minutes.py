"""Printed minutes: seed 000, the minutes printed in the seed 003 pack, PDF pages and bad input."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from panelbook.model import DocumentKind, MeetingStatus, Member, Resolution, UnreadableDocument
from panelbook.sources.minutes import looks_like_minutes, read_minutes_pages, read_minutes_text, title_case
from testdata import seed_text


def _pack_minutes() -> str:
    """The minutes of 18 July 2024 as the pack prints them, up to the end of the pack."""
    text = seed_text("003")
    start = text.index("MINUTES OF THE MEETING HELD ON 18 JULY 2024")
    start = text.rindex(" SOUTHAMPTON CITY COUNCIL", 0, start)
    return text[start:]


def test_seed_000_meeting_and_attendance():
    parsed = read_minutes_text(seed_text("000"))
    assert parsed.kind is DocumentKind.PRINTED_MINUTES
    assert parsed.council == "Southampton City Council"
    (meeting,) = parsed.meetings
    assert meeting.council == "Southampton City Council"
    assert meeting.committee == "Children and Families Scrutiny Panel"
    assert meeting.date == date(2023, 7, 20)
    assert meeting.status is MeetingStatus.HELD
    assert meeting.attendees == [
        Member("T Bunday", "Chair", "present"),
        Member("Barnes-Andrews", "Vice-Chair", "present"),
        Member("Chapman", "Councillor", "present"),
        Member("Lambert", "Councillor", "present"),
        Member("Mrs Mintoff", "Councillor", "present"),
        Member("Webb", "Councillor", "present"),
        Member("J Baillie", "Councillor", "apologies"),
    ]
    assert parsed.warnings == []


def test_seed_000_items():
    items = read_minutes_text(seed_text("000")).meetings[0].items
    assert [(i.minute_number, i.title) for i in items] == [
        ("8", "Apologies and Changes in Panel Membership (If Any)"),
        ("9", "Children and Learning - Performance"),
        ("10", "Monitoring Scrutiny Recommendations"),
        ("11", "Ofsted ILACS Standard Inspection of Southampton's Children's and Learning Service"),
    ]
    assert [i.confidential for i in items] == [False, False, False, True]
    assert [len(i.discussion) for i in items] == [0, 6, 0, 4]
    assert [len(i.resolutions) for i in items] == [0, 3, 0, 3]
    assert items[0].minutes_text == ("The Panel noted the apologies of Councillor J Baillie and that "
                                     "Councillor Webb had formally replaced Cllr Quadir on the Panel.")
    assert items[1].resolutions[0] == Resolution(
        "1", "That, to enable trends to be identified, performance data outlining the rate of "
             "re-referrals over a longer time period is circulated to the Panel.")
    assert items[1].minutes_text.startswith("The Panel considered the report of the Scrutiny Manager")
    assert items[1].discussion[4].startswith("How longer term data would enable the Panel")
    assert all(i.agenda_number is None for i in items)


def test_pack_printed_minutes_of_18_july_2024():
    parsed = read_minutes_text(_pack_minutes())
    (meeting,) = parsed.meetings
    assert meeting.date == date(2024, 7, 18)
    assert meeting.committee == "Children and Families Scrutiny Panel"
    assert [(m.name, m.role) for m in meeting.attendees] == [
        ("Barnes-Andrews", "Chair"), ("Chapman", "Councillor"), ("Webb", "Councillor"),
        ("G Lambert", "Councillor"), ("Beaurain", "Councillor"), ("Cooper", "Councillor"),
        ("Rob Sanders", "Appointed Member"),
    ]
    items = meeting.items
    assert [(i.minute_number, i.title) for i in items] == [
        ("1", "Apologies and Changes in Panel Membership (If Any)"),
        ("2", "Election of Vice-Chair"),
        ("3", "Minutes of the Previous Meeting (Including Matters Arising)"),
        ("4", "Outcome of Local Area Special Educational Needs and Disabilities (SEND) Area Inspection"),
        ("5", "Family Safeguarding Model"),
        ("6", "Children and Learning - Performance"),
        ("7", "Monitoring Scrutiny Recommendations"),
    ]
    # "RESSOLVED" as printed
    assert items[1].resolutions == [Resolution(
        None, "That Councillor Webb be appointed as Vice Chair for the 2024-2025 municipal year.")]
    assert items[1].minutes_text is None
    send = items[3]
    assert [r.number for r in send.resolutions] == ["1", "2", "3"]
    assert send.resolutions[0].text == (
        "That, reflecting issues raised by the inspection about the visibility of some children with "
        "SEND, the number and percentage of elective home educated children with SEND is circulated "
        "to the Panel.")
    assert len(send.discussion) == 6
    assert not send.confidential          # "no longer required to be treated as confidential"
    family = items[4]
    assert family.resolutions == [
        Resolution("1", "That the Panel suggested that a Headteacher is invited to attend Operational "
                        "Board meetings to enable feedback about the impact of the Family Safeguarding "
                        "Model on school outcomes to be identified and recorded."),
        Resolution("2", "That an update on progress implementing the Family Safeguarding Model is "
                        "presented to the Panel at the 30 January 2025 meeting."),
    ]
    assert len(items[5].discussion) == 6 and items[5].resolutions == []
    # the minutes stop where the next report's cover sheet begins
    assert items[6].minutes_text == (
        "The Panel received and noted the report of the Scrutiny Manager which enabled the Children "
        "and Families Scrutiny Panel to monitor and track progress on recommendations made at "
        "previous meetings.")


def test_pdf_pages_with_footers_and_mixed_case_headings():
    pages = [
        "Exampleshire County Council\nMinutes of the meeting of the Health Scrutiny Committee held on "
        "Tuesday, 4th March, 2025 at 10.00 am\nPresent: Councillor A Smith (Chair), B Jones and C Brown\n"
        "Also in attendance: D White, Director of Public Health\n\n1. Declarations of Interest\n\n"
        "None were made.\n\n2. Waiting Times\n\nThe Committee considered the report.\nPage 1",
        "Agenda Item 3\nRESOLVED that the Director\nreports back in June.\n\nPage 2\n",
    ]
    parsed = read_minutes_pages(pages)
    meeting = parsed.meetings[0]
    assert meeting.date == date(2025, 3, 4) and meeting.time == "10:00"
    assert meeting.committee == "Health Scrutiny Committee"
    assert [(i.minute_number, i.title) for i in meeting.items] == [
        ("1", "Declarations of Interest"), ("2", "Waiting Times")]
    assert meeting.items[1].resolutions == [Resolution(None, "that the Director reports back in June.")]
    assert meeting.attendees[0] == Member("A Smith", "Chair", "present")
    assert meeting.attendees[1:] == [
        Member("B Jones", "Councillor", "present"), Member("C Brown", "Councillor", "present"),
        Member("D White", "Director of Public Health", "in attendance"),
    ]
    assert parsed.title == "Minutes of Health Scrutiny Committee, 4 March 2025"
    assert parsed.council == "Exampleshire County Council"


def test_title_case():
    assert title_case("CHILDREN AND LEARNING - PERFORMANCE") == "Children and Learning - Performance"
    assert title_case("ANNUAL CONVERSATION WITH OFSTED AND PROGRESS OF POST-INSPECTION IMPROVEMENT PLAN") == \
        "Annual Conversation with Ofsted and Progress of Post-Inspection Improvement Plan"
    assert title_case("THE FUTURE OF SEND") == "The Future of SEND"
    assert title_case("Already Mixed case") == "Already Mixed case"


def test_recognition():
    assert looks_like_minutes(seed_text("000"))
    assert looks_like_minutes(_pack_minutes())
    for other in ("001", "002", "003", "004"):
        assert not looks_like_minutes(seed_text(other))


@pytest.mark.parametrize("text", [
    "", "   ", "\x00\x01\x02 random bytes", "lorem ipsum dolor sit amet " * 50,
    "Minutes:\nRESOLVED that the report be noted.",
])
def test_not_minutes(text):
    with pytest.raises(UnreadableDocument, match="not a set of printed minutes"):
        read_minutes_text(text)


def test_other_documents_refused():
    for other in ("002", "003", "004"):
        with pytest.raises(UnreadableDocument, match="not a set of printed minutes"):
            read_minutes_text(seed_text(other))
    with pytest.raises(UnreadableDocument):
        read_minutes_pages([])
    with pytest.raises(UnreadableDocument):
        read_minutes_text(None)  # type: ignore[arg-type]


def test_minutes_without_a_date():
    text = "SOUTHAMPTON CITY COUNCIL\nMINUTES OF THE MEETING HELD ON\n\nPresent: Councillors A\n1. APOLOGIES\nNone."
    with pytest.raises(UnreadableDocument, match="do not say when the meeting was held"):
        read_minutes_text(text)


def test_truncated_minutes_still_read():
    text = seed_text("000")[:400]
    parsed = read_minutes_text(text)
    assert parsed.meetings[0].date == date(2023, 7, 20)
    assert [i.minute_number for i in parsed.meetings[0].items] == ["8"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "MINUTES OF THE MEETING HELD ON ", "20 JULY 2023", "31 FEB 2023", "\n", "\n\n", "Present: ",
    "Councillors ", "A Smith (Chair)", ", ", " and ", "Apologies:", "8. ", "APOLOGIES", "That ", "x",
    "RESOLVED", "RESSOLVED", "1. ", "i) ", "\u2022 ", "\uf0b7", "(", ")", "Page 3", "including:",
]), max_size=60).map("".join))
def test_only_unreadable_document_on_any_text(text):
    try:
        parsed = read_minutes_text(text)
    except UnreadableDocument as error:
        assert str(error)
    else:
        assert parsed.meetings[0].status is MeetingStatus.HELD
