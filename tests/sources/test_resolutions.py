"""RESOLVED blocks and discussion bullets, on the seeds, the ModernGov samples and every phrasing."""
from __future__ import annotations

import html
import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings, strategies as st

from panelbook.model import Resolution
from panelbook.sources.resolutions import parse_resolutions, split_minutes
from testdata import MODERNGOV, seed_text


def _between(text: str, start: str, end: str | None) -> str:
    first = text.index(start)
    return text[first: text.index(end, first) if end else len(text)]


# --- seed 000: printed minutes of 20 July 2023 -----------------------------------------

def test_seed_000_minute_9_numbered_resolutions_and_bullets():
    item = _between(seed_text("000"), "9. CHILDREN AND LEARNING", "10. MONITORING")
    prose, discussion, resolutions = split_minutes(item)
    assert resolutions == [
        Resolution("1", "That, to enable trends to be identified, performance data outlining the rate "
                        "of re-referrals over a longer time period is circulated to the Panel."),
        Resolution("2", "That, to enable key issues to be identified, a highlight report is attached "
                        "to the monthly performance dataset presented to the Panel."),
        Resolution("3", "That the Children\u2019s Services forward plan of audit activity is circulated "
                        "to the Panel to help plan future agendas of the Panel."),
    ]
    assert len(discussion) == 6
    assert discussion[0] == ("The increase in referrals over a period of time. Conversations are being "
                             "held with partners to ensure referrals are appropriate and data is being "
                             "interrogated.")
    assert discussion[-1] == ("The Service\u2019s use of a forward plan schedule for internal audit to "
                              "identify areas in need of improved performance.")
    assert prose.endswith("The Panel discussed a number of points including:")
    assert "RESOLVED" not in prose and "\uf0b7" not in prose


def test_seed_000_minute_11_resolved_colon():
    item = _between(seed_text("000"), "11. OFSTED", None)
    _, discussion, resolutions = split_minutes(item)
    assert [r.number for r in resolutions] == ["1", "2", "3"]
    assert resolutions[0].text.endswith("for their hard work in improving the Service;")
    assert resolutions[2].text == ("That scrutiny of the Ofsted Improvement Plan is incorporated "
                                   "within the Panel work programme.")
    assert discussion[0] == "General improvement across the Service;"
    assert len(discussion) == 4


# --- seed 004: the ModernGov page text of 8 August 2024 ----------------------------------

def test_seed_004_roman_and_inline():
    text = seed_text("004")
    minute_9 = _between(text, "\n9.\n", "\n10.\n")
    assert parse_resolutions(minute_9) == [Resolution(
        None, "that the minutes of the meeting held on 18 July 2024, be approved and signed as a correct record.")]
    minute_11 = _between(text, "\n11.\n", "\n12.\n")
    prose, discussion, resolutions = split_minutes(minute_11)
    assert [r.number for r in resolutions] == ["i", "ii", "iii"]
    assert resolutions[2].text == ("That the scheduled follow up analysis of repeat child protection "
                                   "plans is provided to the Panel when it is available.")
    assert len(discussion) == 5
    assert prose.endswith("The Panel discussed a number of key points as follows:")
    minute_12 = _between(text, "\n12.\n", "\n13.\n")
    assert parse_resolutions(minute_12) == [Resolution(
        "i", "That an all-members briefing is scheduled to inform councillors about the changes that "
             "have been undertaken across Children\u2019s Services and Learning.")]
    minute_10 = _between(text, "\n10.\n", "\n11.\n")
    prose, discussion, resolutions = split_minutes(minute_10)
    assert resolutions == [] and len(discussion) == 7
    # the unbulleted paragraph after the list stays prose
    assert prose.endswith("comparative strength and success of the early years sector in Southampton")


# --- seed 003: the minutes of 18 July 2024 printed in the pack ---------------------------

