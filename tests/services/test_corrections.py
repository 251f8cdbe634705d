"""The clerk's corrections are user work: they survive the same documents imported
again and a revised pack, show in the history, and undoing one gives back what the
documents say.  Bad corrections are one sentence and leave the store as it was.

Material: the sample panel (Southampton's 8 August 2024 pack rebuilt as PDF, its
minutes and web pages, ``resources/sample/``); a revised pack made from the pack's
own text with tools/rebuild_pack.py (two pages of item 7's report dropped).
"""
from __future__ import annotations

import json

import pytest

from panelbook.paths import sample_dir
from panelbook.services import corrections
from panelbook.services.corrections import CorrectionError
from panelbook.services.imports import import_files
from panelbook.services.markup import add_note
from panelbook.services.sample import load_sample
from panelbook.store import queries
from testdata import snapshot
from tools.rebuild_pack import pack_pdf, pack_reports

PACK_TEXT = (sample_dir() / "003_41e7f3da12eebc0c.txt").read_text(encoding="utf-8")
SAMPLE_FILES = sorted(p for p in sample_dir().iterdir() if p.suffix in (".pdf", ".txt", ".html", ".htm"))


@pytest.fixture
def sample(store):
    load_sample(store)
    return store


def _meeting(store) -> int:
    return corrections.find_meeting(store, "2024-08-08")


def _agenda(store):
    return queries.agenda(store.db, _meeting(store))


def _item(store, number):
    return next(i for i in _agenda(store)["items"] if i["agenda_number"] == number)


def _import_everything_again(store):
    import_files(store, SAMPLE_FILES)


def test_meeting_corrections_survive_reimport_and_undo_gives_back_the_documents(sample):
    meeting = _meeting(sample)
    said = _agenda(sample)["meeting"]
    corrections.edit_meeting(sample, meeting, time="6 pm", venue="Council Chamber", status="cancelled")
    _import_everything_again(sample)
    now = _agenda(sample)["meeting"]
    assert (now["time"], now["venue"], now["status"], now["corrected"]) == ("18:00", "Council Chamber", "cancelled",
                                                                          True)
    for field in ("status", "venue", "time"):
        corrections.undo(sample, meeting, field=field)
    back = _agenda(sample)["meeting"]
    assert (back["time"], back["venue"], back["status"]) == (said["time"], said["venue"], said["status"])
    assert not back["corrected"]
    history = corrections.history(sample, meeting)
    assert [(h["field"], h["after"], h["undone"]) for h in history] == [
        ("time", "18:00", True), ("venue", "Council Chamber", True), ("status", "cancelled", True)]


def test_item_corrections_win_over_a_revised_pack(sample, tmp_path):
    item = _item(sample, "8")
    corrections.edit_item(sample, item["id"], title="Repeat Child Protection Plans", pages="11-20",
                          confidential=True, number="8a")
    front, reports = pack_reports(PACK_TEXT)
    revised = tmp_path / "revised.pdf"
    pack_pdf(front, reports, revised, drop_pages=(9, 12))       # item 8's pages move in the revision
    import_files(sample, [revised])
    _import_everything_again(sample)
    items = _agenda(sample)["items"]
    assert len(items) == 11                                     # found again, never duplicated
    now = next(i for i in items if i["id"] == item["id"])
    assert (now["title"], now["pages"], now["confidential"], now["agenda_number"], now["corrected"]) == (
        "Repeat Child Protection Plans", [11, 20], True, "8a", True)
    corrections.undo(sample, _meeting(sample), item["id"], "title")
    assert next(i for i in _agenda(sample)["items"] if i["id"] == item["id"])["title"] == item["title"]


