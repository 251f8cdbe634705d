"""Each view refreshes itself when the store says what changed (store_changed), instead of
being refreshed by hand by the window or by other views."""
from __future__ import annotations

import pytest

from desktop_helpers import meeting_on

PERFORMANCE = "Children and Learning - Performance"
TRENDS = "That, to enable trends"


def _run(qtbot, window, op, changes):
    """Run ``op`` as a StoreOp declaring ``changes``, from nobody in particular (as a script would)."""
    from panelbook.ui.common.store_op import StoreOp

    done = []
    StoreOp(window.worker, op, changes=changes).success(done.append).run_in_background()
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    return done[0]


def _open_item(qtbot, window, iso: str, title: str) -> int:
    window.open_meeting(meeting_on(window, iso))
    place = window.meeting
    qtbot.waitUntil(lambda: place.model.rowCount() > 0, timeout=20000)
    item_id = next(place.model.item(r)["id"] for r in range(place.model.rowCount())
                   if place.model.item(r)["title"] == title)
    with qtbot.waitSignal(place.earlier_recs.loaded, timeout=20000):
        place.select_item(item_id)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    return item_id


def test_a_note_written_elsewhere_shows_in_the_agenda_marks(qtbot, window):
    from panelbook.services import markup
    from panelbook.ui.common.store_op import Change

    item_id = _open_item(qtbot, window, "2024-08-08", PERFORMANCE)
    assert not window.meeting.model.marks(item_id).get("notes")
    _run(qtbot, window, lambda store: markup.add_note(store, item_id, "Ask about the trend lines"), Change.MARKUP)
    qtbot.waitUntil(lambda: window.meeting.model.marks(item_id).get("notes") == 1, timeout=5000)


def test_a_recommendation_accepted_elsewhere_shows_among_the_earlier_ones(qtbot, window):
    from panelbook.services.recs import set_recommendation
    from panelbook.store import queries
    from panelbook.ui.common.store_op import Change

    _open_item(qtbot, window, "2024-08-08", PERFORMANCE)
    panel = window.meeting.earlier_recs
    assert panel.model.rowCount() == 0       # the July 2023 recommendation is still a draft

    def accept(store):
        rec_id = next(r["id"] for r in queries.recommendations(store.db, status="draft")
                      if r["text"].startswith(TRENDS))
        return set_recommendation(store, rec_id, status="awaiting_response", who="clerk")["id"]

    with qtbot.waitSignal(panel.loaded, timeout=20000):
        rec_id = _run(qtbot, window, accept, Change.RECS)
    assert [row["id"] for row in panel.model.rows()] == [rec_id]


def test_a_refresh_keeps_the_item_and_the_readers_page_when_the_pack_is_unchanged(qtbot, window):
    item_id = _open_item(qtbot, window, "2024-08-08", PERFORMANCE)
    reader = window.meeting.reader
    reader.go_to_page(30)
    qtbot.waitUntil(lambda: reader.current_page() == 30, timeout=5000)
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.refresh()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    qtbot.wait(100)
    assert window.meeting.current_item_id() == item_id
    assert reader.current_page() == 30


def test_a_meeting_removed_elsewhere_leaves_the_place_empty(qtbot, window):
    from panelbook.services.sample import remove_sample
    from panelbook.ui.common.store_op import Change

    _open_item(qtbot, window, "2024-08-08", PERFORMANCE)
    _run(qtbot, window, remove_sample, Change.ALL)
    qtbot.waitUntil(lambda: window.meeting.meeting_id is None, timeout=20000)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    assert window.meeting.model.rowCount() == 0
    assert window.meeting.header.title.text() == "No meeting chosen"
    assert window.meetings == []


@pytest.fixture
def searched(qtbot, window):
    """The Search place on screen, showing that nothing matches a word no document has."""
    window.go(3)
    with qtbot.waitSignal(window.search.results_shown, timeout=20000):
        window.search.set_text("zanzibarish")
    assert window.search.model.rowCount() == 0
    return window.search


def test_the_search_shown_runs_again_when_a_note_matches(qtbot, window, searched):
    from panelbook.services import markup
    from panelbook.ui.common.store_op import Change

    item_id = _first_item(qtbot, window)
    with qtbot.waitSignal(searched.results_shown, timeout=20000):
        _run(qtbot, window, lambda store: markup.add_note(store, item_id, "zanzibarish budgets"), Change.MARKUP)
    assert searched.model.rowCount() > 0


def test_a_hidden_search_runs_again_only_when_it_is_shown(qtbot, window, searched):
    from panelbook.services import markup
    from panelbook.ui.common.store_op import Change

    item_id = _first_item(qtbot, window)
    window.go(0)
    shown = []
    searched.results_shown.connect(shown.append)
    _run(qtbot, window, lambda store: markup.add_note(store, item_id, "zanzibarish budgets"), Change.MARKUP)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    qtbot.wait(50)
    assert shown == [] and searched.model.rowCount() == 0
    with qtbot.waitSignal(searched.results_shown, timeout=20000):
        window.go(3)
    assert searched.model.rowCount() > 0


def _first_item(qtbot, window) -> int:
    from panelbook.store import queries
    from panelbook.ui.common.store_op import Change

    meeting_id = meeting_on(window, "2024-08-08")
    return _run(qtbot, window, lambda store: queries.agenda(store.db, meeting_id)["items"][0]["id"], Change(0))


# The cancelled import's message box has a fixed size, which the offscreen platform warns it cannot pass on.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_cancelled_import_announces_no_change(qtbot, window, moderngov):
    import threading

    from PySide6.QtWidgets import QMessageBox

    announced = []
    window.worker.store_changed.connect(lambda changes, who: announced.append(changes))
    gate = threading.Event()
    window.worker.submit(lambda store: gate.wait(20))
    window.import_files([str(moderngov / "Agenda_151.html")])
    window.cancel_button.click()
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        gate.set()
    assert announced == []
    for box in window.findChildren(QMessageBox):
        box.close()


def test_a_finished_import_announces_what_it_changed(qtbot, window, moderngov):
    from panelbook.ui.common.store_op import Change

    announced = []
    window.worker.store_changed.connect(lambda changes, who: announced.append((changes, who)))
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.import_files([str(moderngov / "Agenda_151.html")])
    assert len(announced) == 1
    changes, who = announced[0]
    assert who is window.importer
    assert Change.MEETINGS in changes and Change.ITEMS in changes and Change.DOCUMENTS in changes
