"""The row of filters above the tracker's table: one button per view (open, overdue,
due by the next meeting, drafts, closed, all) with its count, and the meeting and
issue the recommendations came from.  Also the words that say what the table shows.

The view buttons keep their whole words (never "Due by nex…eeting"): when the window is too
narrow for the buttons and the filters on one line, the filters go to a line of their own.
"""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from panelbook.ui.tracker.recs_model import issue_of, short_date

VIEW_BUTTONS = [
    ("open", "Open", "Still on the list: awaiting a response, not complete, reported complete or rejected"),
    ("overdue", "Overdue", "Past the deadline, or no response within the response time"),
    ("due", "Due by next meeting", "Open with a deadline on or before the committee's next meeting"),
    ("drafts", "Drafts", "Resolutions offered from the minutes: accept, edit or set aside"),
    ("closed", "Closed", "Accepted as complete, or rejected and reported to the panel"),
    ("all", "All", "Every recommendation except drafts, closed ones included"),
]
VIEW_NAMES = {key: name for key, name, _tip in VIEW_BUTTONS}
SINCE_WORDS = {"closed": "closed", "added": "added", "became_overdue": "that became overdue"}


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class TrackerFilters(QWidget):
    view_chosen = Signal(str)       # a view button was pressed
    changed = Signal()              # the meeting or the issue chosen changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = "open"
        self._build_view_buttons()
        self._build_combos()
        self._lay_out()

    def _build_view_buttons(self) -> None:
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        self.view_buttons: dict[str, QToolButton] = {}
        for key, name, tip in VIEW_BUTTONS:
            button = QToolButton()
            button.setText(name)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.setAccessibleName(f"Show {name.lower()}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)    # never elided
            self.view_group.addButton(button)
            button.clicked.connect(lambda _checked=False, k=key: self.view_chosen.emit(k))
            self.view_buttons[key] = button
        self.view_buttons["open"].setChecked(True)

    def _build_combos(self) -> None:
        self.meeting_filter = QComboBox()
        self.meeting_filter.setAccessibleName("Meeting the recommendations came from")
        self.meeting_filter.setToolTip("Only the recommendations made at one meeting")
        self.meeting_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.meeting_filter.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.issue_filter = QComboBox()
        self.issue_filter.setAccessibleName("Issue")
        self.issue_filter.setToolTip("Only the recommendations on one issue (agenda item title)")
        self.issue_filter.setMinimumContentsLength(18)
        self.issue_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.issue_filter.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.meeting_filter.view().setAccessibleName("Meetings")
        self.issue_filter.view().setAccessibleName("Issues")

    def _lay_out(self) -> None:
        self.views = QWidget()
        row = QHBoxLayout(self.views)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(QLabel("Show"))
        for key, _name, _tip in VIEW_BUTTONS:
            row.addWidget(self.view_buttons[key])
        self.combos = QWidget()
        row = QHBoxLayout(self.combos)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        meeting_label = QLabel("Meeting")
        meeting_label.setBuddy(self.meeting_filter)
        issue_label = QLabel("Issue")
        issue_label.setBuddy(self.issue_filter)
        row.addWidget(meeting_label)
        row.addWidget(self.meeting_filter)
        row.addSpacing(8)
        row.addWidget(issue_label)
        row.addWidget(self.issue_filter, 1)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(6)
        self.two_lines = False
        self._place(two_lines=False)

    def _place(self, two_lines: bool) -> None:
        """The buttons and the filters on one line, or the filters on a second line."""
        self.two_lines = two_lines
        self.grid.removeWidget(self.views)
        self.grid.removeWidget(self.combos)
        self.grid.addWidget(self.views, 0, 0, Qt.AlignmentFlag.AlignLeft)
        if two_lines:
            self.grid.addWidget(self.combos, 1, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self.grid.addWidget(self.combos, 0, 1)
        self.grid.setColumnStretch(1, 0 if two_lines else 1)

    def _fit(self) -> None:
        needed = self.views.sizeHint().width() + self.grid.horizontalSpacing() + self.combos.sizeHint().width()
        if (needed > self.width()) != self.two_lines:
            self._place(not self.two_lines)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    # -- showing ------------------------------------------------------------

    def show_view(self, view: str) -> None:
        self.view = view
        self.view_buttons[view].setChecked(True)

    def meeting(self) -> int | None:
        return self.meeting_filter.currentData()

    def issue(self) -> str | None:
        return self.issue_filter.currentData()

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_filter.setCurrentIndex(max(0, self.meeting_filter.findData(meeting_id)))

    def set_issue(self, issue: str | None) -> None:
        self.issue_filter.setCurrentIndex(max(0, self.issue_filter.findData(issue)))

    def fill(self, rows: list[dict], meetings: list[dict]) -> None:
        """The meetings and issues the loaded recommendations came from, keeping the ones chosen."""
        for combo in (self.meeting_filter, self.issue_filter):
            combo.blockSignals(True)
        chosen_meeting, chosen_issue = self.meeting(), self.issue()
        self.meeting_filter.clear()
        self.meeting_filter.addItem("All meetings", None)
        by_id = {m["id"]: m for m in meetings}
        committees = {m["committee"] for m in meetings}
        for meeting_id in sorted({r["meeting_id"] for r in rows if r["meeting_id"] in by_id},
                                 key=lambda i: by_id[i]["date"], reverse=True):
            meeting = by_id[meeting_id]
            label = short_date(meeting["date"]) + (f", {meeting['committee']}" if len(committees) > 1 else "")
            self.meeting_filter.addItem(label, meeting_id)
        self.issue_filter.clear()
        self.issue_filter.addItem("All issues", None)
        for issue in sorted({issue_of(r) for r in rows if issue_of(r)}, key=str.casefold):
            self.issue_filter.addItem(issue, issue)
        for combo, chosen in ((self.meeting_filter, chosen_meeting), (self.issue_filter, chosen_issue)):
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        self._fit()

    def update_counts(self, views: dict[str, set[int]]) -> None:
        for key, name, _tip in VIEW_BUTTONS:
            self.view_buttons[key].setText(f"{name} ({len(views.get(key, ()))})")
        self._fit()

    def describe(self, shown: int, since_key: str | None, anything: bool) -> str:
        """What the table shows, in a sentence: how many of which view (or of a "since" link),
        from which meeting and issue; ``anything``: there are recommendations at all."""
        if not anything:
            return ("No recommendations yet: they arrive with imported minutes (as drafts) and with the "
                    "monitoring tables of agenda packs.")
        if since_key:
            what = f"{plural(shown, 'recommendation')} {SINCE_WORDS[since_key]} since the last meeting"
        else:
            what = f"{plural(shown, 'recommendation')}: {VIEW_NAMES[self.view].lower()}"
        if self.meeting() is not None:
            what += f", made on {self.meeting_filter.currentText()}"
        if self.issue() is not None:
            what += f", on \u201c{self.issue_filter.currentText()}\u201d"
        if not shown:
            what += ". Nothing to show with these filters"
        return what + "."


def since_text(last: dict, since: dict[str, Any]) -> str:
    """"Since the last meeting (date): 2 closed, nothing added, none became overdue." with a link per count."""
    parts = []
    for key, words in (("closed", "closed"), ("added", "added"), ("became_overdue", "became overdue")):
        count = len(since[key])
        parts.append(f'<a href="since:{key}">{count} {words}</a>' if count else f"nothing {words}"
                     if key != "became_overdue" else "none became overdue")
    committees = since.get("committees", [])
    if len(committees) > 1:       # each recommendation counts from its own committee's last meeting
        when = "; ".join(f"{html.escape(c['committee'])} {html.escape(short_date(c['date']))}" for c in committees)
        return f"<b>Since each committee's last meeting</b> ({when}): " + ", ".join(parts) + "."
    day = committees[0]["date"] if committees else last["date"]
    return f"<b>Since the last meeting</b> ({html.escape(short_date(day))}): " + ", ".join(parts) + "."
