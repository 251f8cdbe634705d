"""Deleting a highlight from the markup panel on the sample panel's 8 August 2024 item
"Repeat Child Protection Plans - Analysis": the row goes at once, the store forgets it (and
remembers its uid), the reader stops drawing it, the agenda's count drops, and Undo delete
brings it back, under the same uid, in the list and on the page."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from test_markup_panel import ITEM, open_item, rows

from desktop_helpers import close_window, open_window, pdf_index

PHRASE = "BRIEF SUMMARY"


def highlight_in_store(folder, phrase=PHRASE, comment=None, needs_placing=False) -> int:
    from panelbook.services import markup
    from panelbook.store import Store, transaction

    with Store.open(folder) as store:
        page = next(iter(store.db.query(
            "SELECT p.document_id, p.idx, p.text FROM pages p JOIN items i ON i.id = p.item_id "
            "WHERE i.title = ? ORDER BY p.idx LIMIT 1", (ITEM,))))
        start = page["text"].index(phrase)
        light = markup.add_highlight(store, page["document_id"], page["idx"], start, start + len(phrase), comment)
        if needs_placing:
            with transaction(store.db):
                store.db.execute("UPDATE highlights SET needs_placing = 1 WHERE id = ?", (light,))
    return light


def stored(folder):
    return rows(folder, "SELECT id, uid, quote, comment, page_idx, needs_placing FROM highlights ORDER BY id")


def tombstones(folder):
    return [r["uid"] for r in rows(folder, "SELECT uid FROM markup_tombstones")]


def tooltip(window, item_id):
    model = window.meeting.model
    from panelbook.ui.meeting.agenda_model import TITLE

    return model.index(model.row_of(item_id), TITLE).data(Qt.ItemDataRole.ToolTipRole)


def test_a_highlight_deleted_with_the_delete_key_leaves_the_page_and_undo_brings_it_back(
        qtbot, sample_folder, sql):
    highlight_in_store(sample_folder, comment="Wrong sentence")
    before = stored(sample_folder)
    page = pdf_index(sql, 11)
    window, worker = open_window(qtbot, sample_folder)
    try:
        item, panel = open_item(qtbot, window)
        view = window.meeting.reader.view
        qtbot.waitUntil(lambda: len(view.highlight_marks(page)) == 1)
        assert tooltip(window, item["id"]).endswith("1 highlight)")
        assert panel.highlights.rowCount() == 1
        assert not panel.delete_highlight_button.isEnabled()        # nothing chosen yet
        assert not panel.undo_highlight_button.isEnabled()

        panel.highlight_list.setFocus()
        panel.highlight_list.setCurrentIndex(panel.highlights.index(0))
        assert panel.delete_highlight_button.isEnabled()
        qtbot.keyClick(panel.highlight_list, Qt.Key.Key_Delete)
        assert panel.highlights.rowCount() == 0                     # gone from the list at once
        qtbot.waitUntil(panel.undo_highlight_button.isEnabled)
        assert panel.undo_highlight_button.toolTip() == "Bring back the highlight “BRIEF SUMMARY”"
        assert stored(sample_folder) == []
        assert tombstones(sample_folder) == [before[0]["uid"]]
        qtbot.waitUntil(lambda: view.highlight_marks(page) == [])   # no longer drawn on the page
        qtbot.waitUntil(lambda: "highlight" not in tooltip(window, item["id"]))
        assert not panel.delete_highlight_button.isEnabled()

        with qtbot.waitSignal(panel.loaded, timeout=5000):
            panel.undo_highlight_button.click()
        assert stored(sample_folder) == before                      # same uid, id, page and comment
        assert tombstones(sample_folder) == []
        assert panel.highlights.index(0).data() == "Page 11: “BRIEF SUMMARY”\nComment: Wrong sentence"
        assert not panel.undo_highlight_button.isEnabled()
        qtbot.waitUntil(lambda: len(view.highlight_marks(page)) == 1)
        qtbot.waitUntil(lambda: tooltip(window, item["id"]).endswith("1 highlight)"))
    finally:
        close_window(qtbot, window, worker)


def test_the_button_and_the_context_menu_delete_from_either_list_and_undo_goes_back_in_order(
        qtbot, sample_folder):
    placed = highlight_in_store(sample_folder)
    lost = highlight_in_store(sample_folder, "DECISION-MAKER", comment="From the old pack", needs_placing=True)
    window, worker = open_window(qtbot, sample_folder)
    try:
        _item, panel = open_item(qtbot, window)
        assert panel.highlights.rowCount() == 1 and panel.unplaced.rowCount() == 1

        # Choosing a highlight in one list lets go of the other: Delete acts on one highlight only.
        panel.highlight_list.setCurrentIndex(panel.highlights.index(0))
        panel.unplaced_list.setCurrentIndex(panel.unplaced.index(0))
        assert not panel.highlight_list.currentIndex().isValid()

        point = panel.unplaced_list.visualRect(panel.unplaced.index(0)).center()
        menu = panel.highlight_menu(panel.unplaced_list, point)
        assert [a.text() for a in menu.actions()] == ["Delete highlight"]     # not placed: no page to show
        menu.actions()[0].trigger()
        menu.close()
        assert panel.unplaced.rowCount() == 0 and panel.unplaced_list.isHidden()
        qtbot.waitUntil(lambda: [h["id"] for h in stored(sample_folder)] == [placed])

        panel.highlight_list.setCurrentIndex(panel.highlights.index(0))
        panel.delete_highlight_button.click()
        qtbot.waitUntil(lambda: stored(sample_folder) == [])
        qtbot.waitUntil(lambda: len(panel.deleted_highlights) == 2)

        menu = panel.highlight_menu(panel.highlight_list, QPoint(5, 5))         # the empty list
        assert [a.text() for a in menu.actions() if not a.isSeparator()] == ["Undo delete"]
        menu.close()
        with qtbot.waitSignal(panel.loaded, timeout=5000):
            panel.undo_highlight_button.click()                                # the last deleted first
        assert [h["id"] for h in stored(sample_folder)] == [placed]
        assert panel.highlights.rowCount() == 1 and panel.unplaced.rowCount() == 0
        with qtbot.waitSignal(panel.loaded, timeout=5000):
            panel.undo_highlight_button.click()
        assert [(h["id"], h["needs_placing"]) for h in stored(sample_folder)] == [(placed, 0), (lost, 1)]
        assert panel.unplaced_title.text() == "Needs placing (1)" and not panel.unplaced_list.isHidden()

        menu = panel.highlight_menu(panel.highlight_list,
                                    panel.highlight_list.visualRect(panel.highlights.index(0)).center())
        assert [a.text() for a in menu.actions()] == ["Show on the page", "Delete highlight"]
        menu.close()
    finally:
        close_window(qtbot, window, worker)


def test_deleting_a_highlight_already_gone_from_the_store_reads_the_panel_again(qtbot, sample_folder, sql):
    """Deleted meanwhile outside this panel: the panel and the reader show what is stored, with no message."""
    from panelbook.services import markup
    from panelbook.store import Store
    light = highlight_in_store(sample_folder)
    page = pdf_index(sql, 11)
    window, worker = open_window(qtbot, sample_folder)
    errors = []
    try:
        _item, panel = open_item(qtbot, window)
        panel.error.connect(errors.append)
        with Store.open(sample_folder) as store:
            markup.delete_highlight(store, light)
        panel.highlight_list.setCurrentIndex(panel.highlights.index(0))
        with qtbot.waitSignal(panel.loaded, timeout=5000):
            panel.delete_chosen_highlight()
        assert errors == []                     # what the member asked for is done: no message
        assert panel.highlights.rowCount() == 0 and not panel.undo_highlight_button.isEnabled()
        qtbot.waitUntil(lambda: window.meeting.reader.view.highlight_marks(page) == [])
    finally:
        close_window(qtbot, window, worker)
