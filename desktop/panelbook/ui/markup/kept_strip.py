"""A calm strip at the top of the markup panel naming what the disk refused and is kept
(``kept_edits``): each change, in words, until it is saved by itself; once all have
landed it says so for a few seconds.  Hidden while everything is saved."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from panelbook.ui.common.kept_edits import KeptEdits
from panelbook.ui.markup.section_parts import shorten

SHOWN = 4       # changes named one by one; the rest are counted
SAVED_SHOWN_MS = 6000   # how long "Saved" stays once everything kept has landed

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
        self._listing = False       # kept changes are listed (not yet all saved)
        kept.changed.connect(self.update_text)
        self.setVisible(False)
        self.update_text()

    @property
    def saying_saved(self) -> bool:
        return not self.kept.pending() and self.label.text().startswith("Saved")

    def _hide_if_saved(self) -> None:
        if not self.kept.pending():
            self.setVisible(False)
            self.label.clear()

    def update_text(self) -> None:
        edits = self.kept.pending()
        if not edits:
            if self._listing:
                self._listing = False
                # What was kept has all landed: said for a moment, then the strip goes.
                self.label.setText("Saved: everything kept while the disk refused it is saved now.")
                self.setToolTip("")
                QTimer.singleShot(SAVED_SHOWN_MS, self, self._hide_if_saved)
            return
        self._listing = True
        self.setVisible(True)
        lines = [f"{edit.what}: “{shorten(edit.text, 60)}”" for edit in edits[:SHOWN]]
        if len(edits) > SHOWN:
            lines.append(f"and {len(edits) - SHOWN} more")
        head = "Not saved yet; kept here and saved by itself when Panelbook can write again:"
        self.label.setText("\n".join([head, *lines]))
        self.setToolTip(self.kept.reason)
