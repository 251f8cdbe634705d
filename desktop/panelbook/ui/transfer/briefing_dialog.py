"""The briefing pack's choices before it is exported: whose edition, the reports, which items.

Confidential (exempt) items are listed, marked as such, and not ticked: the
briefing is the public one unless the member ticks one.  Export… then asks first,
naming the confidential items, and says how their pages are marked.
"""
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
ConfidentialRole = Qt.ItemDataRole.UserRole + 2
MARKING = "CONFIDENTIAL — NOT FOR PUBLICATION"


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
            confidential = bool(item.get("confidential"))
            text = ((f"{number}. " if number else "") + item["title"] + (f"  (pages {pages})" if pages else "")
                    + ("  — confidential" if confidential else ""))
            entry = QStandardItem(text)
            entry.setEditable(False)
            entry.setCheckable(True)
            entry.setCheckState(Qt.CheckState.Unchecked if confidential else Qt.CheckState.Checked)
            entry.setData(number, NumberRole)
            entry.setData(confidential, ConfidentialRole)
            if confidential:
                entry.setToolTip("Confidential (exempt) item: left out of the briefing unless ticked; "
                                 f"ticked, its pages are marked {MARKING}.")
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
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        self.all_button = QPushButton("All items")
        self.none_button = QPushButton("No items")
        if any(item.get("confidential") for item in items):
            self.all_button.setText("All public items")
            self.all_button.setToolTip("Every item but the confidential ones, which are ticked one by one")
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._confirm)
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
        layout.addWidget(self.left_out)
        layout.addWidget(self.buttons)

    def _entries(self) -> list[QStandardItem]:
        return [self.model.item(row) for row in range(self.model.rowCount())]

    def _check_all(self, checked: bool) -> None:
        """All public items (confidential ones are never ticked wholesale), or none at all."""
        for entry in self._entries():
            if entry.isEnabled() and (not checked or not entry.data(ConfidentialRole)):
                entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._update()

    @staticmethod
    def _ticked(entry: QStandardItem) -> bool:
        return entry.checkState() == Qt.CheckState.Checked

    def chosen_numbers(self) -> list[str] | None:
        """The agenda numbers chosen; None when every public item is, and the confidential
        ones all or none (so the briefing covers "every item" of its edition)."""
        entries = [e for e in self._entries() if e.isEnabled()]
        public = [e for e in entries if not e.data(ConfidentialRole)]
        secret = [e for e in entries if e.data(ConfidentialRole)]
        if all(map(self._ticked, public)) and len({self._ticked(e) for e in secret}) <= 1:
            return None
        return [e.data(NumberRole) for e in entries if self._ticked(e)]

    def chosen_confidential(self) -> list[str]:
        """The confidential items ticked, as "11. Title"."""
        return [e.text().split("  (pages")[0].removesuffix("  — confidential")
                for e in self._entries() if e.data(ConfidentialRole) and self._ticked(e)]

    def _confirm(self) -> None:
        """Export straight away, or first ask whether the confidential items ticked belong in it."""
        chosen = self.chosen_confidential()
        if not chosen:
            self.accept()
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, "Confidential items",
                          f"Include {len(chosen)} confidential item{'s' if len(chosen) > 1 else ''}?",
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(
            "This briefing will print exempt information:\n" + "\n".join(f"• {c}" for c in chosen)
            + f"\n\nEvery page that carries it is marked {MARKING}. Keep the file to those entitled "
            "to it; do not publish or forward it.")
        include = box.addButton("Include and export…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Go back", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(include)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        include.clicked.connect(self.accept)
        self.confirm_box = box
        box.open()

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
            self._say_left_out()
            # Entries without a number follow "every item": checked only when all the others are.
            for entry in self._entries():
                if not entry.isEnabled():
                    entry.setCheckState(Qt.CheckState.Checked if chosen is None else Qt.CheckState.Unchecked)
        finally:
            self._updating = False

    def _say_left_out(self) -> None:
        secret = [e for e in self._entries() if e.data(ConfidentialRole)]
        left = [e for e in secret if not self._ticked(e)]
        if not secret:
            self.left_out.hide()
            return
        self.left_out.show()
        if left:
            self.left_out.setText(f"{len(left)} confidential item{'s' if len(left) > 1 else ''} left out: "
                                  "the briefing says so and prints nothing of "
                                  f"{'them' if len(left) > 1 else 'it'}. "
                                  f"{'Tick one' if len(left) > 1 else 'Tick it'} to include it.")
        else:
            self.left_out.setText(f"Confidential items included: their pages are marked {MARKING}.")

    def options(self) -> dict:
        return {"panel": self.panel.isChecked(), "with_reports": self.with_reports.isChecked(),
                "items": self.chosen_numbers(), "include_confidential": bool(self.chosen_confidential())}
