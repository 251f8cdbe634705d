"""The calm stand-in for confidential content while the papers are locked: what it is, and Unlock."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from panelbook.ui.common.icons import icon

LOCKED_TEXT = ("This item is confidential. Its papers are locked, so its text, its pages and your notes on it "
               "are hidden.")


class LockedPanel(QWidget):
    """A padlock, one sentence and an Unlock button (Enter or Space when it has the focus)."""

    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Confidential item, locked")
        self.picture = QLabel()
        self.picture.setPixmap(icon("lock").pixmap(40, 40))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text = QLabel(LOCKED_TEXT)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setObjectName("muted")
        self.reason.hide()
        self.unlock_button = QPushButton(icon("unlock"), "Unlock confidential papers")
        self.unlock_button.setAccessibleName("Unlock confidential papers")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock_requested.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.picture)
        layout.addWidget(self.text)
        layout.addWidget(self.reason)
        layout.addSpacing(8)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def set_reason(self, sentence: str) -> None:
        """Why unlocking did not work, when it did not (the keychain's entry is missing, say)."""
        self.reason.setText(sentence)
        self.reason.setVisible(bool(sentence))
