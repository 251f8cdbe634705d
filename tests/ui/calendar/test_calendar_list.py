"""The calendar's meetings list and day label: upcoming or recent meetings with several
committees (each committee's latest), past meetings without minutes, the legend, and a committee
with nothing ahead named."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from desktop_helpers import import_files
from panelbook.ui.calendar.calendar_place import recent_meetings
from panelbook.ui.calendar.meetings_table import VENUE_MIN

SAMPLE = "Children and Families Scrutiny Panel"
KINGSTON = "Kingston and North Kingston Neighbourhood Committee"
AUDIT = "Audit Committee"


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
    import_files(qtbot, window, files)
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
    # At 1280 wide each meeting is one line and nothing needs scrolling sideways; the venue keeps
    # room of its own, the committee has the rest (here Kingston's long name is cut, in full in
    # the tooltip, as the venue is).
    table = calendar.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    assert table.horizontalScrollBar().maximum() == 0
    metrics = table.fontMetrics()
    assert header.sectionSize(3) >= VENUE_MIN
    kingston = next(r for r, row in enumerate(rows) if row["committee"] == KINGSTON)
    assert header.sectionSize(2) >= metrics.horizontalAdvance(KINGSTON) \
        or calendar.model.index(kingston, 2).data(Qt.ItemDataRole.ToolTipRole) == KINGSTON
    assert header.sectionSize(2) >= metrics.horizontalAdvance(AUDIT)
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
    import_files(qtbot, window, [moderngov / "mg_GetMeetings_manchester.xml"])
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
