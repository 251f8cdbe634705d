"""The pack reader keeps the reader's place, on the 8 August 2024 pack at printed page 11 (item 8).

Zooming, fitting the width, a wider or narrower window, the Found panel opening and a splitter
moving all change the pages' size; the page shown and the point of it under the view's reading
line must stay.  Each change is followed by turns of the event loop, so that QPdfView's own
relayouts (a scroll bar that comes or goes is laid out a turn later) have happened before the
page is checked.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtPdfWidgets import QPdfView
from test_pack_reader import open_august

from desktop_helpers import pdf_index

ITEM_8 = "Item 8: Repeat Child Protection Plans - Analysis"


def shown(qtbot, window):
    """The reader at item 8's first page, laid out on screen; its place there."""
    reader = open_august(qtbot, window)
    view = reader.view
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0 and view.reading_place() is not None)
    qtbot.wait(100)
    return reader, view.reading_place()


def settle(qtbot, condition=None) -> None:
    """Let Qt lay the view out again: until ``condition`` holds, then some more turns of the loop."""
    if condition is not None:
        qtbot.waitUntil(condition, timeout=5000)
    qtbot.wait(100)


def assert_at(reader, sql, place) -> None:
    """Printed page 11 is shown, headed as item 8, with the same point of it under the reading line."""
    assert reader.page_map.printed(reader.current_page()) == 11
    assert reader.current_page() == pdf_index(sql, 11)
    assert reader.page_label.text() == "Page 11 (PDF page 16 of 115)"
    assert reader.item_label.text() == ITEM_8
    now = reader.view.reading_place()
    assert now is not None and now[0] == place[0]
    assert abs(now[2] - place[2]) < 0.01, (now, place)           # within a few pixels of the page's height


def test_zoom_in_out_and_fit_width_keep_the_page(qtbot, window, sql):
    reader, place = shown(qtbot, window)
    view = reader.view
    fitted = view.effective_zoom()
    reader.zoom_in_button.click()
    settle(qtbot, lambda: view.horizontalScrollBar().isVisible())   # the page is now wider than the view
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and abs(view.zoomFactor() - fitted * 1.25) < 0.01
    assert_at(reader, sql, place)
    reader.zoom_in_button.click()
    settle(qtbot)
    assert abs(view.zoomFactor() - fitted * 1.25 * 1.25) < 0.01
    assert_at(reader, sql, place)
    for _ in range(3):
        reader.zoom_out_button.click()
        settle(qtbot)
        assert_at(reader, sql, place)
    assert abs(view.zoomFactor() - fitted / 1.25) < 0.01
    reader.fit_button.click()
    settle(qtbot, lambda: abs(view.effective_zoom() - fitted) < 0.01)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert_at(reader, sql, place)


def test_zooming_keeps_the_point_across_the_page(qtbot, window, sql):
    """Zoomed in, the page is wider than the view: the point at the view's middle stays there."""
    reader, place = shown(qtbot, window)
    view = reader.view
    reader.zoom_in_button.click()
    reader.zoom_in_button.click()
    settle(qtbot, lambda: view.horizontalScrollBar().isVisible())
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 4)                 # the reader scrolls to the left part of the page
    settle(qtbot)
    zoomed = view.reading_place()
    reader.zoom_in_button.click()
    settle(qtbot)
    now = view.reading_place()
    assert now[0] == zoomed[0] and abs(now[1] - zoomed[1]) < 0.01 and abs(now[2] - zoomed[2]) < 0.01
    assert_at(reader, sql, place)


def test_a_wider_and_narrower_window_keeps_the_page(qtbot, window, sql):
    reader, place = shown(qtbot, window)
    view = reader.view
    narrow = view.viewport().width()
    window.resize(1920, 800)
    settle(qtbot, lambda: view.viewport().width() > narrow)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert_at(reader, sql, place)
    window.resize(1280, 800)
    settle(qtbot, lambda: view.viewport().width() == narrow)
    assert_at(reader, sql, place)


def test_opening_the_found_panel_keeps_the_page(qtbot, window, sql):
    reader, place = shown(qtbot, window)
    view = reader.view
    wide = view.viewport().width()
    reader.find_edit.setFocus()
    qtbot.keyClicks(reader.find_edit, "referral")
    settle(qtbot, lambda: reader.side.isVisible() and reader.search_sweep.is_done())
    assert view.viewport().width() < wide                      # the panel took its room from the pages
    assert_at(reader, sql, place)
    reader.find_edit.clear()                                   # the panel goes: the pages widen again
    settle(qtbot, lambda: not reader.side.isVisible() and view.viewport().width() == wide)
    assert_at(reader, sql, place)


