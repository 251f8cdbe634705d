"""StoreOp: an operation on the store run on the worker, answered on the UI thread,
followed by one store_changed signal, with a calm sentence for errors nobody handles."""
from __future__ import annotations

import threading

import pytest


@pytest.fixture
def worker(qtbot, tmp_path):
    from panelbook.paths import data_folder
    from panelbook.ui.common.worker import DatabaseWorker

    worker = DatabaseWorker(data_folder(tmp_path / "data"))
    yield worker
    qtbot.waitUntil(lambda: not worker.busy, timeout=20000)
    worker.shutdown()


def _meeting_count(store) -> int:
    return store.db.execute("SELECT count(*) FROM meetings").fetchone()[0]


def test_the_result_arrives_on_the_ui_thread(qtbot, worker):
    from panelbook.ui.common.store_op import StoreOp

    seen = []
    op_threads = []

    def op(store):
        op_threads.append(threading.current_thread())
        return _meeting_count(store)

    StoreOp(worker, op).success(lambda count: seen.append((count, threading.current_thread()))).run_in_background()
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert seen == [(0, threading.main_thread())]
    assert op_threads and op_threads[0] is not threading.main_thread()


def test_a_change_is_announced_once_with_its_initiator_after_the_success_callback(qtbot, worker):
    from PySide6.QtCore import QObject

    from panelbook.ui.common.store_op import Change, StoreOp

    initiator = QObject()
    events = []
    worker.store_changed.connect(lambda changes, who: events.append(("changed", changes, who)))
    StoreOp(worker, lambda store: "saved", changes=Change.MARKUP | Change.ITEMS, initiator=initiator) \
        .success(lambda result: events.append(("success", result))).run_in_background()
    qtbot.waitUntil(lambda: len(events) == 2, timeout=20000)
    qtbot.wait(50)
    assert events == [("success", "saved"), ("changed", Change.MARKUP | Change.ITEMS, initiator)]


def test_a_read_announces_no_change(qtbot, worker):
    from panelbook.ui.common.store_op import StoreOp

    changed, done = [], []
    worker.store_changed.connect(lambda *args: changed.append(args))
    StoreOp(worker, _meeting_count).success(done.append).run_in_background()
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    qtbot.wait(50)
    assert changed == []


def test_a_failed_op_announces_no_change_and_goes_to_its_failure_callback(qtbot, worker):
    from panelbook.ui.common.store_op import Change, StoreOp

    def op(store):
        raise ValueError("the disk is full")

    errors, changed, sentences, successes = [], [], [], []
    worker.store_changed.connect(lambda *args: changed.append(args))
    worker.failed.connect(sentences.append)
    StoreOp(worker, op, changes=Change.RECS).success(successes.append).failure(errors.append).run_in_background()
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    qtbot.wait(50)
    assert [type(e) for e in errors] == [ValueError] and str(errors[0]) == "the disk is full"
    assert changed == [] and sentences == [] and successes == []


def test_without_a_failure_callback_a_write_error_becomes_one_calm_sentence(qtbot, worker):
    from panelbook.ui.common.store_op import Change, StoreOp

    def op(store):
        raise OSError("the disk is full.")

    with qtbot.waitSignal(worker.failed, timeout=20000) as signal:
        StoreOp(worker, op, changes=Change.MARKUP).run_in_background()
    assert signal.args == ["That could not be saved: the disk is full. Nothing was lost."]


def test_without_a_failure_callback_a_read_error_says_it_could_not_be_read(qtbot, worker):
    from panelbook.ui.common.store_op import StoreOp

    def op(store):
        raise KeyError()

    with qtbot.waitSignal(worker.failed, timeout=20000) as signal:
        StoreOp(worker, op).run_in_background()
    assert signal.args == ["That could not be read: KeyError. Nothing was lost."]


def _deleted_while_running(qtbot, worker, op_result, *, changes, success=None, failure=None):
    """Run an op held on a gate, delete its initiator widget meanwhile, then let it finish."""
    import shiboken6
    from PySide6.QtWidgets import QWidget

    from panelbook.ui.common.store_op import StoreOp

    gate = threading.Event()
    initiator = QWidget()

    def op(store):
        gate.wait(20)
        return op_result(store)

    built = StoreOp(worker, op, changes=changes, initiator=initiator)
    if success is not None:
        built.success(success)
    if failure is not None:
        built.failure(failure)
    built.run_in_background()
    initiator.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(initiator), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: not worker.busy, timeout=20000)
    qtbot.wait(50)


def test_callbacks_of_a_deleted_initiator_are_skipped_but_the_change_is_still_announced(qtbot, worker):
    from panelbook.ui.common.store_op import Change

    called, changed = [], []
    worker.store_changed.connect(lambda changes, who: changed.append((changes, who)))
    _deleted_while_running(qtbot, worker, _meeting_count, changes=Change.PROFILE, success=called.append)
    assert called == []
    assert changed == [(Change.PROFILE, None)]      # the dead widget is not handed on


def test_a_failed_read_of_a_deleted_initiator_says_nothing(qtbot, worker):
    from panelbook.ui.common.store_op import Change

    def broken(store):
        raise ValueError("gone")

    errors, sentences = [], []
    worker.failed.connect(sentences.append)
    _deleted_while_running(qtbot, worker, broken, changes=Change(0), failure=errors.append)
    assert errors == [] and sentences == []


def test_a_failed_write_of_a_deleted_initiator_still_gets_its_sentence(qtbot, worker):
    from panelbook.ui.common.store_op import Change

    def broken(store):
        raise ValueError("the note is too long")

    errors, sentences = [], []
    worker.failed.connect(sentences.append)
    _deleted_while_running(qtbot, worker, broken, changes=Change.MARKUP, failure=errors.append)
    assert errors == []
    assert sentences == ["That could not be saved: the note is too long. Nothing was lost."]


def test_ops_run_in_the_order_they_were_queued(qtbot, worker):
    from panelbook.ui.common.store_op import StoreOp

    order = []
    for n in range(5):
        StoreOp(worker, lambda store, n=n: n).success(order.append).run_in_background()
    qtbot.waitUntil(lambda: len(order) == 5, timeout=20000)
    assert order == [0, 1, 2, 3, 4]


def test_all_is_every_change():
    from panelbook.ui.common.store_op import Change

    for change in (Change.MEETINGS, Change.ITEMS, Change.DOCUMENTS, Change.RECS, Change.MARKUP, Change.PROFILE):
        assert change in Change.ALL
    assert not Change(0)
    assert Change.RECS not in Change.MARKUP | Change.ITEMS


def test_the_window_shows_an_unhandled_failure_once_in_the_notice_bar(qtbot, window):
    from panelbook.ui.common.store_op import Change, StoreOp

    def op(store):
        raise OSError("the data folder is read-only")

    for _ in range(3):
        StoreOp(window.worker, op, changes=Change.MARKUP).run_in_background()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    sentence = "That could not be saved: the data folder is read-only. Nothing was lost."
    assert window.notices.notices() == [sentence]
    assert window.notices.isVisible()
