"""The real main window on the sample panel: places, calendar, meeting, reader, search, state."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QTableView

from desktop_helpers import close_window, meeting_on, open_window, pdf_index
from panelbook.ui.reader.pack_reader import PDF
from panelbook.ui.shell.main_window import Place

ITEM = "Repeat Child Protection Plans - Analysis"


def open_sample_meeting(qtbot, window, iso="2024-08-08"):
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, iso))


def click_agenda_row(qtbot, window, title):
    table = window.meeting.agenda
    row = next(i for i, it in enumerate(window.meeting.model.items()) if it["title"] == title)
    index = window.meeting.model.index(row, 2)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    return window.meeting.model.item(row)


def test_places_by_shortcut_and_search_focus(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for key, place in [(Qt.Key.Key_2, Place.MEETING), (Qt.Key.Key_3, Place.TRACKER),
                       (Qt.Key.Key_4, Place.SEARCH), (Qt.Key.Key_1, Place.CALENDAR)]:
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.place() == place
        assert window.place_actions[place].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.meeting.agenda.hasFocus())     # ready for the arrow keys
    for key in (Qt.Key.Key_F, Qt.Key.Key_K):
        window.go(Place.CALENDAR)
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.place() == Place.SEARCH
        qtbot.waitUntil(lambda: window.search.box.hasFocus())


def test_calendar_marks_meeting_days_by_status(window):
    calendar = window.calendar.calendar
    held = calendar.dateTextFormat(QDate(2024, 8, 8))
    assert held.fontWeight() == 700
    assert [m["status"] for m in calendar.meetings_on(QDate(2024, 8, 8))] == ["held"]
    assert [m["status"] for m in calendar.meetings_on(QDate(2019, 11, 7))] == ["moved"]
    assert [m["status"] for m in calendar.meetings_on(QDate(2024, 9, 26))] == ["scheduled"]
    assert calendar.meetings_on(QDate(2024, 8, 9)) == []
    assert calendar.dateTextFormat(QDate(2024, 8, 9)).fontWeight() != 700
    # Nothing in the sample is after today, so the list explains that and shows recent meetings.
    assert window.calendar.list_heading.text() == "Recent meetings"
    assert "No meetings ahead" in window.calendar.list_note.text()
    assert window.calendar.model.rowCount() == 8
    assert window.calendar.model.meeting(0)["date"] == "2025-03-27"


def test_calendar_enter_opens_the_meeting_of_the_day(qtbot, window):
    window.calendar.go_to_date("2024-08-08")
    assert "Children and Families Scrutiny Panel, 17:30, Conference Room 3 - Civic Centre, held" in \
        window.calendar.day_label.text()
    grid = window.calendar.calendar.findChild(QTableView)
    grid.setFocus()
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert window.place() == Place.MEETING
    assert window.meeting.meeting_id == meeting_on(window, "2024-08-08")
    assert window.meeting.header.title.text() == "Children and Families Scrutiny Panel: Thu 8 Aug 2024"
    details = window.meeting.header.details.text()
    assert "17:30" in details and "Conference Room 3 - Civic Centre" in details
    assert "Ed Grimshaw, Democratic Support Officer, 023 8083 2390" in details
    assert window.meeting.header.status.text() == "Held"
    assert "2024-08-08 agenda pack (rebuilt).pdf" in window.meeting.header.sources.text()


def test_selecting_an_item_opens_the_reader_at_its_first_page(qtbot, window, sql):
    open_sample_meeting(qtbot, window)
    model = window.meeting.model
    assert model.rowCount() == 11
    item = click_agenda_row(qtbot, window, ITEM)
    assert item["agenda_number"] == "8" and item["minute_number"] == "11" and item["pages"] == [11, 22]
    reader = window.meeting.reader
    assert reader.mode == PDF
    assert reader.current_page() == pdf_index(sql, 11) == 15
    assert reader.page_label.text() == "Page 11 (PDF page 16 of 115)"
    assert reader.item_label.text() == f"Item 8: {ITEM}"
    html = window.meeting.details.toHtml()
    assert "why some families come back to Child Protection Planning" in html
    assert "the service undertakes an audit on the quality of handovers" in html
    # Next and previous item move through the agenda and the pack together.
    reader.next_button.click()
    assert window.meeting.current_item_id() == model.item(8)["id"]
    assert reader.current_page() == pdf_index(sql, 23)
    assert reader.page_label.text().startswith("Page 23 (")
    reader.previous_button.click()
    reader.previous_button.click()
    assert model.item(window.meeting.agenda.currentIndex().row())["title"] == "Early Years and Childcare"
    assert reader.current_page() == pdf_index(sql, 5)


def test_opened_items_are_remembered_as_read(qtbot, window):
    from panelbook.ui.meeting.agenda_model import ReadRole

    open_sample_meeting(qtbot, window)
    item = click_agenda_row(qtbot, window, ITEM)
    row = window.meeting.model.row_of(item["id"])
    qtbot.waitUntil(lambda: window.meeting.model.index(row, 0).data(ReadRole) is True)
    open_sample_meeting(qtbot, window)
    assert window.meeting.model.index(row, 0).data(ReadRole) is True
    unread = [r for r in range(window.meeting.model.rowCount()) if not window.meeting.model.index(r, 0).data(ReadRole)]
    assert row not in unread and unread


def test_search_as_you_type_groups_by_meeting_and_opens_the_page(qtbot, window, sql):
    window.focus_search()
    with qtbot.waitSignal(window.search.results_shown, timeout=20000,
                          check_params_cb=lambda text: text == "re-referrals"):
        qtbot.keyClicks(window.search.box, "re-referrals")
    model = window.search.model
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["Thu 20 Jul 2023, Children and Families Scrutiny Panel (3 results)",
                      "Thu 8 Aug 2024, Children and Families Scrutiny Panel (1 result)"]
    july = model.index(0, 0)
    kinds = [model.hit(model.index(r, 0, july)).kind for r in range(model.rowCount(july))]
    assert "minutes" in kinds
    page_hit_index = model.index(0, 0, model.index(1, 0))
    hit = model.hit(page_hit_index)
    assert (hit.kind, hit.page, hit.title) == ("page", 73, "Children and Learning - Performance")
    from panelbook.ui.search.search_results_model import HtmlRole
    assert "<b>re-referrals</b>" in page_hit_index.data(HtmlRole)
    window.search.tree.setCurrentIndex(page_hit_index)
    window.search.tree.setFocus()
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        qtbot.keyClick(window.search.tree, Qt.Key.Key_Return)
    assert window.place() == Place.MEETING
    reader = window.meeting.reader
    assert reader.current_page() == pdf_index(sql, 73)
    assert reader.page_label.text().startswith("Page 73 (PDF page ")
    assert window.meeting.model.item(window.meeting.agenda.currentIndex().row())["title"] == \
        "Children and Learning - Performance"


def test_minutes_hit_opens_the_july_2023_meeting_at_its_item(qtbot, window):
    window.focus_search()
    with qtbot.waitSignal(window.search.results_shown, timeout=20000):
        window.search.set_text("re-referrals")
    model = window.search.model
    july = model.index(0, 0)
    row = next(r for r in range(model.rowCount(july)) if model.hit(model.index(r, 0, july)).kind == "minutes")
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.search.tree.activated.emit(model.index(row, 0, july))
    assert window.meeting.meeting_id == meeting_on(window, "2023-07-20")
    assert "re-referrals are too high" in window.meeting.details.toPlainText()
    assert window.meeting.reader.mode != PDF   # no pack for that meeting: an explanation instead
    assert window.meeting.reader.empty.title.text() == "No agenda pack yet"


def test_stale_search_answers_are_dropped(qtbot, window):
    window.focus_search()
    seen = []
    window.search.results_shown.connect(seen.append)
    window.search.set_text("Ofsted")
    window.search.run_search()
    window.search.set_text("re-referrals")
    with qtbot.waitSignal(window.search.results_shown, timeout=20000,
                          check_params_cb=lambda text: text == "re-referrals"):
        window.search.run_search()
    qtbot.waitUntil(lambda: not window.worker.busy)
    assert seen == ["re-referrals"]
    assert window.search.model.query == "re-referrals"


def test_nothing_found_says_so(qtbot, window):
    window.focus_search()
    with qtbot.waitSignal(window.search.results_shown, timeout=20000):
        window.search.set_text("zzyzxq")
    assert window.search.model.rowCount() == 0
    assert window.search.summary.text() == "Nothing found for “zzyzxq”."
    assert not window.search.tree.isVisible() and window.search.empty.isVisible()


def test_window_state_is_restored(qtbot, sample_folder):
    window, worker = open_window(qtbot, sample_folder)
    window.resize(1100, 720)
    window.go(Place.SEARCH)
    window.calendar.splitter.setSizes([300, 700])
    saved_sizes = window.calendar.splitter.sizes()
    close_window(qtbot, window, worker)
    import os

    from panelbook.ui.common.settings import settings_path
    assert str(settings_path()).startswith(os.environ["XDG_CONFIG_HOME"])   # never the real home
    assert settings_path().exists()

    again, worker = open_window(qtbot, sample_folder, size=None)
    try:
        assert again.place() == Place.SEARCH
        # The offscreen screen is 800 pixels wide, so the restored width is held at the
        # window's minimum; the height fits and comes back exactly.
        assert again.size().height() == 720
        assert again.size().width() < 1280
        again.go(Place.CALENDAR)
        assert again.calendar.splitter.sizes()[0] == saved_sizes[0]
    finally:
        close_window(qtbot, again, worker)


def test_last_meeting_reopens_in_the_meeting_place(qtbot, sample_folder):
    window, worker = open_window(qtbot, sample_folder)
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, "2023-07-20"))
    close_window(qtbot, window, worker)
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.shell.main_window import MainWindow

    worker = DatabaseWorker(sample_folder)
    again = MainWindow(worker)
    again.show()
    try:
        with qtbot.waitSignal(again.meeting.meeting_loaded, timeout=20000):
            again.start(load_sample_if_empty=False)
        assert again.place() == Place.MEETING
        assert again.meeting.meeting_id == meeting_on(again, "2023-07-20")
    finally:
        close_window(qtbot, again, worker)


def test_earlier_and_later_meeting_buttons(qtbot, window):
    open_sample_meeting(qtbot, window)
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.meeting.previous_meeting.click()
    assert window.meeting.meeting_id == meeting_on(window, "2024-07-18")
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.meeting.next_meeting.click()
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.meeting.next_meeting.click()
    assert window.meeting.meeting_id == meeting_on(window, "2024-09-26")
    assert "no agenda yet" in window.meeting.details.toPlainText()


def test_controls_have_accessible_names(window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QHeaderView, QLineEdit

    missing = []
    for kind in (QAbstractButton, QLineEdit, QAbstractItemView):
        for widget in window.findChildren(kind):
            if widget.objectName().startswith("qt_") or widget.parent().objectName().startswith("qt_"):
                continue      # Qt's own parts (calendar navigation, scroll bar buttons)
            if isinstance(widget, QHeaderView) or isinstance(widget.parent(), QLineEdit):
                continue      # headers and a line edit's clear button are parts of named controls
            if isinstance(widget, QAbstractButton) and widget.text() and not widget.accessibleName():
                continue      # a button's text is its accessible name
            if not widget.accessibleName() and not (isinstance(widget, QAbstractButton) and widget.text()):
                missing.append(f"{type(widget).__name__} {widget.toolTip() or widget.objectName()} "
                               f"in {type(widget.parent()).__name__} {widget.parent().objectName()}")
    assert missing == [], "\n".join(missing)


def test_tab_leaves_the_agenda_for_the_next_control(qtbot, window):
    open_sample_meeting(qtbot, window)
    agenda = window.meeting.agenda
    window.activateWindow()
    agenda.setFocus()
    qtbot.waitUntil(agenda.hasFocus)
    row = agenda.currentIndex().row()
    qtbot.keyClick(agenda, Qt.Key.Key_Tab)
    assert not agenda.hasFocus()                  # on to the next control, not the next cell
    agenda.setFocus()
    qtbot.keyClick(agenda, Qt.Key.Key_Down)
    assert agenda.currentIndex().row() == row + 1 and agenda.hasFocus()
