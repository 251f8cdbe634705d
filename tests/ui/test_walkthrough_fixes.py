"""What a walkthrough of the desktop found: Enter, Enter in Search; past meetings called upcoming;
committee colours that changed when a committee was added; the calendar's meetings list with
several committees; the status dot of the selected row."""
from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QIcon

from desktop_helpers import meeting_on, pdf_index
from panelbook.ui.common import colours, settings
from panelbook.ui.calendar.calendar_place import recent_meetings
from panelbook.ui.common.colours import PALETTE, CommitteeColours, shown_status
from panelbook.ui.shell.main_window import Place
from panelbook.ui.common.markers import marker_icon, selected_halo, status_icon
from panelbook.ui.reader.pack_reader import PDF

SAMPLE = "Children and Families Scrutiny Panel"
KINGSTON = "Kingston and North Kingston Neighbourhood Committee"
AUDIT = "Audit Committee"


def _import(qtbot, window, files):
    with qtbot.waitSignal(window.import_finished, timeout=60000) as finished:
        window.import_files([str(f) for f in files])
    assert not finished.args[0].failures
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)


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


# -- 1. Search: Enter, Enter opens the first hit ------------------------------------------------

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


# -- 2. Past meetings are not "Upcoming" -----------------------------------------------------------

def test_shown_status():
    assert shown_status("scheduled", "2024-09-26", date(2024, 9, 27)) == colours.PAST
    assert shown_status("new", "2024-09-26", date(2024, 9, 27)) == colours.PAST
    assert shown_status("scheduled", "2024-09-26", date(2024, 9, 26)) == "scheduled"
    assert shown_status("held", "2024-08-08", date(2025, 1, 1)) == "held"
    assert shown_status("cancelled", "2024-08-08", date(2025, 1, 1)) == "cancelled"
    assert shown_status("moved", "2019-11-07", date(2025, 1, 1)) == "moved"


def test_meeting_header_says_past_no_minutes_yet(qtbot, window):
    window.meeting.header.today = date(2025, 1, 1)
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, "2024-09-26"))
    assert window.meeting.header.status.text() == "Past — no minutes yet"
    window.meeting.header.today = date(2024, 9, 1)
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, "2024-09-26"))
    assert window.meeting.header.status.text() == "Upcoming"
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, "2024-08-08"))
    assert window.meeting.header.status.text() == "Held"


def test_calendar_day_label_list_and_legend_after_the_date(window):
    calendar = window.calendar
    calendar.set_today(date(2025, 1, 1))
    assert calendar.today_text.text() == "Today is Wednesday 1 January 2025"
    assert calendar.calendar.today_date() == QDate(2025, 1, 1)
    # 30 Jan and 27 Mar 2025 are ahead of that day; the list holds them, soonest first.
    assert calendar.list_heading.text() == "Upcoming meetings"
    assert [calendar.model.meeting(r)["date"] for r in range(calendar.model.rowCount())] == [
        "2025-01-30", "2025-03-27"]
    assert [calendar.model.index(r, 4).data() for r in range(2)] == ["Upcoming", "Upcoming"]
    calendar.go_to_date("2024-09-26")
    assert calendar.day_label.text() == (
        "Thursday 26 September 2024: Children and Families Scrutiny Panel, past, no minutes yet. "
        "Press Enter or double-click to open.")
    calendar.go_to_date("2025-03-27")
    assert "Children and Families Scrutiny Panel, upcoming." in calendar.day_label.text()
    legend = [label.text() for label in calendar.legend.findChildren(type(calendar.day_label))
              if label.text() and label.isVisibleTo(calendar)]
    assert legend[:5] == ["Held", "Upcoming", "Past, no minutes", "Moved", "Cancelled"]

    calendar.set_today(date(2025, 6, 1))
    assert calendar.list_heading.text() == "Recent meetings"
    first = calendar.model.meeting(0)
    assert first["date"] == "2025-03-27"
    assert calendar.model.index(0, 4).data() == "No minutes yet"
    assert calendar.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "Past — no minutes yet"
    calendar.go_to_date("2025-03-27")
    assert "Children and Families Scrutiny Panel, past, no minutes yet." in calendar.day_label.text()


def _pixel(icon: QIcon, mode: QIcon.Mode, x: int, y: int) -> QColor:
    image = icon.pixmap(16, 16, mode).toImage()
    return image.pixelColor(x, y)


