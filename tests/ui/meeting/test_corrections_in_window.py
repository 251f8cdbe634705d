"""Correcting from the Meeting place: the header's Correct… button, F2 and the agenda's menu
(merge, split, undo), through the worker; a corrected marker on the header and the row."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_helpers import meeting_on
from panelbook.ui.meeting.agenda_model import NUMBER

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _open_august(qtbot, window):
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, "2024-08-08"))
    return window.meeting


def _row(place, number):
    return next(r for r, item in enumerate(place.model.items()) if item["agenda_number"] == number)


def _choose(place, number):
    place.agenda.setCurrentIndex(place.model.index(_row(place, number), 0))


def _reloaded(qtbot, place):
    return qtbot.waitSignal(place.meeting_loaded, timeout=20000)


def test_correct_the_meeting_from_its_header(qtbot, window):
    place = _open_august(qtbot, window)
    assert place.corrections.button.isEnabled() and not place.header.corrected.isVisibleTo(place)
    qtbot.mouseClick(place.corrections.button, Qt.MouseButton.LeftButton)       # click one
    form = place.corrections.dialog
    form.time.setText("18:00")
    form.venue.setText("Council Chamber")
    with _reloaded(qtbot, place):
        form.accept()                                                           # click two
    assert "Council Chamber" in place.header.details.text() and "18:00" in place.header.details.text()
    assert place.header.corrected.isVisibleTo(place)
    assert "• venue Conference Room 3 - Civic Centre → Council Chamber" in place.header.corrected.toolTip()


def test_correct_an_item_with_f2_then_undo_from_its_menu(qtbot, window):
    place = _open_august(qtbot, window)
    _choose(place, "8")
    place.agenda.setFocus()
    qtbot.keyClick(place.agenda, Qt.Key.Key_F2)
    form = place.corrections.dialog
    assert form.pages.text() == "11-22"
    form.pages.setText("11-20")
    form.title.setText("Repeat Child Protection Plans")
    with _reloaded(qtbot, place):
        form.accept()
    row = _row(place, "8")
    item = place.model.item(row)
    assert (item["title"], item["pages"], item["corrected"]) == ("Repeat Child Protection Plans", [11, 20], True)
    assert place.model.index(row, NUMBER).data(Qt.ItemDataRole.DecorationRole) is not None
    assert place.model.index(row, NUMBER).data(Qt.ItemDataRole.AccessibleTextRole) == "8 (corrected)"
    tip = place.model.index(row, NUMBER).data(Qt.ItemDataRole.ToolTipRole)        # the history, in words
    assert "• pack pages 11-22 → 11-20" in tip and "• title Repeat Child Protection Plans - Analysis → " in tip
    menu = place.corrections.menu_for(item)
    undo = next(a for a in menu.actions() if a.text().startswith("&Undo the item"))
    assert undo.isEnabled()
    with _reloaded(qtbot, place):
        undo.trigger()
    assert place.model.item(_row(place, "8"))["pages"] == [11, 22]       # the newest (pages) went back first
    assert place.model.item(_row(place, "8"))["title"] == "Repeat Child Protection Plans"


def test_merge_and_split_from_the_agenda_menu(qtbot, window):
    place = _open_august(qtbot, window)
    _choose(place, "8")
    menu = place.corrections.menu_for(place.model.item(_row(place, "8")))
    merge = next(a for a in menu.actions() if a.text().startswith("&Merge"))
    with _reloaded(qtbot, place):
        merge.trigger()
    numbers = [item["agenda_number"] for item in place.model.items()]
    assert "9" not in numbers and place.model.item(_row(place, "8"))["pages"] == [11, 66]
    menu = place.corrections.menu_for(place.model.item(_row(place, "8")))
    next(a for a in menu.actions() if a.text().startswith("&Split")).trigger()
    form = place.corrections.dialog
    form.at_page.setValue(23)
    form.title.setText("Annual Conversation with Ofsted")
    form.number.setText("9")
    with _reloaded(qtbot, place):
        form.accept()
    assert place.model.item(_row(place, "9"))["pages"] == [23, 66]


def test_a_correction_that_cannot_be_made_is_said_in_one_sentence(qtbot, window):
    place = _open_august(qtbot, window)
    _choose(place, "8")
    place.corrections.edit_item()
    form = place.corrections.dialog
    form.pages.setText("100-130")
    form.accept()
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(QMessageBox)), timeout=20000)
    (box,) = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert box.informativeText() == "Pages 100-130 are outside the pack, which runs from page 1 to 110."
    box.close()
    assert place.model.item(_row(place, "8"))["pages"] == [11, 22]
