"""The sample panel, backup and restore from the command line."""
import json

from panelbook.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sample_loads_through_the_readers_and_can_be_removed(tmp_path, capsys):
    home = str(tmp_path / "data")
    code, out, err = run(capsys, "--home", home, "sample", "--json")
    assert code == 0, err
    kinds = [r["kind"] for r in json.loads(out)]
    assert kinds[0] == "agenda_pack"          # the rebuilt pack PDF, read by the PDF reader
    assert set(kinds) == {"agenda_pack", "meeting_page", "printed_minutes", "issue_page"}
    code, out, _ = run(capsys, "--home", home, "agenda", "2024-08-08", "--json")
    items = json.loads(out)["items"]
    repeat = next(i for i in items if i["title"] == "Repeat Child Protection Plans - Analysis")
    assert repeat["pages"] == [11, 22] and repeat["minute_number"] == "11"
    code, out, _ = run(capsys, "--home", home, "search", "re-referrals", "--json")
    pages = [h for h in json.loads(out) if h["kind"] == "page"]
    assert pages and all(h["meeting_date"] == "2024-08-08" and 67 <= h["page"] <= 104 for h in pages)
    assert pages[0]["title"] == "Children and Learning - Performance"

    code, out, err = run(capsys, "--home", home, "sample", "--remove", "--json")
    assert code == 0, err
    assert json.loads(out)["meetings"] >= 8
    code, out, _ = run(capsys, "--home", home, "meetings", "--json")
    assert json.loads(out) == []


def test_backup_and_restore_bring_back_a_note(tmp_path, capsys):
    home = str(tmp_path / "data")
    assert run(capsys, "--home", home, "sample")[0] == 0
    assert run(capsys, "--home", home, "note", "add", "2024-08-08", "8", "Ask about handovers")[0] == 0
    backup = tmp_path / "copy.sqlite3"
    assert run(capsys, "--home", home, "backup", "-o", str(backup))[0] == 0
    assert run(capsys, "--home", home, "sample", "--remove", "--discard-markup")[0] == 0
    code, out, err = run(capsys, "--home", home, "restore", str(backup))
    assert code == 0, err
    assert "kept at" in out
    code, out, _ = run(capsys, "--home", home, "notes", "2024-08-08", "--json")
    assert [n["text"] for n in json.loads(out)] == ["Ask about handovers"]


def test_restore_refuses_what_is_not_a_backup(tmp_path, capsys):
    home = str(tmp_path / "data")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all")
    code, _, err = run(capsys, "--home", home, "restore", str(junk))
    assert code == 1
    assert err.startswith("panelbook: junk.sqlite3 is not a Panelbook backup")


def test_restore_refuses_while_panelbook_is_open_on_the_folder(tmp_path, capsys):
    import subprocess
    import sys

    home = tmp_path / "data"
    assert run(capsys, "--home", str(home), "sample")[0] == 0
    backup = tmp_path / "copy.sqlite3"
    assert run(capsys, "--home", str(home), "backup", "-o", str(backup))[0] == 0
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (home / f"session-{holder.pid}").write_text("open elsewhere")
        code, _, err = run(capsys, "--home", str(home), "restore", str(backup))
        assert code == 1
        assert "close it before restoring" in err
    finally:
        holder.kill()
        holder.wait()


def test_markup_import_says_what_it_merged_and_what_the_file_deleted(tmp_path, capsys):
    desk, laptop = str(tmp_path / "desk"), str(tmp_path / "laptop")
    for home in (desk, laptop):
        assert run(capsys, "--home", home, "sample")[0] == 0
    assert run(capsys, "--home", desk, "note", "add", "2024-08-08", "8", "Ask about handovers")[0] == 0
    file = str(tmp_path / "markup.json")
    assert run(capsys, "--home", desk, "markup", "export", "-o", file)[0] == 0
    code, out, err = run(capsys, "--home", laptop, "markup", "import", file)
    assert (code, out, err) == (0, "Markup imported: 1 added, 0 updated.\n", "")

    from panelbook.paths import data_folder
    from panelbook.services import markup
    from panelbook.store import Store

    with Store.open(data_folder(desk)) as store:
        (note,) = [n for n in store.db.query("SELECT id FROM notes")]
        markup.delete_note(store, note["id"])
    assert run(capsys, "--home", desk, "markup", "export", "-o", file)[0] == 0
    code, out, err = run(capsys, "--home", laptop, "markup", "import", file)
    assert (code, out, err) == (0, "Markup imported: 0 added, 0 updated, 1 removed (deleted in the file).\n", "")
