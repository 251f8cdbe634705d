"""Drawing the small status markers used by the calendar, its legend and the meetings list.

A marker is drawn in its committee's colour, which can be close to the
selection colour (a blue committee on a blue selected row): the icons carry a
second look for selected rows, the marker on a disc of the selection's text
colour, so it stays visible there.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap


def draw_marker(painter: QPainter, centre: QPointF, radius: float, colour: QColor, status: str,
                halo: QColor | None = None) -> None:
    """Held: filled; upcoming/new: ring; past without minutes: ring with a dot in it;
    moved: half-filled; cancelled: crossed ring.

    ``halo`` draws a disc behind the marker so it stays visible on a highlighted cell."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    if halo is not None:
        grow = max(2.0, radius / 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(halo)
        painter.drawEllipse(rect.adjusted(-grow, -grow, grow, grow))
    pen = QPen(colour, max(1.5, radius / 2.5))
    if status == "held":            # a filled disc
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(rect)
    else:                           # a ring, with what sets the status apart inside it
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)
        if status == "cancelled":   # crossed out
            d = radius * 0.7
            painter.drawLine(QPointF(centre.x() - d, centre.y() - d), QPointF(centre.x() + d, centre.y() + d))
            painter.drawLine(QPointF(centre.x() - d, centre.y() + d), QPointF(centre.x() + d, centre.y() - d))
        elif status in ("moved", "past"):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            if status == "moved":   # half filled
                painter.drawPie(rect, 90 * 16, 180 * 16)
            else:                   # a dot: the day has passed, no minutes yet
                dot = radius * 0.42
                painter.drawEllipse(centre, dot, dot)
    painter.restore()


def marker_icon(colour: QColor, status: str, size: int = 16, halo: QColor | None = None) -> QIcon:
    """A marker as an icon (the legend and list swatches), drawn at 2x for high-DPI screens.

    With ``halo``, the icon's Selected mode (what item views use on a selected row)
    draws the marker on a disc of that colour."""
    icon = QIcon()
    for mode, ring in ((QIcon.Mode.Normal, None), (QIcon.Mode.Selected, halo)):
        if mode == QIcon.Mode.Selected and ring is None:
            continue
        for scale in (1, 2):
            pixmap = QPixmap(size * scale, size * scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            half = size * scale / 2
            draw_marker(painter, QPointF(half, half), half * 0.62, colour, status, ring)
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon


def selected_halo() -> QColor:
    """The colour a marker sits on in a selected row: the selection's own text colour."""
    return QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)


@lru_cache(maxsize=256)
def _status_icon(colour_name: str, status: str, halo_name: str) -> QIcon:
    return marker_icon(QColor(colour_name), status, halo=QColor(halo_name))


def status_icon(colour_name: str, status: str) -> QIcon:
    """``marker_icon`` with a selected look, cached by colour, status and the palette's
    selection text colour (models ask for it on every paint)."""
    return _status_icon(colour_name, status, selected_halo().name())
