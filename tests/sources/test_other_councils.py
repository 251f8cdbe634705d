"""Other councils' real documents (../shared/corpus, sources in its README): what a person sees in them.

Each test reads one pattern the issue lists, on the real document that shows it, and checks the
reading a clerk would check: meeting, items with their numbers, and the decisions.
"""
from __future__ import annotations

from datetime import date

import pytest

from panelbook.model import DocumentKind, MeetingStatus
from panelbook.sources.detect import read_document
from testdata import SHARED

CORPUS = SHARED / "corpus"


def _read(name: str):
    return read_document((CORPUS / name).read_bytes()).parsed


def _numbers(meeting, field="minute_number"):
    return [getattr(item, field) for item in meeting.items]


def test_a_meeting_page_copied_without_its_heading_gives_its_items_and_minutes():
    parsed = _read("cotswold_council_ieListDocuments_CId1154_MId1778.txt")
    assert parsed.kind is DocumentKind.MEETING_PAGE
    (meeting,) = parsed.meetings
    assert meeting.date is None                      # not in the copy: the import says so
    assert meeting.status is MeetingStatus.HELD
    assert _numbers(meeting) == ["70", "71", "72"]
    assert [item.title for item in meeting.items] == ["Apologies", "Declarations of Interest", "Minutes"]
    assert meeting.items[0].minutes_text.startswith("Apologies for absence were received from Councillors Ray")
    # the committee from the minutes of its previous meeting, said in a warning
    assert meeting.committee == "Council"
    assert any("taken from the minutes" in warning for warning in parsed.warnings)


def test_venue_and_capitalised_titles_of_a_page_without_heading():
    (meeting,) = _read("bradford_ieListDocuments_CId139_MId6879.txt").meetings
    assert meeting.venue == "Committee Room 1 - City Hall, Bradford"
    assert _numbers(meeting) == ["26", "27"]
    assert [item.title for item in meeting.items] == ["MINUTES SILENCE", "DISCLOSURES OF INTEREST"]
    assert not [r for item in meeting.items for r in item.resolutions]


def test_minute_numbers_beside_agenda_numbers_out_of_order():
    (meeting,) = _read("worcestershire_council_ieListDocuments_CId129_MId1165.txt").meetings
    assert [(i.agenda_number, i.minute_number, i.title) for i in meeting.items] == [
        ("1", "1772", "Apologies and Declaration of Interests"),
        ("6", "1773", "Chairman's Announcements"),
        ("2", "1774", "Chairman"),
        ("3", "1775", "Vice-Chairman"),
    ]
    assert meeting.venue == "County Hall, Worcester"
    (decision,) = [r for item in meeting.items for r in item.resolutions]
    assert decision.text.startswith("that Mr A P Miller be elected Chairman of the Council")


def test_an_agenda_copied_without_blank_lines_or_labels():
    (meeting,) = _read("oadby_wigston_ieListDocuments_CId221_MeetingId2966.txt").meetings
    assert [(i.agenda_number, i.title) for i in meeting.items] == [
        ("2", "Appointment of Substitutes"), ("3", "Declarations of Interest"),
        ("5", "Action List Arising from the Previous Meeting"), ("6", "Petitions and Deputations"),
    ]
    assert meeting.status is MeetingStatus.SCHEDULED


def test_welsh_meeting_page_with_its_heading():
    parsed = _read("ynysmon_cy_ieListDocuments_CId127_MId2539.txt")
    (meeting,) = parsed.meetings
    assert (meeting.committee, meeting.date, meeting.time) == ("Cyngor Sir Ynys Môn", date(2014, 10, 9), "14:00")
    assert meeting.venue == "Council Chamber - Council Offices"
    assert meeting.contact_name == "Mr Huw Jones"
    assert [item.title[:22] for item in meeting.items] == ["Cofnodion", "Datganiad o Ddiddordeb",
                                                           "Derbyn unrhyw gyhoeddi"]
    assert meeting.items[0].documents[0].size == "281 KB"


