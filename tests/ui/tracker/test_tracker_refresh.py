"""The Tracker place reads itself again when recommendations change by another hand (here the
store written directly, as the command line does), not for changes it does not show, not while
hidden, and not a second time after its own saves; its saves say they changed recommendations."""
from __future__ import annotations

from datetime import date

from test_tracker_place import UPTAKE, open_tracker, rec_id

from panelbook.services.recs import set_recommendation
from panelbook.store import Store
from panelbook.ui.common.store_op import Change
from panelbook.ui.shell.main_window import Place

TODAY = date(2024, 10, 1)


def response_shown(tracker, rid: int) -> str:
    return tracker.model.rec(tracker.model.row_of(rid))["response"]


def test_a_change_made_elsewhere_shows_in_the_tracker(qtbot, window, sample_folder, sql):
    tracker = open_tracker(qtbot, window, TODAY)
    rid = rec_id(sql, UPTAKE)
    with qtbot.assertNotEmitted(tracker.loaded, wait=300):
        window.worker.store_changed.emit(Change.MARKUP, None)      # nothing the tracker shows
    with Store.open(sample_folder) as store:
        set_recommendation(store, rid, response="Answered from the command line")
    with qtbot.waitSignal(tracker.loaded, timeout=10000):
        window.worker.store_changed.emit(Change.RECS, None)        # as the worker says when it notices
    qtbot.waitUntil(lambda: not window.worker.busy)
    assert response_shown(tracker, rid) == "Answered from the command line"


def test_a_hidden_tracker_reads_the_change_when_shown_again(qtbot, window, sample_folder, sql):
    tracker = open_tracker(qtbot, window, TODAY)
    rid = rec_id(sql, UPTAKE)
    window.go(Place.CALENDAR)
    with Store.open(sample_folder) as store:
        set_recommendation(store, rid, response="Answered while the tracker was hidden")
    with qtbot.assertNotEmitted(tracker.loaded, wait=300):
        window.worker.store_changed.emit(Change.RECS, None)
    with qtbot.waitSignal(tracker.loaded, timeout=10000):
        window.go(Place.TRACKER)
    qtbot.waitUntil(lambda: not window.worker.busy)
    assert response_shown(tracker, rid) == "Answered while the tracker was hidden"


def test_a_save_in_the_tracker_is_announced_once_and_read_once(qtbot, window, sql):
    tracker = open_tracker(qtbot, window, TODAY)
    rid = rec_id(sql, UPTAKE)
    loads, changes = [], []
    tracker.loaded.connect(lambda: loads.append(rid))
    window.worker.store_changed.connect(lambda what, initiator: changes.append((what, initiator)))
    with qtbot.waitSignals([tracker.saved, tracker.loaded], timeout=10000):
        tracker.save(rid, {"response": "Saved in the tracker"})
    qtbot.waitUntil(lambda: not window.worker.busy)
    qtbot.wait(200)
    assert changes == [(Change.RECS, tracker)]
    assert loads == [rid]
    assert response_shown(tracker, rid) == "Saved in the tracker"
