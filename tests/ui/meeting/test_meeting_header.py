"""The meeting header's status line: Held, Upcoming, and 'Past — no minutes yet' once the day of
a scheduled meeting has passed."""
from __future__ import annotations

from datetime import date

from desktop_helpers import meeting_on


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
