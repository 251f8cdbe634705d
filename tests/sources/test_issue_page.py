"""ModernGov "Issue - meetings" page: seed 002, a saved-HTML form, several meetings, bad input."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from panelbook.model import DocumentKind, DocumentLink, MeetingStatus, Resolution, UnreadableDocument
from panelbook.sources.issue_page import looks_like_issue_page, read_issue_page
from testdata import seed_text

ISSUE = "Children and Learning - Performance"


def test_seed_002_issue_and_meeting():
    parsed = read_issue_page(seed_text("002"))
    assert parsed.kind is DocumentKind.ISSUE_PAGE
    assert parsed.issue == ISSUE and parsed.title == ISSUE
    assert parsed.committee is not None and parsed.committee.name == "Children and Families Scrutiny Panel"
    (meeting,) = parsed.meetings
    assert meeting.committee == "Children and Families Scrutiny Panel"
    assert meeting.date == date(2023, 7, 20)
    assert meeting.status is MeetingStatus.HELD
    (item,) = meeting.items
    assert (item.minute_number, item.agenda_number, item.title, item.issue) == ("9", None, ISSUE, ISSUE)
    assert item.description == ("Report of the Scrutiny Manager recommending that the Panel consider and "
                                "challenge the performance of Children\u2019s Services and Learning in Southampton.")
    assert item.documents == [
        DocumentLink(ISSUE, size="280 KB"),
        DocumentLink("Appendix 1 - July 2023 Children and Learning Performance Report.pptx", size="3 MB"),
        DocumentLink("Appendix 2 - Children and Families Acronyms.docx", size="227 KB"),
    ]


def test_seed_002_minutes_and_resolutions():
    item = read_issue_page(seed_text("002")).meetings[0].items[0]
    assert item.minutes_text.startswith("The Panel considered the report of the Scrutiny Manager")
    assert item.minutes_text.endswith("The Panel discussed a number of points including:")
    assert len(item.discussion) == 6
    assert item.discussion[3] == "The potential effect of the recent Ofsted inspection on the latest performance figures."
    assert item.resolutions == [
        Resolution("1", "That, to enable trends to be identified, performance data outlining the rate of "
                        "re-referrals over a longer time period is circulated to the Panel."),
        Resolution("2", "That, to enable key issues to be identified, a highlight report is attached to the "
                        "monthly performance dataset presented to the Panel."),
        Resolution("3", "That the Children\u2019s Services forward plan of audit activity is circulated to the "
                        "Panel to help plan future agendas of the Panel."),
    ]
    # nothing of the date picker (English or Welsh) leaks into the item
    everything = " ".join([item.minutes_text, *item.discussion, *(r.text for r in item.resolutions)])
    assert "Last 7 days" not in everything and "diwrnod" not in everything


SEVERAL = """\
  \u2022 Meetings
  \u2022 Issue - meetings

    Budget Monitoring

    loading...

    \u2022 Issue Details
    \u2022 Issue History

    Meeting: 14/03/2024 - Overview and Scrutiny Committee (Item 77/23)

    77/23 Budget Monitoring pdf icon PDF 120 KB

    Report of the Director of Finance.

    Decision:

    RESOLVED that the report be noted.

    Minutes:

    The Committee considered the report.

    Meeting: 02/10/2025 - Cabinet (Item 5)

    5 Budget Monitoring

    Report of the Director of Finance (to follow).

  \u2022 Last 7 days
  \u2022 Month to date
Start Date
"""


def test_several_meetings_decision_and_future_meeting():
    parsed = read_issue_page(SEVERAL)
    assert parsed.issue == "Budget Monitoring"
    assert [(m.committee, m.date, m.status) for m in parsed.meetings] == [
        ("Overview and Scrutiny Committee", date(2024, 3, 14), MeetingStatus.HELD),
        ("Cabinet", date(2025, 10, 2), MeetingStatus.SCHEDULED),
    ]
    held, future = (m.items[0] for m in parsed.meetings)
    assert (held.minute_number, held.title) == ("77/23", "Budget Monitoring")
    assert held.resolutions == [Resolution(None, "that the report be noted.")]
    assert held.minutes_text == "The Committee considered the report."
    assert (future.agenda_number, future.minute_number) == ("5", None)
    assert future.description == "Report of the Director of Finance (to follow)."
    assert future.documents == [] and future.resolutions == []
    assert parsed.committee is None and len(parsed.committees) == 2


def test_saved_html_form():
    html = (
        "<!DOCTYPE html><html><head><title>Issue - meetings</title></head><body>"
        "<ul><li>Calendar</li><li>Issue - meetings</li></ul>"
        "<h2>Children and Learning - Performance</h2><p>loading...</p>"
        "<h3>Meeting: 20/07/2023 - Children and Families Scrutiny Panel (Item 9)</h3>"
        "<p>9 Children and Learning - Performance <a href='x.pdf'>PDF 280 KB</a></p>"
        "<p>Report of the Scrutiny Manager.</p>"
        "<p>Minutes:</p><p>The Panel considered the report.</p>"
        "<p>RESOLVED</p><ol><li>1. That data is circulated to the Panel.</li></ol>"
        "<ul><li>Last 7 days</li></ul></body></html>"
    )
    assert looks_like_issue_page(html)
    parsed = read_issue_page(html)
    assert parsed.issue == ISSUE
    item = parsed.meetings[0].items[0]
    assert (item.minute_number, item.title) == ("9", ISSUE)
    assert item.documents == [DocumentLink(ISSUE, size="280 KB")]
    assert item.resolutions == [Resolution("1", "That data is circulated to the Panel.")]


def test_recognition():
    assert looks_like_issue_page(seed_text("002"))
    for other in ("000", "001", "003", "004"):
        assert not looks_like_issue_page(seed_text(other))


@pytest.mark.parametrize("text", [
    "", "   \n ", "\x00\x01 random \ufffd bytes", "Issue - meetings\n\nSomething\n",
    "Meeting: 99/99/2023 - Panel (Item 1)\nIssue - meetings",
])
def test_bad_input(text):
    assert not looks_like_issue_page(text) or text.startswith("Meeting: 99")
    with pytest.raises(UnreadableDocument, match="not a ModernGov 'Issue - meetings' page"):
        read_issue_page(text)


@pytest.mark.parametrize("seed", ["001", "003", "004"])
def test_other_documents_refused(seed):
    with pytest.raises(UnreadableDocument, match="not a ModernGov 'Issue - meetings' page"):
        read_issue_page(seed_text(seed))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "Issue - meetings", "\n", "\n\n", "Meeting: ", "20/07/2023", "31/02/2023", " - ", "Panel",
    " (Item 9)", "9 ", "Title pdf icon PDF 3 MB", "Additional documents:", "Minutes:", "Decision:",
    "RESOLVED", "1. ", "That x.", "\u2022 ", "Last 7 days", "<html>", "<p>", "</p>", "x",
]), max_size=60).map("".join))
def test_only_unreadable_document_on_any_text(text):
    try:
        parsed = read_issue_page(text)
    except UnreadableDocument as error:
        assert str(error)
    else:
        assert parsed.meetings and all(len(m.items) == 1 for m in parsed.meetings)
