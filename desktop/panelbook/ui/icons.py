"""Icons drawn from the SVG files in ``resources/icons``, tinted for the palette.

The SVGs are drawn in one placeholder ink (#1f1f1f); it is replaced with the
palette's text colour so the icons stay readable on light and dark themes,
and each icon carries pixmaps at several sizes for high-DPI screens.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from ..paths import resources_dir

INK = "#1f1f1f"
SIZES = (16, 20, 24, 32, 48, 64)


def icon_path(name: str):
    return resources_dir() / "icons" / f"{name}.svg"


def _render(svg: bytes, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return QPixmap.fromImage(image)


@lru_cache(maxsize=None)
def _icon(name: str, ink: str) -> QIcon:
    path = icon_path(name)
    if not path.exists():
        return QIcon()
    svg = path.read_text(encoding="utf-8").replace(INK, ink).encode("utf-8")
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_render(svg, size))
    return icon


def icon(name: str) -> QIcon:
    """The named icon in the current palette's text colour."""
    app = QApplication.instance()
    ink = app.palette().color(QPalette.ColorRole.WindowText).name() if app else INK
    return _icon(name, ink)


def icon_size() -> QSize:
    return QSize(20, 20)
