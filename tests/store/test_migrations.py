"""Every released schema version's saved store opens in this version with all user work intact."""
import shutil
from pathlib import Path

import pytest

from panelbook.paths import data_folder
from panelbook.store import Store
from panelbook.store.news import list_news
from panelbook.store.queries import agenda, history, notes, recommendations, resolve_meeting
from panelbook.store.schema import LATEST
from panelbook.store.search import search

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("store-v*.sqlite3"))


def test_there_is_a_saved_store_of_the_current_version():
    assert any(path.name == f"store-v{LATEST}.sqlite3" for path in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_saved_store_migrates_with_every_note_highlight_and_tracker_edit(fixture, tmp_path):
    folder = data_folder(tmp_path / "data").ensure()
    shutil.copyfile(fixture, folder.database)
    version = int(fixture.stem.split("-v")[1])
    with Store.open(folder, daily_backup=False) as store:
        assert store.recovery is None
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        meeting = resolve_meeting(store.db, "2024-08-08")
        marks = notes(store.db, meeting)
        by_text = {m["text"]: m for m in marks}
        assert "A private note: £2.4m – “agency costs”" in by_text
        answered = by_text["How many repeat plans this year?"]
        assert (answered["state"], answered["answer"]) == ("answered", "42, down from 57")
        assert [m["text"] for m in marks if m["kind"] == "question"] == [
            "How many repeat plans this year?", "Who audits handovers?"]
        assert by_text["Why are re-referrals rising?"]["lead"] == "Cllr Webb"
        light = by_text["REPEAT CHILD PROTECTION PLANS"]
        assert light["kind"] == "highlight" and light["page"] == 11 and light["comment"] == "key passage"
        flag = store.db.execute("SELECT flag, read FROM item_marks").fetchone()
        assert tuple(flag) == ("key item", 1)
        rec = next(r for r in recommendations(store.db) if r["response"] == "Plan presented in November")
        assert rec["status"] == "reported_complete"
        assert [h["who"] for h in history(store.db, rec["id"]) if h["who"] != "import"] == ["Cllr Fixture"] * 2
        assert any(r["owner"] == "Scrutiny Manager" for r in recommendations(store.db))
        assert any(h.kind == "note" for h in search(store.db, "agency costs"))
        if version >= 2:
            assert [(n["kind"], n["meeting_date"], n["seen"]) for n in list_news(store)] == [
                ("minutes_published", "2024-08-08", False), ("agenda_published", "2024-08-08", True)]
        if version >= 4:        # the clerk's corrections
            agenda_now = agenda(store.db, meeting)
            assert agenda_now["meeting"]["time"] == "18:00"
            assert next(i for i in agenda_now["items"] if i["agenda_number"] == "8")["title"] == (
                "Repeat Child Protection Plans")
        # version 5: a document is public unless imported or marked confidential
        confidential = store.db.execute("SELECT count(*), sum(confidential) FROM documents").fetchone()
        assert confidential[0] > 0 and confidential[1] == 0
    if version < LATEST:
        assert list(folder.backups.glob(f"before-migration-v{version}-*"))