def test_welsh_labels_without_a_heading():
    (meeting,) = _read("flintshire_cy_ieListDocuments_CId143_MeetingId3878.txt").meetings
    assert meeting.venue == "Siambr y Cyngor, Neuadd y Sir, Yr Wyddgrug CH7 6NA"
    assert [item.title for item in meeting.items] == ["Datgan Cysylltiad", "Adolygiad y Cadeirydd o'r Flwyddyn 2016/17"]
    assert meeting.items[0].minutes_text.startswith("Dywedodd y Prif Swyddog")
    assert meeting.status is MeetingStatus.HELD


def test_a_page_flattened_into_rows_keeps_its_three_decisions():
    parsed = _read("westlancs_cabinet_ieListDocuments_CId143_MID2806.txt")
    (meeting,) = parsed.meetings
    assert meeting.committee == "Cabinet"
    assert meeting.status is MeetingStatus.HELD
    decisions = [r.text for item in meeting.items for r in item.resolutions]
    assert len(decisions) == 3
    assert decisions[0].startswith("That the minutes of the Cabinet meeting held on Tuesday 8 June 2021")
    assert decisions[2] == ("That the proposed approach to Consultation and Options appraisal, as set out in "
                            "Section 7 of the report, be approved.")
    assert meeting.items[0].title == "Apologies"


def test_kent_printed_minutes_minute_headings_with_item_marks():
    parsed = _read("pdf_kent_cabinet_2025-01-30_printed_minutes.pdf")
    assert parsed.kind is DocumentKind.PRINTED_MINUTES
    (meeting,) = parsed.meetings
    assert (meeting.committee, meeting.date, meeting.status) == ("Cabinet", date(2025, 1, 30), MeetingStatus.HELD)
    assert meeting.venue == "Council Chamber, Sessions House, County Hall, Maidstone"
    assert [(i.minute_number, i.agenda_number) for i in meeting.items] == [
        (str(84 + n), str(1 + n)) for n in range(9)]
    assert meeting.items[4].title == "24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25"
    assert meeting.items[8].title == "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29"


def test_kent_printed_minutes_decisions_end_where_the_minutes_go_on():
    (meeting,) = _read("pdf_kent_cabinet_2025-01-30_printed_minutes.pdf").meetings
    by_minute = {item.minute_number: item.resolutions for item in meeting.items}
    assert [len(by_minute[str(n)]) for n in range(84, 93)] == [0, 0, 1, 0, 6, 1, 1, 3, 1]
    # the six points of minute 88, the last without the next page's number
    assert [r.number for r in by_minute["88"]] == ["A", "b", "c", "d", "e", "f"]
    assert by_minute["88"][5].text == "Note the Reserves, Treasury Management and Prudential Indicators Monitoring"
    # numbered discussion paragraphs ("1. Mrs Chandler ... introduced") are not decisions
    assert by_minute["90"][0].text.startswith("that Cabinet agree to transfer the statutory functions")
    assert by_minute["90"][0].text.endswith("to implement the decision")
    assert [r.text[:6] for r in by_minute["91"]] == ["Adopt ", "Delega", "Delega"]


@pytest.mark.parametrize("name, committee, day, time, venue", [
    ("brightonhove_policy_resources_minutes_2021-07-01_pdftext.txt", "Policy & Resources Committee",
     date(2021, 7, 1), "16:00", "Hove Town Hall - Council Chamber"),
    ("saltash_tc_minutes_2012-12-06_docslib.txt", "Town Council", date(2012, 12, 6), "19:00", "The Guildhall"),
    ("ynysmon_cy_CeListDocuments_minutes_2010-03-16.txt", "Cyngor Sir Ynys Môn", date(2010, 3, 16), None, None),
])
def test_printed_minutes_in_other_shapes_name_their_meeting(name, committee, day, time, venue):
    parsed = _read(name)
    assert parsed.kind is DocumentKind.PRINTED_MINUTES
    (meeting,) = parsed.meetings
    assert (meeting.committee, meeting.date, meeting.time, meeting.venue) == (committee, day, time, venue)


