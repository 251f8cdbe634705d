"""Highlighting a pack imported as text (the 8 August 2024 pack as Southampton published it
in text, ../shared/seeds/003, into a fresh store): Ctrl+H with nothing selected says why
beside the button; a passage selected in item 7's report is highlighted with a comment,
anchored by quote and context in that report (no page), listed in the item's panel and
drawn over the text; importing the same text again keeps it placed."""
from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from desktop_helpers import close_window, import_files, meeting_on, open_window
from panelbook.paths import data_folder
from panelbook.ui.reader.pack_reader import NOTHING_SELECTED, TEXT
from testdata import SEEDS

PASSAGE = "The provision of high-quality early years and childcare services"


@pytest.fixture
def text_pack(qtbot, tmp_path):
    folder = data_folder(tmp_path / "data")
    window, worker = open_window(qtbot, folder)
    import_files(qtbot, window, sorted(SEEDS.glob("003_*.txt")))
    qtbot.waitUntil(lambda: any(m["date"] == "2024-08-08" for m in window.meetings), timeout=20000)
    yield window, folder
    close_window(qtbot, window, worker)


def select(browser, passage: str) -> None:
    found = browser.document().find(passage)
    assert not found.isNull(), passage
    browser.setTextCursor(found)


@pytest.mark.qt_log_ignore("This plugin does not support")    # the offscreen platform, asked to raise the tooltip
def test_a_passage_of_a_text_pack_is_highlighted_and_stays_placed(qtbot, text_pack):
    window, folder = text_pack
    meeting = window.meeting
    with qtbot.waitSignal(meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, "2024-08-08"))
    reader = meeting.reader
    assert reader.mode == TEXT and reader.document_id is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    reader.text.setFocus()
    assert not reader.highlight_button.isEnabled()
    assert reader.highlight_button.toolTip().startswith(NOTHING_SELECTED)
    qtbot.keyClick(reader.text, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QToolTip.text() == NOTHING_SELECTED)          # Ctrl+H says why
    assert not reader.highlight_bar.isVisible()

    model = meeting.model
    item7 = next(model.item(r)["id"] for r in range(model.rowCount()) if model.item(r)["agenda_number"] == "7")
    meeting.select_item(item7)          # the agenda's item 7: the reader turns to its report
    select(reader.text, PASSAGE)
    assert reader.highlight_button.isEnabled()
    qtbot.keyClick(reader.text, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(reader.highlight_bar.isVisible)
    assert reader.highlight_quote.text() == f"Highlight “{PASSAGE}”"
    qtbot.keyClicks(reader.highlight_comment, "Which outcomes improved most?")
    with qtbot.waitSignal(meeting.highlight_added, timeout=10000):
        qtbot.keyClick(reader.highlight_comment, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(reader.text.extraSelections()) == 1, timeout=10000)
    marks = reader.text.extraSelections()
    assert QTextCursor(marks[0].cursor).selectedText() == PASSAGE

    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    row = conn.execute("SELECT i.agenda_number, h.page_idx, h.quote, h.comment, h.context_after, h.needs_placing "
                       "FROM highlights h JOIN items i ON i.id = h.item_id").fetchall()
    conn.close()
    assert len(row) == 1
    number, page_idx, quote, comment, after, needs_placing = row[0]
    assert (number, page_idx, quote, comment, needs_placing) == ("7", None, PASSAGE, "Which outcomes improved most?", 0)
    assert after.startswith("has proven to have positive long-term benefits")

    meeting.show_markup()
    panel = meeting.markup
    qtbot.waitUntil(lambda: panel.highlights.rowCount() == 1, timeout=10000)
    assert panel.highlights.index(0, 0).data().startswith(f"Report text: “{PASSAGE}”")

    import_files(qtbot, window, sorted(SEEDS.glob("003_*.txt")))        # the same text again
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    assert conn.execute("SELECT needs_placing FROM highlights").fetchall() == [(0,)]
    conn.close()


def test_a_selection_across_two_items_reports_is_not_highlighted(qtbot, text_pack):
    window, _folder = text_pack
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, "2024-08-08"))
    reader = window.meeting.reader
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.text.document().find(PASSAGE).selectionStart())
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)
    assert not reader.highlight_button.isEnabled()
    assert reader.highlight_button.toolTip() == "Select text inside one item's report to highlight it."
