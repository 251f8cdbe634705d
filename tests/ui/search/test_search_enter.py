"""Enter in Search: Enter shows the results and makes the best hit current (not its meeting
heading); Enter again opens that hit at its item, and at its printed page for a page hit."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from desktop_helpers import meeting_on, pdf_index
from panelbook.ui.reader.pack_reader import PDF
from panelbook.ui.shell.main_window import Place


def _enter_enter(qtbot, window, text):
    """Type ``text`` in the search box, Enter (the results), then Enter (open the current hit)."""
    window.activateWindow()
    window.focus_search()
    qtbot.waitUntil(lambda: window.search.box.hasFocus())
    with qtbot.waitSignal(window.search.results_shown, timeout=20000, check_params_cb=lambda t: t == text):
        qtbot.keyClicks(window.search.box, text)
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    tree, model = window.search.tree, window.search.model
    qtbot.waitUntil(tree.hasFocus)
    current = tree.currentIndex()
    first = model.hit(model.first_hit_index())
    assert model.hit(current) is first          # a hit, not the meeting heading above it
    assert tree.selectionModel().isSelected(current)
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.place() == Place.MEETING
    return first


def test_enter_enter_opens_the_first_hit_at_its_item_not_the_meeting(qtbot, window):
    hit = _enter_enter(qtbot, window, "re-referrals")
    assert (hit.kind, hit.meeting_date, hit.title, hit.page) == (
        "resolution", "2023-07-20", "Children and Learning - Performance", None)
    assert window.meeting.meeting_id == meeting_on(window, "2023-07-20")
    assert window.meeting.current_item_id() == hit.item_id
    row = window.meeting.agenda.currentIndex().row()
    assert window.meeting.model.item(row)["title"] == "Children and Learning - Performance"   # not Apologies
    assert window.meeting.reader.mode != PDF     # that meeting has no pack, so no page to show


def test_enter_enter_opens_a_page_hit_at_its_printed_page(qtbot, window, sql):
    hit = _enter_enter(qtbot, window, "NEET")
    assert (hit.kind, hit.meeting_date, hit.page) == ("page", "2024-08-08", 54)
    assert window.meeting.meeting_id == meeting_on(window, "2024-08-08")
    assert window.meeting.current_item_id() == hit.item_id
    reader = window.meeting.reader
    assert reader.mode == PDF
    assert reader.current_page() == pdf_index(sql, 54)
    assert reader.page_label.text().startswith("Page 54 (PDF page ")


def test_enter_before_the_results_arrive_still_lands_on_the_first_hit(qtbot, window):
    window.activateWindow()
    window.focus_search()
    qtbot.waitUntil(lambda: window.search.box.hasFocus())
    window.search.box.setText("NEET")           # the typing timer is still running
    with qtbot.waitSignal(window.search.results_shown, timeout=20000):
        qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    model = window.search.model
    hit = model.hit(window.search.tree.currentIndex())
    assert hit is not None and (hit.kind, hit.page) == ("page", 54)


def test_enter_keeps_a_hit_the_member_chose(qtbot, window):
    window.focus_search()
    with qtbot.waitSignal(window.search.results_shown, timeout=20000):
        window.search.set_text("re-referrals")
    model = window.search.model
    chosen = model.index(0, 0, model.index(1, 0))       # the August pack page
    window.search.tree.setCurrentIndex(chosen)
    window.search.box.setFocus()
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert window.search.tree.currentIndex() == chosen


def test_the_searched_words_are_marked_on_the_page_that_opens(qtbot, window, sql):
    hit = _enter_enter(qtbot, window, "private fostering")
    assert (hit.kind, hit.page) == ("page", 43)
    # the matched words as they stand together ("Private Foster Carers": the search stems "fostering")
    assert hit.marked_text.lower().startswith("private foster")
    reader = window.meeting.reader
    assert reader.search_model.searchString() == hit.marked_text
    assert reader.find_edit.text() == hit.marked_text
    assert reader.current_page() == pdf_index(sql, 43)          # marking them did not move the page
    qtbot.waitUntil(reader.search_sweep.is_done, timeout=20000)
    pages = {reader.search_model.resultAtIndex(row).page() for row in range(reader.search_model.rowCount(QModelIndex()))}
    assert pdf_index(sql, 43) in pages                           # drawn on the page shown
    assert reader.found_status.text().endswith(f"found for “{hit.marked_text}”. Press Enter for the next.")


def test_marked_text_joins_the_words_matched_side_by_side():
    from panelbook.store.search import Hit

    snippet = "…work to raise the awareness of what private fostering is and developed…"
    start = snippet.index("private")
    hit = Hit("page", 1, "2024-08-08", None, None, None, "", snippet,
              [(start, start + 7), (start + 8, start + 17), (snippet.index("raise"), snippet.index("raise") + 5)],
              43, 0.0)
    assert hit.marked_text == "private fostering"
    assert Hit("item", 1, None, None, None, None, "", "no marks", [], None, 0.0).marked_text == ""
