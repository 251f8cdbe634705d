"""Markup that is never lost: notes, questions, flags, highlights, across revised packs and computers."""
import json

import pytest

from panelbook.anchoring import Anchor, capture, locate
from panelbook.paths import data_folder, sample_dir
from panelbook.services import markup
from panelbook.services.imports import import_files
from panelbook.services.markup import add_note
from panelbook.services.sample import SampleHoldsMarkup, load_sample, remove_sample
from panelbook.store import Store
from panelbook.store.queries import notes, resolve_item, resolve_meeting
from tools.rebuild_pack import pack_pdf, pack_reports

PACK_TEXT = (sample_dir() / "003_41e7f3da12eebc0c.txt").read_text(encoding="utf-8")


@pytest.fixture
def sample(store):
    load_sample(store)
    return store


def _item(store, number):
    meeting = resolve_meeting(store.db, "2024-08-08")
    return resolve_item(store.db, meeting, number)


def _pack_document(store):
    return next(iter(store.db.query("SELECT * FROM documents WHERE kind = 'agenda_pack'")))


def _page(store, printed):
    doc = _pack_document(store)
    return next(iter(store.db.query("SELECT * FROM pages WHERE document_id = ? AND printed = ?",
                                    (doc["id"], printed))))


def _highlight_phrase(store, printed, phrase, comment=None):
    page = _page(store, printed)
    start = page["text"].index(phrase)
    return markup.add_highlight(store, page["document_id"], page["idx"], start, start + len(phrase), comment)


def test_anchor_is_found_again_where_the_context_agrees():
    text_a = "The first plan. Repeat plans fell. Other words. Repeat plans fell. Closing words."
    start = text_a.rindex("Repeat plans fell")
    anchor = capture(text_a, start, start + len("Repeat plans fell"))
    pages = [(0, 1, "Nothing here"), (1, 2, "Other words.  Repeat plans\nfell. Closing words."),
             (2, 3, "The first plan. Repeat plans fell.")]
    assert locate(anchor, pages, near=0).index == 1
    assert locate(Anchor("absent words", "", ""), pages) is None
    # Found twice and in neither old surrounding: not guessed at.
    assert locate(Anchor("Repeat plans fell", "zzz", "qqq"), pages) is None
    assert locate(Anchor("Nothing here", "zzz", "qqq"), pages).index == 0


def test_questions_are_ordered_ticked_and_answered(sample):
    item = _item(sample, "8")
    first = add_note(sample, item, "How many repeat plans this year?", question=True)
    second = add_note(sample, item, "Who audits handovers?", question=True)
    markup.reorder(sample, [second, first])
    markup.update_note(sample, first, state="answered", answer="42, down from 57")
    rows = [n for n in notes(sample.db, resolve_meeting(sample.db, "2024-08-08")) if n["kind"] == "question"]
    ordered = sorted(rows, key=lambda n: sample.db.execute("SELECT position FROM notes WHERE id = ?",
                                                           (n["id"],)).fetchone()[0])
    assert [n["id"] for n in ordered] == [second, first]
    row = sample.db.execute("SELECT state, answer FROM notes WHERE id = ?", (first,)).fetchone()
    assert tuple(row) == ("answered", "42, down from 57")


def test_delete_and_undo_keeps_the_same_note(sample):
    item = _item(sample, "8")
    note_id = add_note(sample, item, "Private thought")
    removed = markup.delete_note(sample, note_id)
    assert not list(sample.db.query("SELECT * FROM notes WHERE id = ?", (note_id,)))
    new_id = markup.restore_note(sample, removed)
    again = next(iter(sample.db.query("SELECT * FROM notes WHERE id = ?", (new_id,))))
    assert again["uid"] == removed["uid"] and again["text"] == "Private thought"


def test_flags_and_read_marks(sample):
    item = _item(sample, "10")
    markup.set_mark(sample, item, flag="challenge", read=True)
    mark = markup.set_mark(sample, item, priority=1)
    assert (mark["flag"], mark["read"], mark["priority"]) == ("challenge", 1, 1)
    with pytest.raises(markup.MarkupError):
        markup.set_mark(sample, item, flag="boring")


def test_markup_survives_reimport_of_the_same_pack(sample):
    item = _item(sample, "8")
    add_note(sample, item, "Note before re-import")
    hid = _highlight_phrase(sample, 11, "REPEAT CHILD PROTECTION PLANS")
    load_sample(sample)
    listed = notes(sample.db, resolve_meeting(sample.db, "2024-08-08"))
    assert [(n["kind"], n["text"]) for n in listed] == [
        ("note", "Note before re-import"), ("highlight", "REPEAT CHILD PROTECTION PLANS")]
    light = next(iter(sample.db.query("SELECT * FROM highlights WHERE id = ?", (hid,))))
    assert light["printed"] == 11 and light["needs_placing"] == 0


