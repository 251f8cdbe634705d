"""A calm banner above the places for what the user should know once: a recovered
store, a data folder on a network or cloud-synced drive.

Not a dialog: the window stays usable, and the banner stays until the user
dismisses it (it is shown again only if a new notice arrives).
"""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

STYLE = (
    "QFrame#noticeBar { background: palette(alternate-base); border-bottom: 1px solid palette(mid); }"
)


class NoticeBar(QFrame):
    """One or more notices in plain words, with a Dismiss button.  Hidden, and
    empty, until the first notice: most starts have nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setAccessibleName("Notice")
        self._notices: list[str] = []
        self.picture: QLabel | None = None
        self.text: QLabel | None = None
        self.dismiss: QPushButton | None = None
        self.hide()

    def _build(self) -> None:
        from PySide6.QtCore import Qt  # made when first needed: it costs start-up time

        self.setStyleSheet(STYLE)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton("Dismiss")
        self.dismiss.setAccessibleName("Dismiss the notice")
        self.dismiss.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.picture)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)

    def add(self, text: str, *, warning: bool = False) -> None:
        """Show ``text`` (beside any notice already shown); a warning gets the warning icon."""
        if not text or text in self._notices:
            return
        if self.text is None:
            self._build()
        self._notices.append(text)
        if warning or len(self._notices) == 1:
            from PySide6.QtWidgets import QStyle  # its many enums cost start-up time; rarely needed

            pixmaps = QStyle.StandardPixmap
            kind = pixmaps.SP_MessageBoxWarning if warning else pixmaps.SP_MessageBoxInformation
            assert self.picture is not None       # made by _build with the text
            self.picture.setPixmap(self.style().standardIcon(kind).pixmap(22, 22))
        assert self.text is not None
        self.text.setText("\n\n".join(self._notices))
        self.show()

    def notices(self) -> list[str]:
        return list(self._notices)

    def clear(self) -> None:
        self._notices.clear()
        if self.text is not None:
            self.text.clear()
        self.hide()
