"""Drawing the small status markers used by the calendar and its legend."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


def draw_marker(painter: QPainter, centre: QPointF, radius: float, colour: QColor, status: str,
                halo: QColor | None = None) -> None:
    """Held: filled; upcoming/new: ring; moved: half-filled; cancelled: crossed ring.

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
    if status == "held":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(rect)
    elif status == "moved":
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPie(rect, 90 * 16, 180 * 16)
    elif status == "cancelled":
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)
        d = radius * 0.7
        painter.drawLine(QPointF(centre.x() - d, centre.y() - d), QPointF(centre.x() + d, centre.y() + d))
        painter.drawLine(QPointF(centre.x() - d, centre.y() + d), QPointF(centre.x() + d, centre.y() - d))
    else:
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)
    painter.restore()


def marker_icon(colour: QColor, status: str, size: int = 16) -> QIcon:
    """A marker as an icon (the legend and list swatches), drawn at 2x for high-DPI screens."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        half = size * scale / 2
        draw_marker(painter, QPointF(half, half), half * 0.62, colour, status)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@lru_cache(maxsize=256)
def status_icon(colour_name: str, status: str) -> QIcon:
    """``marker_icon`` cached by colour name and status (models ask for it on every paint)."""
    return marker_icon(QColor(colour_name), status)
