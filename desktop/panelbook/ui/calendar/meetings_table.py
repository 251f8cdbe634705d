"""The meetings list beside the calendar (``MeetingsTable``), and the helpers that clear
the calendar's legend before it is built again."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLayout, QTableView, QWidget

VENUE = 3
VENUE_MIN = 140
COMMITTEE = 2
COMMITTEE_MIN = 120


def discard_widget(widget: QWidget) -> None:
    """Hide a widget of the old legend at once and delete it later: left on screen until the
    deletion, it was drawn under the new legend's words, which then looked bold."""
    widget.hide()
    widget.deleteLater()


def discard_layout(layout: QLayout) -> None:
    while layout.count():
        child = layout.takeAt(0)
        if child is None:
            break
        widget, inner = child.widget(), child.layout()
        if widget is not None:
            discard_widget(widget)
        elif inner is not None:
            discard_layout(inner)


class MeetingsTable(QTableView):
    """The list beside the calendar; Enter opens the current meeting.

    It asks for the height of its rows and no more, so a short list leaves no empty box.
    Its columns fill its width: the committee's name sized to its contents but never taking
    the venue's room (``fit_columns``), the venue stretching over what is left."""

    open_requested = Signal(QModelIndex)

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        if self.model() is None or header.isSectionHidden(COMMITTEE):
            return
        others = sum(header.sectionSize(c) for c in range(self.model().columnCount())
                     if c not in (COMMITTEE, VENUE) and not header.isSectionHidden(c))
        room = self.viewport().width() - others - VENUE_MIN
        wanted = max(self.sizeHintForColumn(COMMITTEE), header.sectionSizeHint(COMMITTEE))
        header.resizeSection(COMMITTEE, max(COMMITTEE_MIN, min(wanted, room)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def sizeHint(self) -> QSize:
        base = super().sizeHint()
        rows = self.model().rowCount() if self.model() else 0
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += (sum(self.rowHeight(row) for row in range(rows)) if rows
                   else self.verticalHeader().defaultSectionSize())
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        return QSize(base.width(), height + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