def test_seed_003_typo_and_glyphless_bullets():
    text = seed_text("003")
    minute_2 = _between(text, "2. ELECTION OF VICE-CHAIR", "3. MINUTES OF THE PREVIOUS")
    assert parse_resolutions(minute_2) == [Resolution(
        None, "That Councillor Webb be appointed as Vice Chair for the 2024-2025 municipal year.")]
    minute_4 = _between(text, "4. OUTCOME OF LOCAL AREA", "5. FAMILY SAFEGUARDING")
    _, discussion, resolutions = split_minutes(minute_4)
    assert [r.number for r in resolutions] == ["1", "2", "3"]
    assert discussion == [
        "The accuracy of the Council\u2019s SEND self assessment;",
        "The key learning points from the inspection;",
        "The Council\u2019s SEND transformation programme and Capital programme;",
        "The uptake of the mandated healthy children programme and any potential variations to this across the City;",
        "The number and percentage of elective home educated children with SEND is circulated to the Panel; and",
        "The development of the SEND Partnership action plan.",
    ]
    # the next minute's heading is never taken for a sub-point
    minute_5 = _between(text, "5. FAMILY SAFEGUARDING", "7. MONITORING")
    resolutions = parse_resolutions(minute_5)
    assert [r.number for r in resolutions] == ["1", "2"]
    assert resolutions[0].text.startswith("That the Panel suggested that a Headteacher is invited")


# --- seed 002 and the ModernGov samples -----------------------------------------------

def test_seed_002_indented_web_text():
    resolutions = parse_resolutions(seed_text("002"))
    assert [r.number for r in resolutions] == ["1", "2", "3"]
    assert resolutions[1].text == ("That, to enable key issues to be identified, a highlight report is "
                                   "attached to the monthly performance dataset presented to the Panel.")


def _kingston_blocks() -> list[str]:
    soup = BeautifulSoup((MODERNGOV / "Agenda_151.html").read_bytes(), "html.parser")
    text = soup.get_text("\n")
    blocks = []
    for match in re.finditer(r"Decision:|Minutes:", text):
        rest = text[match.end():]
        stop = re.search(r"\n(?:Minutes:|Decision:|Recorded Vote|\d\d\.\n)", rest)
        blocks.append(rest[: stop.start()] if stop else rest)
    return blocks


def test_kingston_html_text_label_alone_on_its_line_and_voting_notes():
    found = [parse_resolutions(block) for block in _kingston_blocks()]
    found = [r for r in found if r]
    assert [len(r) for r in found] == [3, 1, 1, 2, 2]
    assert found[0][2] == Resolution("3", (
        "approval be granted to proceed with the implementation of a green man phase at the junction "
        "of Galworthy Road/Coombe Lane West/Gloucester Road/Coombe Road once funding is secured."))
    assert found[1][0].number is None and found[1][0].text.startswith("that the decision on")
    # minutes with "Voting: unanimous" between the sub-points: the note is not part of them
    assert found[4][0].text.endswith("Neighbourhood Community Grants Programme be approved; and")
    assert found[4][1].text == ("the application for \u00a31,800 of Neighbourhood Community Grant "
                                "funding by Barnfield Riding for the Disabled be approved.")


def test_manchester_minutes_without_resolutions():
    xml = (MODERNGOV / "mg_GetMeeting_with_minutes_manchester.xml").read_text(encoding="utf-8")
    bodies = re.findall(r"<minutesnonemptyhtmlbody>(.*?)</minutesnonemptyhtmlbody>", xml, re.S)
    texts = [BeautifulSoup(html.unescape(b), "html.parser").get_text("\n") for b in bodies]
    assert len(texts) == 2
    prose, discussion, resolutions = split_minutes(texts[1])
    assert resolutions == [] and discussion == []
    assert prose == ("The Committee considered a report of the Governance and Scrutiny Support Unit "
                     "which set out its future Work Programme for the remainder of 2025/26 municipal year.")


