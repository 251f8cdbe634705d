"""What an import does with a document that does not say which meeting it records."""
from __future__ import annotations

import shutil
from datetime import date

import pytest

from panelbook.model import DocumentKind, Meeting, MeetingStatus, ParsedDocument, UnreadableDocument
from panelbook.services import import_gaps
from panelbook.services.imports import import_files
from testdata import MODERNGOV, SHARED, snapshot

CORPUS = SHARED / "corpus"
HEADLESS = "cotswold_council_ieListDocuments_CId1154_MId1778.txt"   # a page copied without its heading


@pytest.mark.parametrize("name, day", [
    ("chiseldon_pc_cancelled_agenda_2021-12-09.txt", date(2021, 12, 9)),
    ("2024-08-08 agenda pack (rebuilt).pdf", date(2024, 8, 8)),
    ("Cabinet 30th January 2025 minutes.pdf", date(2025, 1, 30)),
    ("minutes_20_07_2023.txt", None),
    ("ieListDocuments.aspx?CId=1154&MId=1778", None),
])
def test_a_date_is_read_from_a_file_name_only_when_it_is_written_there(name, day):
    assert import_gaps.date_in_file_name(name) == day


def test_a_page_without_its_date_is_refused_in_one_sentence_and_the_store_unchanged(store, tmp_path):
    before = snapshot(store)
    with pytest.raises(UnreadableDocument) as refused:
        import_files(store, [CORPUS / HEADLESS])
    assert str(refused.value) == f"{HEADLESS}: {import_gaps.NO_DATE}"
    assert snapshot(store) == before


def test_a_page_without_its_date_takes_it_from_the_file_name_and_says_so(store, tmp_path):
    # the same real page, saved by the user under a name that gives the meeting's day
    copy = tmp_path / "Cotswold Council 23 March 2022.txt"
    shutil.copyfile(CORPUS / HEADLESS, copy)
    (report,) = import_files(store, [copy])
    assert report.kind == "meeting_page" and report.items == 3
    rows = list(store.db.query("SELECT m.date, c.name FROM meetings m JOIN committees c ON c.id = m.committee_id"))
    assert [(row["date"], row["name"]) for row in rows] == [("2022-03-23", "Council")]


def _cancelled_meeting_without_committee() -> ParsedDocument:
    """What the web-service reader gives for a GetMeeting answer that carries no committee title."""
    meeting = Meeting(committee="", date=date(2026, 1, 13), status=MeetingStatus.CANCELLED, external_id="4966")
    return ParsedDocument(kind=DocumentKind.WEBSERVICE_MEETING, title="Meeting, 13 January 2026", meetings=[meeting])


def test_a_web_service_meeting_without_committee_takes_it_from_the_meeting_list(store):
    import_files(store, [MODERNGOV / "mg_GetMeetings_manchester.xml"])
    parsed = _cancelled_meeting_without_committee()
    import_gaps.fill_from_store(store.db, parsed)
    import_gaps.require_meeting(parsed)
    assert parsed.meetings[0].committee == "Audit Committee"
    assert "taken from the meeting list" in parsed.warnings[0]


def test_a_web_service_meeting_without_committee_or_list_is_refused_in_one_sentence(store):
    parsed = _cancelled_meeting_without_committee()
    import_gaps.fill_from_store(store.db, parsed)
    with pytest.raises(UnreadableDocument) as refused:
        import_gaps.require_meeting(parsed)
    assert str(refused.value) == import_gaps.NO_COMMITTEE_WEBSERVICE