def test_minutes_with_a_title_block_and_decimal_paragraphs():
    (meeting,) = _read("brightonhove_policy_resources_minutes_2021-07-01_pdftext.txt").meetings
    assert [(i.minute_number, i.title) for i in meeting.items] == [
        ("1", "Procedural Business"), ("2", "Minutes"), ("3", "Chair's Communications")]
    (decision,) = [r for item in meeting.items for r in item.resolutions]
    assert decision.text == ("That the press and public be excluded from the meeting during consideration of "
                             "the items contained in part two of the agenda.")
    assert meeting.attendees[0].attendance == "present"


def test_town_council_minute_numbers_with_the_year():
    (meeting,) = _read("saltash_tc_minutes_2012-12-06_docslib.txt").meetings
    assert [(i.minute_number, i.title) for i in meeting.items] == [("268/12/13", "Declarations of Interest")]
    assert not meeting.items[0].resolutions


def test_welsh_minutes_number_on_its_own_line():
    parsed = _read("ynysmon_cy_CeListDocuments_minutes_2010-03-16.txt")
    (meeting,) = parsed.meetings
    assert [i.minute_number for i in meeting.items] == ["1", "2"]
    assert meeting.items[0].title == "Datganiad O Ddiddordeb"
    assert any(m.attendance == "apologies" for m in meeting.attendees)


@pytest.mark.parametrize("name", sorted(
    path.name for path in CORPUS.glob("*.txt")
    if any(word in path.name for word in ("meetings_and_minutes", "agenda_and_minutes_page", "uuCoverPage",
                                          "executive_decisions_page", "meetings_agendas_minutes_page"))))
def test_council_information_pages_are_still_refused_in_one_sentence(name):
    from panelbook.model import UnreadableDocument

    with pytest.raises(UnreadableDocument) as refused:
        read_document((CORPUS / name).read_bytes())
    assert str(refused.value).count(". ") == 0 and str(refused.value).endswith(".")


def test_kent_front_sheet_in_another_layout():
    parsed = _read("pdf_kent_cabinet_2025-01-30_agenda_frontsheet.pdf")
    assert parsed.kind is DocumentKind.AGENDA_PACK
    meeting = parsed.meetings[0]
    assert (meeting.committee, meeting.date, meeting.time) == ("Cabinet", date(2025, 1, 30), "10:00")
    assert meeting.venue == "Council Chamber, Sessions House, County Hall, Maidstone"
    assert [(i.agenda_number, i.pages) for i in meeting.items] == [
        ("1", None), ("2", None), ("3", (1, 10)), ("4", None), ("5", (11, 84)), ("6", (85, 276)),
        ("7", (277, 326)), ("8", (327, 460)), ("9", (461, 610))]
    assert meeting.items[5].title == ("Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35 "
                                      "and Treasury Management Strategy")
    assert meeting.items[6].title.startswith("24/00109 - Transfer the 18-25 section")
    assert not any(item.confidential for item in meeting.items)


# -- item-level pages: agenda items, decisions, issue pages ------------------------------------

def test_agenda_item_page_with_numbered_paragraphs_gives_its_minute_number_and_one_decision():
    parsed = _read("brightonhove_mgAi_64653.txt")
    assert parsed.kind is DocumentKind.ISSUE_PAGE
    (meeting,) = parsed.meetings
    (item,) = meeting.items
    assert (item.title, item.minute_number) == ("Minutes", "39")
    assert item.description == "To consider the minutes of the meeting held on 16 November 2017 (copy attached)."
    (decision,) = item.resolutions
    assert decision.text.startswith("That, with the above changes, the Chair be authorised to sign the minutes")
    assert meeting.status is MeetingStatus.HELD and meeting.date is None


@pytest.mark.parametrize("name, title, decisions", [
    ("cardiff_cy_mgAi_23084.txt", "Gwahardd y Cyhoedd", 0),
    ("witneytc_mgAi_3830.txt", "Future Meetings of the Committee", 0),      # decided without the word RESOLVED
    ("cityoflondon_mgAi_13226.txt", "", 0),                                 # inquorate: no decision possible
    ("cityoflondon_mgAi_112925.txt", "", 1),                                # "... and RESOLVED, that - ..."
])
def test_agenda_item_pages_of_other_installs(name, title, decisions):
    (meeting,) = _read(name).meetings
    (item,) = meeting.items
    assert item.title == title
    assert len(item.resolutions) == decisions


