"""`panelbook edit` on the sample panel: corrections, their history, undo, and bad edits in one line."""
from __future__ import annotations

import json

import pytest

from panelbook.cli import main
from panelbook.paths import data_folder
from panelbook.store import Store
from testdata import snapshot


def run(capsys, home, *argv) -> tuple[int, str, str]:
    code = main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path, capsys):
    home = tmp_path / "data"
    assert run(capsys, home, "sample")[0] == 0
    return home


def state(home):
    with Store.open(data_folder(home), daily_backup=False) as store:
        return snapshot(store)


def test_edit_a_meeting_and_an_item_then_undo(home, capsys):
    code, out, _ = run(capsys, home, "edit", "meeting", "8 Aug 2024", "--time", "18:00", "--venue", "Council Chamber")
    assert code == 0 and out == ("Corrected: Children and Families Scrutiny Panel — 2024-08-08 18:00, "
                                 "Council Chamber, held.\n")
    code, out, _ = run(capsys, home, "edit", "item", "2024-08-08", "8", "--pages", "11-20", "--confidential",
                       "--json")
    assert code == 0
    item = json.loads(out)
    assert (item["agenda_number"], item["pages"], item["confidential"]) == ("8", [11, 20], True)
    listing = run(capsys, home, "agenda", "2024-08-08")[1]
    assert "[corrected: `panelbook edit history` lists how]" in listing.splitlines()[0]
    assert "Repeat Child Protection Plans - Analysis [confidential] [corrected]" in listing
    agenda = json.loads(run(capsys, home, "agenda", "2024-08-08", "--json")[1])
    assert agenda["meeting"]["venue"] == "Council Chamber" and agenda["meeting"]["corrected"]
    assert next(i for i in agenda["items"] if i["agenda_number"] == "8")["corrected"]
    code, out, _ = run(capsys, home, "edit", "history", "2024-08-08")
    assert code == 0 and "start time 17:30 → 18:00" in out and "pack pages 11-22 → 11-20" in out
    code, out, _ = run(capsys, home, "edit", "undo", "2024-08-08", "8", "--field", "pages")
    assert code == 0 and out.startswith("Undone: item “Repeat Child Protection Plans - Analysis” pack pages")
    history = json.loads(run(capsys, home, "edit", "history", "2024-08-08", "--json")[1])
    assert [(h["field"], h["undone"]) for h in history] == [
        ("time", False), ("venue", False), ("confidential", False), ("pages", True)]


def test_merge_and_split_from_the_command_line(home, capsys):
    code, out, _ = run(capsys, home, "edit", "merge", "2024-08-08", "8", "9")
    assert code == 0 and out == "Corrected: item 8 “Repeat Child Protection Plans - Analysis”, pages 11-66.\n"
    code, out, _ = run(capsys, home, "edit", "split", "2024-08-08", "8", "--at-page", "23", "--title",
                       "Annual Conversation with Ofsted", "--number", "9")
    assert code == 0 and out == "Corrected: item 9 “Annual Conversation with Ofsted”, pages 23-66.\n"


@pytest.mark.parametrize(("argv", "line"), [
    (("edit", "item", "2024-08-08", "42", "--title", "x"),
     "panelbook: This meeting has no item '42' (give its agenda number, minute number or id).\n"),
    (("edit", "item", "2024-08-08", "8", "--pages", "100-130"),
     "panelbook: Pages 100-130 are outside the pack, which runs from page 1 to 110.\n"),
    (("edit", "merge", "2024-08-08", "7", "9"),
     "panelbook: Only neighbouring items of the agenda can be merged; these two are not next to each other.\n"),
    (("edit", "meeting", "2024-08-08", "--committee", "Cabinet", "--time", "10:00"),
     "panelbook: There is no meeting of 'Cabinet' on 2024-08-08; `panelbook meetings` lists them.\n"),
    (("edit", "meeting", "2024-08-08"),
     "panelbook: Say what to correct: --to-committee, --date, --time, --venue or --status.\n"),
], ids=["no-item", "pages-outside", "merge-apart", "no-such-committee", "nothing-said"])
def test_a_bad_edit_is_one_line_and_changes_nothing(home, capsys, argv, line):
    before = state(home)
    code, out, err = run(capsys, home, *argv)
    assert (code, out, err) == (2, "", line)
    assert state(home) == before
