"""Committee colours and the look of each meeting status.

Committees get colours from a fixed set chosen to read on light and dark
backgrounds alike (they colour markers and swatches, never text).  The
assignment is by the committees' names in alphabetical order, so a committee
keeps its colour from one start to the next.
"""
from __future__ import annotations

from PySide6.QtGui import QColor

PALETTE = [
    "#2f7fc1", "#d1495b", "#2a9d8f", "#e09f3e", "#7b5ea7",
    "#5c946e", "#c9577f", "#3d5a80", "#b56727", "#4f9dd9",
]

STATUS_LABELS = {
    "scheduled": "Upcoming", "held": "Held", "moved": "Moved", "cancelled": "Cancelled", "new": "New",
}

STATUS_HELP = {
    "held": "Held: a filled dot",
    "scheduled": "Upcoming: a ring",
    "moved": "Moved: a half-filled dot",
    "cancelled": "Cancelled: a crossed dot, date struck through",
}


class CommitteeColours:
    """The colour of each committee the store knows."""

    def __init__(self) -> None:
        self._colours: dict[str, QColor] = {}

    def assign(self, names) -> None:
        self._colours = {
            name: QColor(PALETTE[i % len(PALETTE)]) for i, name in enumerate(sorted(set(names)))
        }

    def colour(self, name: str | None) -> QColor:
        if name in self._colours:
            return self._colours[name]
        return QColor(PALETTE[sum(map(ord, name or "")) % len(PALETTE)])

    def names(self) -> list[str]:
        return sorted(self._colours)


COLOURS = CommitteeColours()
