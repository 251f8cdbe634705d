"""The month view: each day's meetings as markers in their committee's colour, today ringed.

A marker's shape is the meeting's status as shown (``colours.shown_status``):
a scheduled meeting whose day is before ``today`` is marked as past.
``today`` is None for the real today; tests set it.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from panelbook.ui.common.colours import COLOURS, shown_status
from panelbook.ui.common.markers import draw_marker


class MeetingCalendar(QCalendarWidget):
    """A month view that paints each day's meetings and rings today."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._by_date: dict[QDate, list[dict]] = {}
        self.today: date | None = None
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setAccessibleName("Meeting calendar")
        self.setMinimumSize(320, 300)      # seven days of 45 px: the meetings list beside it needs the room

    def set_meetings(self, rows: list[dict]) -> None:
        self.setDateTextFormat(QDate(), QTextCharFormat())   # clears every format
        self._by_date = {}
        for row in rows:
            day = QDate.fromString(row["date"], "yyyy-MM-dd")
            self._by_date.setdefault(day, []).append(row)
        for day, meetings in self._by_date.items():
            fmt = QTextCharFormat()
            fmt.setFontWeight(700)
            if all(m["status"] == "cancelled" for m in meetings):
                fmt.setFontStrikeOut(True)
            self.setDateTextFormat(day, fmt)
        self.updateCells()

    def today_date(self) -> QDate:
        return QDate(self.today.year, self.today.month, self.today.day) if self.today else QDate.currentDate()

    def meetings_on(self, day: QDate) -> list[dict]:
        return self._by_date.get(day, [])

    def _paint_selected(self, painter: QPainter, rect: QRect, day: QDate) -> None:
        """The chosen day: a light wash of the highlight colour, so the markers keep their colours."""
        palette = self.palette()
        wash = QColor(palette.color(QPalette.ColorRole.Highlight))
        wash.setAlpha(70)
        painter.save()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        painter.fillRect(rect, wash)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
        font = painter.font()
        font.setBold(True)
        fmt = self.dateTextFormat(day)
        font.setStrikeOut(fmt.fontStrikeOut())
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(day.day()))
        painter.restore()

    def paintCell(self, painter: QPainter, rect: QRect, day: QDate) -> None:
        if day == self.selectedDate():
            self._paint_selected(painter, rect, day)
        else:
            super().paintCell(painter, rect, day)
        if day == self.today_date():
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 4, 4)
            painter.restore()
        meetings = self._by_date.get(day)
        if not meetings:
            return
        shown = meetings[:3]
        radius = max(3.0, min(rect.height(), rect.width()) / 9)
        gap = radius * 2.6
        x = rect.center().x() - gap * (len(shown) - 1) / 2
        y = rect.bottom() - radius - 3
        for meeting in shown:
            status = shown_status(meeting["status"], meeting["date"], self.today)
            draw_marker(painter, QPointF(x, y), radius, COLOURS.colour(meeting["committee"]), status)
            x += gap
