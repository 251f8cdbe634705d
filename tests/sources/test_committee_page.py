"""ModernGov "Committee details" page (Kingston, mgCommitteeDetails.aspx?ID=711)."""
from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings, strategies as st

from panelbook.model import Member, UnreadableDocument
from panelbook.sources.committee_page import read_committee_page
from testdata import MODERNGOV

PAGE = MODERNGOV / "CommitteeDetails.html"


def test_committee_details_sample():
    doc = read_committee_page(PAGE.read_text(encoding="utf-8"))
    committee = doc.committee
    assert doc.committees == [committee]
    assert doc.title == "Committee details - Kingston and North Kingston Neighbourhood Committee"
    assert committee.name == "Kingston and North Kingston Neighbourhood Committee"
    assert committee.external_id == "711"
    assert committee.terms_of_reference == (
        "Please note the Planning Sub-Committee for this Committee have been decommissioned "
        "and any planning business that is required to be considered will be taken to this "
        "Committee."
    )
    assert committee.quorum is None
    assert len(committee.members) == 15
    assert committee.members[:3] == [
        Member(name="Councillor Olly Wehring", role="Chair"),
        Member(name="Councillor Anne Owen", role="Vice-Chair"),
        Member(name="Councillor Rowena Bass", role="Councillor"),
    ]
    assert committee.members[-1] == Member(name="Councillor John Sweeney", role="Councillor")
    assert {m.role for m in committee.members[2:]} == {"Councillor"}


def test_bytes_other_labels_table_and_quorum():
    page = """<html><body><h2 class="mgSubTitleTxt">Children and Families Scrutiny Panel</h2>
    <a href="ieListMeetings.aspx?CommitteeId=144">Browse meetings</a>
    <h2 class="mgSectionTitle">Terms of reference</h2>
    <div class="mgWordPara"><p>To scrutinise services for children &amp; families.</p>
    <p>The quorum is 3 members.</p></div>
    <h2 class="mgSectionTitle">Members</h2>
    <table><tr><td><a href="mgUserInfo.aspx?UID=1">Mrs Jane Smith</a></td>
    <td>(Appointed Member)</td></tr>
    <tr><td><a href="mgUserInfo.aspx?UID=2">Dr K Patel</a></td><td></td></tr></table>
    </body></html>"""
    committee = read_committee_page(page.encode("utf-8")).committee
    assert committee.name == "Children and Families Scrutiny Panel"
    assert committee.external_id == "144"
    assert committee.terms_of_reference == (
        "To scrutinise services for children & families.\n\nThe quorum is 3 members.")
    assert committee.quorum == 3
    assert committee.members == [
        Member(name="Mrs Jane Smith", role="Appointed Member"),
        Member(name="Dr K Patel", role=None),
    ]


@pytest.mark.parametrize("name", ["Agenda_151.html", "BrowseMeetings.html",
                                  "CommitteeStructure.html"])
def test_other_moderngov_pages_are_refused(name):
    with pytest.raises(UnreadableDocument) as error:
        read_committee_page((MODERNGOV / name).read_text(encoding="utf-8"))
    assert str(error.value) == "This is not a ModernGov committee details page."


@pytest.mark.parametrize("data, message", [
    ("", "This file is empty; it is not a ModernGov committee details page."),
    (b"  ", "This file is empty; it is not a ModernGov committee details page."),
    ("<html><body><h1>Parish news</h1></body></html>",
     "This is not a ModernGov committee details page."),
    (PAGE.read_bytes()[:7000], "This is not a ModernGov committee details page."),  # cut off
    ((MODERNGOV / "ZebraCrossing.pdf").read_bytes(),
     "This is not a ModernGov committee details page."),
])
def test_bad_input(data, message):
    with pytest.raises(UnreadableDocument) as error:
        read_committee_page(data)
    assert str(error.value) == message


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_never_any_other_exception(data):
    with contextlib.suppress(UnreadableDocument):
        read_committee_page(data)
