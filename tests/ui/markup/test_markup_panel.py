"""The markup panel on the sample panel's 8 August 2024 item "Repeat Child Protection Plans - Analysis":
the note saves as typed and on close, questions are ordered and ticked, deletes can be undone,
flags and read marks reach the agenda."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from desktop_helpers import close_window, meeting_on, open_window
from panelbook.ui.meeting.agenda_model import TITLE, ReadRole

ITEM = "Repeat Child Protection Plans - Analysis"


def open_item(qtbot, window, title=ITEM):
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, "2024-08-08"))
    item = next(it for it in window.meeting.model.items() if it["title"] == title)
    panel = window.meeting.markup
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        window.meeting.select_item(item["id"])
    window.meeting.show_markup()
    return item, panel


def rows(folder, sql, params=()):
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def test_a_note_typed_and_the_window_closed_at_once_is_saved(qtbot, sample_folder):
    window, worker = open_window(qtbot, sample_folder)
    item, panel = open_item(qtbot, window)
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Ask why re-referrals rose")
    assert panel.note.dirty          # still inside the pause before saving
    close_window(qtbot, window, worker)
    notes = rows(sample_folder, "SELECT kind, text, profile FROM notes WHERE item_id = ?", (item["id"],))
    assert notes == [{"kind": "note", "text": "Ask why re-referrals rose", "profile": "Me"}]

    window, worker = open_window(qtbot, sample_folder)
    try:
        _item, panel = open_item(qtbot, window)
        assert panel.note.toPlainText() == "Ask why re-referrals rose"
        assert window.meeting.model.index(window.meeting.model.row_of(item["id"]), TITLE).data(
            Qt.ItemDataRole.ToolTipRole).endswith("(1 note or question)")
    finally:
        close_window(qtbot, window, worker)


def test_the_note_saves_after_a_pause_and_emptying_it_deletes_it(qtbot, window, sample_folder):
    item, panel = open_item(qtbot, window)
    panel.note.setFocus()
    with qtbot.waitSignal(panel.note.saved, timeout=5000):
        qtbot.keyClicks(panel.note, "First thoughts")
    assert panel.note_status.text() == "Saved"
    assert [n["text"] for n in rows(sample_folder, "SELECT text FROM notes WHERE item_id = ?", (item["id"],))] == \
        ["First thoughts"]
    with qtbot.waitSignal(panel.note.saved, timeout=5000):
        panel.note.selectAll()
        qtbot.keyClick(panel.note, Qt.Key.Key_Delete)
    assert rows(sample_folder, "SELECT * FROM notes WHERE item_id = ?", (item["id"],)) == []
    panel.note.undo()                # the editor's own undo brings the text back, and it is saved again
    qtbot.waitUntil(lambda: [n["text"] for n in rows(
        sample_folder, "SELECT text FROM notes WHERE item_id = ?", (item["id"],))] == ["First thoughts"])


def add_questions(qtbot, panel, texts):
    for text in texts:
        panel.new_question.setFocus()
        with qtbot.waitSignal(panel.loaded, timeout=5000):
            qtbot.keyClicks(panel.new_question, text)
            qtbot.keyClick(panel.new_question, Qt.Key.Key_Return)


def question_rows(folder, item_id):
    return rows(folder, "SELECT id, uid, text, position, state, answer FROM notes WHERE item_id = ? "
                        "AND kind = 'question' ORDER BY position", (item_id,))


def test_questions_are_added_reordered_ticked_and_answered(qtbot, window, sample_folder):
    item, panel = open_item(qtbot, window)
    add_questions(qtbot, panel, ["Why did repeat plans rise?", "What is next year's target?",
                                 "Who reviews closed plans?"])
    model, view = panel.questions, panel.question_list
    assert [model.index(r).data() for r in range(3)] == [
        "1. Why did repeat plans rise?", "2. What is next year's target?", "3. Who reviews closed plans?"]
    assert panel.new_question.text() == ""

    view.setFocus()
    view.setCurrentIndex(model.index(2))
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)    # the third goes first, by keyboard
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().row() == 0
    view.setCurrentIndex(model.index(1))
    panel.down_button.click()                                                   # and by button
    expected = ["Who reviews closed plans?", "What is next year's target?", "Why did repeat plans rise?"]
    assert [model.note(r)["text"] for r in range(3)] == expected
    assert model.index(0).data() == "1. Who reviews closed plans?"
    qtbot.waitUntil(lambda: [q["text"] for q in question_rows(sample_folder, item["id"])] == expected)

    assert model.setData(model.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    view.setCurrentIndex(model.index(1))
    panel.answer.setFocus()
    qtbot.keyClicks(panel.answer, "20% by March 2025")
    qtbot.keyClick(panel.answer, Qt.Key.Key_Return)
    assert model.index(1).data() == "2. What is next year's target?\nAnswer: 20% by March 2025"
    assert model.index(0).data() == "1. Who reviews closed plans?\nAsked"
    qtbot.waitUntil(lambda: [(q["state"], q["answer"]) for q in question_rows(sample_folder, item["id"])] == [
        ("asked", None), ("answered", "20% by March 2025"), ("open", None)])

    assert model.setData(model.index(2), "Why did repeat plans rise in 2023/24?", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: question_rows(sample_folder, item["id"])[2]["text"] ==
                    "Why did repeat plans rise in 2023/24?")


def test_a_deleted_question_comes_back_with_undo(qtbot, window, sample_folder):
    item, panel = open_item(qtbot, window)
    add_questions(qtbot, panel, ["Keep me", "Delete me", "Me too"])
    before = question_rows(sample_folder, item["id"])
    assert not panel.undo_button.isEnabled()
    panel.question_list.setFocus()
    panel.question_list.setCurrentIndex(panel.questions.index(1))
    qtbot.keyClick(panel.question_list, Qt.Key.Key_Delete)
    assert [panel.questions.note(r)["text"] for r in range(panel.questions.rowCount())] == ["Keep me", "Me too"]
    qtbot.waitUntil(panel.undo_button.isEnabled)
    assert [q["text"] for q in question_rows(sample_folder, item["id"])] == ["Keep me", "Me too"]
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.undo_button.click()
    restored = question_rows(sample_folder, item["id"])
    assert [(q["uid"], q["text"], q["position"]) for q in restored] == \
        [(q["uid"], q["text"], q["position"]) for q in before]
    assert [panel.questions.note(r)["text"] for r in range(3)] == ["Keep me", "Delete me", "Me too"]
    assert not panel.undo_button.isEnabled()


def test_flag_and_read_mark_reach_the_store_and_the_agenda(qtbot, window, sample_folder):
    item, panel = open_item(qtbot, window)
    model = window.meeting.model
    row = model.row_of(item["id"])
    qtbot.waitUntil(lambda: model.index(row, 0).data(ReadRole) is True)    # opened by choice: read
    assert panel.read_box.isChecked()
    panel.flag_box.setCurrentIndex(panel.flag_box.findData("challenge"))
    qtbot.waitUntil(lambda: model.marks(item["id"]).get("flag") == "challenge")
    assert model.index(row, TITLE).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "flagged “challenge”" in model.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    panel.read_box.click()                                                  # untick: bold again
    qtbot.waitUntil(lambda: model.index(row, 0).data(ReadRole) is False)
    assert model.index(row, TITLE).data(Qt.ItemDataRole.FontRole).bold()
    assert rows(sample_folder, "SELECT flag, read FROM item_marks WHERE item_id = ?", (item["id"],)) == [
        {"flag": "challenge", "read": 0}]


def test_a_highlight_that_needs_placing_is_listed_with_its_text(qtbot, sample_folder):
    from panelbook.services import markup
    from panelbook.store import Store, transaction

    with Store.open(sample_folder) as store:
        page = next(iter(store.db.query(
            "SELECT p.document_id, p.idx, p.text, p.item_id FROM pages p JOIN items i ON i.id = p.item_id "
            "WHERE i.title = ? ORDER BY p.idx LIMIT 1", (ITEM,))))
        start = page["text"].index("BRIEF SUMMARY")
        placed = markup.add_highlight(store, page["document_id"], page["idx"], start, start + len("BRIEF SUMMARY"))
        lost = markup.add_highlight(store, page["document_id"], page["idx"], 0, 20, comment="From the old pack")
        with transaction(store.db):
            store.db.execute("UPDATE highlights SET needs_placing = 1 WHERE id = ?", (lost,))
    window, worker = open_window(qtbot, sample_folder)
    try:
        _item, panel = open_item(qtbot, window)
        assert panel.highlights.rowCount() == 1
        assert panel.highlights.index(0).data() == "Page 11: “BRIEF SUMMARY”"
        assert panel.unplaced.rowCount() == 1 and not panel.unplaced_list.isHidden()
        assert panel.unplaced_title.text() == "Needs placing (1)"
        text = panel.unplaced.index(0).data()
        assert text.startswith("“DECISION-MAKER: CHIL") and "(was on page 11)" in text
        assert text.endswith("\nComment: From the old pack")
        assert placed
    finally:
        close_window(qtbot, window, worker)


def test_the_markup_models_pass_the_model_tester(qtmodeltester):
    from panelbook.ui.markup.highlights_model import HighlightsModel
    from panelbook.ui.markup.marked_agenda_model import MarkedAgendaModel
    from panelbook.ui.markup.notes_list_model import NotesListModel

    questions = NotesListModel("question")
    questions.set_rows([{"id": 1, "text": "First?", "state": "open", "answer": None, "lead": None},
                        {"id": 2, "text": "Second?", "state": "answered", "answer": "Yes", "lead": "Cllr Bogle"}])
    qtmodeltester.check(questions)
    assert questions.index(1).data() == "2. Second?\nLeads: Cllr Bogle\nAnswer: Yes"
    assert questions.move(0, +1) == 1 and questions.ids() == [2, 1]
    assert questions.move(1, +1) is None
    lights = HighlightsModel()
    lights.set_rows([{"id": 1, "quote": "A quote", "printed": 12, "page_idx": 16, "comment": None,
                      "needs_placing": 0},
                     {"id": 2, "quote": "Lost", "printed": 3, "page_idx": 7, "comment": "x", "needs_placing": 1}])
    qtmodeltester.check(lights)
    assert lights.rowCount() == 1 and lights.index(0).data() == "Page 12: “A quote”"
    agenda = MarkedAgendaModel()
    agenda.set_items([{"id": 5, "agenda_number": "8", "minute_number": "11", "title": "Repeat plans",
                       "pages": [11, 22], "confidential": False}])
    agenda.set_marks({5: {"flag": "key item", "priority": 2, "notes": 3, "highlights": 1}})
    qtmodeltester.check(agenda)
    assert agenda.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Repeat plans (not opened yet) (flagged “key item”, priority 2, 3 notes or questions, 1 highlight)")


def test_question_tools_are_greyed_until_a_question_is_chosen(qtbot, window):
    _item, panel = open_item(qtbot, window)
    tools = (panel.up_button, panel.down_button, panel.delete_button)
    assert panel.questions.rowCount() == 0
    assert not any(button.isEnabled() for button in tools)
    add_questions(qtbot, panel, ["Why did repeat plans rise?"])
    panel.question_list.setCurrentIndex(panel.questions.index(0))
    assert all(button.isEnabled() for button in tools)


def test_saved_is_not_shown_over_the_next_items_empty_note(qtbot, window, sample_folder):
    item, panel = open_item(qtbot, window)
    panel.note.setFocus()
    with qtbot.waitSignal(panel.note.saved, timeout=5000):
        qtbot.keyClicks(panel.note, "First thoughts")
    assert panel.note_status.text() == "Saved"
    other = next(it for it in window.meeting.model.items() if it["id"] != item["id"])
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        window.meeting.select_item(other["id"])
    assert panel.note.toPlainText() == ""
    assert panel.note_status.text() == ""             # nothing saved here yet
    # Typing left waiting on one item is saved on leaving it, and says nothing over the next.
    qtbot.keyClicks(panel.note, "Second thoughts")
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        window.meeting.select_item(item["id"])
    qtbot.waitUntil(lambda: not panel.note.busy)
    assert panel.note.toPlainText() == "First thoughts"
    assert panel.note_status.text() == ""
    assert [n["text"] for n in rows(sample_folder, "SELECT text FROM notes WHERE item_id = ?", (other["id"],))] == \
        ["Second thoughts"]
