"""A calm strip at the top of the markup panel naming what the disk refused and is kept
(``kept_edits``): each change, in words, until it is saved by itself.  Hidden while
everything is saved."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from panelbook.ui.common.kept_edits import KeptEdits
from panelbook.ui.markup.section_parts import shorten

SHOWN = 4       # changes named one by one; the rest are counted

STYLE = "QFrame#keptStrip { background: palette(alternate-base); border: 1px solid palette(mid); }"


class KeptStrip(QFrame):
    def __init__(self, kept: KeptEdits, parent: QWidget | None = None):
        super().__init__(parent)
        self.kept = kept
        self.setObjectName("keptStrip")
        self.setStyleSheet(STYLE)
        self.setAccessibleName("Not saved yet")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)     # the member's own words, shown as typed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label)
        kept.changed.connect(self.update_text)
        self.update_text()

    def update_text(self) -> None:
        edits = self.kept.pending()
        self.setVisible(bool(edits))
        if not edits:
            self.label.clear()
            return
        lines = [f"{edit.what}: “{shorten(edit.text, 60)}”" for edit in edits[:SHOWN]]
        if len(edits) > SHOWN:
            lines.append(f"and {len(edits) - SHOWN} more")
        head = "Not saved yet; kept here and saved by itself when Panelbook can write again:"
        self.label.setText("\n".join([head, *lines]))
        self.setToolTip(self.kept.reason)