def test_a_corrected_date_moves_the_meeting_and_the_next_import_finds_it(sample):
    meeting = _meeting(sample)
    count = len(queries.meetings(sample.db))
    corrections.edit_meeting(sample, meeting, date="15 August 2024")      # as the window's form may give it
    _import_everything_again(sample)
    assert len(queries.meetings(sample.db)) == count                    # no second meeting on 8 August
    assert [m["id"] for m in queries.meetings(sample.db, "2024-08-15", "2024-08-15")] == [meeting]
    assert not queries.meetings(sample.db, "2024-08-08", "2024-08-08")
    corrections.undo(sample, meeting, field="date")
    assert [m["id"] for m in queries.meetings(sample.db, "2024-08-08", "2024-08-08")] == [meeting]


def test_a_corrected_committee_is_kept_over_a_reimport(sample):
    meeting = _meeting(sample)
    corrections.edit_meeting(sample, meeting, committee="Children and Families Scrutiny Panel (special)")
    _import_everything_again(sample)
    assert queries.meeting(sample.db, meeting)["committee"] == "Children and Families Scrutiny Panel (special)"
    assert len(queries.meetings(sample.db, "2024-08-08", "2024-08-08")) == 1


def test_merge_moves_the_notes_and_undo_moves_them_back(sample):
    eight, nine = _item(sample, "8"), _item(sample, "9")
    note = add_note(sample, nine["id"], "Ask about the Ofsted letter")
    merged = corrections.merge_items(sample, _meeting(sample), eight["id"], nine["id"])
    assert merged["pages"] == [eight["pages"][0], nine["pages"][1]]
    assert [i["agenda_number"] for i in _agenda(sample)["items"]].count("9") == 0
    assert [n["item_id"] for n in queries.notes(sample.db, _meeting(sample)) if n.get("id") == note] == [eight["id"]]
    pages = {r["printed"]: r["item_id"] for r in sample.db.query(
        "SELECT p.printed, p.item_id FROM pages p JOIN documents d ON d.id = p.document_id "
        "WHERE d.kind = 'agenda_pack' AND p.printed IN (12, 40)")}
    assert pages == {12: eight["id"], 40: eight["id"]}
    _import_everything_again(sample)
    assert "9" not in [i["agenda_number"] for i in _agenda(sample)["items"]]
    corrections.undo(sample, _meeting(sample), eight["id"], "merge")
    items = {i["agenda_number"]: i for i in _agenda(sample)["items"]}
    assert items["8"]["pages"] == eight["pages"] and items["9"]["pages"] == nine["pages"]
    assert [n["item_id"] for n in queries.notes(sample.db, _meeting(sample)) if n.get("id") == note] == [nine["id"]]


def test_split_makes_an_item_and_undo_takes_it_away(sample):
    ten = _item(sample, "10")
    made = corrections.split_item(sample, ten["id"], 80, "Performance appendix", "10b")
    assert (made["agenda_number"], made["pages"], made["title"]) == ("10b", [80, ten["pages"][1]],
                                                                      "Performance appendix")
    assert _item(sample, "10")["pages"] == [ten["pages"][0], 79]
    _import_everything_again(sample)
    assert _item(sample, "10b")["id"] == made["id"] and _item(sample, "10")["pages"] == [ten["pages"][0], 79]
    corrections.undo(sample, _meeting(sample), made["id"])
    assert "10b" not in [i["agenda_number"] for i in _agenda(sample)["items"]]
    assert _item(sample, "10")["pages"] == ten["pages"]


