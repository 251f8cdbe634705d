"""Tools › Add a recommendation: one the panel made that no minutes or monitoring table
carries yet, written by hand (``services.recs.add_recommendation``, as `panelbook recs add`).

The clerk chooses the meeting (the one shown in the Meeting place first), the item it
belongs to (or none), and writes the wording, the owner and the due date.  The items of
the chosen meeting are read on the worker; Add stays disabled until there is wording.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from panelbook.store import queries
from panelbook.ui.common.meetings_model import long_date
from panelbook.ui.common.store_op import StoreOp
from panelbook.ui.common.worker import DatabaseWorker

NO_ITEM = "Not tied to an agenda item"


def item_text(item: dict) -> str:
    number = item.get("agenda_number") or item.get("minute_number")
    return f"{number}. {item['title']}" if number else item["title"]


class AddRecDialog(QDialog):
    """Opened with ``open()``; when accepted, ``values()`` are add_recommendation's arguments."""

    def __init__(self, worker: DatabaseWorker, meetings: list[dict], chosen: int | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self._request = 0
        self.setWindowTitle("Add a recommendation")
        self._build_fields(meetings, chosen)
        self._lay_out()
        self.resize(620, 420)
        self._meeting_chosen()
        self._update()

    def _build_fields(self, meetings: list[dict], chosen: int | None) -> None:
        self.meeting = QComboBox()
        self.meeting.setAccessibleName("Meeting the recommendation was made at")
        for m in sorted(meetings, key=lambda m: m["date"], reverse=True):
            self.meeting.addItem(f"{long_date(m['date'])}, {m['committee']}", m["id"])
        if chosen is not None and self.meeting.findData(chosen) >= 0:
            self.meeting.setCurrentIndex(self.meeting.findData(chosen))
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        self.item = QComboBox()
        self.item.setAccessibleName("Agenda item")
        self.item.addItem(NO_ITEM, None)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Recommendation wording")
        self.text.setPlaceholderText("That the Panel receives a progress report at its next meeting")
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(self._update)
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Owner")
        self.owner.setPlaceholderText("Who is to act on it (optional)")
        self.deadline = QDateEdit(QDate.currentDate().addMonths(3))
        self.deadline.setAccessibleName("Due by")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("d MMM yyyy")
        self.no_deadline = QCheckBox("No deadline")
        self.no_deadline.toggled.connect(self.deadline.setDisabled)
        self.why = QLabel()
        self.why.setObjectName("caption")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton("Add", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Meeting", self.meeting)
        form.addRow("&Item", self.item)
        form.addRow("&Wording", self.text)
        form.addRow("&Owner", self.owner)
        due = QHBoxLayout()
        due.addWidget(self.deadline)
        due.addWidget(self.no_deadline)
        due.addStretch(1)
        due_label = QLabel("&Due by")      # a row of two widgets: the label names the date
        due_label.setBuddy(self.deadline)
        form.addRow(due_label, due)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.why)
        layout.addWidget(self.buttons)

    def _meeting_chosen(self) -> None:
        """Read the chosen meeting's items on the worker (only the latest answer is shown)."""
        meeting_id = self.meeting.currentData()
        self.item.clear()
        self.item.addItem(NO_ITEM, None)
        if meeting_id is None:
            return
        self._request += 1
        request = self._request

        def shown(items: list[dict]) -> None:
            if request != self._request:
                return
            for item in items:
                self.item.addItem(item_text(item), item["id"])
                self.item.setItemData(self.item.count() - 1, item["title"], Qt.ItemDataRole.ToolTipRole)

        StoreOp(self.worker, lambda store: queries.agenda(store.db, meeting_id)["items"], initiator=self) \
            .success(shown).run_in_background()

    def _update(self) -> None:
        has_meeting = self.meeting.currentData() is not None
        has_text = bool(self.text.toPlainText().strip())
        self.add_button.setEnabled(has_meeting and has_text)
        self.why.setText("" if has_meeting and has_text else
                         "Import a meeting first: a recommendation belongs to the meeting that made it."
                         if not has_meeting else "Write the recommendation's wording to add it.")

    def values(self) -> dict:
        """What add_recommendation is given: meeting_id, text, item_id, owner, deadline (ISO or None)."""
        due: date = self.deadline.date().toPython()     # type: ignore[assignment]
        return {"meeting_id": self.meeting.currentData(), "text": self.text.toPlainText().strip(),
                "item_id": self.item.currentData(), "owner": self.owner.text().strip() or None,
                "deadline": None if self.no_deadline.isChecked() else due.isoformat()}
