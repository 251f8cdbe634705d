"""The markup panel reads its item again when markup changes by another hand (here the store
written directly, as ``panelbook note add`` does), but not for its own writes, which say they
changed markup."""
from __future__ import annotations

from test_markup_panel import open_item

from panelbook.services import markup
from panelbook.store import Store
from panelbook.ui.common.store_op import Change


def question_texts(panel) -> list[str]:
    return [panel.questions.note(r)["text"] for r in range(panel.questions.rowCount())]


def test_a_question_added_elsewhere_shows_in_the_panel(qtbot, window, sample_folder):
    item, panel = open_item(qtbot, window)
    qtbot.waitUntil(lambda: not window.worker.busy)        # opening the item marks it read
    with qtbot.assertNotEmitted(panel.loaded, wait=300):
        window.worker.store_changed.emit(Change.RECS, None)        # nothing the panel shows
    with Store.open(sample_folder) as store:
        markup.add_note(store, item["id"], "Asked from the command line", question=True)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        window.worker.store_changed.emit(Change.MARKUP, None)      # as the worker says when it notices
    qtbot.waitUntil(lambda: not window.worker.busy)
    assert "Asked from the command line" in question_texts(panel)


def test_the_panels_own_writes_are_announced_and_not_read_twice(qtbot, window):
    _item, panel = open_item(qtbot, window)
    qtbot.waitUntil(lambda: not window.worker.busy)        # opening the item marks it read
    changes = []
    window.worker.store_changed.connect(lambda what, initiator: changes.append((what, initiator)))
    panel.new_question.setText("Why did re-referrals rise?")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.add_question()
    assert changes == [(Change.MARKUP, panel)]
    assert "Why did re-referrals rise?" in question_texts(panel)

    panel.note.setFocus()
    with qtbot.waitSignal(panel.note.saved, timeout=5000):
        qtbot.keyClicks(panel.note, "First thoughts")
    assert changes[-1] == (Change.MARKUP, panel.note)
    with qtbot.assertNotEmitted(panel.loaded, wait=300):
        pass                        # the note's own save is already shown: nothing to read again
