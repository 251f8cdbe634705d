"""The chair's lines of enquiry on the item, each with the member who leads it.

With the chair's profile the section edits them (add with who leads, edit in
place, Up, Down, Delete); other members see the chair's lines read-only once a
shared markup file has been imported, and not at all while there are none.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from panelbook.services import markup
from panelbook.ui.common.icons import icon
from panelbook.ui.markup.fitted_lists import OrderedList
from panelbook.ui.markup.markup_host import MarkupHost
from panelbook.ui.markup.note_lists import NoteLists, refill
from panelbook.ui.markup.notes_list_model import NotesListModel
from panelbook.ui.markup.section_parts import section_title, tool_button

EDITING = QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed


class EnquiriesSection(QWidget):
    def __init__(self, host: MarkupHost, lists: NoteLists, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.lists = lists
        self._build_list()
        self._build_adder()
        self._build_tools()
        self._lay_out()

    # -- building -----------------------------------------------------------

    def _build_list(self) -> None:
        self.enquiries = NotesListModel("enquiry", parent=self)
        self.lists.connect_model(self.enquiries)
        self.enquiry_title = section_title("Lines of enquiry")
        self.enquiry_list = OrderedList("Lines of enquiry", "No lines of enquiry yet.")
        self.enquiry_list.setModel(self.enquiries)
        self.enquiry_list.move_requested.connect(self._move)
        self.enquiry_list.delete_requested.connect(self._delete)

    def _build_adder(self) -> None:
        self.new_enquiry = QLineEdit()
        self.new_enquiry.setPlaceholderText("A line of enquiry for the panel…")
        self.new_enquiry.setAccessibleName("New line of enquiry")
        self.new_enquiry.returnPressed.connect(self.add_enquiry)
        self.lead = QComboBox()
        self.lead.setEditable(True)
        self.lead.setAccessibleName("Who leads")
        typed, completer = self.lead.lineEdit(), self.lead.completer()
        assert typed is not None and completer is not None      # an editable combo box has both
        typed.setPlaceholderText("Who leads")
        typed.setAccessibleName("Who leads")
        self.lead.view().setAccessibleName("Members of the panel")
        self.lead.setMinimumWidth(140)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.add_enquiry_button = QPushButton(icon("add"), "Add")
        self.add_enquiry_button.setAccessibleName("Add the line of enquiry")
        self.add_enquiry_button.clicked.connect(self.add_enquiry)
        self.enquiry_adder = QWidget()
        adder = QHBoxLayout(self.enquiry_adder)
        adder.setContentsMargins(0, 0, 0, 0)
        adder.addWidget(self.new_enquiry, 1)
        adder.addWidget(self.lead)
        adder.addWidget(self.add_enquiry_button)

    def _build_tools(self) -> None:
        self.enquiry_tools = QWidget()
        tools = QHBoxLayout(self.enquiry_tools)
        tools.setContentsMargins(0, 0, 0, 0)
        self.up_button = tool_button("up", "Up", "Move up (Ctrl+Up)", text_shown=False)
        self.down_button = tool_button("down", "Down", "Move down (Ctrl+Down)", text_shown=False)
        self.delete_button = tool_button("delete", "Delete", "Delete the line of enquiry (Delete)", text_shown=False)
        for button, handler in [(self.up_button, lambda: self._move(-1)), (self.down_button, lambda: self._move(+1)),
                                (self.delete_button, self._delete)]:
            button.clicked.connect(handler)
            tools.addWidget(button)
        # Up, Down and Delete only when there is a line for them to act on.
        for signal in (self.enquiries.modelReset, self.enquiries.rowsInserted, self.enquiries.rowsRemoved,
                       self.enquiries.layoutChanged):
            signal.connect(self._update_tools)
        selection = self.enquiry_list.selectionModel()
        assert selection is not None                # the list has its model
        selection.currentChanged.connect(self._update_tools)
        self._update_tools()

    def _update_tools(self, *_args) -> None:
        current = self.enquiry_list.currentIndex()
        row, count = (current.row() if current.isValid() else -1), self.enquiries.rowCount()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.delete_button.setEnabled(row >= 0)

    def _lay_out(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.enquiry_title)
        head.addStretch(1)
        head.addWidget(self.enquiry_tools)
        column = QVBoxLayout()
        column.setContentsMargins(0, 4, 0, 0)
        column.addLayout(head)
        column.addWidget(self.enquiry_list)
        column.addWidget(self.enquiry_adder)
        self.setLayout(column)

    # -- showing ------------------------------------------------------------

    def fill(self, rows: list[dict], members: list[str]) -> None:
        refill(self.enquiries, self.enquiry_list, rows)
        self.lead.clear()
        self.lead.addItems(["", *members])

    def clear(self) -> None:
        self.enquiries.set_rows([])

    def show_role(self, chair: bool) -> None:
        """The chair edits the lines; others see them only when there are some."""
        self.setVisible(chair or self.enquiries.rowCount() > 0)
        self.enquiry_title.setText("Lines of enquiry" if chair else "The chair's lines of enquiry")
        self.enquiries.editable = chair
        self.enquiry_adder.setVisible(chair)
        self.enquiry_tools.setVisible(chair)
        self.enquiry_list.setEditTriggers(EDITING if chair else QAbstractItemView.EditTrigger.NoEditTriggers)

    # -- changing -----------------------------------------------------------

    def add_enquiry(self) -> None:
        text = self.new_enquiry.text().strip()
        item_id = self.host.item_id
        if not text or item_id is None:
            return
        lead = self.lead.currentText().strip() or None
        self.new_enquiry.clear()
        self.lead.setCurrentIndex(0)
        self.host.write_kept(lambda store: markup.add_enquiry(store, item_id, text, lead=lead),
                             f"Your line of enquiry on {self.host.title_of(item_id)}",
                             text + (f" (leads: {lead})" if lead else ""), "your line of enquiry",
                             lambda _id: self.host.changed(item_id))

    def _move(self, step: int) -> None:
        self.lists.move(self.enquiry_list, self.enquiries, step)

    def _delete(self) -> None:
        self.lists.delete_from(self.enquiry_list, self.enquiries)
