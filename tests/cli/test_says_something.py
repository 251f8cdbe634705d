"""The command line is never silent: empty listings say so and what to do, `notes` groups by item,
and importing the same markup file again says "already up to date"."""
from __future__ import annotations

import json

import pytest

from panelbook.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_empty_store_says_what_to_do(tmp_path, capsys):
    home = str(tmp_path / "empty")
    assert run(capsys, "--home", home, "meetings") == (
        0, "No meetings yet: import a pack or follow your council.\n", "")
    assert run(capsys, "--home", home, "meetings", "--json") == (0, "[]\n", "")
    code, out, _ = run(capsys, "--home", home, "recs")
    assert code == 0 and out.startswith("No recommendations yet")


@pytest.fixture(scope="module")
def sample_home(tmp_path_factory) -> str:
    home = str(tmp_path_factory.mktemp("sample") / "data")
    assert main(["--home", home, "sample"]) == 0
    return home


def test_a_search_that_finds_nothing_says_so(sample_home, capsys):
    assert run(capsys, "--home", sample_home, "search", "xyzzyq") == (0, "No results for “xyzzyq”.\n", "")
    assert run(capsys, "--home", sample_home, "search", "xyzzyq", "--json") == (0, "[]\n", "")
    _, out, _ = run(capsys, "--home", sample_home, "search", "re-referrals")
    hits = json.loads(run(capsys, "--home", sample_home, "search", "re-referrals", "--json")[1])
    assert hits and out.splitlines()[-1] == f"{len(hits)} results."


def test_listings_that_match_nothing_say_so(sample_home, capsys):
    assert run(capsys, "--home", sample_home, "meetings", "--from", "1 Jan 2030")[1] == \
        "No meetings from 2030-01-01; `panelbook meetings` lists them all.\n"
    assert run(capsys, "--home", sample_home, "recs", "--status", "closed_rejected")[1] == "No recommendations match.\n"
    code, out, _ = run(capsys, "--home", sample_home, "notes", "2024-07-18")
    assert code == 0 and out.startswith("No notes, questions or highlights on this meeting yet")


def test_notes_are_grouped_under_their_item(tmp_path, capsys):
    home = str(tmp_path / "data")
    assert main(["--home", home, "sample"]) == 0
    for item, text, *question in (("8", "Ask about handovers", "--question"), ("7", "Early years numbers"),
                                  ("8", "Compare with last year"), ("8", "Who audits the audits?", "--question")):
        assert run(capsys, "--home", home, "note", "add", "8 Aug 2024", item, text, *question)[0] == 0
    code, out, err = run(capsys, "--home", home, "notes", "08/08/2024")
    assert code == 0, err
    lines = out.splitlines()
    headings = [line for line in lines if line and not line.startswith("     ")]
    assert headings == ["  7  Early Years and Childcare", "  8  Repeat Child Protection Plans - Analysis"]
    under_8 = lines[lines.index(headings[1]) + 1:]
    assert [line.split(":")[0].strip() for line in under_8] == ["Note", "Question [open]", "Question [open]"]
    assert "Who audits the audits?" in under_8[2]
    assert out.count("Repeat Child Protection Plans") == 1
    rows = json.loads(run(capsys, "--home", home, "notes", "2024-08-08", "--json")[1])
    assert len(rows) == 4 and all("item_title" in r for r in rows)     # the JSON keeps one row per note


def test_a_second_markup_import_of_the_same_file_is_already_up_to_date(tmp_path, capsys):
    desk, laptop = str(tmp_path / "desk"), str(tmp_path / "laptop")
    for home in (desk, laptop):
        assert main(["--home", home, "sample"]) == 0
    for text in ("Ask about handovers", "Compare with last year"):
        assert run(capsys, "--home", desk, "note", "add", "2024-08-08", "8", text)[0] == 0
    file = str(tmp_path / "markup.json")
    _, out, _ = run(capsys, "--home", desk, "markup", "export", "-o", file)
    assert out == f"Wrote 2 notes and questions, 0 highlights and 0 flags to {file}.\n"
    assert run(capsys, "--home", laptop, "markup", "import", file) == (0, "Markup imported: 2 added, 0 updated.\n", "")
    again = run(capsys, "--home", laptop, "markup", "import", file)
    assert again == (0, "Markup already up to date: nothing in the file is newer "
                        "(2 notes and highlights: 2 the same here).\n", "")
    counts = json.loads(run(capsys, "--home", laptop, "markup", "import", file, "--json")[1])
    assert counts["unchanged"] == 2 and counts["added"] == counts["updated"] == counts["kept_newer_here"] == 0
    # An edit made here after the export is newer than the file's: still nothing to take.
    with_edit = run(capsys, "--home", laptop, "notes", "2024-08-08", "--json")[1]
    note_id = json.loads(with_edit)[0]["id"]
    from panelbook.paths import data_folder
    from panelbook.services.markup import update_note
    from panelbook.store import Store

    with Store.open(data_folder(laptop)) as store:
        update_note(store, note_id, text="Edited on the laptop")
    assert run(capsys, "--home", laptop, "markup", "import", file)[1] == (
        "Markup already up to date: nothing in the file is newer (2 notes and highlights: 1 the same here, "
        "1 kept as they are (newer here)).\n")
