"""The member's questions to ask on the item: added with Enter, ticked when asked,
edited in place, ordered with Up and Down (Ctrl+Up, Ctrl+Down), deleted with
Delete, and given the answer heard at the meeting (which marks them answered).

The "Undo delete" in this section's heading brings back whatever was deleted
last from any of the note lists (``note_lists``).
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from panelbook.services import markup
from panelbook.ui.common.icons import icon
from panelbook.ui.markup.fitted_lists import OrderedList
from panelbook.ui.markup.markup_host import MarkupHost
from panelbook.ui.markup.note_lists import NoteLists, refill
from panelbook.ui.markup.notes_list_model import NotesListModel
from panelbook.ui.markup.section_parts import SPACING, section_title, tool_button


class QuestionsSection(QWidget):
    def __init__(self, host: MarkupHost, lists: NoteLists, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.lists = lists
        self._build_list()
        self._build_adder()
        self._build_tools()
        self._build_answer()
        self._lay_out()

    # -- building -----------------------------------------------------------

    def _build_list(self) -> None:
        self.questions = NotesListModel("question", parent=self)
        self.lists.connect_model(self.questions)
        self.question_list = OrderedList(
            "Questions to ask", "No questions yet: type one below and press Enter.")
        self.question_list.setModel(self.questions)
        self.question_list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                           | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.question_list.move_requested.connect(self._move)
        self.question_list.delete_requested.connect(self._delete)
        self.question_list.selectionModel().currentRowChanged.connect(self.question_chosen)
        self.questions.modelReset.connect(self.update_tools)

    def _build_adder(self) -> None:
        self.new_question = QLineEdit()
        self.new_question.setPlaceholderText("A question to ask…")
        self.new_question.setAccessibleName("New question")
        self.new_question.returnPressed.connect(self.add_question)
        self.add_question_button = QPushButton(icon("add"), "Add")
        self.add_question_button.setAccessibleName("Add the question")
        self.add_question_button.clicked.connect(self.add_question)

    def _build_tools(self) -> None:
        self.up_button = tool_button("up", "Up", "Move the question up (Ctrl+Up)", text_shown=False)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = tool_button("down", "Down", "Move the question down (Ctrl+Down)", text_shown=False)
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.delete_button = tool_button("delete", "Delete", "Delete the question (Delete)", text_shown=False)
        self.delete_button.clicked.connect(self._delete)
        self.undo_button = self.lists.undo_button

    def _build_answer(self) -> None:
        self.answer = QLineEdit()
        self.answer.setPlaceholderText("The answer given (marks the question answered)")
        self.answer.setAccessibleName("Answer given")
        self.answer.editingFinished.connect(self._answer_given)
        self.answer_row = QWidget()
        answer_row = QHBoxLayout(self.answer_row)
        answer_row.setContentsMargins(0, 0, 0, 0)
        answer_label = QLabel("Answer")
        answer_label.setBuddy(self.answer)
        answer_row.addWidget(answer_label)
        answer_row.addWidget(self.answer, 1)
        self.answer_row.hide()      # shown with a chosen question, whose answer it is
        self.question_list.setToolTip("Tick a question when it has been asked; double-click (or F2) to edit it; "
                                      "Ctrl+Up and Ctrl+Down move it")

    def _lay_out(self) -> None:
        head = QHBoxLayout()
        head.addWidget(section_title("Questions to ask"))
        head.addStretch(1)
        for button in (self.up_button, self.down_button, self.delete_button, self.undo_button):
            head.addWidget(button)
        adder = QHBoxLayout()
        adder.addWidget(self.new_question, 1)
        adder.addWidget(self.add_question_button)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        column.addLayout(head)
        column.addWidget(self.question_list)
        column.addWidget(self.answer_row)
        column.addLayout(adder)
        self.setLayout(column)

    # -- showing ------------------------------------------------------------

    def fill(self, rows: list[dict]) -> None:
        refill(self.questions, self.question_list, rows)

    def set_enabled(self, on: bool) -> None:
        for widget in (self.question_list, self.new_question, self.add_question_button, self.answer):
            widget.setEnabled(on)
        if not on:
            self.answer_row.hide()      # no item, no question: no "Answer" field on its own
        self.update_tools()

    def update_tools(self) -> None:
        """Up, Down and Delete act on the chosen question: without one they are greyed."""
        chosen = self.question_list.isEnabled() and self.question_list.currentIndex().isValid()
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setEnabled(chosen)

    def question_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.update_tools()
        chosen = current.isValid()
        self.answer.setEnabled(chosen)
        self.answer_row.setVisible(chosen)
        self.answer.setText((self.questions.note(current.row()).get("answer") or "") if chosen else "")
        self.answer.setProperty("row", current.row() if chosen else -1)

    def show_chosen(self) -> None:
        """Show the answer of the question chosen now (after the list was filled again)."""
        self.question_chosen(self.question_list.currentIndex(), QModelIndex())

    # -- changing -----------------------------------------------------------

    def add_question(self) -> None:
        text = self.new_question.text().strip()
        item_id = self.host.item_id
        if not text or item_id is None:
            return
        self.new_question.clear()
        self.host.write_kept(lambda store: markup.add_note(store, item_id, text, question=True),
                             f"Your question on {self.host.title_of(item_id)}", text, "your question",
                             lambda _id: self.host.changed(item_id))

    def _move(self, step: int) -> None:
        self.lists.move(self.question_list, self.questions, step)

    def _delete(self) -> None:
        self.lists.delete_from(self.question_list, self.questions)

    def _answer_given(self) -> None:
        row = self.answer.property("row")
        if isinstance(row, int) and 0 <= row < self.questions.rowCount():
            self.questions.set_answer(row, self.answer.text())

    def answer_flush(self) -> None:
        if self.answer.isEnabled() and self.answer.isModified():
            self._answer_given()
