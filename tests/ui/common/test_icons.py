"""Icons are drawn in the palette's text colour of the moment: they follow a switch of palette."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from panelbook.ui.common.icons import icon


def _inked(image, colour: QColor) -> int:
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).alpha() > 200 and image.pixelColor(x, y).rgb() == colour.rgb())


def test_icons_follow_a_change_of_palette(qtbot):
    app = QApplication.instance()
    before = app.palette()
    held = icon("search")           # one icon, kept as a widget keeps it
    try:
        for ink in (QColor("#d01010"), QColor("#10a010")):
            palette = QPalette(before)
            palette.setColor(QPalette.ColorRole.WindowText, ink)
            app.setPalette(palette)
            image = held.pixmap(QSize(32, 32)).toImage()
            assert _inked(image, ink) > 20          # the same QIcon, drawn in the new ink
        disabled = icon("search").pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage()
        assert _inked(disabled, app.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)) > 20
    finally:
        app.setPalette(before)


def test_an_unknown_icon_is_empty_not_an_error():
    assert icon("no-such-icon").isNull()
