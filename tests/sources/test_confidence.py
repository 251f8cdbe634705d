"""What an import says it could not read, on the real seed and ModernGov documents.

The readers' gaps are facts of the documents themselves: the 7 November 2019 page
prints its items without numbers (the seeds' README); the 8 August 2024 pack prints
page ranges for items 6-11 and none for the procedural items 1-5, which have no
report; the web-service GetMeeting answer carries a time and venue.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from panelbook.model import UnreadableDocument
from panelbook.services.import_gaps import NO_COMMITTEE
from panelbook.services.imports import prepare_bytes, prepare_file, write_prepared
from panelbook.sources.confidence import committee_from_file_name, name_missing_committee, unread_fields
from panelbook.sources.detect import read_document
from testdata import MODERNGOV, SEEDS, snapshot


def _seed(prefix: str) -> Path:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path


def test_items_printed_without_numbers_are_reported():
    parsed = read_document(_seed("001").read_bytes()).parsed
    assert "5 items without numbers" in unread_fields(parsed)


def test_procedural_items_without_pages_are_not_reported_but_a_report_item_is():
    parsed = read_document(_seed("003").read_bytes()).parsed
    assert not [line for line in unread_fields(parsed) if "page ranges" in line]
    # As a reader that missed item 8's "(Pages 11 - 22)" would leave it:
    item = next(i for i in parsed.meetings[0].items if i.agenda_number == "8")
    item.pages = None
    assert "1 item without page ranges (8)" in unread_fields(parsed)


def test_a_document_that_gives_time_and_venue_is_not_said_to_lack_them():
    parsed = read_document((MODERNGOV / "mg_GetMeeting_with_minutes_manchester.xml").read_bytes()).parsed
    lines = unread_fields(parsed)
    assert "no start time" not in lines and "no venue" not in lines


def test_reader_warnings_come_after_the_gaps_and_only_once():
    parsed = read_document((MODERNGOV / "Agenda_151.html").read_bytes()).parsed
    lines = unread_fields(parsed)
    assert lines == list(dict.fromkeys(lines))
    assert lines[-2:] == parsed.warnings[-2:]
    assert "cut short" in lines[-1]


@pytest.mark.parametrize(("name", "committee"), [
    ("pdf_kent_cabinet_2025-01-30_printed_minutes.pdf", "Kent Cabinet"),
    ("Audit Committee 2025-01-30 minutes.pdf", "Audit Committee"),
    ("Printed minutes 20th-Jul-2023 17.30 Children and Families Scrutiny Panel.pdf",
     "Children and Families Scrutiny Panel"),
    ("Marine Committee Wednesday 3 March 2021 agenda.pdf", "Marine Committee"),
    ("000_011e31915eabbbd2.txt", None),
    ("2024-08-08 agenda pack (rebuilt).pdf", None),
    ("minutes.pdf", None),
    ("cotswold_council_ieListDocuments_CId1154_MId1778.txt", None),       # a council and a web address
    ("saltash_tc_minutes_2012-12-06_docslib.txt", None),
])
def test_committee_from_file_name(name, committee):
    assert committee_from_file_name(name) == committee


def test_a_meeting_with_no_committee_takes_the_file_names_and_says_so():
    parsed = read_document(_seed("000").read_bytes()).parsed
    parsed.meetings[0].committee = ""          # as a reader that found no committee leaves it
    lines = name_missing_committee(parsed, "Children and Families Scrutiny Panel 20 July 2023 minutes.txt")
    assert parsed.meetings[0].committee == "Children and Families Scrutiny Panel"
    assert lines == ["committee name not found — taken from the file name (Children and Families Scrutiny Panel)"]


def test_an_import_reports_its_gaps_and_a_nameless_one_is_refused(store):
    prepared = prepare_file(_seed("001"))
    (report,) = write_prepared(store, [prepared])
    assert "5 items without numbers" in report.warnings and report.as_json()["warnings"] == report.warnings
    nameless = prepare_bytes(_seed("000").read_bytes(), "minutes.txt")
    nameless.parsed.meetings[0].committee = ""
    before = snapshot(store)
    with pytest.raises(UnreadableDocument) as refused:
        write_prepared(store, [nameless])
    assert str(refused.value) == f"minutes.txt: {NO_COMMITTEE}"
    assert snapshot(store) == before
