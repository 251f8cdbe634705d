"""Other members' notes and questions on the item: those their owners shared with
the panel and those brought in by their markup files, each marked with whose it
is (read-only; shown only when there is some)."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from panelbook.ui.markup.fitted_lists import FittedList
from panelbook.ui.markup.notes_list_model import NotesListModel
from panelbook.ui.markup.section_parts import section_title


class SharedSection(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(section_title("Other members' notes and questions"))
        self.shared_model = NotesListModel("shared", editable=False, parent=self)
        self.shared_list = FittedList("Other members' notes and questions", "")
        self.shared_list.setModel(self.shared_model)
        layout.addWidget(self.shared_list)

    def fill(self, rows: list[dict]) -> None:
        self.shared_model.set_rows(rows)
        self.setVisible(bool(rows))

    def clear(self) -> None:
        self.shared_model.set_rows([])
