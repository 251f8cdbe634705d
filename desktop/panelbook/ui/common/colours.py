"""Committee colours, and the look and wording of each meeting status.

Committees get colours from a fixed set chosen to read on light and dark
backgrounds alike (they colour markers and swatches, never text).  A committee
keeps its colour for good: the first time a committee is seen it takes the
first colour no other committee has, and the choice is remembered in the
window settings, so importing another committee never recolours the ones the
member already knows.  Committees first seen together (an existing data
folder, say) are taken in alphabetical order.

What a meeting shows is not always its stored status: a meeting still
"scheduled" (or "new") whose date has passed was not necessarily held (no
minutes were imported), but it is certainly not upcoming; it shows as
"Past — no minutes yet" with a marker of its own.  The store keeps its status.
"""
from __future__ import annotations

import json
from datetime import date

from PySide6.QtGui import QColor

from panelbook.ui.common import settings

PALETTE = [
    "#2f7fc1", "#d1495b", "#2a9d8f", "#e09f3e", "#7b5ea7",
    "#5c946e", "#c9577f", "#3d5a80", "#b56727", "#4f9dd9",
]

SETTINGS_KEY = "colours/committees"

PAST = "past"    # shown, never stored: a scheduled meeting whose date has passed

STATUS_LABELS = {
    "scheduled": "Upcoming", "held": "Held", "moved": "Moved", "cancelled": "Cancelled", "new": "New",
    PAST: "Past — no minutes yet",
}

# The meetings list has less room: the date beside it already says the meeting is past.
SHORT_LABELS = {**STATUS_LABELS, PAST: "No minutes yet"}

# The day label under the calendar: "…, 19:30, Civic Centre, held".
STATUS_WORDS = {
    "scheduled": "upcoming", "held": "held", "moved": "moved", "cancelled": "cancelled", "new": "new",
    PAST: "past, no minutes yet",
}

STATUS_HELP = {
    "held": "Held: a filled dot",
    "scheduled": "Upcoming: a ring",
    PAST: "Past, no minutes: a ring with a dot (the date has passed; no minutes imported yet)",
    "moved": "Moved: a half-filled dot",
    "cancelled": "Cancelled: a crossed dot, date struck through",
}


def shown_status(status: str, iso_date: str, today: date | None = None) -> str:
    """The status to show for a meeting on ``iso_date``: ``PAST`` for a meeting still waiting
    to happen (scheduled or new) whose day is before ``today``; otherwise ``status``."""
    today = today or date.today()
    if status in ("scheduled", "new") and iso_date < today.isoformat():
        return PAST
    return status


def _remembered() -> dict[str, int]:
    """Each committee's colour as remembered in the settings (bad entries are ignored)."""
    raw = settings.load_value(SETTINGS_KEY, "")
    try:
        loaded = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {name: index for name, index in loaded.items()
            if isinstance(name, str) and isinstance(index, int) and 0 <= index < len(PALETTE)}


def _remember(colours: dict[str, int]) -> None:
    settings.save_value(SETTINGS_KEY, json.dumps(colours, ensure_ascii=False, sort_keys=True))


def _next_free(remembered: dict[str, int], present: list[str]) -> int:
    """The first colour no remembered committee has; when all are taken, the one fewest of
    the committees in the store now share (the first such)."""
    taken = set(remembered.values())
    for index in range(len(PALETTE)):
        if index not in taken:
            return index
    counts = [0] * len(PALETTE)
    for name in present:
        if name in remembered:
            counts[remembered[name]] += 1
    return counts.index(min(counts))


class CommitteeColours:
    """The colour of each committee the store knows."""

    def __init__(self) -> None:
        self._colours: dict[str, QColor] = {}

    def assign(self, names) -> None:
        """Colour the committees ``names``: remembered ones keep their colour, new ones get the
        next free colour (and are remembered)."""
        present = sorted(set(names))
        remembered = _remembered()
        new = [name for name in present if name not in remembered]
        for name in new:
            remembered[name] = _next_free(remembered, present)
        if new:
            _remember(remembered)
        self._colours = {name: QColor(PALETTE[remembered[name]]) for name in present}

    def colour(self, name: str | None) -> QColor:
        if name in self._colours:
            return self._colours[name]
        return QColor(PALETTE[sum(map(ord, name or "")) % len(PALETTE)])

    def names(self) -> list[str]:
        return sorted(self._colours)


COLOURS = CommitteeColours()
