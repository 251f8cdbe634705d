"""The markup panel of the selected agenda item: flag, read mark, private note,
questions, the chair's lines of enquiry, and the item's highlights.

Every change is saved on the database worker as it is made (the note after a
short pause in typing, see ``notes_editor``).  Deleted notes, questions and
lines of enquiry can be brought back with "Undo delete" (``markup.restore_note``),
as many times as things were deleted while the window is open.  Highlights are
deleted the same way (Delete, the bin beside "Highlights", or the list's context
menu) and have their own "Undo delete" beside them (``markup.restore_highlight``);
``highlights_changed`` tells the reader to draw the pack's highlights again.  With the chair's
profile, the panel also edits the lines of enquiry (who leads each) and the
item's priority; other members see the chair's lines read-only once imported.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QCompleter, QFrame, QHBoxLayout, QLabel, QLineEdit, QListView, QMenu,
    QPushButton, QScrollArea, QSizePolicy, QSpinBox, QToolButton, QVBoxLayout, QWidget,
)

from panelbook.services import markup
from panelbook.ui.markup.highlights_model import PageRole, HighlightsModel
from panelbook.ui.common.icons import icon
from panelbook.ui.markup.markup_jobs import item_markup, set_read
from panelbook.ui.markup.note_editor import NoteEditor
from panelbook.ui.markup.notes_list_model import NotesListModel
from panelbook.ui.common.worker import DatabaseWorker

LIST_MAX_HEIGHT = 220


class FittedList(QListView):
    """A list as tall as its rows (up to a limit), with a sentence when it is empty."""

    def __init__(self, name: str, empty_text: str, max_height: int = LIST_MAX_HEIGHT, parent=None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.empty_text = empty_text
        self.max_height = max_height
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit)
        self._width = -1

    def setModel(self, model) -> None:
        super().setModel(model)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.dataChanged):
            signal.connect(lambda *_args: self._fit_timer.start())
        self.fit()

    def fit(self) -> None:
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        frame = 2 * self.frameWidth()
        if rows == 0:
            height = self.fontMetrics().height() * 2 + frame
        else:
            self.executeDelayedItemsLayout()
            height = sum(self.rectForIndex(model.index(r, 0)).height() + 2 * self.spacing() for r in range(rows))
            height += frame + 2
        self.setFixedHeight(max(self.fontMetrics().height() + frame + 8, min(height, self.max_height)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:
            self._width = event.size().width()
            self._fit_timer.start()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(6, 2, -6, -2),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()


class DeletableList(FittedList):
    """A list whose chosen row is deleted with Delete."""

    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class OrderedList(DeletableList):
    """A list whose rows move with Ctrl+Up / Ctrl+Down and are deleted with Delete."""

    move_requested = Signal(int)        # -1 up, +1 down

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else +1)
            return
        super().keyPressEvent(event)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _button(icon_name: str, text: str, tip: str, text_shown: bool = True) -> QToolButton:
    button = QToolButton()
    button.setIcon(icon(icon_name))
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text_shown
                              else Qt.ToolButtonStyle.ToolButtonIconOnly)
    button.setAutoRaise(True)
    return button


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class MarkupPanel(QScrollArea):
    page_requested = Signal(int)        # PDF page index of a highlight
    read_changed = Signal(object)       # every read item id
    marks_changed = Signal(int)         # an item's flag, priority or markup changed
    highlights_changed = Signal(int)    # a highlight of this item was deleted or brought back
    loaded = Signal(int)
    error = Signal(object)

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self.item_id: int | None = None
        self.data: dict | None = None
        self.deleted: list[dict] = []
        self.deleted_highlights: list[dict] = []
        self._generation = 0
        self._filling = False
        self._closing = False
        self.setAccessibleName("Notes and questions")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        self.caption = QLabel()         # which item: shown only when none is chosen
        self.caption.setWordWrap(True)
        self.caption.setAccessibleName("Item being marked up")
        self.caption.hide()
        layout.addWidget(self.caption)
        layout.addLayout(self._build_marks())
        layout.addSpacing(4)
        layout.addLayout(self._build_note())
        layout.addSpacing(4)
        layout.addLayout(self._build_questions())
        self.enquiry_box = QWidget()
        self.enquiry_box.setLayout(self._build_enquiries())
        layout.addWidget(self.enquiry_box)
        self.shared_box = QWidget()
        shared_layout = QVBoxLayout(self.shared_box)
        shared_layout.setContentsMargins(0, 4, 0, 0)
        shared_layout.addWidget(_section("Shared with the panel"))
        self.shared_model = NotesListModel("shared", editable=False, parent=self)
        self.shared_list = FittedList("Notes shared with the panel", "")
        self.shared_list.setModel(self.shared_model)
        shared_layout.addWidget(self.shared_list)
        layout.addWidget(self.shared_box)
        layout.addSpacing(4)
        layout.addLayout(self._build_highlights())
        layout.addStretch(1)
        self.setWidget(body)
        self.show_item(None)

    # -- building -----------------------------------------------------------

    def _build_marks(self):
        self.flag_box = QComboBox()
        self.flag_box.setAccessibleName("Flag")
        self.flag_box.setToolTip("Flag this item for yourself")
        self.flag_box.addItem("No flag", None)
        for flag in markup.FLAGS:
            self.flag_box.addItem(flag[0].upper() + flag[1:], flag)
        self.flag_box.view().setAccessibleName("Flags")
        self.flag_box.currentIndexChanged.connect(self._flag_chosen)
        self.read_box = QCheckBox("Read")
        self.read_box.setAccessibleName("Read")
        self.read_box.setToolTip("Opening an item marks it read; untick to keep it bold in the agenda")
        self.read_box.toggled.connect(self._read_toggled)
        self.priority_label = QLabel("Priority")
        self.priority_box = QSpinBox()
        self.priority_box.setAccessibleName("Priority")
        self.priority_box.setToolTip("The chair's priority order for this item (1 comes first)")
        self.priority_box.setRange(0, 99)
        self.priority_box.setSpecialValueText("None")
        self.priority_box.valueChanged.connect(lambda _value: self._priority_timer.start())
        self._priority_timer = QTimer(self)
        self._priority_timer.setSingleShot(True)
        self._priority_timer.setInterval(400)
        self._priority_timer.timeout.connect(self._priority_chosen)
        flag_label = QLabel("Flag")
        flag_label.setBuddy(self.flag_box)
        row = QHBoxLayout()
        row.addWidget(flag_label)
        row.addWidget(self.flag_box)
        row.addSpacing(12)
        row.addWidget(self.read_box)
        row.addSpacing(12)
        row.addWidget(self.priority_label)
        row.addWidget(self.priority_box)
        row.addStretch(1)
        return row

    def _build_note(self):
        self.note = NoteEditor(self.worker)
        self.note.setMinimumHeight(60)
        self.note.setMaximumHeight(104)
        self.note.saving.connect(lambda: self.note_status.setText("Saving…"))
        self.note.saved.connect(self._note_saved)
        self.note.failed.connect(self._note_failed)
        self.note_status = QLabel()
        self.note_status.setAccessibleName("Note saved")
        self.note_status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        head = QHBoxLayout()
        head.addWidget(_section("My note (private)"))
        head.addStretch(1)
        head.addWidget(self.note_status)
        self.more_model = NotesListModel("note", parent=self)
        self.more_model.edited.connect(self._save_edit)
        self.more_list = OrderedList("More notes", "")
        self.more_list.setModel(self.more_model)
        self.more_list.delete_requested.connect(lambda: self._delete_from(self.more_list, self.more_model))
        column = QVBoxLayout()
        column.addLayout(head)
        column.addWidget(self.note)
        column.addWidget(self.more_list)
        return column

    def _build_questions(self):
        self.questions = NotesListModel("question", parent=self)
        self.questions.edited.connect(self._save_edit)
        self.questions.moved.connect(self._save_order)
        self.question_list = OrderedList(
            "Questions to ask", "No questions yet: type one below and press Enter.")
        self.question_list.setModel(self.questions)
        self.question_list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                           | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.question_list.move_requested.connect(lambda step: self._move(self.question_list, self.questions, step))
        self.question_list.delete_requested.connect(lambda: self._delete_from(self.question_list, self.questions))
        self.question_list.selectionModel().currentRowChanged.connect(self._question_chosen)
        self.questions.modelReset.connect(self._update_question_tools)
        self.new_question = QLineEdit()
        self.new_question.setPlaceholderText("A question to ask…")
        self.new_question.setAccessibleName("New question")
        self.new_question.returnPressed.connect(self.add_question)
        self.add_question_button = QPushButton(icon("add"), "Add")
        self.add_question_button.setAccessibleName("Add the question")
        self.add_question_button.clicked.connect(self.add_question)
        adder = QHBoxLayout()
        adder.addWidget(self.new_question, 1)
        adder.addWidget(self.add_question_button)

        self.up_button = _button("up", "Up", "Move the question up (Ctrl+Up)", text_shown=False)
        self.up_button.clicked.connect(lambda: self._move(self.question_list, self.questions, -1))
        self.down_button = _button("down", "Down", "Move the question down (Ctrl+Down)", text_shown=False)
        self.down_button.clicked.connect(lambda: self._move(self.question_list, self.questions, +1))
        self.delete_button = _button("delete", "Delete", "Delete the question (Delete)", text_shown=False)
        self.delete_button.clicked.connect(lambda: self._delete_from(self.question_list, self.questions))
        self.undo_button = _button("undo", "Undo delete", "Bring back what was deleted last")
        self.undo_button.clicked.connect(self.undo_delete)
        head = QHBoxLayout()
        head.addWidget(_section("Questions to ask"))
        head.addStretch(1)
        for button in (self.up_button, self.down_button, self.delete_button, self.undo_button):
            head.addWidget(button)

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
        self.question_list.setToolTip("Tick a question when it has been asked; double-click (or F2) to edit it; "
                                      "Ctrl+Up and Ctrl+Down move it")

        column = QVBoxLayout()
        column.addLayout(head)
        column.addWidget(self.question_list)
        column.addWidget(self.answer_row)
        column.addLayout(adder)
        return column

    def _build_enquiries(self):
        self.enquiries = NotesListModel("enquiry", parent=self)
        self.enquiries.edited.connect(self._save_edit)
        self.enquiries.moved.connect(self._save_order)
        self.enquiry_title = _section("Lines of enquiry")
        self.enquiry_list = OrderedList("Lines of enquiry", "No lines of enquiry yet.")
        self.enquiry_list.setModel(self.enquiries)
        self.enquiry_list.move_requested.connect(lambda step: self._move(self.enquiry_list, self.enquiries, step))
        self.enquiry_list.delete_requested.connect(lambda: self._delete_from(self.enquiry_list, self.enquiries))
        self.new_enquiry = QLineEdit()
        self.new_enquiry.setPlaceholderText("A line of enquiry for the panel…")
        self.new_enquiry.setAccessibleName("New line of enquiry")
        self.new_enquiry.returnPressed.connect(self.add_enquiry)
        self.lead = QComboBox()
        self.lead.setEditable(True)
        self.lead.setAccessibleName("Who leads")
        self.lead.lineEdit().setPlaceholderText("Who leads")
        self.lead.lineEdit().setAccessibleName("Who leads")
        self.lead.view().setAccessibleName("Members of the panel")
        self.lead.setMinimumWidth(140)
        self.lead.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.add_enquiry_button = QPushButton(icon("add"), "Add")
        self.add_enquiry_button.setAccessibleName("Add the line of enquiry")
        self.add_enquiry_button.clicked.connect(self.add_enquiry)
        self.enquiry_adder = QWidget()
        adder = QHBoxLayout(self.enquiry_adder)
        adder.setContentsMargins(0, 0, 0, 0)
        adder.addWidget(self.new_enquiry, 1)
        adder.addWidget(self.lead)
        adder.addWidget(self.add_enquiry_button)
        self.enquiry_tools = QWidget()
        tools = QHBoxLayout(self.enquiry_tools)
        tools.setContentsMargins(0, 0, 0, 0)
        for name, text, tip, handler in [
            ("up", "Up", "Move up (Ctrl+Up)", lambda: self._move(self.enquiry_list, self.enquiries, -1)),
            ("down", "Down", "Move down (Ctrl+Down)", lambda: self._move(self.enquiry_list, self.enquiries, +1)),
            ("delete", "Delete", "Delete the line of enquiry (Delete)",
             lambda: self._delete_from(self.enquiry_list, self.enquiries)),
        ]:
            button = _button(name, text, tip, text_shown=False)
            button.clicked.connect(handler)
            tools.addWidget(button)
        head = QHBoxLayout()
        head.addWidget(self.enquiry_title)
        head.addStretch(1)
        head.addWidget(self.enquiry_tools)
        column = QVBoxLayout()
        column.setContentsMargins(0, 4, 0, 0)
        column.addLayout(head)
        column.addWidget(self.enquiry_list)
        column.addWidget(self.enquiry_adder)
        return column

    def _build_highlights(self):
        self.highlights = HighlightsModel(parent=self)
        self.highlight_list = DeletableList(
            "Highlights", "No highlights yet: select text in the pack and press Highlight (Ctrl+H).",
            max_height=260)
        self.highlight_list.setModel(self.highlights)
        self.highlight_list.activated.connect(self._highlight_activated)
        self.highlight_list.clicked.connect(self._highlight_activated)
        self.highlight_list.setToolTip("Click a highlight to turn the pack to its page; Delete removes it")
        self.unplaced = HighlightsModel(needs_placing=True, parent=self)
        self.unplaced_title = _section("Needs placing")
        self.unplaced_hint = _hint("The revised pack no longer has these passages where they were; "
                                   "their text is kept here.")
        self.unplaced_list = DeletableList("Highlights that need placing", "")
        self.unplaced_list.setModel(self.unplaced)
        for view, model, other in ((self.highlight_list, self.highlights, self.unplaced_list),
                                   (self.unplaced_list, self.unplaced, self.highlight_list)):
            view.delete_requested.connect(lambda v=view, m=model: self._delete_highlight_from(v, m))
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda point, v=view: self.highlight_menu(v, point).popup(
                v.viewport().mapToGlobal(point)))
            view.selectionModel().currentChanged.connect(
                lambda current, _previous, o=other: self._highlight_chosen(current, o))
        self.delete_highlight_button = _button("delete", "Delete highlight",
                                               "Delete the chosen highlight (Delete)", text_shown=False)
        self.delete_highlight_button.clicked.connect(self.delete_chosen_highlight)
        self.undo_highlight_button = _button("undo", "Undo delete", "Bring back the highlight deleted last")
        self.undo_highlight_button.setAccessibleName("Undo highlight delete")
        self.undo_highlight_button.clicked.connect(self.undo_highlight_delete)
        head = QHBoxLayout()
        head.addWidget(_section("Highlights"))
        head.addStretch(1)
        head.addWidget(self.delete_highlight_button)
        head.addWidget(self.undo_highlight_button)
        column = QVBoxLayout()
        column.addLayout(head)
        column.addWidget(self.highlight_list)
        column.addWidget(self.unplaced_title)
        column.addWidget(self.unplaced_hint)
        column.addWidget(self.unplaced_list)
        return column

    # -- showing an item ------------------------------------------------------

    @property
    def is_chair(self) -> bool:
        return bool(self.data) and self.data["profile"].get("role") == "chair"

    def show_item(self, item_id: int | None, title: str = "") -> None:
        """Show an item's markup (read on the worker); None shows nothing to mark up."""
        if item_id != self.item_id:
            self.note.flush()
        self.item_id = item_id
        if title:
            self.caption.setText(f"Notes on <b>{_escape(title)}</b>")
        self.caption.setVisible(item_id is None)
        self._generation += 1
        if item_id is None:
            self.caption.setText("<i>Choose an agenda item to write notes and questions on it.</i>")
            self.note.set_item(None, "")
            for model in (self.questions, self.enquiries, self.shared_model, self.more_model):
                model.set_rows([])
            self.highlights.set_rows([])
            self.unplaced.set_rows([])
            self._set_enabled(False)
            return
        self.reload()

    def reload(self) -> None:
        if self.item_id is None:
            return
        self._generation += 1
        generation, item_id = self._generation, self.item_id
        self.worker.submit(lambda store: item_markup(store, item_id),
                           lambda data: self._loaded(generation, data), self.error.emit)

    def _loaded(self, generation: int, data: dict) -> None:
        if generation != self._generation or data["item_id"] != self.item_id:
            return
        self.data = data
        self._filling = True
        try:
            note = data["note"]
            self.note.set_item(data["item_id"], note["text"] if note else "")
            self.more_model.set_rows(data["more_notes"])
            self.more_list.setVisible(bool(data["more_notes"]))
            self._fill_list(self.questions, self.question_list, data["questions"])
            self._fill_list(self.enquiries, self.enquiry_list, data["enquiries"])
            self.shared_model.set_rows(data["shared"])
            self.shared_box.setVisible(bool(data["shared"]))
            self.highlights.set_rows(data["highlights"])
            self.unplaced.set_rows(data["highlights"])
            self._show_unplaced()
            mark = data["mark"]
            self.flag_box.setCurrentIndex(max(0, self.flag_box.findData(mark.get("flag"))))
            self.read_box.setChecked(bool(data["read"]))
            if not self._priority_timer.isActive():     # a priority just chosen is still to be saved
                self.priority_box.setValue(mark.get("priority") or 0)
            self.lead.clear()
            self.lead.addItems([""] + data["members"])
            self._show_role()
            self._set_enabled(True)
            self._question_chosen(self.question_list.currentIndex(), QModelIndex())
        finally:
            self._filling = False
        self.loaded.emit(data["item_id"])

    @staticmethod
    def _fill_list(model: NotesListModel, view: QListView, rows: list[dict]) -> None:
        current = view.currentIndex()
        keep = model.note(current.row())["id"] if current.isValid() and current.row() < model.rowCount() else None
        model.set_rows(rows)
        row = model.row_of(keep) if keep is not None else None
        if row is not None:
            view.setCurrentIndex(model.index(row))

    def _show_role(self) -> None:
        chair = self.is_chair
        self.priority_label.setVisible(chair)
        self.priority_box.setVisible(chair)
        has_enquiries = self.enquiries.rowCount() > 0
        self.enquiry_box.setVisible(chair or has_enquiries)
        self.enquiry_title.setText("Lines of enquiry" if chair else "The chair's lines of enquiry")
        self.enquiries.editable = chair
        self.enquiry_adder.setVisible(chair)
        self.enquiry_tools.setVisible(chair)
        self.enquiry_list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed if chair
            else QAbstractItemView.EditTrigger.NoEditTriggers)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.flag_box, self.read_box, self.priority_box, self.note, self.question_list,
                       self.new_question, self.add_question_button, self.answer, self.highlight_list,
                       self.unplaced_list, self.enquiry_box):
            widget.setEnabled(on)
        self._update_question_tools()
        self.undo_button.setEnabled(on and bool(self.deleted))
        self.undo_highlight_button.setEnabled(on and bool(self.deleted_highlights))
        self._update_highlight_tools()

    def set_read(self, read: bool) -> None:
        """The item's read mark changed elsewhere (opening it marks it read)."""
        self._filling = True
        try:
            self.read_box.setChecked(read)
        finally:
            self._filling = False

    def flush(self, closing: bool = False) -> None:
        """Save anything typed and not yet saved; ``closing``: the window is closing, so the
        answers to these saves start no further work."""
        self._closing = self._closing or closing
        self.note.flush()
        self.answer_flush()
        if self._priority_timer.isActive():
            self._priority_timer.stop()
            self._priority_chosen()

    # -- marks -----------------------------------------------------------------

    def _submit(self, job, on_done=None) -> None:
        self.worker.submit(job, on_done or (lambda _result: None), self.error.emit)

    def _flag_chosen(self, _index: int) -> None:
        if self._filling or self.item_id is None:
            return
        item_id, flag = self.item_id, self.flag_box.currentData()
        self._submit(lambda store: markup.set_mark(store, item_id, flag=flag),
                     lambda _mark: self._marks_changed(item_id))

    def _read_toggled(self, on: bool) -> None:
        if self._filling or self.item_id is None:
            return
        item_id = self.item_id
        self._submit(lambda store: set_read(store, item_id, on), self.read_changed.emit)

    def _priority_chosen(self) -> None:
        if self._filling or self.item_id is None:
            return
        item_id, priority = self.item_id, self.priority_box.value() or None
        self._submit(lambda store: markup.set_mark(store, item_id, priority=priority),
                     lambda _mark: self._marks_changed(item_id))

    # -- notes, questions, enquiries ---------------------------------------------

    def _note_saved(self, item_id: int, _note_id) -> None:
        if item_id == self.item_id:
            self.note_status.setText("Saved")
        self._marks_changed(item_id)

    def _note_failed(self, error: BaseException) -> None:
        self.note_status.setText("Not saved yet: it will be tried again")
        self.error.emit(error)

    def add_question(self) -> None:
        text = self.new_question.text().strip()
        if not text or self.item_id is None:
            return
        self.new_question.clear()
        item_id = self.item_id
        self._submit(lambda store: markup.add_note(store, item_id, text, question=True),
                     lambda _id: self._changed(item_id))

    def add_enquiry(self) -> None:
        text = self.new_enquiry.text().strip()
        if not text or self.item_id is None:
            return
        lead = self.lead.currentText().strip() or None
        self.new_enquiry.clear()
        self.lead.setCurrentIndex(0)
        item_id = self.item_id
        self._submit(lambda store: markup.add_enquiry(store, item_id, text, lead=lead),
                     lambda _id: self._changed(item_id))

    def _changed(self, item_id: int) -> None:
        if self._closing:
            return
        if item_id == self.item_id:
            self.reload()
        self._marks_changed(item_id)

    def _marks_changed(self, item_id: int) -> None:
        if not self._closing:
            self.marks_changed.emit(item_id)

    def _save_edit(self, note_id: int, changes: dict) -> None:
        self._submit(lambda store: markup.update_note(store, note_id, **changes))

    def _save_order(self, ids: list[int]) -> None:
        self._submit(lambda store: markup.reorder(store, ids))

    def _move(self, view: QListView, model: NotesListModel, step: int) -> None:
        index = view.currentIndex()
        if not index.isValid() or not model.editable:
            return
        target = model.move(index.row(), step)
        if target is not None:
            view.setCurrentIndex(model.index(target))

    def _delete_from(self, view: QListView, model: NotesListModel) -> None:
        index = view.currentIndex()
        if not index.isValid() or not model.editable:
            return
        note = model.remove(index.row())
        item_id = self.item_id
        self._submit(lambda store: markup.delete_note(store, note["id"]),
                     lambda whole: self._deleted(whole, item_id))

    def _deleted(self, note: dict, item_id: int) -> None:
        self.deleted.append(note)
        self.undo_button.setEnabled(self.item_id is not None)
        self.undo_button.setToolTip(f"Bring back “{_shorten(note['text'])}”")
        self._marks_changed(item_id)

    def undo_delete(self) -> None:
        """Bring back the last deleted note, question or line of enquiry."""
        if not self.deleted:
            return
        note = self.deleted.pop()
        self.undo_button.setEnabled(bool(self.deleted))
        if self.deleted:
            self.undo_button.setToolTip(f"Bring back “{_shorten(self.deleted[-1]['text'])}”")
        self._submit(lambda store: markup.restore_note(store, note),
                     lambda _id: self._changed(note["item_id"]))

    def _update_question_tools(self) -> None:
        """Up, Down and Delete act on the chosen question: without one they are greyed."""
        chosen = self.question_list.isEnabled() and self.question_list.currentIndex().isValid()
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setEnabled(chosen)

    def _question_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_question_tools()
        chosen = current.isValid()
        self.answer.setEnabled(chosen)
        self.answer_row.setVisible(chosen)
        self.answer.setText((self.questions.note(current.row()).get("answer") or "") if chosen else "")
        self.answer.setProperty("row", current.row() if chosen else -1)

    def _answer_given(self) -> None:
        row = self.answer.property("row")
        if isinstance(row, int) and 0 <= row < self.questions.rowCount():
            self.questions.set_answer(row, self.answer.text())

    def answer_flush(self) -> None:
        if self.answer.isEnabled() and self.answer.isModified():
            self._answer_given()

    # -- highlights --------------------------------------------------------------

    def _highlight_activated(self, index: QModelIndex) -> None:
        page = index.data(PageRole)
        if isinstance(page, int):
            self.page_requested.emit(page)

    def _show_unplaced(self) -> None:
        unplaced = self.unplaced.rowCount() > 0
        for widget in (self.unplaced_title, self.unplaced_hint, self.unplaced_list):
            widget.setVisible(unplaced)
        self.unplaced_title.setText(f"Needs placing ({self.unplaced.rowCount()})")
        self._update_highlight_tools()

    def _highlight_chosen(self, current: QModelIndex, other: QListView) -> None:
        """One highlight is chosen at a time, in either list: the one Delete acts on."""
        if current.isValid():
            other.selectionModel().clear()
        self._update_highlight_tools()

    def _chosen_highlight_list(self) -> tuple[QListView, HighlightsModel] | None:
        for view, model in ((self.highlight_list, self.highlights), (self.unplaced_list, self.unplaced)):
            if view.currentIndex().isValid():
                return view, model
        return None

    def _update_highlight_tools(self) -> None:
        self.delete_highlight_button.setEnabled(self.item_id is not None and self._chosen_highlight_list() is not None)

    def highlight_menu(self, view: QListView, point: QPoint) -> QMenu:
        """The context menu of a highlight in either list: show it on its page, delete it, undo."""
        menu = QMenu(view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        index = view.indexAt(point)
        if index.isValid():
            view.setCurrentIndex(index)
            if isinstance(index.data(PageRole), int):
                menu.addAction(icon("find-in-page"), "Show on the page", lambda: self._highlight_activated(index))
            model = view.model()
            delete = menu.addAction(icon("delete"), "Delete highlight",
                                    lambda: self._delete_highlight_from(view, model))
            delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))     # shown; the list takes the key
        if self.deleted_highlights:
            menu.addSeparator()
            menu.addAction(icon("undo"), "Undo delete", self.undo_highlight_delete).setToolTip(
                self.undo_highlight_button.toolTip())
        return menu

    def delete_chosen_highlight(self) -> None:
        chosen = self._chosen_highlight_list()
        if chosen is not None:
            self._delete_highlight_from(*chosen)

    def _delete_highlight_from(self, view: QListView, model: HighlightsModel) -> None:
        """Take the chosen highlight out of the list at once and delete it on the worker.
        If it cannot be deleted, the panel is read again so the list shows what is stored;
        one already gone (deleted meanwhile by a merged markup file) needs no message."""
        index = view.currentIndex()
        if not index.isValid() or self.item_id is None:
            return
        light = model.remove(index.row())
        self._show_unplaced()
        item_id = self.item_id

        def failed(error: BaseException) -> None:
            from panelbook.store.queries import NotFound

            self._changed(item_id)
            if not self._closing and isinstance(error, NotFound):
                self.highlights_changed.emit(item_id)
            else:
                self.error.emit(error)

        self.worker.submit(lambda store: markup.delete_highlight(store, light["id"]),
                           lambda whole: self._highlight_deleted(whole, item_id), failed)

    def _highlight_deleted(self, light: dict, item_id: int) -> None:
        self.deleted_highlights.append(light)
        self._tell_undo_highlight()
        self._marks_changed(item_id)
        if not self._closing:
            self.highlights_changed.emit(item_id)

    def _tell_undo_highlight(self) -> None:
        self.undo_highlight_button.setEnabled(self.item_id is not None and bool(self.deleted_highlights))
        if self.deleted_highlights:
            self.undo_highlight_button.setToolTip(
                f"Bring back the highlight “{_shorten(self.deleted_highlights[-1]['quote'])}”")
        else:
            self.undo_highlight_button.setToolTip("Bring back the highlight deleted last")

    def undo_highlight_delete(self) -> None:
        """Bring back the last deleted highlight, on its item and page, under the same uid."""
        if not self.deleted_highlights:
            return
        light = self.deleted_highlights.pop()
        self._tell_undo_highlight()

        def restored(_id: int) -> None:
            self._changed(light["item_id"])
            if not self._closing:
                self.highlights_changed.emit(light["item_id"])

        def failed(error: BaseException) -> None:
            from panelbook.store.queries import NotFound

            if not isinstance(error, (markup.MarkupError, NotFound)):     # not for good: it can be tried again
                self.deleted_highlights.append(light)
                self._tell_undo_highlight()
            self.error.emit(error)

        self.worker.submit(lambda store: markup.restore_highlight(store, light), restored, failed)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
