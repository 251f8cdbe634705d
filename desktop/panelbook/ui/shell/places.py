"""The window's five places, in side-bar order, with their icons and shortcuts."""
from __future__ import annotations

from enum import IntEnum


class Place(IntEnum):
    CALENDAR = 0
    MEETING = 1
    TRACKER = 2
    SEARCH = 3
    NEWS = 4


PLACES = [
    (Place.CALENDAR, "Calendar", "calendar", "Ctrl+1"),
    (Place.MEETING, "Meeting", "meeting", "Ctrl+2"),
    (Place.TRACKER, "Tracker", "tracker", "Ctrl+3"),
    (Place.SEARCH, "Search", "search", "Ctrl+4"),
    (Place.NEWS, "What's new", "news", "Ctrl+5"),
]
