"""Icons drawn from the SVG files in ``resources/icons``, tinted for the palette.

The SVGs are drawn in one placeholder ink (#1f1f1f).  Each icon is drawn when
Qt first asks for it at a size, in the palette's text colour of that moment
(greyed for a disabled control), so icons stay readable on light and dark
themes, follow a switch between them while the program runs, stay sharp at any
screen scale, and cost nothing until they are shown.
"""
from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from panelbook.paths import resources_dir

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QPainter

INK = "#1f1f1f"


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


@cache
def _svg(name: str) -> str | None:
    path = icon_path(name)
    return path.read_text(encoding="utf-8") if path.exists() else None


@lru_cache(maxsize=512)
def _render(name: str, ink: str, width: int, height: int) -> QPixmap:
    from PySide6.QtGui import QImage, QPainter  # drawing comes after the first paint: loaded then
    from PySide6.QtSvg import QSvgRenderer

    svg = _svg(name)
    if svg is None:
        raise FileNotFoundError(icon_path(name))
    renderer = QSvgRenderer(QByteArray(svg.replace(INK, ink).encode("utf-8")))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))     # transparent (Qt's namespace is not needed at start-up)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return QPixmap.fromImage(image)


def ink(mode: QIcon.Mode = QIcon.Mode.Normal) -> str:
    """The colour icons are drawn in now: the palette's text colour (its disabled one when greyed)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return INK
    group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
    return app.palette().color(group, QPalette.ColorRole.WindowText).name()


class TintedSvgEngine(QIconEngine):
    """Draws one SVG icon on request, in the ink of the palette at that moment."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        if size.isEmpty():
            return QPixmap()
        return _render(self.name, ink(mode), size.width(), size.height())

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        pixmap = _render(self.name, ink(mode), round(size.width() * scale), round(size.height() * scale))
        copy = QPixmap(pixmap)
        copy.setDevicePixelRatio(scale)
        return copy

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, scale)
        painter.drawPixmap(QRect(QPoint(rect.x(), rect.y()), rect.size()), pixmap)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self.name)

    def key(self) -> str:
        return "panelbook-svg"

    def iconName(self) -> str:
        return self.name


@cache
def icon(name: str) -> QIcon:
    """The named icon, drawn in the palette's text colour whenever it is painted."""
    if _svg(name) is None:
        return QIcon()
    return QIcon(TintedSvgEngine(name))


def icon_size() -> QSize:
    return QSize(20, 20)