def test_markup_survives_a_revised_pack_where_pages_moved_and_an_item_was_renumbered(sample, tmp_path):
    item = _item(sample, "8")
    add_note(sample, item, "Handovers question")
    page = _page(sample, 14)
    phrase = page["text"].split("\n")[3].strip()[:40]
    hid = _highlight_phrase(sample, 14, phrase, comment="follow up")
    gone = _highlight_phrase(sample, 12, unique_line(sample, 12))
    # The revised pack: two pages dropped from item 7's report, so item 8 starts earlier;
    # and the text of printed page 12 is gone.
    front, reports = pack_reports(PACK_TEXT)
    revised = tmp_path / "revised.pdf"
    pack_pdf(front, reports, revised, drop_pages=(9, 12))
    import_files(sample, [revised])
    placed = next(iter(sample.db.query("SELECT * FROM highlights WHERE id = ?", (hid,))))
    assert placed["needs_placing"] == 0
    new_page = next(iter(sample.db.query("SELECT text FROM pages WHERE document_id = ? AND idx = ?",
                                         (placed["document_id"], placed["page_idx"]))))
    assert " ".join(phrase.split()) in " ".join(new_page["text"].split())
    lost = next(iter(sample.db.query("SELECT * FROM highlights WHERE id = ?", (gone,))))
    assert lost["needs_placing"] == 1                   # kept, listed, never dropped
    texts = [n["text"] for n in notes(sample.db, resolve_meeting(sample.db, "2024-08-08")) if n["kind"] == "note"]
    assert texts == ["Handovers question"]


def unique_line(store, printed):
    """A line of this printed page that appears on no other page of the pack."""
    page = _page(store, printed)
    others = " ".join(" ".join(r["text"].split()) for r in store.db.query(
        "SELECT text FROM pages WHERE document_id = ? AND idx != ?", (page["document_id"], page["idx"])))
    for line in sorted((ln.strip() for ln in page["text"].split("\n")), key=len, reverse=True):
        if line and " ".join(line.split()) not in others:
            return line
    raise AssertionError("no unique line")


def test_export_on_one_store_and_import_on_another(sample, tmp_path):
    item = _item(sample, "8")
    keep = add_note(sample, item, "Carried to the laptop", question=True)
    _highlight_phrase(sample, 11, "REPEAT CHILD PROTECTION PLANS")
    markup.set_mark(sample, item, flag="key item")
    data = markup.export_markup(sample)
    other_folder = data_folder(tmp_path / "laptop")
    with Store.open(other_folder) as other:
        load_sample(other)
        counts = markup.import_markup(other, json.dumps(data))
        assert counts["added"] == 3 and counts["no_such_item"] == 0
        laptop_notes = notes(other.db, resolve_meeting(other.db, "2024-08-08"))
        assert [(n["kind"], n["text"]) for n in laptop_notes] == [
            ("question", "Carried to the laptop"), ("highlight", "REPEAT CHILD PROTECTION PLANS")]
        # A newer edit on the laptop is not overwritten by importing the older file again.
        note_id = laptop_notes[0]["id"]
        markup.update_note(other, note_id, text="Edited on the laptop")
        again = markup.import_markup(other, data)
        assert again["kept_newer_here"] >= 1
        assert next(iter(other.db.query("SELECT text FROM notes WHERE id = ?", (note_id,))))["text"] == \
            "Edited on the laptop"
    assert keep


def test_chair_shares_lines_of_enquiry_but_not_private_notes(sample):
    markup.set_profile(sample, "Cllr Bunday", "chair")
    item = _item(sample, "10")
    markup.add_enquiry(sample, item, "Why are re-referrals rising?", lead="Cllr Webb")
    add_note(sample, item, "My private worry")
    shared = markup.export_markup(sample, shared_only=True)
    assert [n["text"] for n in shared["notes"]] == ["Why are re-referrals rising?"]
    assert shared["notes"][0]["lead"] == "Cllr Webb"


def test_not_a_markup_file_is_refused(sample):
    with pytest.raises(markup.MarkupError):
        markup.import_markup(sample, "{\"format\": \"something else\"}")
    with pytest.raises(markup.MarkupError):
        markup.import_markup(sample, "not json")


def test_removing_the_sample_takes_its_markup_with_it(sample):
    item = _item(sample, "8")
    add_note(sample, item, "on a sample item")
    _highlight_phrase(sample, 11, "REPEAT CHILD PROTECTION PLANS")
    markup.set_mark(sample, item, flag="key item")
    with pytest.raises(SampleHoldsMarkup, match=r"1 note and questions, 1 highlight and 1 flag"):
        remove_sample(sample)
    assert sample.db.execute("SELECT count(*) FROM notes").fetchone()[0] == 1      # nothing removed unasked
    removed = remove_sample(sample, discard_markup=True)
    assert removed["notes"] == 1
    for table in ("notes", "highlights", "item_marks", "items", "meetings"):
        assert sample.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