def test_resolved_in_mid_sentence_is_read_in_the_councils_words_up_to_the_next_paragraph():
    (meeting,) = _read("cityoflondon_mgAi_112925.txt").meetings
    (decision,) = meeting.items[0].resolutions
    assert decision.text == "that - Alderman Alastair King take the Chair until the new Chairman is elected."


def test_decision_page_reads_the_meeting_that_made_it():
    parsed = _read("spelthorne_mgDelegatedDecisions_DS3.txt")
    (meeting,) = parsed.meetings
    assert (meeting.committee, meeting.date) == ("Environment and Sustainability Committee", date(2024, 4, 16))
    assert meeting.items[0].title == "Draft Air Quality Action Plan"
    # "The Committee resolved to:" is lower case: not counted as a RESOLVED decision
    assert meeting.items[0].minutes_text.startswith("The Committee resolved to:")


def test_issue_decisions_page_takes_the_decision_date_and_title():
    (meeting,) = _read("lbbd_mgDecisionDetails_IId38331.txt").meetings
    assert meeting.date == date(2012, 3, 23)
    assert meeting.items[0].title == "Programme of Meetings 2012/13"


@pytest.mark.parametrize("name, number, title", [
    ("lbbd_ieIssueDetails_IId80537.txt", "38", "Any other public items which the Chair decides are urgent"),
    ("westlancs_ieIssueDetails_IId19526.txt", "92", ""),     # the issue's title is missing from the page
])
def test_issue_pages_whose_minutes_have_no_label_are_of_a_meeting_held(name, number, title):
    (meeting,) = _read(name).meetings
    assert meeting.status is MeetingStatus.HELD
    (item,) = meeting.items
    assert (item.minute_number, item.title) == (number, title)
    assert item.minutes_text


def test_a_decision_page_saved_as_a_fragment_is_read_as_html():
    from testdata import REPO

    path = REPO / "tests" / "fixtures" / "documents" / "modgov_decision_details_fragment.html"
    result = read_document(path.read_bytes())
    assert result.media_type == "text/html"
    (meeting,) = result.parsed.meetings
    assert (meeting.committee, meeting.date, meeting.status) == ("Policy Committee", date(2015, 10, 19),
                                                                 MeetingStatus.HELD)
    (item,) = meeting.items
    assert item.title == "Minutes of Previous Meeting"
    assert item.minutes_text.startswith("The Minutes of the Policy Committee meeting on 23 September 2015")
    assert not item.resolutions


# -- reports and agendas as text ---------------------------------------------------------------

@pytest.mark.parametrize("name, committee, day", [
    ("valeofglamorgan_scrutiny_tracking_2012-07-23.txt", "Scrutiny Committee (Lifelong Learning)", date(2012, 7, 23)),
    ("valeofglamorgan_decision_tracking_2013-04-23.txt", "Scrutiny Committee (Corporate Resources)",
     date(2013, 4, 23)),
])
def test_a_committee_report_as_text(name, committee, day):
    parsed = _read(name)
    assert parsed.kind is DocumentKind.REPORT
    (meeting,) = parsed.meetings
    assert (meeting.committee, meeting.date) == (committee, day)
    assert meeting.council == "The Vale of Glamorgan Council"
    assert meeting.items[0].title == "Scrutiny Decision Tracking of Recommendations"
    assert meeting.items[0].description.startswith("Report of the Director of")


def test_a_cancelled_parish_agenda():
    parsed = _read("chiseldon_pc_cancelled_agenda_2021-12-09.txt")
    assert parsed.kind is DocumentKind.AGENDA_PACK
    (meeting,) = parsed.meetings
    assert meeting.status is MeetingStatus.CANCELLED
    assert len(meeting.items) == 10
    assert meeting.items[0].title.startswith("Vote on appointment of new Chairman")
    assert meeting.items[-1].title == "Items for the next agenda. (Cannot be considered at the current meeting)"
