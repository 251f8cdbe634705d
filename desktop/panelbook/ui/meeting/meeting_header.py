"""The Meeting place's header: committee and date, time, venue, contact, status, sources.

The status badge shows the status as the member should read it: a meeting
still "scheduled" whose day has passed says "Past — no minutes yet", not
"Upcoming".  ``today`` decides (None: the real today), so tests can set it.
"""
from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from panelbook.ui.common.colours import COLOURS, STATUS_LABELS, shown_status
from panelbook.ui.common.markers import status_icon
from panelbook.ui.common.meetings_model import long_date
from panelbook.ui.common.widgets import heading_label

KIND_NAMES = {
    "agenda_pack": "agenda pack", "printed_minutes": "printed minutes", "meeting_page": "ModernGov meeting page",
    "issue_page": "ModernGov issue page", "webservice_meeting": "ModernGov web service", "report": "report",
}


class MeetingHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.today: date | None = None
        self._build_labels()
        self._lay_out()

    def _build_labels(self) -> None:
        """The committee's swatch, the title, the status pill, the details and the sources."""
        self.swatch = QLabel()
        self.title = heading_label("", 1.3)
        self.status = QLabel()
        self.status.setAccessibleName("Meeting status")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName("Meeting details")
        self.sources = QLabel()
        self.sources.setWordWrap(True)
        self.sources.setTextFormat(Qt.TextFormat.RichText)
        self.sources.setAccessibleName("Where this meeting's data came from")
        for label in (self.details, self.sources):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.corrected = QLabel("Corrected")
        self.corrected.setObjectName("correctedPill")
        self.corrected.setToolTip("You corrected what the documents say about this meeting; the agenda's menu "
                                  "undoes it")
        self.corrected.setAccessibleName("Meeting corrected by hand")
        self.corrected.setStyleSheet(
            "QLabel#correctedPill { border: 1px dashed palette(mid); border-radius: 8px; padding: 1px 8px; }")
        self.corrected.hide()
        self.status.setObjectName("statusPill")
        self.status.setStyleSheet(
            "QLabel#statusPill { border: 1px solid palette(mid); border-radius: 8px; padding: 1px 8px; }")

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.swatch)
        top.addWidget(self.title)
        top.addWidget(self.status)
        top.addWidget(self.corrected)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.sources)

    def show_meeting(self, meeting: dict, sources: list[dict]) -> None:
        status = shown_status(meeting["status"], meeting["date"], self.today)
        self.swatch.setPixmap(status_icon(COLOURS.colour(meeting["committee"]).name(), status).pixmap(18, 18))
        self.title.setText(f"{meeting['committee']}: {long_date(meeting['date'])}")
        self.status.setText(STATUS_LABELS.get(status, status))
        self.status.show()
        self.corrected.setVisible(bool(meeting.get("corrected")))
        lines = "\n".join(f"• {line}" for line in meeting.get("correction_lines", []))
        self.corrected.setToolTip(f"You corrected what the documents say about this meeting (the agenda's menu "
                                  f"undoes it):\n{lines}")
        bits = []
        bits.append(f"<b>Time</b> {escape(meeting['time'])}" if meeting.get("time") else "<b>Time</b> not yet known")
        bits.append(f"<b>Venue</b> {escape(meeting['venue'])}" if meeting.get("venue")
                    else "<b>Venue</b> not yet known")
        contact = meeting.get("contact") or {}
        who = ", ".join(escape(v) for v in (contact.get("name"), contact.get("role"), contact.get("phone"),
                                             contact.get("email")) if v)
        bits.append(f"<b>Contact</b> {who}" if who else "<b>Contact</b> not given")
        if meeting.get("council"):
            bits.append(escape(meeting["council"]))
        self.details.setText(" &nbsp;·&nbsp; ".join(bits))
        self.sources.setText(self._sources_text(meeting, sources))

    @staticmethod
    def _sources_text(meeting: dict, sources: list[dict]) -> str:
        if not sources:
            text = "From the committee's calendar of meetings; no documents imported for it yet."
            return f"<i>{escape(text)}</i>"
        names = []
        for source in sources:
            kind = KIND_NAMES.get(source["kind"], source["kind"].replace("_", " "))
            name = source.get("file_name") or source["title"]
            names.append(f"{escape(kind)} ({escape(name)})")
        sample = " Sample data." if meeting.get("sample") else ""
        return f"<i>From: {'; '.join(names)}.{escape(sample)}</i>"

    def clear(self) -> None:
        self.swatch.clear()
        self.title.setText("No meeting chosen")
        self.status.setText("")
        self.status.hide()
        self.corrected.hide()
        self.details.setText("Choose a meeting on the Calendar (Ctrl+1), or find one with Search (Ctrl+F).")
        self.sources.setText("")
