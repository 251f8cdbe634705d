"""Small pieces every section of the markup panel uses: a bold title, an icon
button for a list's tools, a grey hint, and a quote shortened for a tooltip."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QToolButton

from panelbook.ui.common.icons import icon

SPACING = 6     # between the panel's rows, and inside the sections laid out as its rows


def section_title(text: str) -> QLabel:
    """A section's heading: the panel's font, in bold."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def tool_button(icon_name: str, text: str, tip: str, text_shown: bool = True) -> QToolButton:
    """A flat button beside a section's title; ``text_shown`` False shows the icon alone."""
    button = QToolButton()
    button.setIcon(icon(icon_name))
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text_shown
                              else Qt.ToolButtonStyle.ToolButtonIconOnly)
    button.setAutoRaise(True)
    return button


def hint_label(text: str) -> QLabel:
    """A wrapped sentence in the palette's placeholder colour."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def shorten(text: str, limit: int = 40) -> str:
    """One line of at most ``limit`` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
