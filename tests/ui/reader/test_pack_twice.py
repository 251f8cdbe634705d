"""The 8 August 2024 pack imported twice, as its PDF (the sample) and then as its
published text (seed 003): the PDF stays the reading copy, a highlight whose
passage is still there stays placed, and ``agenda --json`` lists both documents."""
from __future__ import annotations

import json

import pytest
from test_pack_reader import open_august

from desktop_helpers import close_window, open_window
from panelbook.cli import main
from panelbook.services import markup
from panelbook.services.imports import import_file
from panelbook.store import Store
from panelbook.ui.reader.pack_reader import PDF
from testdata import SEEDS

PACK_TEXT = SEEDS / "003_41e7f3da12eebc0c.txt"
PHRASE = "REPEAT CHILD PROTECTION PLANS"


@pytest.fixture
def highlighted(sample_folder):
    """A highlight on the PDF pack's page with PHRASE, then the pack imported as text."""
    with Store.open(sample_folder) as store:
        page = store.db.execute(
            "SELECT p.document_id, p.idx, p.text FROM pages p JOIN documents d ON d.id = p.document_id "
            "WHERE d.media_type = 'application/pdf' AND d.kind = 'agenda_pack' AND p.text LIKE ? ORDER BY p.idx",
            (f"%{PHRASE}%",)).fetchone()
        start = page[2].index(PHRASE)
        light = markup.add_highlight(store, page[0], page[1], start, start + len(PHRASE))
        import_file(store, PACK_TEXT)
    return sample_folder, light, page[0]


def test_the_pdf_stays_the_reading_copy_and_the_highlight_stays_placed(highlighted, capsys):
    folder, light, pdf_id = highlighted
    with Store.open(folder) as store:
        row = store.db.execute("SELECT document_id, needs_placing, quote FROM highlights WHERE id = ?",
                               (light,)).fetchone()
        pdf = store.db.execute("SELECT media_type, page_count FROM documents WHERE id = ?", (pdf_id,)).fetchone()
    assert tuple(row) == (pdf_id, 0, PHRASE)
    assert tuple(pdf) == ("application/pdf", 115)
    capsys.readouterr()
    assert main(["--home", str(folder.root), "agenda", "2024-08-08", "--json"]) == 0
    documents = json.loads(capsys.readouterr().out)["meeting"]["documents"]
    packs = [(d["kind"], d["media_type"], d["page_count"]) for d in documents if d["kind"] == "agenda_pack"]
    assert packs == [("agenda_pack", "application/pdf", 115), ("agenda_pack", "text/plain", 0)]
    assert {"meeting_page"} <= {d["kind"] for d in documents}
    assert all(isinstance(d["title"], str) and d["title"] for d in documents)
    assert main(["--home", str(folder.root), "notes", "2024-08-08", "--json"]) == 0
    (mark,) = [n for n in json.loads(capsys.readouterr().out) if n["kind"] == "highlight"]
    assert not mark["needs_placing"]


def test_the_window_still_reads_the_pdf_and_can_highlight(qtbot, highlighted):
    folder, _, _ = highlighted
    window, worker = open_window(qtbot, folder)
    try:
        reader = open_august(qtbot, window)
        assert reader.mode == PDF
        assert reader.stack.currentWidget() is not reader.text
        assert reader.page_label.text().startswith("Page ")
        window.grab().save("/tmp/defects-pack-twice.png")
    finally:
        close_window(qtbot, window, worker)
