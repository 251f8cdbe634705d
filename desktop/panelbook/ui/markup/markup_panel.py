"""The markup panel of the selected agenda item: flag, read mark, private note,
questions, the chair's lines of enquiry, other members' shared markup, and the
item's highlights.

Each section is its own widget (``marks_row``, ``note_section``, ``questions_section``,
``enquiries_section``, ``shared_section``, ``highlights_section``); the panel lays them
out in one scrolling page, reads the item's markup on the worker
(``markup_jobs.item_markup``) and hands each section its part.  Every change is
saved on the database worker as it is made.  With the chair's profile, the panel
also edits the lines of enquiry (who leads each) and the item's priority; other
members see the chair's lines read-only once imported.

Every write declares ``Change.MARKUP``; when the store's markup or profile changes
by another hand (a merged markup file, a new profile, the command line), the panel
reads the item again by itself (``worker.store_changed``).
"""
from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from panelbook.ui.common.kept_edits import kept_edits
from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.common.worker import DatabaseWorker
from panelbook.ui.markup.enquiries_section import EnquiriesSection
from panelbook.ui.markup.highlights_section import HighlightsSection
from panelbook.ui.markup.kept_strip import KeptStrip
from panelbook.ui.markup.marks_row import MarksRow
from panelbook.ui.markup.markup_jobs import item_markup
from panelbook.ui.markup.note_lists import NoteLists
from panelbook.ui.markup.note_section import NoteSection
from panelbook.ui.markup.questions_section import QuestionsSection
from panelbook.ui.markup.section_parts import SPACING
from panelbook.ui.markup.shared_section import SharedSection


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
        self._generation = 0
        self._closing = False
        self._titles: dict[int, str] = {}
        self.kept = kept_edits(worker)
        self.setAccessibleName("Notes and questions")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.note_lists = NoteLists(self, parent=self)
        self.setWidget(self._build_body())
        self._name_controls()
        self.show_item(None)
        worker.store_changed.connect(self._store_changed)

    # -- building -----------------------------------------------------------

    def _build_body(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(SPACING)
        self.caption = QLabel()         # which item: shown only when none is chosen
        self.caption.setWordWrap(True)
        self.caption.setAccessibleName("Item being marked up")
        self.caption.hide()
        layout.addWidget(self.caption)
        self.kept_strip = KeptStrip(self.kept)      # what the disk refused, until it is saved
        layout.addWidget(self.kept_strip)
        self.marks = MarksRow(self)
        layout.addWidget(self.marks)
        layout.addSpacing(4)
        self.note_section = NoteSection(self, self.note_lists)
        layout.addWidget(self.note_section)
        layout.addSpacing(4)
        self.questions_section = QuestionsSection(self, self.note_lists)
        layout.addWidget(self.questions_section)
        self.enquiries_section = EnquiriesSection(self, self.note_lists)
        layout.addWidget(self.enquiries_section)
        self.shared_section = SharedSection()
        layout.addWidget(self.shared_section)
        layout.addSpacing(4)
        self.highlights_section = HighlightsSection(self)
        layout.addWidget(self.highlights_section)
        layout.addStretch(1)
        return body

    def _name_controls(self) -> None:
        """The controls the Meeting place, the tests and the screenshot tools reach for by name."""
        marks, note, questions = self.marks, self.note_section, self.questions_section
        enquiries, lights = self.enquiries_section, self.highlights_section
        self.flag_box, self.read_box, self.priority_box = marks.flag_box, marks.read_box, marks.priority_box
        self.note, self.note_status = note.note, note.note_status
        self.questions, self.question_list = questions.questions, questions.question_list
        self.new_question, self.answer = questions.new_question, questions.answer
        self.up_button, self.down_button = questions.up_button, questions.down_button
        self.delete_button, self.undo_button = questions.delete_button, self.note_lists.undo_button
        self.add_question = questions.add_question
        self.enquiry_box, self.enquiries = enquiries, enquiries.enquiries
        self.enquiry_title, self.new_enquiry, self.lead = enquiries.enquiry_title, enquiries.new_enquiry, enquiries.lead
        self.enquiry_adder, self.enquiry_tools = enquiries.enquiry_adder, enquiries.enquiry_tools
        self.add_enquiry = enquiries.add_enquiry
        self.highlights, self.highlight_list = lights.highlights, lights.highlight_list
        self.unplaced, self.unplaced_list = lights.unplaced, lights.unplaced_list
        self.unplaced_title = lights.unplaced_title
        self.delete_highlight_button = lights.delete_highlight_button
        self.undo_highlight_button = lights.undo_highlight_button
        self.deleted_highlights = lights.deleted_highlights
        self.highlight_menu, self.delete_chosen_highlight = lights.highlight_menu, lights.delete_chosen_highlight
        self.undo_highlight_delete = lights.undo_highlight_delete
        self.undo_delete = self.note_lists.undo_delete

    # -- what the sections call (``markup_host.MarkupHost``) ------------------

    @property
    def closing(self) -> bool:
        return self._closing

    def write(self, job: Callable[[Any], Any], on_done: Callable[[Any], None] | None = None,
              on_failed: Callable[[BaseException], None] | None = None) -> None:
        # While the window closes, nobody is left to refresh: the last saves announce nothing.
        op = StoreOp(self.worker, job, changes=Change(0) if self._closing else Change.MARKUP, initiator=self)
        if on_done is not None:
            op.success(on_done)
        op.failure(on_failed or self.error.emit).run_in_background()

    def write_kept(self, job: Callable[[Any], Any], what: str, text: str, noun: str,
                   on_done: Callable[[Any], None] | None = None,
                   on_failed: Callable[[BaseException], None] | None = None) -> None:
        self.kept.write(job, what=what, text=text, noun=noun, initiator=self, done=on_done,
                        failed=on_failed or self.error.emit,
                        changes=Change(0) if self._closing else Change.MARKUP)

    def title_of(self, item_id: int | None) -> str:
        return self._titles.get(item_id, "the item") if item_id is not None else "the item"

    def changed(self, item_id: int) -> None:
        if self._closing:
            return
        if item_id == self.item_id:
            self.reload()
        self.marks_changed_for(item_id)

    def marks_changed_for(self, item_id: int) -> None:
        if not self._closing:
            self.marks_changed.emit(item_id)

    # -- showing an item ------------------------------------------------------

    @property
    def is_chair(self) -> bool:
        data = self.data or {}
        return bool(data) and data["profile"].get("role") == "chair"

    def show_item(self, item_id: int | None, title: str = "") -> None:
        """Show an item's markup (read on the worker); None shows nothing to mark up."""
        if item_id != self.item_id:
            self.note.flush()
        self.item_id = item_id
        if title and item_id is not None:
            self._titles[item_id] = title
        if title:
            self.caption.setText(f"Notes on <b>{escape(title)}</b>")
        self.caption.setVisible(item_id is None)
        self._generation += 1
        if item_id is None:
            self.caption.setText("<i>Choose an agenda item to write notes and questions on it.</i>")
            self.note_section.clear()
            self.questions.set_rows([])
            self.enquiries_section.clear()
            self.shared_section.clear()
            self.highlights_section.clear()
            self._set_enabled(False)
            return
        self.reload()

    def reload(self) -> None:
        if self.item_id is None:
            return
        self._generation += 1
        generation, item_id = self._generation, self.item_id
        StoreOp(self.worker, lambda store: item_markup(store, item_id), initiator=self) \
            .success(lambda data: self._loaded(generation, data)).failure(self.error.emit).run_in_background()

    def _store_changed(self, changes: Change, initiator: object) -> None:
        """Markup or the profile changed by another hand: read the item again."""
        if changes & (Change.MARKUP | Change.PROFILE) and not self._own(initiator) and not self._closing:
            self.reload()

    def _own(self, initiator: object) -> bool:
        """Writes the panel already shows: its own and its note editor's, and those of the place
        that holds it (which tells the panel itself: the read mark, a new highlight)."""
        if initiator is self:
            return True
        return isinstance(initiator, QWidget) and (self.isAncestorOf(initiator) or initiator.isAncestorOf(self))

    def _loaded(self, generation: int, data: dict) -> None:
        if generation != self._generation or data["item_id"] != self.item_id:
            return
        self.data = data
        self.note_section.fill(data)
        self.questions_section.fill(data["questions"])
        self.enquiries_section.fill(data["enquiries"], data["members"])
        self.shared_section.fill(data["shared"])
        self.highlights_section.fill(data["highlights"])
        self.marks.fill(data["mark"], bool(data["read"]))
        chair = self.is_chair
        self.marks.show_role(chair)
        self.enquiries_section.show_role(chair)
        self._set_enabled(True)
        self.questions_section.show_chosen()
        self.loaded.emit(data["item_id"])

    def _set_enabled(self, on: bool) -> None:
        self.marks.set_enabled(on)
        self.note.setEnabled(on)
        self.questions_section.set_enabled(on)
        self.enquiries_section.setEnabled(on)
        self.note_lists.set_enabled(on)
        self.highlights_section.set_enabled(on)

    def set_read(self, read: bool) -> None:
        """The item's read mark changed elsewhere (opening it marks it read)."""
        self.marks.set_read(read)

    def flush(self, closing: bool = False) -> None:
        """Save anything typed and not yet saved; ``closing``: the window is closing, so the
        answers to these saves start no further work."""
        self._closing = self._closing or closing
        self.note.closing = self._closing
        self.note.flush()
        self.questions_section.answer_flush()
        self.marks.flush()
