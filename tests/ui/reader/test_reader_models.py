"""The pack reader's page map (printed pages, PDF pages, items) and its Found model over the
pack search (checked with qtmodeltester)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from panelbook.store import queries
from panelbook.ui.reader.page_map import PageMap

pytestmark = pytest.mark.usefixtures("qapp")     # icons and fonts need the application object


def test_page_map():
    pages = [(0, None, None), (1, None, None), (2, 1, 10), (3, 2, 10), (4, 3, 11), (5, 4, 11), (6, 5, None)]
    items = [{"id": 9, "pages": None}, {"id": 10, "pages": [1, 2]}, {"id": 11, "pages": [3, 5]},
             {"id": 12, "pages": [50, 60]}]
    page_map = PageMap(pages, items)
    assert page_map.index_of(3) == 4 and page_map.index_of(99) is None
    assert page_map.printed(4) == 3 and page_map.printed(0) is None
    assert page_map.item_start(11) == 4 and page_map.item_start(9) is None and page_map.item_start(12) is None
    assert page_map.item_at(6) == 11 and page_map.item_at(0) is None
    assert page_map.next_item(0) == 10 and page_map.next_item(2) == 11 and page_map.next_item(4) is None
    assert page_map.previous_item(5) == 10 and page_map.previous_item(3) is None
    assert page_map.label(4, 7) == "Page 3 (PDF page 5 of 7)"
    assert page_map.label(0, 7) == "PDF page 1 of 7"


def test_found_model_over_the_pack_search(qtbot, qtmodeltester, sample_folder):
    from PySide6.QtPdf import QPdfDocument, QPdfSearchModel

    from panelbook.store import Store, desktop_queries
    from panelbook.ui.reader.search_sweep import FoundModel

    with Store.open(sample_folder) as store:
        august = next(m["id"] for m in queries.meetings(store.db) if m["date"] == "2024-08-08")
        pack = desktop_queries.pack(store.db, store.folder.files, august)
        items = queries.agenda(store.db, august)["items"]
    document = QPdfDocument()
    assert document.load(pack["path"]) == QPdfDocument.Error.None_
    search = QPdfSearchModel()
    search.setDocument(document)
    found = FoundModel()
    found.setSourceModel(search)
    found.set_page_map(PageMap(pack["pages"], items))
    try:
        search.setSearchString("Family Safeguarding Model")
        qtbot.waitUntil(lambda: found.rowCount(QModelIndex()) >= 3, timeout=20000)
        qtmodeltester.check(found)
        first = found.index(0, 0).data()
        assert first.startswith("Page ") and "Family Safeguarding Model" in first
        assert found.page_of(0) is not None
    finally:
        # The search model works on a timer: it must go before the document it searches.
        import shiboken6

        search.setSearchString("")
        found.setSourceModel(None)
        shiboken6.delete(found)
        shiboken6.delete(search)
        document.close()
        shiboken6.delete(document)
