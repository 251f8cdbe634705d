"""Small shared widgets: headings, the notice banner, an empty-state panel."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from panelbook.ui.common.icons import icon

NOTICE_STYLE = (
    "QLabel#notice { background: palette(alternate-base); border: 1px solid palette(mid);"
    " border-radius: 4px; padding: 8px; }"
)


def heading_label(text: str, scale: float = 1.4) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def notice_label() -> QLabel:
    """A calm, palette-coloured banner (sample data, hints)."""
    label = QLabel()
    label.setObjectName("notice")
    label.setWordWrap(True)
    label.setStyleSheet(NOTICE_STYLE)
    return label


class EmptyState(QWidget):
    """A centred icon, title and explanation for a place with nothing to show yet."""

    COLUMN_WIDTH = 600

    def __init__(self, icon_name: str, title: str, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._build_labels(icon_name, title, text)
        self._lay_out()

    def _build_labels(self, icon_name: str, title: str, text: str) -> None:
        self.picture = QLabel()
        self.picture.setPixmap(icon(icon_name).pixmap(48, 48))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = heading_label(title, 1.25)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _lay_out(self) -> None:
        """A column of bounded width, centred: word-wrapped labels get their full height."""
        column = QWidget()
        column.setMaximumWidth(self.COLUMN_WIDTH)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.picture)
        column_layout.addWidget(self.title)
        column_layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def set_text(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
