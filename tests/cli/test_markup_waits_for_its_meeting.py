"""Markup imported for a meeting that is not in Panelbook yet is kept, and attached
when that meeting arrives (no second markup import needed)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from panelbook.cli import main
from panelbook.paths import data_folder
from panelbook.services import markup
from panelbook.store import Store
from testdata import MODERNGOV, snapshot

KINGSTON = MODERNGOV / "Agenda_151.html"


def run(capsys, home: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def notes_on(capsys, home: Path, meeting: str) -> list[dict]:
    code, out, err = run(capsys, home, "notes", meeting, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def markup_file(tmp_path, capsys) -> Path:
    """From the desk: a note on the Kingston meeting, a question and a highlight on the
    sample's 8 August 2024 pack, a flag."""
    desk = tmp_path / "desk"
    assert run(capsys, desk, "sample")[0] == 0
    assert run(capsys, desk, "import", str(KINGSTON))[0] == 0
    assert run(capsys, desk, "note", "add", "2026-01-15", "54", "Ask about the Guildhall")[0] == 0
    assert run(capsys, desk, "note", "add", "2024-08-08", "8", "Why so many?", "--question")[0] == 0
    with Store.open(data_folder(desk)) as store:
        page = store.db.execute(
            "SELECT p.document_id, p.idx, p.item_id FROM pages p JOIN documents d ON d.id = p.document_id "
            "WHERE d.media_type = 'application/pdf' AND p.printed = 11").fetchone()
        markup.add_highlight(store, page[0], page[1], 0, 30)
        markup.set_mark(store, page[2], flag="challenge")
    file = tmp_path / "desk.json"
    assert run(capsys, desk, "markup", "export", "-o", str(file))[0] == 0
    return file


def test_kept_then_attached_when_the_meetings_arrive(tmp_path, capsys, markup_file):
    laptop = tmp_path / "laptop"
    assert run(capsys, laptop, "meetings")[0] == 0            # an empty store
    code, out, err = run(capsys, laptop, "markup", "import", str(markup_file))
    assert (code, err) == (0, "")
    assert out == ("Markup imported: 0 added, 0 updated, 4 kept for meetings not in Panelbook yet "
                   "(attached when they are imported).\n")
    code, out, err = run(capsys, laptop, "sample")
    assert code == 0, err
    august = notes_on(capsys, laptop, "2024-08-08")
    assert [(n["kind"], n["text"]) for n in august if n["kind"] == "question"] == [("question", "Why so many?")]
    (light,) = [n for n in august if n["kind"] == "highlight"]
    assert light["page"] == 11 and not light["needs_placing"]
    with Store.open(data_folder(laptop)) as store:
        flags = store.db.execute("SELECT flag FROM item_marks").fetchall()
    assert [tuple(f) for f in flags] == [("challenge",)]
    code, out, err = run(capsys, laptop, "import", str(KINGSTON))
    assert code == 0, err
    assert "1 notes, flags or highlights that waited for it attached" in out
    assert [n["text"] for n in notes_on(capsys, laptop, "2026-01-15")] == ["Ask about the Guildhall"]
    # Nothing waits any more: importing again attaches nothing and changes nothing.
    with Store.open(data_folder(laptop)) as store:
        before = snapshot(store)
    code, out, err = run(capsys, laptop, "import", str(KINGSTON))
    assert code == 0 and "waited" not in out
    with Store.open(data_folder(laptop)) as store:
        assert snapshot(store) == before


def test_a_deletion_in_a_later_file_removes_the_kept_note(tmp_path, capsys, markup_file):
    laptop = tmp_path / "laptop"
    assert run(capsys, laptop, "sample")[0] == 0
    assert run(capsys, laptop, "markup", "import", str(markup_file))[0] == 0     # the Kingston note waits
    data = json.loads(markup_file.read_text(encoding="utf-8"))
    (kingston,) = [n for n in data["notes"] if n["item"]["date"] == "2026-01-15"]
    later = data | {"notes": [], "marks": [], "highlights": [],
                    "deleted": [{"uid": kingston["uid"], "deleted_at": "2099-01-01T00:00:00"}]}
    markup_file.write_text(json.dumps(later), encoding="utf-8")
    assert run(capsys, laptop, "markup", "import", str(markup_file))[0] == 0
    assert run(capsys, laptop, "import", str(KINGSTON))[0] == 0
    assert notes_on(capsys, laptop, "2026-01-15") == []
