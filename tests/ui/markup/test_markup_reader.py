"""Highlighting in the pack reader: drag over text of printed page 11 of the 8 August 2024 pack,
Highlight with a comment, and after the window is closed and opened again on the same folder the
highlight is listed in the item's panel and drawn on the page."""
from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from test_markup_panel import open_item

from desktop_helpers import close_window, open_window, pdf_index


def drag(view, start: QPointF, end: QPointF) -> None:
    viewport = view.viewport()
    for kind, point, buttons in [(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton),
                                 (QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton),
                                 (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)]:
        QApplication.sendEvent(viewport, QMouseEvent(kind, point, viewport.mapToGlobal(point),
                                                     Qt.MouseButton.LeftButton, buttons,
                                                     Qt.KeyboardModifier.NoModifier))


def page_origin(view, page: int) -> tuple[QPointF, float]:
    rect = view.page_geometries()[page]
    scroll = QPointF(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    return QPointF(rect.topLeft()) - scroll, rect.width() / view.document().pagePointSize(page).width()


def test_a_highlight_made_in_the_reader_survives_a_restart(qtbot, sample_folder, sql):
    window, worker = open_window(qtbot, sample_folder)
    page = pdf_index(sql, 11)
    try:
        item, panel = open_item(qtbot, window)
        reader = window.meeting.reader
        view = reader.view
        qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)
        assert reader.current_page() == page and not reader.highlight_button.isEnabled()
        origin, scale = page_origin(view, page)
        # The first lines of the brief summary ("This item outlines the work undertaken…").
        drag(view, origin + QPointF(60 * scale, 330 * scale), origin + QPointF(400 * scale, 345 * scale))
        selected = view.selected_text()
        assert selected.startswith("This item outlines the work undertaken to understand why some families")
        assert reader.highlight_button.isEnabled()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(reader.highlight_bar.isVisible)     # a button's shortcut clicks it after a moment
        assert reader.highlight_comment.hasFocus()
        qtbot.keyClicks(reader.highlight_comment, "How were the 16 families chosen?")
        with qtbot.waitSignal(window.meeting.highlight_added, timeout=10000):
            qtbot.keyClick(reader.highlight_comment, Qt.Key.Key_Return)
        assert not reader.highlight_bar.isVisible() and view.selected_text() == ""
        qtbot.waitUntil(lambda: panel.highlights.rowCount() == 1)
        qtbot.waitUntil(lambda: len(view.highlight_marks(page)) == 1)
    finally:
        close_window(qtbot, window, worker)

    conn = sqlite3.connect(f"file:{sample_folder.database}?mode=ro", uri=True)
    stored = conn.execute("SELECT item_id, page_idx, printed, quote, comment, needs_placing FROM highlights").fetchall()
    page_text = conn.execute("SELECT p.text FROM pages p JOIN highlights h ON h.document_id = p.document_id "
                             "AND h.page_idx = p.idx").fetchone()[0]
    conn.close()
    assert len(stored) == 1
    item_id, page_idx, printed, quote, comment, needs_placing = stored[0]
    assert (item_id, page_idx, printed, comment, needs_placing) == (
        item["id"], page, 11, "How were the 16 families chosen?", 0)
    # The drag stopped inside "analysis": the highlight takes the whole word.
    assert " ".join(selected.split()).endswith("An analys")
    assert quote == " ".join(selected.split()) + "is" and quote in " ".join(page_text.split())

    window, worker = open_window(qtbot, sample_folder)
    try:
        _item, panel = open_item(qtbot, window)
        reader = window.meeting.reader
        assert panel.highlights.rowCount() == 1
        listed = panel.highlights.index(0).data()
        assert listed.startswith("Page 11: “This item outlines the work undertaken")
        assert listed.endswith("\nComment: How were the 16 families chosen?")
        marks = reader.view.highlight_marks(page)
        assert len(marks) == 1 and marks[0][1] == "How were the 16 families chosen?"
        assert marks[0][0] and all(polygon.boundingRect().width() > 10 for polygon in marks[0][0])

        reader.go_to_page(page + 3)                     # elsewhere; choosing the highlight comes back
        assert reader.current_page() == page + 3
        panel.highlight_list.clicked.emit(panel.highlights.index(0))
        assert reader.current_page() == page
    finally:
        close_window(qtbot, window, worker)


@pytest.mark.qt_log_ignore("This plugin does not support")    # the offscreen platform, asked to raise the tooltip
def test_highlight_without_a_selection_says_why_and_cancel_keeps_nothing(qtbot, window, sample_folder, sql):
    from PySide6.QtWidgets import QToolTip

    from panelbook.ui.reader.pack_reader import NOTHING_SELECTED

    _item, _panel = open_item(qtbot, window)
    reader = window.meeting.reader
    reader.start_highlight()
    assert not reader.highlight_bar.isVisible()
    qtbot.waitUntil(lambda: QToolTip.text() == NOTHING_SELECTED)
    page = pdf_index(sql, 11)
    reader.view.select(page, QPointF(60, 330), QPointF(400, 345))
    reader.highlight_button.click()
    assert reader.highlight_bar.isVisible()
    qtbot.keyClick(reader.highlight_comment, Qt.Key.Key_Escape)
    assert not reader.highlight_bar.isVisible()
    conn = sqlite3.connect(f"file:{sample_folder.database}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM highlights").fetchone()[0] == 0
    conn.close()


def test_a_selection_is_found_in_the_stored_text_despite_line_breaks():
    from panelbook.ui.common.text_spans import find_span

    stored = "BRIEF SUMMARY\nThis item outlines the work\nundertaken to understand why-\nsome families"
    assert find_span(stored, "the work\r\nundertaken") == (stored.index("the work"),
                                                          stored.index("undertaken") + len("undertaken"))
    assert find_span(stored, "why\ufffesome") == (stored.index("why"), stored.index("some") + 4)
    assert find_span(stored, "not there") is None
    repeated = "the plan. the plan. the plan."
    assert find_span(repeated, "the plan", near=11) == (10, 18)
