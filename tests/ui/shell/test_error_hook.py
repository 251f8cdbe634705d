"""The window's excepthook: an unexpected error in a slot goes to <data folder>/errors.log with
its time and traceback, the user is told once in one calm sentence, and the window keeps working."""
from __future__ import annotations

import re
import threading

import pytest

from desktop_helpers import close_window, open_window


class Boom(RuntimeError):
    pass


def _fail_in_a_slot(qtbot, message: str) -> None:
    from PySide6.QtCore import QTimer

    def slot() -> None:
        raise Boom(message)

    QTimer.singleShot(0, slot)
    qtbot.wait(50)


@pytest.fixture
def hooked(qtbot, sample_folder):
    """The real window with the desktop's error hook installed (pytest-qt's own capture is off
    in these tests, so the errors reach the hook as they would in the running application)."""
    from panelbook.ui.shell.error_hook import ErrorHook

    window, worker = open_window(qtbot, sample_folder)
    hook = ErrorHook(sample_folder.errors_log, lambda text: window.notices.add(text, warning=True), window)
    hook.install()
    try:
        yield window, hook
    finally:
        hook.uninstall()
        close_window(qtbot, window, worker)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_with_its_traceback_and_time(qtbot, hooked, sample_folder):
    _window, hook = hooked
    _fail_in_a_slot(qtbot, "the flux capacitor")
    log = sample_folder.errors_log.read_text(encoding="utf-8")
    assert re.match(r"--- \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n", log)
    assert "Traceback (most recent call last):" in log
    assert "in slot" in log and "Boom: the flux capacitor" in log
    assert hook.count == 1


@pytest.mark.qt_no_exception_capture
def test_the_user_is_told_once_however_many_errors_come(qtbot, hooked, sample_folder):
    window, hook = hooked
    for n in range(5):
        _fail_in_a_slot(qtbot, f"failure {n}")
    assert hook.count == 5
    assert sample_folder.errors_log.read_text(encoding="utf-8").count("Traceback") == 5
    assert window.notices.notices() == [
        "Something went wrong inside Panelbook. Your work is saved and Panelbook keeps running; "
        f"the details are in {sample_folder.errors_log}."]
    assert window.notices.isVisible()


@pytest.mark.qt_no_exception_capture
def test_the_window_keeps_working_after_an_error(qtbot, hooked):
    from desktop_helpers import meeting_on

    window, _hook = hooked
    _fail_in_a_slot(qtbot, "not fatal")
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, "2024-08-08"))
    assert window.meeting.model.rowCount() == 11


@pytest.mark.qt_no_exception_capture
def test_an_error_in_another_thread_is_logged_and_told_on_the_ui_thread(qtbot, hooked, sample_folder):
    window, _hook = hooked

    def work() -> None:
        raise Boom("off the UI thread")

    thread = threading.Thread(target=work, name="helper")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(window.notices.notices()), timeout=5000)
    log = sample_folder.errors_log.read_text(encoding="utf-8")
    assert "in thread helper" in log and "Boom: off the UI thread" in log


def test_ctrl_c_still_goes_to_the_previous_hook(tmp_path):
    import sys

    from panelbook.ui.shell.error_hook import ErrorHook

    seen = []
    previous = sys.excepthook
    sys.excepthook = lambda *args: seen.append(args[0])
    try:
        hook = ErrorHook(tmp_path / "errors.log").install()
        try:
            sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
        finally:
            hook.uninstall()
        assert sys.excepthook is not hook.handle
    finally:
        sys.excepthook = previous
    assert seen == [KeyboardInterrupt]
    assert not (tmp_path / "errors.log").exists()


def test_a_long_log_is_kept_aside_and_a_new_one_started(tmp_path):
    from panelbook.ui.shell import error_hook

    log = tmp_path / "errors.log"
    log.write_text("x" * (error_hook.MAX_LOG_BYTES + 1), encoding="utf-8")
    try:
        raise Boom("after a long day")
    except Boom as error:
        error_hook.write_error(log, Boom, error, error.__traceback__)
    assert (tmp_path / "errors.log.1").stat().st_size == error_hook.MAX_LOG_BYTES + 1
    assert "Boom: after a long day" in log.read_text(encoding="utf-8")


# The first start asks who is using this copy; the offscreen platform warns about the dialog's size.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_desktop_installs_the_hook_and_removes_it_on_close(qtbot, sample_folder):
    import sys

    from panelbook.ui.shell.app import start_desktop

    before = sys.excepthook
    desktop = start_desktop(sample_folder, load_sample_if_empty=False)
    try:
        assert desktop.errors is not None and sys.excepthook == desktop.errors.handle
        qtbot.waitUntil(lambda: bool(desktop.window.meetings), timeout=20000)
        qtbot.waitUntil(lambda: not desktop.worker.busy, timeout=20000)
    finally:
        desktop.window.close()
        desktop.close()
        desktop.window.deleteLater()
        qtbot.wait(10)
    assert sys.excepthook == before
