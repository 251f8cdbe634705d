"""The small forms that correct what a reader got wrong: a meeting's committee, date,
time, venue and status; an item's number, title, pack pages and confidential flag;
the page and title of an item split off another.

Each form starts from what the window shows and hands back only what the clerk
changed (``changes()``); the checking is the service's, which answers a bad value
with one sentence.  Opened with ``open()``, so the window keeps painting.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from panelbook.ui.common.colours import STATUS_LABELS

STATUSES = ("scheduled", "held", "moved", "cancelled", "new")


def _pages(pages) -> str:
    return f"{pages[0]}-{pages[1]}" if pages else ""


class _Form(QDialog):
    """A titled form with an explanation, OK and Cancel."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        note = QLabel(explanation)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Correct")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def line(self, label: str, text: str | None, accessible: str) -> QLineEdit:
        edit = QLineEdit(text or "")
        edit.setAccessibleName(accessible)
        self.form.addRow(label, edit)
        return edit


class MeetingCorrection(_Form):
    """Correct a meeting; ``changes()`` gives the service's keywords for what changed."""

    def __init__(self, meeting: dict, parent: QWidget | None = None):
        super().__init__("Correct the meeting",
                         "Your correction is kept over every later import of this meeting's documents; "
                         "Undo on the agenda's menu gives back what they say.", parent)
        self.meeting = meeting
        self.committee = self.line("&Committee", meeting["committee"], "Committee")
        self.date = self.line("&Date", meeting["date"], "Date, as 2024-12-31")
        self.time = self.line("Start &time", meeting.get("time"), "Start time, as 18:00")
        self.venue = self.line("&Venue", meeting.get("venue"), "Venue")
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for value in STATUSES:
            self.status.addItem(STATUS_LABELS.get(value, value.title()), value)
        self.status.setCurrentIndex(max(0, self.status.findData(meeting["status"])))
        self.form.addRow("&Status", self.status)

    def changes(self) -> dict[str, str]:
        now = {"committee": self.committee.text().strip(), "date": self.date.text().strip(),
               "time": self.time.text().strip(), "venue": self.venue.text().strip(),
               "status": str(self.status.currentData())}
        return {name: value for name, value in now.items() if value != (self.meeting.get(name) or "")}


class ItemCorrection(_Form):
    """Correct an agenda item; ``changes()`` gives the service's keywords for what changed."""

    def __init__(self, item: dict, parent: QWidget | None = None):
        super().__init__("Correct the agenda item",
                         "Your correction is kept over every later import, a revised pack included; "
                         "Undo on the agenda's menu gives back what the documents say.", parent)
        self.item = item
        self.number = self.line("&Number", item.get("agenda_number"), "Agenda number")
        self.title = self.line("&Title", item["title"], "Title")
        self.pages = self.line("Pack &pages", _pages(item.get("pages")), "Pack pages, as 12-30")
        self.confidential = QCheckBox("Confidential (&exempt from publication)")
        self.confidential.setChecked(bool(item.get("confidential")))
        self.form.addRow("", self.confidential)

    def changes(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.number.text().strip() != (self.item.get("agenda_number") or ""):
            out["number"] = self.number.text().strip()
        if self.title.text().strip() != self.item["title"]:
            out["title"] = self.title.text()
        if self.pages.text().strip() != _pages(self.item.get("pages")):
            out["pages"] = self.pages.text().strip()
        if self.confidential.isChecked() != bool(self.item.get("confidential")):
            out["confidential"] = self.confidential.isChecked()
        return out


class SplitItem(_Form):
    """The page a new item starts on, and its title and number."""

    def __init__(self, item: dict, parent: QWidget | None = None):
        super().__init__("Split the agenda item",
                         f"The pages of “{item['title']}” from the page you give on become a new item.", parent)
        first, last = item["pages"]
        self.at_page = QSpinBox()
        self.at_page.setRange(first + 1, last)
        self.at_page.setValue(first + 1 + (last - first) // 2)
        self.at_page.setAccessibleName("The page the new item starts on")
        self.form.addRow("Starts at &page", self.at_page)
        self.title = self.line("&Title", "", "The new item's title")
        self.number = self.line("&Number", "", "The new item's agenda number")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Split")

    def changes(self) -> dict[str, object]:
        return {"at_page": self.at_page.value(), "title": self.title.text(),
                "number": self.number.text().strip() or None}
