"""No keyboard trap: Tab walks through every place of the window on the sample panel, and
each table, list or tree it meets hands the focus on at the first press (arrows move within).

The walk starts at each place's main control and presses Tab until the focus comes back to
where it started; it fails if a press leaves the focus where it was, or if the walk never
comes round (a widget that keeps Tab for itself, as the calendar's meetings list once did)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

MAX_PRESSES = 80


def walk(qtbot) -> list[QWidget]:
    """The widgets Tab visits from the focused one, until it comes round again."""
    start = QApplication.focusWidget()
    assert start is not None
    visited = [start]
    for _ in range(MAX_PRESSES):
        before = QApplication.focusWidget()
        QTest.keyClick(before, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        if isinstance(before, QAbstractItemView):
            assert after is not before, f"Tab stays inside {name(before)}"
        if after is start:
            return visited
        visited.append(after)
    raise AssertionError(f"after {MAX_PRESSES} presses of Tab the focus never came round: "
                         f"{[name(w) for w in visited[-5:]]}")


def name(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.accessibleName()!r}"


def item_views(visited: list[QWidget]) -> set[str]:
    return {name(w) for w in visited if isinstance(w, QAbstractItemView)}


def test_tab_leaves_every_table_and_list_in_one_press(qtbot, window):
    from panelbook.ui.shell.places import Place

    qtbot.waitUntil(lambda: all(window.is_built(p) for p in Place), timeout=20000)
    window.go(Place.CALENDAR)
    qtbot.waitUntil(lambda: window.calendar.model.rowCount() > 0, timeout=10000)
    window.calendar.table.setFocus()
    assert "MeetingsTable 'Meetings list'" in item_views(walk(qtbot))

    window.go(Place.MEETING)
    qtbot.waitUntil(lambda: window.meeting.model.rowCount() > 0, timeout=10000)
    assert "QTableView 'Agenda'" in item_views(walk(qtbot))
    window.meeting.item_tabs.setCurrentWidget(window.meeting.markup)     # the notes' lists
    window.meeting.agenda.setFocus()
    walk(qtbot)

    window.go(Place.TRACKER)
    qtbot.waitUntil(lambda: window.tracker.model.rowCount() > 0, timeout=10000)
    window.tracker.table.setFocus()
    assert "RecsTable 'Recommendations'" in item_views(walk(qtbot))

    window.go(Place.SEARCH)
    with qtbot.waitSignal(window.search.results_shown, timeout=10000):
        window.search.set_text("budget")
    qtbot.waitUntil(lambda: window.search.tree.isVisible(), timeout=10000)
    window.search.focus_box()
    assert "QTreeView 'Search results'" in item_views(walk(qtbot))
