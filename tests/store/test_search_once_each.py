"""A passage is listed once by its document page: the 8 August 2024 pack imported as the council
published it in text (../shared/seeds/003, whose reports are searched without page numbers),
then as the PDF (resources/sample, rebuilt from that text), gives each matching page once and
no page-less "report" copy of the same passage, both for a store indexed now and for one an
earlier version indexed (its report rows still there)."""
from __future__ import annotations

from panelbook.paths import sample_dir
from panelbook.services.imports import import_files
from panelbook.store import transaction
from panelbook.store.search import search
from testdata import SEEDS

PDF_PACK = "2024-08-08 agenda pack (rebuilt).pdf"


def pack_twice(store) -> None:
    import_files(store, sorted(SEEDS.glob("003_*.txt")))
    assert [h.kind for h in search(store.db, "private fostering")] == ["report", "report"]   # text only: no pages
    import_files(store, [sample_dir() / PDF_PACK])


def listed(store) -> list[tuple[str, int | None, str]]:
    return [(h.kind, h.page, h.snippet) for h in search(store.db, "private fostering")]


def test_the_text_pack_then_its_pdf_lists_each_page_once(store):
    pack_twice(store)
    hits = listed(store)
    assert [kind for kind, _page, _snippet in hits] == ["page"] * len(hits)
    assert 43 in [page for _kind, page, _snippet in hits]
    assert len({page for _kind, page, _snippet in hits}) == len(hits)
    assert store.db.execute("SELECT count(*) FROM search_rows WHERE kind = 'report'").fetchone()[0] == 0


def test_report_rows_an_earlier_version_left_are_not_listed_beside_their_pages(store):
    pack_twice(store)
    now = listed(store)
    with transaction(store.db):     # what the index held before: the reports' text beside the pages
        store.db.execute(
            "INSERT INTO search_rows (title, body, kind, ref_id, meeting_id, item_id, document_id, page) "
            "SELECT title, report_text, 'report', id, meeting_id, id, NULL, NULL FROM items "
            "WHERE report_text IS NOT NULL")
    assert store.db.execute("SELECT count(*) FROM search_rows WHERE kind = 'report'").fetchone()[0] > 0
    assert sorted(listed(store)) == sorted(now)     # (the extra rows move bm25 a little)
