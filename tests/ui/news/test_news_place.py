"""What's new in the real window: the list in words, its unread counts on the side bar and
the calendar, opening an entry (its meeting, and it is read), Mark all as read, the keyboard,
and news recorded by another process (a sync from the command line) showing up."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_helpers import close_window, open_window
from news_data import a_sync_of, import_two_committees
from panelbook.model import NewsInput, NewsKind
from panelbook.paths import data_folder
from panelbook.services.sample import load_sample
from panelbook.store import Store
from panelbook.store.news import list_news, record_news
from panelbook.ui.news.news_model import ABOUT, COMMITTEE, MEETING, WHAT
from panelbook.ui.shell.places import Place


@pytest.fixture
def news_folder(tmp_path):
    """The sample panel and two councils' committees (real documents), and a sync's news about them."""
    folder = data_folder(tmp_path / "data")
    with Store.open(folder) as store:
        load_sample(store)
        record_news(store, a_sync_of(import_two_committees(store)))
    return folder


@pytest.fixture
def news_window(qtbot, news_folder):
    window, worker = open_window(qtbot, news_folder)
    qtbot.waitUntil(lambda: window.news.counts.total == 3, timeout=20000)
    yield window
    close_window(qtbot, window, worker)


def _show_news(qtbot, window):
    place = window.news.place
    with qtbot.waitSignal(place.loaded, timeout=20000):
        window.go(Place.NEWS)
    return place


def test_the_list_in_words_with_the_counts_on_the_side_bar_and_the_calendar(qtbot, news_window, qtmodeltester):
    window = news_window
    action = window.place_actions[Place.NEWS]
    assert action.text() == "What's new (3)"
    assert "Audit Committee (2)" in action.toolTip() and "Ctrl+5" in action.toolTip()
    banner = window.news.banner
    assert banner is not None and not banner.isHidden()
    assert banner.text.text() == ("3 unread in What's new: Audit Committee (2), "
                                  "Kingston and North Kingston Neighbourhood Committee (1).")
    place = _show_news(qtbot, window)
    model = place.model
    qtmodeltester.check(model)
    shown = [[model.index(r, c).data() for c in (WHAT, COMMITTEE, MEETING, ABOUT)] for r in range(model.rowCount())]
    assert sorted(shown) == sorted([
        ["Cancelled", "Audit Committee", "Tue 13 Jan 2026", "Audit Committee, 13 January 2026"],
        ["Minutes published", "Audit Committee", "Tue 10 Feb 2026", "Printed minutes 10th-Feb-2026"],
        ["Document revised", "Kingston and North Kingston Neighbourhood Committee", "Thu 15 Jan 2026",
         "Agenda, decisions and minutes"]])
    assert all(model.index(r, WHAT).data(Qt.ItemDataRole.FontRole).bold() for r in range(3))
    assert place.summary.text().startswith("3 unread of 3.")
    assert place.mark_all.isEnabled()


def test_enter_opens_the_meeting_and_marks_the_entry_read(qtbot, news_window, news_folder):
    window = news_window
    place = _show_news(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: place.table.hasFocus())
    row = next(r for r in range(place.model.rowCount()) if place.model.index(r, WHAT).data() == "Minutes published")
    place.table.setCurrentIndex(place.model.index(row, 0))
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000) as loaded:
        qtbot.keyClick(place.table, Qt.Key.Key_Return)
    assert window.place() == Place.MEETING
    assert window.meeting.meeting_id == loaded.args[0]
    assert next(m for m in window.meetings if m["id"] == loaded.args[0])["date"] == "2026-02-10"
    qtbot.waitUntil(lambda: window.place_actions[Place.NEWS].text() == "What's new (2)", timeout=20000)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    with Store.open(news_folder) as store:
        assert [r["kind"] for r in list_news(store) if r["seen"]] == ["minutes_published"]


def test_mark_all_as_read_clears_every_count(qtbot, news_window, news_folder):
    window = news_window
    place = _show_news(qtbot, window)
    qtbot.mouseClick(place.mark_all, Qt.MouseButton.LeftButton)
    assert not place.mark_all.isEnabled()
    assert not any(place.model.index(r, WHAT).data(Qt.ItemDataRole.FontRole) for r in range(3))
    qtbot.waitUntil(lambda: window.place_actions[Place.NEWS].text() == "What's new", timeout=20000)
    assert window.news.banner.isHidden()
    place.only_unread.setChecked(True)
    assert place.model.rowCount() == 0 and place.empty.isVisible() and place.summary.text() == "Nothing unread."
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    with Store.open(news_folder) as store:
        assert all(r["seen"] for r in list_news(store))


def test_news_a_sync_records_elsewhere_shows_up(qtbot, news_window, news_folder):
    window = news_window
    place = _show_news(qtbot, window)
    with Store.open(news_folder) as store:       # as `panelbook sync` in a terminal would
        ids = import_two_committees(store)
        record_news(store, [NewsInput(NewsKind.SUPPLEMENT, ids.audit, ids.audit_held, None, "Supplement 1",
                                      "2026-12-02T11:00:00Z")])
    qtbot.waitUntil(lambda: place.model.rowCount() == 4, timeout=20000)
    assert place.model.index(0, WHAT).data() == "Supplement"
    qtbot.waitUntil(lambda: window.place_actions[Place.NEWS].text() == "What's new (4)", timeout=20000)


def test_an_empty_store_offers_to_follow_a_council(qtbot, tmp_path):
    window, worker = open_window(qtbot, data_folder(tmp_path / "empty"))
    try:
        place = _show_news(qtbot, window)
        assert place.model.rowCount() == 0 and place.empty.isVisible()
        assert "Follow your council" in place.empty.text.text()
        assert not place.sync_button.isVisible()       # nothing followed, nothing to sync
        assert window.place_actions[Place.NEWS].text() == "What's new"
    finally:
        close_window(qtbot, window, worker)
