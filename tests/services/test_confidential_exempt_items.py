"""Items the agenda marks exempt in an ordinary import: a document that only names them, or
whose public minutes record them, is imported in the clear (it is the council's public record);
only a document carrying an exempt item's report must be kept encrypted."""
from panelbook.services import imports
from panelbook.services.confidential_imports import exempt_report
from panelbook.store.search import search
from testdata import SEEDS


def test_public_minutes_of_a_confidential_report_stay_public_and_searchable(store):
    minutes = SEEDS / "000_011e31915eabbbd2.txt"     # Southampton's printed minutes, 20 July 2023
    prepared = imports.prepare_file(minutes)
    flagged = [i for i in prepared.parsed.meetings[0].items if i.confidential]
    assert [i.title[:40] for i in flagged] == ["Ofsted ILACS Standard Inspection of Sout"]
    assert exempt_report(prepared.parsed) is None           # minutes text only, no report pages
    (report,) = imports.write_prepared(store, [prepared])
    assert not report.confidential and store.vault is None
    row = store.db.execute("SELECT confidential, minutes_text FROM items WHERE title LIKE 'Ofsted ILACS%'").fetchone()
    assert row[0] == 1 and "confidential report of the Head of Quality Assurance" in row[1]
    assert any(h.kind == "minutes" for h in search(store.db, "Head of Quality Assurance"))


def test_notes_on_an_exempt_item_move_into_the_encrypted_store_at_setting_up(store, keychain):
    from panelbook.services import confidential, markup, meetings

    minutes = SEEDS / "000_011e31915eabbbd2.txt"
    imports.import_files(store, [minutes])
    item_id = store.db.execute("SELECT id FROM items WHERE title LIKE 'Ofsted ILACS%'").fetchone()[0]
    words = "Ask who signed off the improvement plan's quixotic timetable"
    plain_id = markup.add_note(store, item_id, words)          # not set up yet: kept as any other note
    assert plain_id > 0
    confidential.set_up(store)
    assert store.db.execute("SELECT count(*) FROM notes").fetchone()[0] == 0
    (row,) = [n for n in meetings.notes(store, "2023-07-20") if n["kind"] == "note"]
    assert row["text"] == words and row["confidential"] and row["id"] < 0
    assert [h.kind for h in search(store.db, "quixotic")] == []
    later = markup.add_note(store, item_id, "A second thought", question=True)
    assert later < 0
    markup.update_note(store, later, text="A second, better thought")
    gone = markup.delete_note(store, later)
    assert markup.restore_note(store, gone) < 0
    store.close()
    data = store.folder.database.read_bytes().lower()
    wal = store.folder.root / "panelbook.sqlite3-wal"
    data += wal.read_bytes().lower() if wal.exists() else b""
    assert b"quixot" not in data and b"second, better" not in data
