"""The briefing pack's choices before it is exported: whose edition, the reports, which items."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from panelbook.ui.common.meetings_model import long_date
from panelbook.ui.meeting.agenda_model import pages_text

NumberRole = Qt.ItemDataRole.UserRole + 1


def item_number(item: dict) -> str | None:
    """How the briefing names an item when only some are chosen (agenda number, else minute number)."""
    return item.get("agenda_number") or item.get("minute_number") or None


class BriefingDialog(QDialog):
    """Opened with ``open()``; when accepted, ``options()`` are export_briefing's choices."""

    def __init__(self, agenda: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export the briefing pack")
        heading = self._build_heading(agenda["meeting"])
        self._build_edition()
        self._build_items(agenda["items"])
        self._build_buttons()
        self._lay_out(heading)
        self.resize(620, 500)
        self._update()

    @staticmethod
    def _build_heading(meeting: dict) -> QLabel:
        """The committee and the meeting's date."""
        heading = QLabel(f"<b>{escape(meeting['committee'])}</b><br>{escape(long_date(meeting['date']))}")
        heading.setTextFormat(Qt.TextFormat.RichText)
        return heading

    def _build_edition(self) -> None:
        """Whose briefing (mine or the panel's), and whether the reports' pages go in."""
        self.mine = QRadioButton("My briefing: my notes and questions, and what the panel shares")
        self.panel = QRadioButton("The panel's briefing: shared markup only, no private notes")
        self.mine.setChecked(True)
        edition = QButtonGroup(self)
        edition.addButton(self.mine)
        edition.addButton(self.panel)
        self.with_reports = QCheckBox("Add each item's report pages from the agenda pack")
        self.with_reports.setToolTip("The briefing then holds the chosen items' own pages, in order, "
                                     "after each item's briefing page")

    def _build_items(self, items: list[dict]) -> None:
        """The agenda items to include, all ticked, with All and None."""
        self._updating = False
        self.model = QStandardItemModel(self)
        for item in items:
            number = item_number(item)
            pages = pages_text(item.get("pages"))
            text = (f"{number}. " if number else "") + item["title"] + (f"  (pages {pages})" if pages else "")
            entry = QStandardItem(text)
            entry.setEditable(False)
            entry.setCheckable(True)
            entry.setCheckState(Qt.CheckState.Checked)
            entry.setData(number, NumberRole)
            if number is None:      # cannot be named on its own: it goes with "every item"
                entry.setEnabled(False)
                entry.setToolTip("This item has no number, so it is included only when every item is chosen.")
            self.model.appendRow(entry)
        self.items = QListView()
        self.items.setModel(self.model)
        self.items.setAccessibleName("Agenda items to include")
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.items.setMinimumHeight(180)
        self.items.setWordWrap(True)
        self.items.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setResizeMode(QListView.ResizeMode.Adjust)
        self.all_button = QPushButton("All items")
        self.none_button = QPushButton("No items")
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.itemChanged.connect(self._update)

    def _lay_out(self, heading: QLabel) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addSpacing(6)
        layout.addWidget(QLabel("Whose briefing:"))
        layout.addWidget(self.mine)
        layout.addWidget(self.panel)
        layout.addSpacing(6)
        layout.addWidget(self.with_reports)
        layout.addSpacing(6)
        layout.addWidget(QLabel("Agenda items:"))
        layout.addWidget(self.items, 1)
        row = QHBoxLayout()
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)

    def _entries(self) -> list[QStandardItem]:
        return [self.model.item(row) for row in range(self.model.rowCount())]

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for entry in self._entries():
            if entry.isEnabled():
                entry.setCheckState(state)
        self._update()

    def chosen_numbers(self) -> list[str] | None:
        """The agenda numbers chosen; None when every item is."""
        entries = self._entries()
        if all(e.checkState() == Qt.CheckState.Checked for e in entries if e.isEnabled()):
            return None
        return [e.data(NumberRole) for e in entries if e.isEnabled() and e.checkState() == Qt.CheckState.Checked]

    def set_chosen(self, numbers: list[str]) -> None:
        for entry in self._entries():
            if entry.isEnabled():
                entry.setCheckState(Qt.CheckState.Checked if entry.data(NumberRole) in numbers
                                    else Qt.CheckState.Unchecked)
        self._update()

    def _update(self, *_args) -> None:
        if self._updating:
            return
        self._updating = True
        try:
            chosen = self.chosen_numbers()
            self.export_button.setEnabled(chosen is None or bool(chosen))
            # Entries without a number follow "every item": checked only when all the others are.
            for entry in self._entries():
                if not entry.isEnabled():
                    entry.setCheckState(Qt.CheckState.Checked if chosen is None else Qt.CheckState.Unchecked)
        finally:
            self._updating = False

    def options(self) -> dict:
        return {"panel": self.panel.isChecked(), "with_reports": self.with_reports.isChecked(),
                "items": self.chosen_numbers()}
