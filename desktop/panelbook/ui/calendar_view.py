"""The Calendar place: a month with meeting days marked, and the meetings ahead.

Each meeting day carries a marker in its committee's colour whose shape says
the status (held, upcoming, moved, cancelled); today has a ring.  Double-click
or Enter on a day, or on a meeting in the list, opens the Meeting place.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
    QTableView, QVBoxLayout, QWidget,
)

from .colours import COLOURS, STATUS_HELP
from .icons import icon
from .markers import status_icon
from .meetings_model import MeetingsModel, long_date
from .month_calendar import MeetingCalendar
from .widgets import heading_label, notice_label

RECENT_WHEN_NOTHING_AHEAD = 12


class MeetingsTable(QTableView):
    """The list beside the calendar; Enter opens the current meeting."""

    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CalendarPlace(QWidget):
    """Calendar, legend and committee filter on the left; the meetings list on the right."""

    meeting_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._hidden: set[str] = set()

        self.heading = heading_label("Calendar")
        self.notice = notice_label()
        self.notice.hide()

        self.calendar = MeetingCalendar()
        self.calendar.activated.connect(self._day_activated)
        self.calendar.selectionChanged.connect(self._day_selected)
        self.today_button = QPushButton(icon("today"), "Today")
        self.today_button.setAccessibleName("Show today's month")
        self.today_button.setToolTip("Show today's month (Ctrl+T)")
        self.today_button.setShortcut("Ctrl+T")
        self.today_button.clicked.connect(self.show_today)
        self.day_label = QLabel()
        self.day_label.setWordWrap(True)
        self.day_label.setAccessibleName("Selected day")

        self.legend = QWidget()
        self.legend_layout = QVBoxLayout(self.legend)
        self.legend_layout.setContentsMargins(0, 0, 0, 0)
        self.committee_boxes: dict[str, QCheckBox] = {}

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        top = QHBoxLayout()
        today = date.today()
        self.today_text = QLabel(f"Today is {today:%A} {today.day} {today:%B %Y}")
        top.addWidget(self.today_text, 1)
        top.addWidget(self.today_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.calendar, 3)
        left_layout.addWidget(self.day_label)
        left_layout.addWidget(self.legend)
        left_layout.addStretch(0)

        self.list_heading = heading_label("Upcoming meetings", 1.15)
        self.list_note = QLabel()
        self.list_note.setWordWrap(True)
        self.list_note.hide()
        self.model = MeetingsModel(self)
        self.table = MeetingsTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Meetings list")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._row_activated)
        self.table.open_requested.connect(self._row_activated)
        self.table.selectionModel().currentRowChanged.connect(self._row_selected)
        self.open_button = QPushButton(icon("meeting"), "Open meeting")
        self.open_button.setAccessibleName("Open the selected meeting")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self._row_activated(self.table.currentIndex()))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.list_heading)
        right_layout.addWidget(self.list_note)
        right_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        right_layout.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("calendarSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)

        self.setTabOrder(self.today_button, self.calendar)
        self.setTabOrder(self.calendar, self.table)
        self.setTabOrder(self.table, self.open_button)

    # -- data ---------------------------------------------------------------

    def set_meetings(self, rows: list[dict]) -> None:
        self._rows = list(rows)
        COLOURS.assign(r["committee"] for r in rows)
        self._build_legend()
        self._apply()
        if any(r["sample"] for r in rows):
            self.notice.setText(
                "This is sample data: Southampton City Council's Children and Families Scrutiny Panel, "
                "loaded from the council's published documents so you can try Panelbook. "
                "Import your own panel's documents with File › Import, or drop them on this window."
            )
            self.notice.show()
        else:
            self.notice.hide()

    def _visible_rows(self) -> list[dict]:
        return [r for r in self._rows if r["committee"] not in self._hidden]

    def _apply(self) -> None:
        rows = self._visible_rows()
        self.calendar.set_meetings(rows)
        today = date.today().isoformat()
        ahead = [r for r in rows if r["date"] >= today]
        if ahead:
            self.list_heading.setText("Upcoming meetings")
            self.list_note.hide()
            self.model.set_meetings(ahead)
        elif rows:
            recent = sorted(rows, key=lambda r: (r["date"], r["time"] or ""), reverse=True)
            self.list_heading.setText("Recent meetings")
            self.list_note.setText(
                f"No meetings ahead in your data: the latest is on {long_date(recent[0]['date'])}. "
                "Import the next agenda pack or the committee's meeting dates to see what comes next."
            )
            self.list_note.show()
            self.model.set_meetings(recent[:RECENT_WHEN_NOTHING_AHEAD])
        else:
            self.list_heading.setText("Upcoming meetings")
            self.list_note.setText(
                "No meetings yet. Import an agenda pack, printed minutes or a ModernGov page with "
                "File › Import (Ctrl+O), or drop the files on this window."
            )
            self.list_note.show()
            self.model.set_meetings([])
        # With one committee its name in every row says nothing: the heading and legend carry it.
        self.table.setColumnHidden(2, len({r["committee"] for r in self._rows}) <= 1)
        self.table.resizeRowsToContents()
        self.open_button.setEnabled(self.model.rowCount() > 0)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._show_month(ahead[0]["date"] if ahead else (max(r["date"] for r in rows) if rows else None))

    def _show_month(self, iso: str | None) -> None:
        day = QDate.fromString(iso, "yyyy-MM-dd") if iso else QDate.currentDate()
        self.calendar.setSelectedDate(day)
        self.calendar.setCurrentPage(day.year(), day.month())
        self._day_selected()

    def _build_legend(self) -> None:
        while self.legend_layout.count():
            item = self.legend_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
            elif item.layout():
                inner = item.layout()
                while inner.count():
                    child = inner.takeAt(0)
                    if child.widget():
                        child.widget().deleteLater()
        statuses = QHBoxLayout()
        statuses.setSpacing(14)
        for status, text in STATUS_HELP.items():
            swatch = QLabel()
            swatch.setPixmap(status_icon("#808080", status).pixmap(14, 14))
            label = QLabel(text.split(":")[0])
            label.setToolTip(text)
            pair = QHBoxLayout()
            pair.setSpacing(4)
            pair.addWidget(swatch)
            pair.addWidget(label)
            statuses.addLayout(pair)
        statuses.addStretch(1)
        self.legend_layout.addLayout(statuses)
        self.committee_boxes = {}
        names = COLOURS.names()
        if names:
            caption = QLabel("Committees you follow" if len(names) > 1 else "Committee")
            caption.setObjectName("caption")
            self.legend_layout.addWidget(caption)
        if len(names) == 1:
            only = QLabel(names[0])
            swatch = QLabel()
            swatch.setPixmap(status_icon(COLOURS.colour(names[0]).name(), "held").pixmap(14, 14))
            pair = QHBoxLayout()
            pair.setSpacing(4)
            pair.addWidget(swatch)
            pair.addWidget(only, 1)
            self.legend_layout.addLayout(pair)
            return
        for name in names:
            box = QCheckBox(name)
            box.setIcon(status_icon(COLOURS.colour(name).name(), "held"))
            box.setChecked(name not in self._hidden)
            box.setAccessibleName(f"Show {name}")
            box.toggled.connect(lambda on, n=name: self._toggle_committee(n, on))
            self.committee_boxes[name] = box
            self.legend_layout.addWidget(box)

    def _toggle_committee(self, name: str, shown: bool) -> None:
        (self._hidden.discard if shown else self._hidden.add)(name)
        self._apply()

    def hidden_committees(self) -> list[str]:
        return sorted(self._hidden)

    def set_hidden_committees(self, names) -> None:
        if isinstance(names, str):      # QSettings gives a one-item list back as a string
            names = [names]
        self._hidden = set(names or [])

    # -- interaction --------------------------------------------------------

    def show_today(self) -> None:
        today = QDate.currentDate()
        self.calendar.setSelectedDate(today)
        self.calendar.setCurrentPage(today.year(), today.month())

    def go_to_date(self, iso: str) -> None:
        """Show the month of ``iso`` with that day selected."""
        self._show_month(iso)

    def _day_selected(self) -> None:
        day = self.calendar.selectedDate()
        meetings = self.calendar.meetings_on(day)
        text = f"{day.toString('dddd d MMMM yyyy')}: "
        if not meetings:
            self.day_label.setText(text + "no meeting.")
            return
        parts = []
        for m in meetings:
            bits = [m["committee"], m["time"], m["venue"], _status_word(m["status"])]
            parts.append(", ".join(b for b in bits if b))
        self.day_label.setText(text + "; ".join(parts) + ". Press Enter or double-click to open.")
        row = self.model.row_of(meetings[0]["id"])
        if row is not None:
            self.table.selectRow(row)

    def _day_activated(self, day: QDate) -> None:
        meetings = self.calendar.meetings_on(day)
        if meetings:
            self.meeting_activated.emit(meetings[0]["id"])

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.open_button.setEnabled(current.isValid())

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.meeting_activated.emit(self.model.meeting_id(index.row()))


def _status_word(status: str) -> str:
    return {"scheduled": "upcoming", "new": "new", "held": "held", "moved": "moved",
            "cancelled": "cancelled"}.get(status, status)