def test_past_marker_is_a_ring_with_a_dot(qapp):
    blue = QColor(PALETTE[0])
    past, upcoming, held = (marker_icon(blue, s) for s in ("past", "scheduled", "held"))
    centre = (8, 8)
    assert _pixel(past, QIcon.Mode.Normal, *centre) == blue
    assert _pixel(upcoming, QIcon.Mode.Normal, *centre).alpha() == 0
    assert _pixel(held, QIcon.Mode.Normal, *centre) == blue
    # Between the dot and the ring the past marker is open, unlike the held one.
    assert _pixel(past, QIcon.Mode.Normal, 8, 5).alpha() < 32      # (a trace of antialiasing)
    assert _pixel(held, QIcon.Mode.Normal, 8, 5) == blue


# -- 5. The selected row's status dot stays visible -------------------------------------------------

def test_selected_rows_draw_the_marker_on_a_contrasting_disc(window):
    icon = status_icon(PALETTE[0], "held")
    halo = selected_halo()
    # Just outside the dot: empty when not selected, the selection's text colour when selected.
    assert _pixel(icon, QIcon.Mode.Normal, 8, 2).alpha() == 0
    assert _pixel(icon, QIcon.Mode.Selected, 8, 2) == halo
    assert _pixel(icon, QIcon.Mode.Selected, 8, 8) == QColor(PALETTE[0])
    assert halo != window.palette().color(window.palette().ColorRole.Highlight)
    # The list hands the views that icon for the selected first row.
    table = window.calendar.table
    assert table.selectionModel().isRowSelected(0)
    decoration = window.calendar.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert _pixel(decoration, QIcon.Mode.Selected, 8, 1) == halo


# -- 3. Committee colours stay put ------------------------------------------------------------------

def test_a_committee_keeps_its_colour_when_another_is_imported(qtbot, window, moderngov):
    before = window.calendar.committee_boxes or {}
    assert not before      # one committee: no check boxes, just its swatch
    sample_colour = colours.COLOURS.colour(SAMPLE).name()
    assert sample_colour == PALETTE[0]
    _import(qtbot, window, [moderngov / "mg_GetMeeting_with_minutes_manchester.xml"])
    qtbot.waitUntil(lambda: AUDIT in window.calendar.committee_boxes, timeout=20000)
    assert colours.COLOURS.colour(SAMPLE).name() == sample_colour     # alphabetically second now
    assert colours.COLOURS.colour(AUDIT).name() == PALETTE[1]
    _import(qtbot, window, [moderngov / "Agenda_151.html"])
    qtbot.waitUntil(lambda: KINGSTON in window.calendar.committee_boxes, timeout=20000)
    assert [colours.COLOURS.colour(n).name() for n in (SAMPLE, AUDIT, KINGSTON)] == PALETTE[:3]
    remembered = json.loads(settings.ui_settings().value(colours.SETTINGS_KEY))
    assert remembered == {SAMPLE: 0, AUDIT: 1, KINGSTON: 2}
    # The next start (a fresh colour table) reads the same colours back.
    again = CommitteeColours()
    again.assign([KINGSTON, AUDIT, SAMPLE])
    assert [again.colour(n).name() for n in (SAMPLE, AUDIT, KINGSTON)] == PALETTE[:3]


def test_committees_first_seen_together_go_alphabetically_then_new_ones_take_free_colours():
    table = CommitteeColours()
    table.assign(["Zeta Panel", "Alpha Panel"])
    assert [table.colour(n).name() for n in ("Alpha Panel", "Zeta Panel")] == PALETTE[:2]
    table.assign(["Zeta Panel"])                      # Alpha's meetings went; its colour stays its own
    table.assign(["Zeta Panel", "Beta Panel"])
    assert table.colour("Beta Panel").name() == PALETTE[2]
    table.assign(["Alpha Panel", "Beta Panel", "Zeta Panel"])
    assert [table.colour(n).name() for n in ("Alpha Panel", "Zeta Panel", "Beta Panel")] == PALETTE[:3]
    assert table.names() == ["Alpha Panel", "Beta Panel", "Zeta Panel"]


def test_when_every_colour_is_taken_the_least_shared_is_reused():
    table = CommitteeColours()
    names = [f"Committee {i:02}" for i in range(len(PALETTE))]
    table.assign(names)
    table.assign(names + ["Extra"])
    assert table.colour("Extra").name() == PALETTE[0]
    table.assign(names + ["Extra", "Another"])
    assert table.colour("Another").name() == PALETTE[1]


@pytest.mark.parametrize("stored", ["not json", "[1, 2]", json.dumps({"Alpha Panel": 99, "Beta Panel": "x"})])
def test_damaged_remembered_colours_are_set_right(stored):
    settings.save_value(colours.SETTINGS_KEY, stored)
    table = CommitteeColours()
    table.assign(["Beta Panel", "Alpha Panel"])
    assert [table.colour(n).name() for n in ("Alpha Panel", "Beta Panel")] == PALETTE[:2]
    assert json.loads(settings.ui_settings().value(colours.SETTINGS_KEY)) == {"Alpha Panel": 0, "Beta Panel": 1}


