"""Tools › Add a recommendation on the sample panel: the dialog offers the meeting shown and
its items, refuses an empty wording with the reason, and what it adds appears in the Tracker,
chosen, with its item, due date and a history entry."""
from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QDate

from panelbook.ui.shell.places import Place
from panelbook.ui.tracker.add_rec_dialog import NO_ITEM, AddRecDialog

SIZE_HINTS = "This plugin does not support propagateSizeHints"     # a dialog on the offscreen platform


@pytest.mark.qt_log_ignore(SIZE_HINTS)
def test_a_recommendation_added_by_hand_shows_in_the_tracker(qtbot, window, sample_folder):
    august = next(m["id"] for m in window.meetings if m["date"] == "2024-08-08")
    window.open_meeting(august)
    qtbot.waitUntil(lambda: window.shown_meeting() == august, timeout=20000)
    window.tools.add_rec_action.trigger()
    dialog = window.tools.dialog
    assert isinstance(dialog, AddRecDialog)
    assert dialog.meeting.currentData() == august
    qtbot.waitUntil(lambda: dialog.item.count() > 1, timeout=20000)
    assert dialog.item.itemText(0) == NO_ITEM
    assert not dialog.add_button.isEnabled()
    assert dialog.why.text() == "Write the recommendation's wording to add it."

    title = dialog.item.itemData(2, 3)      # the tooltip holds the item's title
    dialog.item.setCurrentIndex(2)
    dialog.text.setPlainText("That the Panel receives a report on re-referral rates at its next meeting")
    dialog.owner.setText("Head of Children's Social Care")
    dialog.deadline.setDate(QDate(2025, 3, 31))
    assert dialog.add_button.isEnabled() and dialog.why.text() == ""
    tracker = window.tracker
    with qtbot.waitSignal(window.tools.done, timeout=20000) as said:
        dialog.add_button.click()
    rec_id = int(said.args[0].split()[1])
    qtbot.waitUntil(lambda: tracker.current_id() == rec_id, timeout=20000)
    assert window.place() == Place.TRACKER
    assert tracker.editor.rec["text"].startswith("That the Panel receives a report on re-referral rates")

    conn = sqlite3.connect(f"file:{sample_folder.database}?mode=ro", uri=True)
    row = conn.execute("SELECT meeting_id, item_title, owner, deadline, status FROM recommendations WHERE id = ?",
                       (rec_id,)).fetchone()
    history = conn.execute("SELECT field FROM rec_history WHERE rec_id = ?", (rec_id,)).fetchall()
    conn.close()
    assert row == (august, title, "Head of Children's Social Care", "2025-03-31", "awaiting_response")
    assert history == [("created",)]


def test_no_deadline_and_no_item(qtbot, window):
    dialog = AddRecDialog(window.worker, window.meetings, None)
    qtbot.addWidget(dialog)
    dialog.no_deadline.setChecked(True)
    dialog.text.setPlainText("  That the Panel visits the Family Hub  ")
    values = dialog.values()
    assert values["deadline"] is None and values["item_id"] is None and values["owner"] is None
    assert values["text"] == "That the Panel visits the Family Hub"
    assert not dialog.deadline.isEnabled()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)


def test_with_no_meetings_the_dialog_says_why_it_cannot_add(qtbot, window):
    dialog = AddRecDialog(window.worker, [], None)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Anything")
    assert not dialog.add_button.isEnabled()
    assert dialog.why.text().startswith("Import a meeting first")
