"""Meeting status as shown: a scheduled meeting whose day has passed is 'past' (a ring with a
dot), and a selected row draws its marker on a disc of the selection's text colour."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon

from panelbook.ui.common import colours
from panelbook.ui.common.colours import PALETTE, shown_status
from panelbook.ui.common.markers import marker_icon, selected_halo, status_icon


def test_shown_status():
    assert shown_status("scheduled", "2024-09-26", date(2024, 9, 27)) == colours.PAST
    assert shown_status("new", "2024-09-26", date(2024, 9, 27)) == colours.PAST
    assert shown_status("scheduled", "2024-09-26", date(2024, 9, 26)) == "scheduled"
    assert shown_status("held", "2024-08-08", date(2025, 1, 1)) == "held"
    assert shown_status("cancelled", "2024-08-08", date(2025, 1, 1)) == "cancelled"
    assert shown_status("moved", "2019-11-07", date(2025, 1, 1)) == "moved"


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
