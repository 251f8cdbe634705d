"""Deleting a highlight on the sample panel's 8 August 2024 pack: it is gone, it can be brought
back under the same uid, and a markup file carries the deletion to another computer."""
import json

import pytest

from panelbook.paths import data_folder
from panelbook.services import markup
from panelbook.services.sample import load_sample
from panelbook.store import Store
from panelbook.store.queries import NotFound, notes, resolve_meeting

PHRASE = "REPEAT CHILD PROTECTION PLANS"


@pytest.fixture
def sample(store):
    load_sample(store)
    return store


def _highlight(store, printed=11, phrase=PHRASE, comment=None):
    page = next(iter(store.db.query(
        "SELECT p.* FROM pages p JOIN documents d ON d.id = p.document_id "
        "WHERE d.kind = 'agenda_pack' AND p.printed = ?", (printed,))))
    start = page["text"].index(phrase)
    return markup.add_highlight(store, page["document_id"], page["idx"], start, start + len(phrase), comment)


def _quotes(db):
    return [h["quote"] for h in markup.highlights(db)]


def _tombstones(db):
    return {r["uid"] for r in db.query("SELECT uid FROM markup_tombstones")}


def test_a_deleted_highlight_is_gone_and_restore_brings_it_back_whole(sample):
    kept = _highlight(sample, 11, "BRIEF SUMMARY")
    wrong = _highlight(sample, 11, PHRASE, comment="Not this one")
    assert _quotes(sample.db) == ["BRIEF SUMMARY", PHRASE]
    before = next(iter(sample.db.query("SELECT * FROM highlights WHERE id = ?", (wrong,))))

    removed = markup.delete_highlight(sample, wrong)
    assert removed == before
    assert _quotes(sample.db) == ["BRIEF SUMMARY"]
    assert [h["id"] for h in markup.highlights(sample.db, item_id=before["item_id"])] == [kept]
    assert _tombstones(sample.db) == {before["uid"]}
    meeting = resolve_meeting(sample.db, "2024-08-08")
    assert [n["text"] for n in notes(sample.db, meeting) if n["kind"] == "highlight"] == ["BRIEF SUMMARY"]

    restored = markup.restore_highlight(sample, removed)
    assert restored == wrong                     # its id was free, so it comes back under it
    again = next(iter(sample.db.query("SELECT * FROM highlights WHERE id = ?", (restored,))))
    assert again == before
    assert _quotes(sample.db) == ["BRIEF SUMMARY", PHRASE]
    assert _tombstones(sample.db) == set()


def test_restore_takes_a_new_id_when_the_old_one_was_reused(sample):
    first = _highlight(sample, 11, PHRASE)
    removed = markup.delete_highlight(sample, first)
    reused = _highlight(sample, 11, "BRIEF SUMMARY")
    assert reused == first                       # SQLite hands the freed id to the next highlight
    restored = markup.restore_highlight(sample, removed)
    assert restored != first
    row = next(iter(sample.db.query("SELECT uid, quote FROM highlights WHERE id = ?", (restored,))))
    assert (row["uid"], row["quote"]) == (removed["uid"], PHRASE)


def test_deleting_twice_or_a_missing_highlight_is_one_clear_error(sample):
    light = _highlight(sample)
    removed = markup.delete_highlight(sample, light)
    with pytest.raises(NotFound, match=rf"^There is no highlight {light}\.$"):
        markup.delete_highlight(sample, light)
    with pytest.raises(NotFound, match=r"^There is no highlight 999999\.$"):
        markup.delete_highlight(sample, 999999)
    markup.restore_highlight(sample, removed)
    with pytest.raises(markup.MarkupError, match="already there"):
        markup.restore_highlight(sample, removed)
    assert _quotes(sample.db) == [PHRASE]


def test_an_exported_deletion_deletes_the_highlight_on_the_other_computer(sample, tmp_path):
    light = _highlight(sample, 11, PHRASE)
    _highlight(sample, 11, "BRIEF SUMMARY")
    with Store.open(data_folder(tmp_path / "laptop")) as laptop:
        load_sample(laptop)
        before_delete = markup.export_markup(sample)
        assert markup.import_markup(laptop, before_delete)["added"] == 2
        assert sorted(_quotes(laptop.db)) == ["BRIEF SUMMARY", PHRASE]

        removed = markup.delete_highlight(sample, light)
        data = json.loads(json.dumps(markup.export_markup(sample)))
        assert [h["quote"] for h in data["highlights"]] == ["BRIEF SUMMARY"]
        assert [d["uid"] for d in data["deleted"]] == [removed["uid"]]

        counts = markup.import_markup(laptop, data)
        assert counts["removed"] == 1 and counts["added"] == 0
        assert _quotes(laptop.db) == ["BRIEF SUMMARY"]
        assert _tombstones(laptop.db) == {removed["uid"]}
        # A file made before the deletion, still holding the highlight, does not bring it back.
        counts = markup.import_markup(laptop, before_delete)
        assert counts["deleted_here"] == 1 and counts["added"] == 0
        assert _quotes(laptop.db) == ["BRIEF SUMMARY"]


def test_a_highlight_deleted_here_is_not_brought_back_by_an_older_file(sample):
    light = _highlight(sample, 11, PHRASE)
    older = markup.export_markup(sample)                    # made while the highlight was still there
    markup.delete_highlight(sample, light)
    counts = markup.import_markup(sample, older)
    assert counts["deleted_here"] == 1 and counts["added"] == 0
    assert _quotes(sample.db) == []


def test_undo_here_then_export_brings_the_highlight_back_on_the_other_computer(sample, tmp_path):
    light = _highlight(sample, 11, PHRASE)
    removed = markup.delete_highlight(sample, light)
    markup.restore_highlight(sample, removed)
    data = markup.export_markup(sample)
    assert data["deleted"] == [] and [h["uid"] for h in data["highlights"]] == [removed["uid"]]
    with Store.open(data_folder(tmp_path / "laptop")) as laptop:
        load_sample(laptop)
        assert markup.import_markup(laptop, data)["added"] == 1
        assert [h["uid"] for h in markup.highlights(laptop.db)] == [removed["uid"]]