def test_moving_the_splitter_keeps_the_page(qtbot, window, sql):
    reader, place = shown(qtbot, window)
    view = reader.view
    splitter = window.meeting.splitter
    before = view.viewport().width()
    splitter.moveSplitter(splitter.sizes()[0] + 150, 1)       # as a drag of the handle does
    settle(qtbot, lambda: view.viewport().width() < before)
    assert_at(reader, sql, place)
    splitter.moveSplitter(splitter.sizes()[0] - 300, 1)
    settle(qtbot, lambda: view.viewport().width() > before)
    assert_at(reader, sql, place)


def test_the_heading_follows_the_page_scrolled_to_and_the_agenda_stays(qtbot, window, sql):
    reader, _place = shown(qtbot, window)
    view = reader.view
    agenda_row = window.meeting.agenda.currentIndex().row()
    page = pdf_index(sql, 24)                                   # item 9's first page
    view.verticalScrollBar().setValue(view.page_geometries()[page].top())
    settle(qtbot)
    assert reader.current_page() == page
    assert reader.item_label.text() == ("Item 9: Annual Conversation with Ofsted and Progress of "
                                        "Post-Inspection Improvement Plan")
    assert window.meeting.agenda.currentIndex().row() == agenda_row       # scrolling does not choose an item
    place = view.reading_place()
    reader.zoom_in_button.click()
    settle(qtbot, lambda: view.horizontalScrollBar().isVisible())
    assert reader.current_page() == page and view.reading_place()[0] == place[0]
    assert reader.item_label.text().startswith("Item 9: ")


def test_a_word_not_in_the_pack_is_said_to_have_no_matches(qtbot, window):
    reader, _place = shown(qtbot, window)
    reader.find("zzqqxx")
    assert reader.found_status.text() == "Looking for “zzqqxx” in the pack…"     # the pages not searched yet
    qtbot.waitUntil(lambda: reader.search_sweep.is_done(), timeout=20000)
    assert reader.found_status.text() == "No matches for “zzqqxx” in this pack."
    assert reader.side.tabText(0) == "Found (0)"
    assert reader.found_model.rowCount(QModelIndex()) == 0
    reader.find_edit.setFocus()
    qtbot.keyClick(reader.find_edit, Qt.Key.Key_Return)        # Enter: still nothing, and said so
    assert reader.found_status.text() == "No matches for “zzqqxx” in this pack."
    reader.find("   ")                                          # nothing to look for: nothing said
    assert reader.found_status.text() == "" and reader.side.tabText(0) == "Found"
    assert not reader.search_sweep.is_done()


def test_a_new_search_is_not_said_done_before_its_pages_are_searched(qtbot, window):
    reader, _place = shown(qtbot, window)
    reader.find("zzqqxx")
    qtbot.waitUntil(lambda: reader.search_sweep.is_done(), timeout=20000)
    reader.find("Family Safeguarding Model")
    assert reader.found_status.text() == "Looking for “Family Safeguarding Model” in the pack…"
    qtbot.waitUntil(lambda: reader.search_sweep.is_done(), timeout=20000)
    count = reader.found_model.rowCount(QModelIndex())
    assert count == sum(len(reader.search_model.resultsOnPage(page)) for page in range(115)) and count >= 3
    assert reader.found_status.text() == f"{count} found for “Family Safeguarding Model”. Press Enter for the next."


def test_found_snippets_keep_the_space_before_the_hit_and_a_hit_is_shown(qtbot, window, sql):
    reader, _place = shown(qtbot, window)
    reader.find("re-referral")
    qtbot.waitUntil(lambda: reader.search_sweep.is_done(), timeout=20000)
    found = reader.found_model
    assert [found.index(row, 0).data() for row in range(found.rowCount(QModelIndex()))] == [
        "Page 73: …. Progress analysis • The percentage of re-referrals is incorrect this month as a result of…",
        "Page 73: …utory teams, this has been counted as a re-referral. An alternative approach is being trial…",
    ]
    assert reader.found_status.text() == "2 found for “re-referral”. Press Enter for the next."
    reader.find_edit.setFocus()
    qtbot.keyClick(reader.find_edit, Qt.Key.Key_Return)
    qtbot.keyClick(reader.find_edit, Qt.Key.Key_Return)           # the second hit
    settle(qtbot)
    page = pdf_index(sql, 73)
    assert reader.found_list.currentIndex().row() == 1 and reader.view.currentSearchResultIndex() == 1
    assert reader.current_page() == page
    assert reader.page_label.text() == "Page 73 (PDF page 78 of 115)"
    assert reader.item_label.text() == "Item 10: Children and Learning - Performance"
    # The hit is on screen, at the reading line (the page's top alone would leave it far below when zoomed).
    view = reader.view
    hit = reader.search_model.resultAtIndex(1).rectangles()[0]
    rect = view.page_geometries()[page]
    scale = rect.width() / reader.document.pagePointSize(page).width()
    top = rect.top() + hit.top() * scale - view.verticalScrollBar().value()
    line = view.viewport().height() * 0.4
    assert line - 4 <= top <= line
