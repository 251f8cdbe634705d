"""The command line on the real seed documents: what a clerk gets back from `panelbook import`."""
from __future__ import annotations

import json

import pytest

from panelbook.cli import main
from panelbook.paths import data_folder
from panelbook.store import Store
from testdata import MODERNGOV, SEEDS, snapshot

SEED_FILES = sorted(str(p) for p in SEEDS.glob("00*.txt"))


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, home, *argv):
    code, out, err = run(capsys, "--home", str(home), *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def home(tmp_path, capsys):
    home = tmp_path / "data"
    reports = run_json(capsys, home, "import", *SEED_FILES)
    assert [r["kind"] for r in reports] == [
        "printed_minutes", "meeting_page", "issue_page", "agenda_pack", "meeting_page",
    ]
    return home


def test_meetings_from_the_seeds(home, capsys):
    meetings = run_json(capsys, home, "meetings")
    by_date = {m["date"]: m for m in meetings}
    for m in meetings:
        assert {"id", "committee", "date", "time", "venue", "status"} <= set(m)
        assert m["committee"] == "Children and Families Scrutiny Panel"
    assert by_date["2019-11-07"]["status"] == "moved"
    assert by_date["2023-07-20"]["status"] == "held"
    assert by_date["2024-07-18"]["status"] == "held"
    assert by_date["2024-08-08"]["status"] == "held"
    assert by_date["2024-08-08"]["time"] == "17:30"
    assert by_date["2024-08-08"]["venue"] == "Conference Room 3 - Civic Centre"
    for future in ("2024-09-26", "2024-11-28", "2025-01-30", "2025-03-27"):
        assert by_date[future]["status"] == "scheduled"
    # One meeting per date: the pack, the web page and the minutes agree on which meeting they describe.
    assert len(meetings) == len(by_date)


def test_agenda_joins_pack_numbers_and_minute_numbers(home, capsys):
    agenda = run_json(capsys, home, "agenda", "2024-08-08")
    assert agenda["meeting"]["date"] == "2024-08-08"
    items = agenda["items"]
    assert len(items) == 11
    assert [i["agenda_number"] for i in items] == [str(n) for n in range(1, 12)]
    ranges = {i["agenda_number"]: i["pages"] for i in items}
    assert ranges["6"] == [1, 4] and ranges["7"] == [5, 10] and ranges["8"] == [11, 22]
    assert ranges["9"] == [23, 66] and ranges["10"] == [67, 104] and ranges["11"] == [105, 110]
    assert all(ranges[str(n)] is None for n in range(1, 6))
    repeat = next(i for i in items if i["title"] == "Repeat Child Protection Plans - Analysis")
    assert repeat["agenda_number"] == "8"
    assert repeat["minute_number"] == "11"
    assert [r["number"] for r in repeat["resolutions"]] == ["i", "ii", "iii"]
    assert repeat["resolutions"][0]["text"].startswith("That, to reinforce the message about the value of good practice")
    ofsted = next(i for i in items if i["minute_number"] == "12")
    assert ofsted["agenda_number"] == "9"
    assert [r["number"] for r in ofsted["resolutions"]] == ["i"]
    minutes_numbers = [i["minute_number"] for i in items if i["minute_number"]]
    assert sorted(minutes_numbers, key=int) == [str(n) for n in range(8, 15)]
    for item in items:
        assert set(item) >= {"id", "agenda_number", "minute_number", "title", "description", "pages", "confidential"}


def test_recommendations_from_the_monitoring_table(home, capsys):
    recs = run_json(capsys, home, "recs")
    tracked = [r for r in recs if r["meeting_date"] == "2024-07-18"]
    assert len(tracked) == 5
    assert {r["item_title"] for r in tracked} == {"Local Area SEND Inspection", "Family Safeguarding Model"}
    texts = {r["status_text"] for r in tracked}
    assert "Complete" in texts
    assert "Not complete – deadline November 2024." in texts
    by_text = {r["status_text"]: r for r in tracked}
    assert by_text["Not complete – deadline November 2024."]["deadline"] == "2024-11-30"
    assert by_text["Complete"]["status"] == "reported_complete"
    for r in recs:
        assert set(r) >= {"id", "meeting_date", "item_title", "text", "response", "status", "status_text",
                          "deadline", "overdue"}
    assert not [r for r in recs if r["status"] == "draft"]


def test_resolutions_of_minutes_are_offered_as_drafts_but_procedural_ones_are_not(home, capsys):
    drafts = run_json(capsys, home, "recs", "--status", "draft")
    dates = {r["meeting_date"] for r in drafts}
    assert "2023-07-20" in dates
    july_2023 = [r for r in drafts if r["meeting_date"] == "2023-07-20"]
    # Minute 9 (performance) has three, minute 11 (the confidential Ofsted report) three more.
    assert len(july_2023) == 6
    assert july_2023[0]["text"].startswith("That, to enable trends to be identified, performance data")
    assert july_2023[5]["text"] == (
        "That scrutiny of the Ofsted Improvement Plan is incorporated within the Panel work programme."
    )
    assert not any("correct record" in r["text"] for r in drafts)
    assert not any("Vice Chair" in r["text"] or "Vice-Chair" in r["text"] for r in drafts)
    # The 18 July 2024 resolutions are tracked by the monitoring table: one recommendation each, not two.
    july = [r for r in drafts if r["meeting_date"] == "2024-07-18"]
    assert july == []


def test_search_finds_re_referrals_in_minutes_and_pack(home, capsys):
    hits = run_json(capsys, home, "search", "re-referrals")
    assert hits, "nothing found"
    for hit in hits:
        assert {"kind", "meeting_date", "title", "snippet", "page"} <= set(hit)
        assert "re-referrals" in hit["snippet"].lower() or "re-referral" in hit["snippet"].lower()
    assert any(h["meeting_date"] == "2023-07-20" and h["kind"] == "minutes" for h in hits)
    assert any(h["meeting_date"] == "2024-08-08" for h in hits)


def test_reimport_changes_nothing(home, capsys):
    with Store.open(data_folder(home)) as store:
        before = snapshot(store)
    reports = run_json(capsys, home, "import", *SEED_FILES)
    assert all(r["meetings"] == r["items"] == r["resolutions"] == r["recommendations"] == 0 for r in reports)
    with Store.open(data_folder(home)) as store:
        assert snapshot(store) == before


def test_notes_and_tracker_edits_survive_reimport(home, capsys):
    code, _, err = run(capsys, "--home", str(home), "note", "add", "2024-08-08", "8",
                       "Ask about social worker handovers", "--question")
    assert code == 0, err
    code, _, err = run(capsys, "--home", str(home), "note", "add", "2024-08-08", "12", "Minute 12 by minute number")
    assert code == 0, err
    rec = next(r for r in run_json(capsys, home, "recs") if r["status_text"] == "Not complete – deadline November 2024.")
    code, _, err = run(capsys, "--home", str(home), "recs", "set", str(rec["id"]), "--response",
                       "Action plan seen by the Panel", "--status", "reported_complete")
    assert code == 0, err
    run_json(capsys, home, "import", *SEED_FILES)
    notes = run_json(capsys, home, "notes", "2024-08-08")
    assert [(n["kind"], n["text"]) for n in notes] == [
        ("question", "Ask about social worker handovers"), ("note", "Minute 12 by minute number"),
    ]
    # "8" is agenda item 8; "12" is no agenda number, so it is minute 12 (agenda item 9).
    assert [n["item_title"] for n in notes] == [
        "Repeat Child Protection Plans - Analysis",
        "Annual Conversation with Ofsted and Progress of Post-Inspection Improvement Plan",
    ]
    again = next(r for r in run_json(capsys, home, "recs") if r["id"] == rec["id"])
    assert again["response"] == "Action plan seen by the Panel"
    assert again["status"] == "reported_complete"
    found = run_json(capsys, home, "search", "handovers")
    assert any(h["kind"] == "note" for h in found)


def test_moderngov_samples_import_through_the_same_command(tmp_path, capsys):
    files = [MODERNGOV / name for name in (
        "mg_GetCommittees_manchester.xml", "mg_GetMeetings_manchester.xml",
        "mg_GetMeeting_with_minutes_manchester.xml", "Agenda_151.html", "CommitteeDetails.html",
        "ZebraCrossing.pdf", "BrowseMeetings.html",
    )]
    reports = run_json(capsys, tmp_path / "data", "import", *map(str, files))
    assert [r["kind"] for r in reports] == [
        "webservice_committees", "webservice_meetings", "webservice_meeting", "meeting_page",
        "committee_page", "report", "meeting_list_page",
    ]
    meetings = run_json(capsys, tmp_path / "data", "meetings")
    audit = [m for m in meetings if m["committee"] == "Audit Committee"]
    assert {(m["date"], m["status"]) for m in audit} >= {("2026-01-13", "cancelled")}
    kingston = [m for m in meetings if m["committee"] == "Kingston and North Kingston Neighbourhood Committee"]
    assert ("2025-12-04", "cancelled") in {(m["date"], m["status"]) for m in kingston}
    # The meeting page, the report and the meeting list agree on one meeting for 15 January 2026.
    assert len([m for m in kingston if m["date"] == "2026-01-15"]) == 1
