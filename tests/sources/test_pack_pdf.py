"""The pack reader on small PDF fixtures made with the pack generator."""
from __future__ import annotations

from datetime import date

import pytest

from panelbook.model import UnreadableDocument
from panelbook.sources.pack import read_pack
from panelbook.sources.pdftext import extract_pages
from tools.rebuild_pack import ReportText, pack_pdf

FRONT = """PUBLIC INFORMATION
HEALTH OVERVIEW AND SCRUTINY PANEL
Thursday, 12th September, 2024 at 6.00 pm
Venue: Conference Room 3 - Civic Centre
Contact: Ed Grimshaw, Democratic Support Officer Tel: 023 8083 2390 ed.grimshaw@example.gov.uk
QUORUM The minimum number of appointed Members required to be in attendance to hold the meeting is four.
Dates of Meetings: Municipal Year
2024 2025
12 September 16 January
14 November
AGENDA
1 APOLOGIES
To note any apologies.
2 CONFIDENTIAL: CARE HOME CONTRACT (Pages 1 - 2)
Report of the Director of Adult Care on the contract award.
3 HEALTH PERFORMANCE (Page 3)
Report of the Scrutiny Manager.
Wednesday, 4 September 2024 Director – Legal and Governance"""


def build(tmp_path, **options):
    reports = [
        ReportText("2", 1, 2, "DECISION-MAKER: HEALTH OVERVIEW AND SCRUTINY PANEL\nSUBJECT: CARE HOME CONTRACT\n"
                   "The contract is worth £2m.\nMore text for the second page."),
        ReportText("3", 3, 3, "DECISION-MAKER: HEALTH OVERVIEW AND SCRUTINY PANEL\nSUBJECT: HEALTH PERFORMANCE"),
    ]
    return extract_pages(pack_pdf(FRONT, reports, tmp_path / "pack.pdf", **options))


def test_front_sheet_details(tmp_path):
    parsed = read_pack(build(tmp_path))
    meeting = parsed.meetings[0]
    assert parsed.committee.name == "Health Overview and Scrutiny Panel"
    assert parsed.committee.quorum == 4
    assert (meeting.date, meeting.time) == (date(2024, 9, 12), "18:00")
    assert meeting.venue == "Conference Room 3 - Civic Centre"
    assert (meeting.contact_name, meeting.contact_role, meeting.contact_phone, meeting.contact_email) == (
        "Ed Grimshaw", "Democratic Support Officer", "023 8083 2390", "ed.grimshaw@example.gov.uk")
    assert meeting.agenda_published == date(2024, 9, 4)
    assert [(i.agenda_number, i.title, i.pages, i.confidential) for i in meeting.items] == [
        ("1", "Apologies", None, False),
        ("2", "Confidential: Care Home Contract", (1, 2), True),
        ("3", "Health Performance", (3, 3), False),
    ]
    assert [m.date for m in parsed.meetings[1:]] == [date(2024, 11, 14), date(2025, 1, 16)]
    assert [(p.index, p.printed) for p in parsed.pages] == [(0, None), (1, 1), (2, 2), (3, 3)]
    assert meeting.items[1].text == (
        "DECISION-MAKER: HEALTH OVERVIEW AND SCRUTINY PANEL\nSUBJECT: CARE HOME CONTRACT\n"
        "The contract is worth £2m.\nMore text for the second page.")
    assert parsed.council is None


def test_missing_report_page(tmp_path):
    parsed = read_pack(build(tmp_path, drop_pages={2}))
    assert parsed.warnings == ["Agenda item 2: some of pages 1-2 are missing."]
    assert parsed.meetings[0].items[1].text.startswith("DECISION-MAKER")


def test_pack_without_a_date(tmp_path):
    front = "\n".join(line for line in FRONT.splitlines() if "2024" not in line and "September" not in line)
    pages = extract_pages(pack_pdf(front, [ReportText("2", 1, 2, "Report")], tmp_path / "p.pdf"))
    with pytest.raises(UnreadableDocument, match=r"^This agenda pack does not say the date of its meeting.$"):
        read_pack(pages)
