"""The meetings calendar (.ics), parsed back with icalendar."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from panelbook.exports.ics import export_ics, meeting_uid
from panelbook.paths import data_folder
from panelbook.services.sample import load_sample
from panelbook.store import Store

NOW = datetime(2024, 8, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def sample(tmp_path):
    store = Store.open(data_folder(tmp_path / "data"))
    load_sample(store)
    yield store
    store.close()


def _events(path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["dtstart"].dt): e for e in calendar.walk("VEVENT")}


def test_every_meeting_with_venue_status_and_london_time(sample, tmp_path):
    assert export_ics(sample, tmp_path / "m.ics", now=NOW) == 8
    calendar = Calendar.from_ical((tmp_path / "m.ics").read_bytes())
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    events = calendar.walk("VEVENT")
    assert len(events) == 8
    (held,) = [e for e in events if str(e["dtstart"].dt) == "2024-08-08 17:30:00+01:00"]
    assert str(held["dtstart"].dt.tzinfo) == "Europe/London"
    assert held["dtstart"].dt.utcoffset().total_seconds() == 3600          # BST
    assert held["dtend"].dt.hour == 19 and held["dtend"].dt.minute == 30
    assert str(held["location"]) == "Conference Room 3 - Civic Centre"
    assert str(held["status"]) == "CONFIRMED"
    assert str(held["summary"]) == "Children and Families Scrutiny Panel"
    assert "Contact: Ed Grimshaw, Democratic Support Officer, 023 8083 2390" in str(held["description"])
    # A date without a time is an all-day event.
    (september,) = [e for e in events if e["dtstart"].dt == date(2024, 9, 26)]
    assert not isinstance(september["dtstart"].dt, datetime)
    assert september["dtend"].dt == date(2024, 9, 27)
    assert "LOCATION" not in september


def test_moved_and_cancelled_meetings_are_cancelled_events(sample, tmp_path):
    sample.db.execute("UPDATE meetings SET status = 'cancelled' WHERE date = '2025-01-30'")
    sample.db.execute("UPDATE meetings SET status = 'moved' WHERE date = '2024-11-28'")
    export_ics(sample, tmp_path / "m.ics", now=NOW)
    events = Calendar.from_ical((tmp_path / "m.ics").read_bytes()).walk("VEVENT")
    status = {str(e["dtstart"].dt)[:10]: str(e["status"]) for e in events}
    assert status["2025-01-30"] == "CANCELLED"
    assert status["2024-11-28"] == "CANCELLED"          # MOVED: not on that date
    assert [d for d, s in status.items() if s == "CANCELLED"] == ["2024-11-28", "2025-01-30"]
    summaries = {str(e["dtstart"].dt)[:10]: str(e["summary"]) for e in events}
    assert summaries["2025-01-30"] == "CANCELLED: Children and Families Scrutiny Panel"
    assert summaries["2024-11-28"] == "MOVED: Children and Families Scrutiny Panel"


def test_a_meeting_with_minutes_was_held_and_is_never_cancelled(sample, tmp_path):
    """The 7 November 2019 page says MOVED, yet its minutes are stored: it took place."""
    assert sample.db.execute("SELECT status FROM meetings WHERE date = '2019-11-07'").fetchone()[0] == "moved"
    sample.db.execute("UPDATE meetings SET status = 'cancelled' WHERE date = '2024-08-08'")
    export_ics(sample, tmp_path / "m.ics", now=NOW)
    events = {str(e["dtstart"].dt)[:10]: e for e in Calendar.from_ical((tmp_path / "m.ics").read_bytes()).walk("VEVENT")}
    for day in ("2019-11-07", "2024-08-08"):
        assert str(events[day]["status"]) == "CONFIRMED"
        assert str(events[day]["summary"]) == "Children and Families Scrutiny Panel"
        assert "Status: Held" in str(events[day]["description"])


def test_uids_are_unique_and_stable_across_exports_and_data_folders(sample, tmp_path):
    export_ics(sample, tmp_path / "a.ics", now=NOW)
    export_ics(sample, tmp_path / "b.ics", now=datetime(2025, 1, 1, tzinfo=UTC))
    other = Store.open(data_folder(tmp_path / "other"))
    try:
        load_sample(other)
        export_ics(other, tmp_path / "c.ics", now=NOW)
    finally:
        other.close()
    uids = [[str(e["uid"]) for e in Calendar.from_ical((tmp_path / n).read_bytes()).walk("VEVENT")]
            for n in ("a.ics", "b.ics", "c.ics")]
    assert uids[0] == uids[1] == uids[2]
    assert len(set(uids[0])) == 8
    assert meeting_uid("southampton city council|children and families scrutiny panel", "2024-08-08") in uids[0]
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "c.ics").read_bytes()
