"""``panelbook news``: newest first in words, --unseen, --mark-seen, and the --json contract."""
import json

from news_data import a_sync_of, import_two_committees
from panelbook.cli import main
from panelbook.paths import data_folder
from panelbook.store import Store
from panelbook.store.news import record_news


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _synced_home(tmp_path):
    home = tmp_path / "data"
    with Store.open(data_folder(home)) as store:
        record_news(store, a_sync_of(import_two_committees(store)))
    return str(home)


def test_nothing_new_in_a_new_store(tmp_path, capsys):
    code, out, err = run(capsys, "--home", str(tmp_path / "data"), "news")
    assert (code, out, err) == (0, "Nothing new.\n", "")
    assert json.loads(run(capsys, "--home", str(tmp_path / "data"), "news", "--json")[1]) == []


def test_news_in_words_then_marked_read(tmp_path, capsys):
    home = _synced_home(tmp_path)
    code, out, err = run(capsys, "--home", home, "news", "--unseen", "--mark-seen")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["SEEN", "AT", "COMMITTEE", "MEETING", "WHAT", "TITLE"]
    assert "Document revised" in lines[1] and "Kingston and North Kingston" in lines[1] and "2026-01-15" in lines[1]
    assert lines[1].startswith("new") and "Minutes published" in lines[2] and "Cancelled" in lines[3]
    assert lines[4:] == ["3 entries unread.", "Marked 3 entries as read."]
    assert run(capsys, "--home", home, "news", "--unseen")[1] == "Nothing new.\n"
    code, out, _ = run(capsys, "--home", home, "news")
    assert out.splitlines()[-1] == "3 entries, 0 unread." and not out.splitlines()[1].startswith("new")


def test_json_is_the_contract_and_mark_seen_keeps_it_clean(tmp_path, capsys):
    home = _synced_home(tmp_path)
    code, out, err = run(capsys, "--home", home, "news", "--json", "--unseen", "--mark-seen")
    assert code == 0, err
    records = json.loads(out)
    assert [(r["kind"], r["committee"], r["meeting_date"], r["seen"]) for r in records] == [
        ("changed_document", "Kingston and North Kingston Neighbourhood Committee", "2026-01-15", False),
        ("minutes_published", "Audit Committee", "2026-02-10", False),
        ("cancelled", "Audit Committee", "2026-01-13", False)]
    assert all(r["at"] == "2026-12-02T09:30:00Z" and r["title"] for r in records)
    assert [r["seen"] for r in json.loads(run(capsys, "--home", home, "news", "--json")[1])] == [True] * 3
