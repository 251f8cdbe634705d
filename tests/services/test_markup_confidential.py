"""Markup on confidential items in markup files: left out by default and counted, or sealed
with a passphrase (AES-256-GCM, scrypt) and read back only with it.

Material: the sample panel (Southampton's published documents); the printed minutes of
20 July 2023 mark minute 11, the Ofsted ILACS inspection report, as confidential.
"""
from __future__ import annotations

import json

import pytest

from panelbook.paths import data_folder
from panelbook.services import markup_envelope
from panelbook.services.exports import ExportRequestError, export_markup_file
from panelbook.services.markup import MarkupError, add_note, export_markup, import_markup, import_summary, set_mark
from panelbook.services.meetings import notes as meeting_notes
from panelbook.services.sample import load_sample, remove_sample
from panelbook.store import Store, markup as markup_store, queries
from testdata import snapshot

SECRET = "Ask whether the inspectors' concerns about the front door (MASH) have been closed"
PUBLIC = "Ask for the re-referral rate over three years"
PASSPHRASE = "correct horse battery staple"


def _open(folder):
    store = Store.open(data_folder(folder))
    load_sample(store)
    return store


def _items(store):
    july = queries.resolve_meeting(store.db, "2023-07-20")
    return july, queries.resolve_item(store.db, july, "11"), queries.resolve_item(store.db, july, "9")


@pytest.fixture
def marked(tmp_path):
    """A member's note and flag on the confidential item, and a note on a public one."""
    store = _open(tmp_path / "here")
    _, ofsted, performance = _items(store)
    add_note(store, ofsted, SECRET, who="Cllr Webb")
    set_mark(store, ofsted, flag="challenge", who="Cllr Webb")
    add_note(store, performance, PUBLIC, who="Cllr Webb")
    yield store
    store.close()


def _texts(store, iso="2023-07-20"):
    return {n["text"] for n in meeting_notes(store, iso)}


def test_markup_on_confidential_items_is_left_out_and_counted(marked, tmp_path):
    out = tmp_path / "markup.json"
    data = export_markup_file(marked, out, who="Cllr Webb")
    raw = out.read_bytes()
    assert PUBLIC.encode() in raw and SECRET.encode() not in raw and b"challenge" not in raw
    assert data["confidential_left_out"] == {"notes": 1, "marks": 1, "highlights": 0}
    assert "confidential" not in data


def test_sealed_markup_travels_only_with_its_passphrase(marked, tmp_path):
    out = tmp_path / "markup.json"
    data = export_markup_file(marked, out, who="Cllr Webb", passphrase=PASSPHRASE)
    raw = out.read_bytes()
    assert SECRET.encode() not in raw and b"front door" not in raw and b"challenge" not in raw
    assert PASSPHRASE.encode() not in raw
    assert data["confidential_sealed"] == {"notes": 1, "marks": 1, "highlights": 0}
    assert data["confidential"]["cipher"] == "AES-256-GCM"

    there = _open(tmp_path / "there")
    try:
        before = snapshot(there)
        with pytest.raises(MarkupError, match="passphrase does not open"):
            import_markup(there, raw, passphrase="not the passphrase")
        assert snapshot(there) == before                       # a wrong passphrase imports nothing

        counts = import_markup(there, raw)                      # no passphrase: the public markup only
        assert counts["confidential_not_opened"] == 2 and _texts(there) == {PUBLIC}
        assert "2 notes, flags and highlights on confidential items not opened" in import_summary(counts)

        counts = import_markup(there, raw, passphrase=PASSPHRASE)
        assert counts["confidential_opened"] == 2 and _texts(there) == {PUBLIC, SECRET}
        _, ofsted, _ = _items(there)
        assert markup_store.item_mark(there.db, ofsted, "Cllr Webb")["flag"] == "challenge"
        assert "2 on confidential items opened with the passphrase" in import_summary(counts)
    finally:
        there.close()


@pytest.mark.parametrize("change, message", [
    (lambda e: e.update(data=e["data"][:-8] + "AAAAAAA="), "passphrase does not open"),
    (lambda e: e.update(n=2 ** 14), "passphrase does not open"),           # the header is associated data
    (lambda e: e.update(n="lots"), "key parameters are unreadable"),
    (lambda e: e.update(nonce="***"), "nonce is unreadable"),
    (lambda e: e.pop("salt"), "it is incomplete"),
    (lambda e: e.update(cipher="ROT13"), "update Panelbook"),
])
def test_a_damaged_envelope_is_one_sentence_and_imports_nothing(marked, tmp_path, change, message):
    data = export_markup(marked, who="Cllr Webb", passphrase=PASSPHRASE)
    change(data["confidential"])
    before = snapshot(marked)
    with pytest.raises(MarkupError, match=message):
        import_markup(marked, json.dumps(data), passphrase=PASSPHRASE)
    assert snapshot(marked) == before


def test_a_short_passphrase_is_refused_and_nothing_is_written(marked, tmp_path):
    out = tmp_path / "markup.json"
    with pytest.raises(ExportRequestError, match="at least 8 characters"):
        export_markup_file(marked, out, who="Cllr Webb", passphrase="secret")
    assert not out.exists()


def test_each_envelope_has_its_own_salt_and_nonce():
    one, two = (markup_envelope.seal({"notes": []}, PASSPHRASE) for _ in range(2))
    assert one["salt"] != two["salt"] and one["nonce"] != two["nonce"] and one["data"] != two["data"]
    assert markup_envelope.open_envelope(one, PASSPHRASE) == {"notes": []}


def test_removing_the_sample_never_writes_confidential_markup_in_the_clear(marked, tmp_path):
    out = tmp_path / "sample-markup.json"
    before = snapshot(marked)
    with pytest.raises(ExportRequestError, match="never written to a file in the clear"):
        remove_sample(marked, export_to=out)
    assert not out.exists() and snapshot(marked) == before
