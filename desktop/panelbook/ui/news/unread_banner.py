"""The line on the calendar saying what is unread in What's new, per committee, with a way there."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from panelbook.ui.common.icons import icon
from panelbook.ui.common.widgets import NOTICE_STYLE
from panelbook.ui.news.unread_counts import counts_line


class UnreadBanner(QWidget):
    """Hidden while nothing is unread."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.picture = QLabel()
        self.picture.setPixmap(icon("news").pixmap(18, 18))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Unread in What's new")
        self.button = QPushButton("Show what's new")
        self.button.setAccessibleName("Show what's new")
        self.button.clicked.connect(self.open_requested.emit)
        frame = QFrame()
        frame.setObjectName("notice")
        frame.setStyleSheet(NOTICE_STYLE.replace("QLabel#notice", "QFrame#notice").replace("8px", "2px"))
        inner = QHBoxLayout(frame)
        inner.setContentsMargins(8, 4, 8, 4)
        inner.addWidget(self.picture)
        inner.addWidget(self.text, 1)
        inner.addWidget(self.button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(frame)
        self.hide()

    def set_counts(self, total: int, per_committee: list[tuple[str, int]]) -> None:
        if not total:
            self.hide()
            return
        self.text.setText(f"{total} unread in What's new: {counts_line(per_committee)}.")
        self.show()
