"""The welcome on the calendar while nothing is followed: Follow your council, beside
Try the sample panel (offered only while the store holds no meetings of its own)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from panelbook.ui.common.icons import icon
from panelbook.ui.common.widgets import NOTICE_STYLE

WELCOME = "Follow your council's committees: their meetings, packs and minutes then arrive by themselves."
WELCOME_MORE = ("Panelbook fetches your committees' meetings, agenda packs, supplements and minutes from the "
                "council's ModernGov site whenever there is a network, and keeps working without one.")


class Welcome(QWidget):
    follow_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = QLabel(WELCOME)
        self.text.setWordWrap(True)
        self.text.setToolTip(WELCOME_MORE)
        self.follow_button = QPushButton(icon("add"), "Follow your council…")
        self.follow_button.setAccessibleName("Follow your council")
        self.follow_button.clicked.connect(self.follow_requested.emit)
        self.sample_button = QPushButton("Try the sample panel")
        self.sample_button.setAccessibleName("Try the sample panel")
        self.sample_button.setToolTip("Southampton City Council's Children and Families Scrutiny Panel, "
                                      "from its published documents")
        self.sample_button.clicked.connect(self.sample_requested.emit)
        frame = QFrame()
        frame.setObjectName("notice")
        frame.setStyleSheet(NOTICE_STYLE.replace("QLabel#notice", "QFrame#notice").replace("8px", "2px"))
        inner = QHBoxLayout(frame)      # one line: the calendar below keeps its room on a small screen
        inner.setContentsMargins(8, 4, 8, 4)
        inner.addWidget(self.text, 1)
        inner.addWidget(self.follow_button)
        inner.addWidget(self.sample_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(frame)
        self.hide()

    def show_for(self, following: bool, has_meetings: bool, own_meetings: bool) -> None:
        """Shown while nothing is followed and the member has no panel of their own in the store;
        the sample offered only while there are no meetings at all."""
        self.sample_button.setVisible(not has_meetings)
        self.setVisible(not following and not own_meetings)
