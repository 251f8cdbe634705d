"""The Calendar place: a month with meeting days marked, and the meetings ahead.

Each meeting day carries a marker in its committee's colour whose shape says
the status (held, upcoming, past without minutes, moved, cancelled); today has
a ring.  Double-click or Enter on a day, or on a meeting in the list, opens
the Meeting place.

The list beside the month holds every meeting ahead.  With nothing ahead it
holds the latest meetings instead, chosen so that every committee shown keeps
its own latest ones (``recent_meetings``): a busy committee cannot push the
member's own panel out of the list.  The list is as tall as its rows, with a
line under it saying what it holds.  ``today`` decides what is ahead and what
has passed (None: the real today; tests call ``set_today``).

At start the place is given the first view (``store.calendar_view``: the
meetings around today and each committee's latest, with the number of
meetings in all), then every meeting; the month on screen stays where the
member put it in between.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from panelbook.ui.calendar.meeting_calendar import MeetingCalendar
from panelbook.ui.calendar.meetings_table import (
    COMMITTEE,
    VENUE,
    VENUE_MIN,
    MeetingsTable,
    discard_layout,
    discard_widget,
)
from panelbook.ui.common import settings
from panelbook.ui.common.colours import COLOURS, STATUS_HELP, STATUS_WORDS, shown_status
from panelbook.ui.common.icons import icon
from panelbook.ui.common.markers import status_icon
from panelbook.ui.common.meetings_model import MeetingsModel, long_date
from panelbook.ui.common.widgets import heading_label, notice_label

RECENT_WHEN_NOTHING_AHEAD = 12
RECENT_PER_COMMITTEE = 3


def _newest_first(row: dict) -> tuple[str, str]:
    return row["date"], row["time"] or ""


def recent_meetings(rows: list[dict], limit: int = RECENT_WHEN_NOTHING_AHEAD,
                    each: int = RECENT_PER_COMMITTEE) -> list[dict]:
    """The latest meetings, newest first, with every committee's own latest ones in.

    The list is filled a round at a time, each committee giving its next latest meeting
    in turn (the committee that met last goes first), until it holds ``limit`` meetings,
    or ``each`` meetings of every committee when there are so many committees that
    ``limit`` is too few.  A committee with fewer meetings gives what it has."""
    queues: dict[str, list[dict]] = {}
    for row in sorted(rows, key=_newest_first, reverse=True):
        queues.setdefault(row["committee"], []).append(row)
    room = max(limit, each * len(queues))
    chosen: list[dict] = []
    depth = 0
    while len(chosen) < room and any(depth < len(queue) for queue in queues.values()):
        for queue in queues.values():
            if depth < len(queue) and len(chosen) < room:
                chosen.append(queue[depth])
        depth += 1
    return sorted(chosen, key=_newest_first, reverse=True)


class CalendarPlace(QWidget):
    """Calendar, legend and committee filter on the left; the meetings list on the right."""

    meeting_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._total: int | None = None      # meetings in all, when ``_rows`` is a first view
        self._legend_names: list[str] | None = None
        self._hidden: set[str] = set()
        self.today: date | None = None

        self.heading = heading_label("Calendar")
        self.notice = notice_label()
        self.notice.hide()
        left = self._build_month()
        right = self._build_list()
        self._build_splitter(left, right)
        self._lay_out()

    def _build_month(self) -> QWidget:
        """The month with its meetings marked, Today, the chosen day's line, and the legend
        (one box a committee, to hide it)."""
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
        self.legend.setAccessibleName("Calendar legend")
        self.legend_layout = QVBoxLayout(self.legend)
        self.legend_layout.setContentsMargins(0, 0, 0, 0)
        self.committee_boxes: dict[str, QCheckBox] = {}

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        top = QHBoxLayout()
        self.today_text = QLabel()
        self._show_today_text()
        top.addWidget(self.today_text, 1)
        top.addWidget(self.today_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.calendar, 3)
        left_layout.addWidget(self.day_label)
        left_layout.addWidget(self.legend)
        left_layout.addStretch(0)
        return left

    def _build_list(self) -> QWidget:
        """The meetings list, one line a meeting, with Open and a line saying what it holds."""
        self.list_heading = heading_label("Upcoming meetings", 1.15)
        self.list_note = QLabel()
        self.list_note.setWordWrap(True)
        self.list_note.hide()
        self.model = MeetingsModel(self)
        self.table = MeetingsTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Meetings list")
        self.table.setTabKeyNavigation(False)      # Tab goes on to the next control; arrows move in the list
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # One line a meeting: the committee's name in full, the venue (often long, often
        # unknown) takes what is left and is elided, its full text in the tooltip.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VENUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COMMITTEE, QHeaderView.ResizeMode.Interactive)   # see fit_columns
        header.setMinimumSectionSize(48)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
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
        self.list_foot = QLabel()
        self.list_foot.setWordWrap(True)
        self.list_foot.setObjectName("caption")
        self.list_foot.setAccessibleName("What the meetings list holds")
        right_layout.addWidget(self.list_heading)
        right_layout.addWidget(self.list_note)
        right_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.list_foot, 1, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        right_layout.addLayout(buttons)
        right_layout.addStretch(1)
        return right

    def _build_splitter(self, left: QWidget, right: QWidget) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("calendarSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        # Until the member moves the divider (or had moved it last time), the list gets the room
        # its columns need and the month what is left, up to two fifths (``_fit_split``).
        self._auto_split = settings.load_bytes(f"splitters/{self.splitter.objectName()}") is None
        self.splitter.splitterMoved.connect(self._divider_moved)
        self.splitter.setChildrenCollapsible(False)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)

        self.setTabOrder(self.today_button, self.calendar)
        self.setTabOrder(self.calendar, self.table)
        self.setTabOrder(self.table, self.open_button)

    def add_banner(self, banner: QWidget) -> None:
        """A line under the heading from another part of the window (What's new's unread counts)."""
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, banner)

    # -- layout -------------------------------------------------------------

    def _divider_moved(self, _pos: int, _index: int) -> None:
        self._auto_split = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_split()

    def _fit_split(self) -> None:
        """Share the width: the list's columns in full (the venue at least VENUE_MIN wide), the
        month the rest but no more than two fifths and never less than it needs."""
        if not self._auto_split:
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        header = self.table.horizontalHeader()
        wanted = {COMMITTEE: self.table.sizeHintForColumn(COMMITTEE)}    # in full, before fit_columns trims it
        columns = sum(wanted.get(c, header.sectionSize(c)) for c in range(self.model.columnCount())
                      if c != VENUE and not header.isSectionHidden(c))
        needed = (columns + VENUE_MIN + self.table.verticalScrollBar().sizeHint().width()
                  + 2 * self.table.frameWidth() + 12)
        first = self.splitter.widget(0)
        left_min = first.minimumSizeHint().width() if first is not None else 0
        left = max(left_min, min(total * 2 // 5, total - needed))
        self.splitter.setSizes([left, total - left])

    # -- data ---------------------------------------------------------------

    def set_today(self, day: date | None) -> None:
        """Decide what is ahead and what has passed as on ``day`` (None: the real today)."""
        self.today = day
        self.model.today = day
        self.calendar.today = day
        self._show_today_text()
        self._apply()

    def _today(self) -> date:
        return self.today or date.today()

    def _show_today_text(self) -> None:
        today = self._today()
        self.today_text.setText(f"Today is {today:%A} {today.day} {today:%B %Y}")

    def set_meetings(self, rows: list[dict], total: int | None = None, keep_month: bool = False) -> None:
        """Show ``rows``: every meeting, or a first view of them out of ``total`` in all.
        ``keep_month`` leaves the month on screen (and the chosen day) as they are."""
        self._rows = list(rows)
        self._total = total if total is not None and total != len(rows) else None
        COLOURS.assign({r["committee"] for r in rows})
        if COLOURS.names() != self._legend_names:      # the legend is built again only when it changes
            self._build_legend()
        self._apply(keep_month)
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

    def _apply(self, keep_month: bool = False) -> None:
        rows = self._visible_rows()
        self.calendar.set_meetings(rows)
        today = self._today().isoformat()
        ahead = [r for r in rows if r["date"] >= today]
        several = len({r["committee"] for r in rows}) > 1
        if ahead:
            self.list_heading.setText("Upcoming meetings")
            self.model.set_meetings(ahead)
            quiet = self._nothing_ahead(rows, ahead)
            self.list_note.setText(quiet)
            self.list_note.setVisible(bool(quiet))
            self.list_foot.setText(
                f"Every meeting ahead{' of the committees shown' if several else ''}, soonest first."
                if len(ahead) > 1 else "")
        elif rows:
            recent = recent_meetings(rows)
            self.list_heading.setText("Recent meetings")
            self.list_note.setText(
                f"No meetings ahead in your data: the latest is on {long_date(recent[0]['date'])}. "
                "Import the next agenda pack or the committee's meeting dates to see what comes next."
            )
            self.list_note.show()
            self.model.set_meetings(recent)
            count = len(rows) if self._total is None or self._hidden else self._total
            if len(recent) == count:
                self.list_foot.setText(f"All {count} meetings, newest first." if count > 1 else "")
            else:
                whose = "each committee's latest meetings" if several else "the latest meetings"
                self.list_foot.setText(
                    f"{len(recent)} of {count} meetings: {whose}, newest first. "
                    "Choose a day on the calendar for earlier ones.")
        else:
            self.list_heading.setText("Upcoming meetings")
            self.list_note.setText(
                "No meetings yet. Import an agenda pack, printed minutes or a ModernGov page with "
                "File › Import (Ctrl+O), or drop the files on this window."
            )
            self.list_note.show()
            self.model.set_meetings([])
            self.list_foot.setText("")
        self.list_foot.setVisible(bool(self.list_foot.text()))
        # With one committee its name in every row says nothing: the heading and legend carry it.
        self.table.setColumnHidden(COMMITTEE, len({r["committee"] for r in self._rows}) <= 1)
        self.table.resizeColumnsToContents()
        self.table.updateGeometry()
        self._fit_split()
        self.table.fit_columns()
        self.open_button.setEnabled(self.model.rowCount() > 0)
        # No meetings at all: the sentence above says what to do; an empty table says nothing.
        self.table.setVisible(bool(rows))
        self.open_button.setVisible(bool(rows))
        if keep_month:
            self._day_selected()
            return
        if self.model.rowCount():
            self.table.selectRow(0)
        self._show_month(ahead[0]["date"] if ahead else (max(r["date"] for r in rows) if rows else None))

    @staticmethod
    def _nothing_ahead(rows: list[dict], ahead: list[dict]) -> str:
        """A line naming the committees shown that have nothing ahead, and when they last met."""
        waiting = {r["committee"] for r in ahead}
        last: dict[str, str] = {}
        for row in rows:
            if row["committee"] not in waiting:
                last[row["committee"]] = max(last.get(row["committee"], ""), row["date"])
        if not last:
            return ""
        parts = [f"{name} (last met {long_date(day)})" for name, day in sorted(last.items())]
        return ("Nothing ahead in your data for " + "; ".join(parts) +
                ". Import its next agenda pack or meeting dates to see what comes next.")

    def _show_month(self, iso: str | None) -> None:
        day = QDate.fromString(iso, "yyyy-MM-dd") if iso else self.calendar.today_date()
        self.calendar.setSelectedDate(day)
        self.calendar.setCurrentPage(day.year(), day.month())
        self._day_selected()

    def _build_legend(self) -> None:
        while self.legend_layout.count():
            item = self.legend_layout.takeAt(0)
            if item is None:
                break
            widget, inner = item.widget(), item.layout()
            if widget:
                discard_widget(widget)
            elif inner:
                discard_layout(inner)
        statuses = QGridLayout()
        statuses.setHorizontalSpacing(14)
        statuses.setVerticalSpacing(2)
        for position, (status, text) in enumerate(STATUS_HELP.items()):
            swatch = QLabel()
            swatch.setPixmap(status_icon("#808080", status).pixmap(14, 14))
            label = QLabel(text.split(":")[0])
            label.setToolTip(text)
            label.setAccessibleName(f"Legend: {text}")
            pair = QHBoxLayout()
            pair.setSpacing(4)
            pair.addWidget(swatch)
            pair.addWidget(label)
            pair.addStretch(1)
            statuses.addLayout(pair, position // 3, position % 3)
        statuses.setColumnStretch(3, 1)
        self.legend_layout.addLayout(statuses)
        self.committee_boxes = {}
        names = COLOURS.names()
        self._legend_names = names
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
        today = self.calendar.today_date()
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
            status = shown_status(m["status"], m["date"], self.today)
            bits = [m["committee"], m["time"], m["venue"], STATUS_WORDS.get(status, status)]
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