# -- 4. The meetings list with several committees ---------------------------------------------------

def _row(committee, day, time="19:30"):
    return {"id": hash((committee, day)), "committee": committee, "date": day, "time": time}


def test_recent_meetings_keep_every_committees_latest():
    busy = [_row("Busy", f"2025-{m:02}-01") for m in range(1, 13)]
    quiet = [_row("Quiet", d) for d in ("2024-01-10", "2024-02-10", "2024-03-10", "2024-04-10", "2024-05-10")]
    tiny = [_row("Tiny", "2023-06-01")]
    chosen = recent_meetings(busy + quiet + tiny)
    assert len(chosen) == 12
    assert [r["date"] for r in chosen] == sorted((r["date"] for r in chosen), reverse=True)
    counts = {name: sum(r["committee"] == name for r in chosen) for name in ("Busy", "Quiet", "Tiny")}
    assert counts == {"Busy": 6, "Quiet": 5, "Tiny": 1}
    assert [r["date"] for r in chosen if r["committee"] == "Busy"][0] == "2025-12-01"
    # One committee: its latest twelve.
    assert [r["date"] for r in recent_meetings(busy)] == [r["date"] for r in reversed(busy)]
    # So many committees that twelve is too few: three of each.
    many = [_row(f"C{c}", f"2025-0{m}-0{c}") for c in range(1, 6) for m in range(1, 6)]
    assert len(recent_meetings(many)) == 15
    assert recent_meetings([]) == []


def test_calendar_list_with_the_moderngov_samples(qtbot, window, moderngov):
    files = sorted(p for p in moderngov.iterdir() if p.suffix in (".xml", ".html") and p.name != "CommitteeStructure.html")
    _import(qtbot, window, files)
    qtbot.waitUntil(lambda: len(window.calendar.committee_boxes) == 3, timeout=20000)
    calendar = window.calendar
    calendar.set_today(date(2026, 11, 23))
    rows = [calendar.model.meeting(r) for r in range(calendar.model.rowCount())]
    assert calendar.list_heading.text() == "Recent meetings"
    assert len(rows) == 12
    by_committee = {name: [r["date"] for r in rows if r["committee"] == name] for name in (SAMPLE, AUDIT, KINGSTON)}
    assert by_committee[SAMPLE] == ["2025-03-27", "2025-01-30", "2024-11-28", "2024-09-26", "2024-08-08"]
    assert by_committee[AUDIT] == ["2026-02-10", "2026-01-13"]
    assert len(by_committee[KINGSTON]) == 5
    assert calendar.list_foot.text() == (
        f"12 of {len(window.meetings)} meetings: each committee's latest meetings, newest first. "
        "Choose a day on the calendar for earlier ones.")
    # At 1280 wide each meeting is one line with the committee in full; the venue is cut short
    # with its full text in the tooltip, and nothing needs scrolling sideways.
    table = calendar.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    assert table.horizontalScrollBar().maximum() == 0
    metrics = table.fontMetrics()
    assert header.sectionSize(2) >= metrics.horizontalAdvance(KINGSTON)
    assert not table.wordWrap()
    line = table.verticalHeader().defaultSectionSize()
    assert all(table.rowHeight(r) == line for r in range(len(rows)))
    audit = next(r for r, row in enumerate(rows) if row["date"] == "2026-02-10")
    venue = calendar.model.index(audit, 3)
    assert venue.data(Qt.ItemDataRole.ToolTipRole) == venue.data()
    assert header.sectionSize(3) < metrics.horizontalAdvance(venue.data())
    # The list is as tall as its rows: no empty box under it.
    assert table.height() <= table.sizeHint().height()
    assert table.sizeHint().height() >= header.height() + 12 * line


def test_a_committee_with_nothing_ahead_is_named(qtbot, window, moderngov):
    _import(qtbot, window, [moderngov / "mg_GetMeetings_manchester.xml"])
    qtbot.waitUntil(lambda: len(window.calendar.committee_boxes) == 2, timeout=20000)
    calendar = window.calendar
    other = next(n for n in calendar.committee_boxes if n != SAMPLE)
    others = sorted(m["date"] for m in window.meetings if m["committee"] == other)
    calendar.set_today(date.fromisoformat(others[-1]))
    assert calendar.list_heading.text() == "Upcoming meetings"
    assert {calendar.model.meeting(r)["committee"] for r in range(calendar.model.rowCount())} == {other}
    assert calendar.list_note.isVisibleTo(calendar)
    assert calendar.list_note.text() == (
        f"Nothing ahead in your data for {SAMPLE} (last met Thu 27 Mar 2025). "
        "Import its next agenda pack or meeting dates to see what comes next.")
