"""A one-line label that, when the line is too long for it, ends at the last whole word
that fits, with "…" ("Item 9: Annual Conversation with Ofsted and…"), never mid-word;
the whole text stays in ``text()``, the tooltip and the accessible description."""
from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ELLIPSIS = "…"


def fitted(text: str, fits) -> str:
    """``text``, or as many of its words as fit (``fits(candidate)``) followed by "…"."""
    if fits(text):
        return text
    words = text.split(" ")
    for count in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[:count]).rstrip(" ,:;–-") + ELLIPSIS
        if fits(candidate):
            return candidate
    return ELLIPSIS if fits(ELLIPSIS) else ""


class WordElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text or ""
        self.setToolTip(self._full)
        self.setAccessibleDescription(self._full)
        self._refit()

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        """What the label draws now (the whole text, or its words that fit and "…")."""
        return super().text()

    def _refit(self) -> None:
        metrics = self.fontMetrics()
        room = self.contentsRect().width()
        super().setText(fitted(self._full, lambda s: metrics.horizontalAdvance(s) <= room) if room > 0
                        else self._full)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()
