"""The banner above the tracker's table that says where a just-saved recommendation
went when it left the rows shown, or that a draft was set aside (with Undo)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from panelbook.ui.common.widgets import notice_label


class TrackerNotice(QWidget):
    undo_requested = Signal()       # put the draft set aside back

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.notice = notice_label()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo setting the draft aside")
        self.undo_button.clicked.connect(self.undo_requested.emit)
        row = QHBoxLayout()
        row.addWidget(self.notice, 1)
        row.addWidget(self.undo_button)
        self.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.hide()

    def tell_moved(self, rec_id: int, status_label: str, view_name: str) -> None:
        self.notice.setText(f"Recommendation {rec_id} is now \u201c{status_label}\u201d and is listed "
                            f"under {view_name}.")
        self.undo_button.hide()
        self.show()

    def tell_set_aside(self, text: str) -> None:
        short = text if len(text) < 90 else text[:87].rstrip() + "…"
        self.notice.setText(f"Set aside as not a recommendation: \u201c{short}\u201d")
        self.undo_button.show()
        self.show()
