"""The meetings list model (checked with qtmodeltester): columns, markers, past meetings."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_helpers import sample_rows
from panelbook.ui.common.meetings_model import MeetingsModel

pytestmark = pytest.mark.usefixtures("qapp")     # icons and fonts need the application object


def test_meetings_model(qtmodeltester, sample_folder):
    meetings, _ = sample_rows(sample_folder)
    model = MeetingsModel()
    model.set_meetings(meetings)
    qtmodeltester.check(model)
    assert model.rowCount() == 8
    row = model.row_of(next(m["id"] for m in meetings if m["date"] == "2024-08-08"))
    assert [model.index(row, c).data() for c in range(6)] == [
        "Thu 8 Aug 2024", "17:30", "Children and Families Scrutiny Panel", "Conference Room 3 - Civic Centre",
        "Held", "11"]
    assert not model.index(row, 0).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_scheduled_meetings_in_the_past_are_not_called_upcoming(sample_folder):
    meetings, _ = sample_rows(sample_folder)
    model = MeetingsModel()
    model.set_meetings(meetings)
    row = model.row_of(next(m["id"] for m in meetings if m["date"] == "2024-09-26"))
    model.today = date(2024, 10, 1)
    assert model.index(row, 4).data() == "No minutes yet"
    assert model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == "Past — no minutes yet"
    model.today = date(2024, 9, 26)      # on the day itself it is still to come
    assert model.index(row, 4).data() == "Upcoming"