# --- every other phrasing -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Resolved: That the report be noted.", [(None, "That the report be noted.")]),
    ("RESOLVED \u2013 That the report be noted.", [(None, "That the report be noted.")]),
    ("RESOLVED:\nThat the report\nbe noted.", [(None, "That the report be noted.")]),
    ("RECOMMENDED that Cabinet agree the plan.", [(None, "that Cabinet agree the plan.")]),
    ("RESSOLVED that X be done.", [(None, "that X be done.")]),
    ("RESOVLED that X be done.", [(None, "that X be done.")]),
    ("RESOLVED:\n\n(1) That A;\n\n(2) That B.", [("1", "That A;"), ("2", "That B.")]),
    ("RESOLVED\n1) That A;\n2) That B.", [("1", "That A;"), ("2", "That B.")]),
    ("RESOLVED\n(i) That A;\n(ii) That B.", [("i", "That A;"), ("ii", "That B.")]),
    ("RESOLVED:\n\n(a) that X is done;\n\n(b) that Y is done.", [("a", "that X is done;"), ("b", "that Y is done.")]),
    ("RESOLVED: 1) That A be done. 2) That B be done.", [("1", "That A be done."), ("2", "That B be done.")]),
    ("RESOLVED\n\n\uf0b7 That X is\ncirculated.\n\n\uf0b7 That Y.", [(None, "That X is circulated."), (None, "That Y.")]),
    ("RESOLVED\n  \u2022 That X.\n  \u2022 That Y.", [(None, "That X."), (None, "That Y.")]),
    ("RESOLVED\n\n\u2022 1. That X.\n\u2022 2. That Y.", [("1", "That X."), ("2", "That Y.")]),
    ("RESOLVED:\n\nThat the report be noted.\n\nThat a further report comes back.\n\nThe meeting closed at 7pm.",
     [(None, "That the report be noted."), (None, "That a further report comes back.")]),
    ("RESOLVED\n\n1. That the rate of re-\nreferrals is\n\ncirculated to the Panel.\n\n2. That B.",
     [("1", "That the rate of re-referrals is circulated to the Panel."), ("2", "That B.")]),
    ("RESOLVED\n1. That the following be circulated:\n(a) the plan;\n(b) the audit.\n2. That C.",
     [("1", "That the following be circulated: (a) the plan; (b) the audit."), ("2", "That C.")]),
    ("It was RESOLVED that:\n\n1.\n\nthe scheme be approved.\n\nVoting: unanimous\n\n2.\n\nthe grant be made.\n\nVoting: 5 for",
     [("1", "the scheme be approved."), ("2", "the grant be made.")]),
    ("RESOLVED\n1. That A.\n\n8. NEXT MEETING\nThe next meeting is in May.", [("1", "That A.")]),
    ("The issue was resolved quickly and the Panel recommended nothing.", []),
    ("", []),
    ("RESOLVED", []),
])
def test_phrasings(text, expected):
    assert [(r.number, r.text) for r in parse_resolutions(text)] == expected


def test_two_blocks_and_repeated_decision():
    text = "Decision:\nRESOLVED that A be done.\n\nMinutes:\nDebate.\n\nRESOLVED that A be done.\n\nLater, RESOLVED that B."
    assert parse_resolutions(text) == [Resolution(None, "that A be done."), Resolution(None, "that B.")]


def test_split_minutes_bad_input():
    assert split_minutes("") == ("", [], [])
    assert split_minutes("   \n\n ") == ("", [], [])
    _prose, discussion, resolutions = split_minutes("\x00\ufffd random ::: 1) 2)")
    assert discussion == [] and resolutions == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("RESOLVED that 1.2)(ai\n\u2022\uf0b7 :;-x")), max_size=300))
def test_never_raises_on_any_text(text):
    for resolution in parse_resolutions(text):
        assert resolution.text
    prose, discussion, _resolutions = split_minutes(text)
    assert isinstance(prose, str) and all(discussion)


def test_large_input_stays_quick():
    import time

    text = ("RESOLVED that the report be noted.\n\n" + "Some prose of the minutes.\n" * 50) * 2000
    start = time.perf_counter()
    assert len(parse_resolutions(text)) == 1        # identical texts are kept once
    assert time.perf_counter() - start < 5
