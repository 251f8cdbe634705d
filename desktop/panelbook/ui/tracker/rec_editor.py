"""The editor beside the tracker's table: one recommendation's response, status, deadline, owner, decision.

The status list offers only what the lifecycle allows next (``tracker.TRANSITIONS``).
The editor does no store work itself: ``save_requested`` carries the changed
fields (as ``services.set_recommendation`` takes them) and the tracker place
saves them on the worker.  Drafts offered from minutes get their own actions:
Accept, Edit wording, Not a recommendation.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from panelbook import tracker
from panelbook.model import RecStatus
from panelbook.ui.common.widgets import heading_label, notice_label
from panelbook.ui.tracker.recs_model import short_date

NO_DATE = QDate(2000, 1, 1)     # shown as "None" when there is no deadline


def status_label(value: str) -> str:
    return tracker.LABELS[RecStatus(value)]


def allowed_statuses(current: str) -> list[str]:
    """The current status first, then what may follow it, in lifecycle order."""
    now = RecStatus(current)
    order = list(tracker.LABELS)
    return [now.value] + [s.value for s in order if s in tracker.TRANSITIONS[now]]


def _text_box(name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
    return box


class RecEditor(QWidget):
    save_requested = Signal(int, dict)
    set_aside_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rec: dict | None = None
        self._build_heading()
        self._build_fields()
        self._build_draft_row()
        self._build_buttons()
        self._lay_out()
        self.show_rec(None)

    # -- building -----------------------------------------------------------

    def _build_heading(self) -> None:
        self.title = heading_label("Recommendation", 1.1)
        self.title.setWordWrap(True)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        self.message = notice_label()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName("Message")
        self.message.hide()

    def _build_fields(self) -> None:
        self.text = _text_box("Recommendation wording", 3)
        self.text.setReadOnly(True)
        self.response = _text_box("Response", 3)
        self.response.setPlaceholderText("The response received, as the service gave it")
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        self.status.view().setAccessibleName("Statuses allowed next")
        self.status.setToolTip("Only the steps the panel's rule allows from the current status are offered.")
        self.printed = QLabel()
        self.printed.setWordWrap(True)
        self.printed.setTextFormat(Qt.TextFormat.PlainText)
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("d MMM yyyy")
        self.deadline.setAccessibleName("Deadline")
        self.no_deadline = QCheckBox("No deadline")
        self.no_deadline.setAccessibleName("No deadline")
        self.deadline.setMinimumDate(NO_DATE)
        self.deadline.setSpecialValueText("None")
        self.no_deadline.toggled.connect(self._no_deadline_toggled)
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Owner")
        self.owner.setPlaceholderText("Who is to act on it")
        self.decision = QLineEdit()
        self.decision.setAccessibleName("Panel decision")
        self.decision.setPlaceholderText("What the panel decided about the response")

    def _build_draft_row(self) -> None:
        """Accept, Edit wording and Not a recommendation: shown for drafts only."""
        self.accept_button = QPushButton("Accept")
        self.accept_button.setToolTip("Put this draft on the tracker, awaiting a response")
        self.edit_button = QPushButton("Edit wording")
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(lambda on: self.text.setReadOnly(not on))
        self.aside_button = QPushButton("Not a recommendation")
        self.aside_button.setToolTip("Set this draft aside: it leaves the drafts list")
        self.accept_button.clicked.connect(self._accept_draft)
        self.aside_button.clicked.connect(self._set_aside)
        self.draft_row = QWidget()
        draft_layout = QHBoxLayout(self.draft_row)
        draft_layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.accept_button, self.edit_button, self.aside_button):
            draft_layout.addWidget(button)
        draft_layout.addStretch(1)

    def _build_buttons(self) -> None:
        self.save_button = QPushButton("Save changes")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Undo edits")
        self.revert_button.setToolTip("Put the fields back as they are saved")
        self.revert_button.clicked.connect(lambda: self.show_rec(self.rec))

    def _form(self) -> QFormLayout:
        deadline_row = QHBoxLayout()
        deadline_row.setContentsMargins(0, 0, 0, 0)
        deadline_row.addWidget(self.deadline, 1)
        deadline_row.addWidget(self.no_deadline)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Status", self.status)
        form.addRow("", self.printed)
        form.addRow("Deadline", deadline_row)
        form.addRow("Owner", self.owner)
        form.addRow("Decision", self.decision)
        return form

    def _lay_out(self) -> None:
        """The wording and the response on the left; the fields, a message and the buttons on the right."""
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        wording = QHBoxLayout()
        wording.addWidget(QLabel("Recommendation"))
        wording.addStretch(1)
        wording.addWidget(self.draft_row)
        left.addLayout(wording)
        left.addWidget(self.text, 2)
        response_label = QLabel("Response")
        response_label.setBuddy(self.response)
        left.addWidget(response_label)
        left.addWidget(self.response, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(self._form())
        right.addWidget(self.message)
        right.addStretch(1)
        right.addLayout(buttons)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.origin)
        layout.addLayout(columns, 1)

    # -- showing ------------------------------------------------------------

    def show_rec(self, rec: dict | None) -> None:
        """Fill the fields from a row of ``queries.recommendations`` (None: nothing chosen)."""
        self.rec = rec
        self.message.hide()
        self.edit_button.setChecked(False)
        editable = rec is not None
        for widget in (self.text, self.response, self.status, self.deadline, self.no_deadline, self.owner,
                       self.decision, self.save_button, self.revert_button):
            widget.setEnabled(editable)
        if rec is None:
            self.title.setText("No recommendation chosen")
            self.origin.setText("Choose a recommendation in the table to see and change its response, "
                                "status, deadline, owner and the panel's decision.")
            self.draft_row.hide()
            for box in (self.text, self.response):
                box.clear()
            self.status.clear()
            self.printed.clear()
            self.owner.clear()
            self.decision.clear()
            return
        draft = rec["status"] == RecStatus.DRAFT.value
        self.title.setText(f"Recommendation {rec['id']}" + (" (draft from the minutes)" if draft else ""))
        self.origin.setText(f"{short_date(rec['meeting_date']) or 'No meeting'}: {rec['item_title'] or 'no item'}")
        self.draft_row.setVisible(draft)
        self.text.setPlainText(rec["text"] or "")
        self.text.setReadOnly(True)
        self.response.setPlainText(rec["response"] or "")
        self.status.clear()
        for value in allowed_statuses(rec["status"]):
            self.status.addItem(status_label(value), value)
        self.status.setCurrentIndex(0)
        self.printed.setText(f"As printed: {rec['status_text']}" if rec.get("status_text") else "")
        self.printed.setVisible(bool(rec.get("status_text")))
        if rec["deadline"]:
            self.no_deadline.setChecked(False)
            self.deadline.setDate(QDate.fromString(rec["deadline"], Qt.DateFormat.ISODate))
        else:
            self.no_deadline.setChecked(True)
        self._no_deadline_toggled(self.no_deadline.isChecked())
        self.owner.setText(rec["owner"] or "")
        self.decision.setText(rec["decision"] or "")

    def _no_deadline_toggled(self, on: bool) -> None:
        """Checked: the date shows "None" and cannot be changed; unchecked: a date to adjust."""
        if on:
            self.deadline.setDate(NO_DATE)
        elif self.deadline.date() == NO_DATE:
            saved = self.rec["deadline"] if self.rec else None
            self.deadline.setDate(QDate.fromString(saved, Qt.DateFormat.ISODate) if saved
                                  else QDate.currentDate().addMonths(1))
        self.deadline.setEnabled(not on and self.rec is not None)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # -- saving -------------------------------------------------------------

    def changes(self) -> dict:
        """The fields that differ from the saved recommendation, as set_recommendation takes them."""
        rec = self.rec
        if rec is None:
            return {}
        wanted = {
            "response": self.response.toPlainText().strip(),
            "status": self.status.currentData(),
            "deadline": "" if self.no_deadline.isChecked() else self.deadline.date().toString(Qt.DateFormat.ISODate),
            "owner": self.owner.text().strip(),
            "decision": self.decision.text().strip(),
            "text": self.text.toPlainText().strip(),
        }
        out = {}
        for key, value in wanted.items():
            if value != (rec.get(key) or ""):
                out[key] = value
        if "text" in out and not out["text"]:
            del out["text"]          # the wording can be changed, never emptied
        return out

    def save(self) -> None:
        if self.rec is None:
            return
        changes = self.changes()
        if not changes:
            self.show_message("Nothing has changed.")
            return
        self.message.hide()
        self.save_requested.emit(self.rec["id"], changes)

    def _accept_draft(self) -> None:
        if self.rec is None:
            return
        changes = self.changes()
        if changes.get("status", RecStatus.DRAFT.value) == RecStatus.DRAFT.value:
            changes["status"] = RecStatus.AWAITING_RESPONSE.value
        self.save_requested.emit(self.rec["id"], changes)

    def _set_aside(self) -> None:
        if self.rec is not None:
            self.set_aside_requested.emit(self.rec["id"])