@pytest.mark.parametrize(("action", "sentence"), [
    (lambda s, m: corrections.find_item(s, m, "99"), "This meeting has no item '99'"),
    (lambda s, m: corrections.edit_item(s, _item(s, "8")["id"], pages="100-130"),
     "Pages 100-130 are outside the pack, which runs from page 1 to 110."),
    (lambda s, m: corrections.edit_item(s, _item(s, "8")["id"], pages="22-11"), "Pages 22-11 do not make a range"),
    (lambda s, m: corrections.edit_item(s, _item(s, "8")["id"], title="  "), "An item needs a title."),
    (lambda s, m: corrections.merge_items(s, m, _item(s, "7")["id"], _item(s, "9")["id"]),
     "Only neighbouring items of the agenda can be merged"),
    (lambda s, m: corrections.split_item(s, _item(s, "8")["id"], 40, "Part two"),
     "Page 40 is not inside this item's pages 11-22"),
    (lambda s, m: corrections.edit_meeting(s, m, time="teatime"), "'teatime' is not a time of day"),
    (lambda s, m: corrections.edit_meeting(s, m, date="2024-07-18"),
     "There is already a meeting of Children and Families Scrutiny Panel on 2024-07-18"),
    (lambda s, m: corrections.undo(s, m, field="venue"), "There is no correction of this meeting (venue) to undo."),
    (lambda s, m: corrections.edit_meeting(s, m, date="someday"), "'someday' is not a date"),
], ids=["no-item", "pages-outside", "pages-backwards", "no-title", "merge-apart", "split-outside", "bad-time",
        "date-taken", "nothing-to-undo", "bad-date"])
def test_a_bad_correction_is_one_sentence_and_changes_nothing(sample, action, sentence):
    meeting = _meeting(sample)
    before = snapshot(sample)
    with pytest.raises(CorrectionError) as refused:
        action(sample, meeting)
    assert str(refused.value).startswith(sentence) and "\n" not in str(refused.value)
    assert snapshot(sample) == before


def _second_computer(tmp_path):
    from panelbook.paths import data_folder
    from panelbook.store import Store

    store = Store.open(data_folder(tmp_path / "other"), daily_backup=False)
    load_sample(store)
    return store


def test_corrections_travel_with_the_markup_and_their_undo_too(sample, tmp_path):
    from panelbook.services.markup import export_markup, import_markup

    meeting = _meeting(sample)
    eight = _item(sample, "8")
    corrections.edit_meeting(sample, meeting, venue="Council Chamber")
    corrections.edit_item(sample, eight["id"], title="Repeat Child Protection Plans", pages="11-20")
    corrections.merge_items(sample, meeting, _item(sample, "6")["id"], _item(sample, "7")["id"])
    add_note(sample, eight["id"], "Ask about handovers")
    exported = export_markup(sample)
    assert exported["version"] == 2 and len(exported["corrections"]) == 4
    other = _second_computer(tmp_path)
    try:
        counts = import_markup(other, json.dumps(exported))
        assert counts["added"] == 5                                         # four corrections and the note
        there = queries.agenda(other.db, corrections.find_meeting(other, "2024-08-08"))
        assert there["meeting"]["venue"] == "Council Chamber"
        item = next(i for i in there["items"] if i["agenda_number"] == "8")
        assert (item["title"], item["pages"]) == ("Repeat Child Protection Plans", [11, 20])
        assert [i["agenda_number"] for i in there["items"]].count("7") == 0
        assert [n["text"] for n in queries.notes(other.db, there["meeting"]["id"]) if n["item_id"] == item["id"]] == [
            "Ask about handovers"]
        assert import_markup(other, json.dumps(exported))["added"] == 0          # again: nothing new
        import_files(other, SAMPLE_FILES)                                         # and kept over a re-import
        assert next(i for i in queries.agenda(other.db, there["meeting"]["id"])["items"]
                    if i["agenda_number"] == "8")["pages"] == [11, 20]
        corrections.undo(sample, meeting, field="venue")
        import_markup(other, json.dumps(export_markup(sample)))
        assert queries.meeting(other.db, there["meeting"]["id"])["venue"] == "Conference Room 3 - Civic Centre"
    finally:
        other.close()


def test_a_version_1_markup_file_still_reads(sample):
    from panelbook.services.markup import export_markup, import_markup

    add_note(sample, _item(sample, "8")["id"], "A note from an older Panelbook")
    old = export_markup(sample)
    old.pop("corrections")
    old["version"] = 1
    assert import_markup(sample, json.dumps(old))["unchanged"] == 1
