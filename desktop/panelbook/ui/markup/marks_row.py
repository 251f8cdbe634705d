"""The top row of the markup panel: the member's flag, the read mark, and the
chair's priority for the item (shown to the chair only).

A flag or read mark is saved as soon as it is chosen; the priority after a short
pause, so spinning through the numbers saves only the last one.  Filling the row
with a stored item's marks saves nothing.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from panelbook.services import markup
from panelbook.ui.markup.markup_host import MarkupHost
from panelbook.ui.markup.markup_jobs import set_read
from panelbook.ui.markup.section_parts import SPACING

PRIORITY_PAUSE_MS = 400


class MarksRow(QWidget):
    def __init__(self, host: MarkupHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self._filling = False
        self._build_flag()
        self._build_read()
        self._build_priority()
        self._lay_out()

    # -- building -----------------------------------------------------------

    def _build_flag(self) -> None:
        self.flag_box = QComboBox()
        self.flag_box.setAccessibleName("Flag")
        self.flag_box.setToolTip("Flag this item for yourself")
        self.flag_box.addItem("No flag", None)
        for flag in markup.FLAGS:
            self.flag_box.addItem(flag[0].upper() + flag[1:], flag)
        self.flag_box.view().setAccessibleName("Flags")
        self.flag_box.currentIndexChanged.connect(self._flag_chosen)

    def _build_read(self) -> None:
        self.read_box = QCheckBox("Read")
        self.read_box.setAccessibleName("Read")
        self.read_box.setToolTip("Opening an item marks it read; untick to keep it bold in the agenda")
        self.read_box.toggled.connect(self._read_toggled)

    def _build_priority(self) -> None:
        self.priority_label = QLabel("Priority")
        self.priority_box = QSpinBox()
        self.priority_box.setAccessibleName("Priority")
        self.priority_box.setToolTip("The chair's priority order for this item (1 comes first)")
        self.priority_box.setRange(0, 99)
        self.priority_box.setSpecialValueText("None")
        self._priority_timer = QTimer(self)
        self._priority_timer.setSingleShot(True)
        self._priority_timer.setInterval(PRIORITY_PAUSE_MS)
        self._priority_timer.timeout.connect(self._priority_chosen)
        self.priority_box.valueChanged.connect(lambda _value: self._priority_timer.start())

    def _lay_out(self) -> None:
        flag_label = QLabel("Flag")
        flag_label.setBuddy(self.flag_box)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        row.addWidget(flag_label)
        row.addWidget(self.flag_box)
        row.addSpacing(12)
        row.addWidget(self.read_box)
        row.addSpacing(12)
        row.addWidget(self.priority_label)
        row.addWidget(self.priority_box)
        row.addStretch(1)
        self.setLayout(row)

    # -- showing ------------------------------------------------------------

    def fill(self, mark: dict, read: bool) -> None:
        """Show a stored item's marks (saving nothing)."""
        self._filling = True
        try:
            self.flag_box.setCurrentIndex(max(0, self.flag_box.findData(mark.get("flag"))))
            self.read_box.setChecked(read)
            if not self._priority_timer.isActive():     # a priority just chosen is still to be saved
                self.priority_box.setValue(mark.get("priority") or 0)
        finally:
            self._filling = False

    def set_read(self, read: bool) -> None:
        """The item's read mark changed elsewhere (opening it marks it read)."""
        self._filling = True
        try:
            self.read_box.setChecked(read)
        finally:
            self._filling = False

    def show_role(self, chair: bool) -> None:
        self.priority_label.setVisible(chair)
        self.priority_box.setVisible(chair)

    def set_enabled(self, on: bool) -> None:
        for widget in (self.flag_box, self.read_box, self.priority_box):
            widget.setEnabled(on)

    def flush(self) -> None:
        """Save a priority still inside its pause."""
        if self._priority_timer.isActive():
            self._priority_timer.stop()
            self._priority_chosen()

    # -- saving -------------------------------------------------------------

    def _flag_chosen(self, _index: int) -> None:
        item_id = self.host.item_id
        if self._filling or item_id is None:
            return
        flag = self.flag_box.currentData()
        self.host.write_kept(lambda store: markup.set_mark(store, item_id, flag=flag),
                             f"Your flag on {self.host.title_of(item_id)}", self.flag_box.currentText(), "your flag",
                             lambda _mark: self.host.marks_changed_for(item_id))

    def _read_toggled(self, on: bool) -> None:
        item_id = self.host.item_id
        if self._filling or item_id is None:
            return
        self.host.write_kept(lambda store: set_read(store, item_id, on),
                             f"Your read mark on {self.host.title_of(item_id)}", "Read" if on else "Not read",
                             "your read mark", self.host.read_changed.emit)

    def _priority_chosen(self) -> None:
        item_id = self.host.item_id
        if self._filling or item_id is None:
            return
        priority = self.priority_box.value() or None
        self.host.write_kept(lambda store: markup.set_mark(store, item_id, priority=priority),
                             f"Your priority for {self.host.title_of(item_id)}", str(priority or "None"),
                             "your priority", lambda _mark: self.host.marks_changed_for(item_id))
