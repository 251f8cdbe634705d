"""One running desktop per data folder: a second launch hands its files to the first and exits."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QLockFile
from PySide6.QtNetwork import QLocalServer

from panelbook.cli.parser import build_parser as _parser, files_mean_open as _files_mean_open
from panelbook.paths import data_folder
from panelbook.ui.shell import single_instance
from panelbook.ui.shell.single_instance import NotAnswering, SingleInstance, server_name

REPO = Path(__file__).resolve().parents[3]


def _env() -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO / "desktop")}


def _launch(*args: str) -> subprocess.Popen:
    """``panelbook ARGS`` in a new process (the real command line)."""
    return subprocess.Popen([sys.executable, "-m", "panelbook.cli", *args], env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(qtbot, process: subprocess.Popen, timeout_ms: int = 30000) -> tuple[int, str]:
    """Keep this process's event loop turning (it is the running copy) until ``process`` ends."""
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=timeout_ms)
    _out, err = process.communicate()
    return process.returncode, err


def test_server_name_is_the_folder_not_its_spelling(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    assert server_name(data_folder(tmp_path / "data")) == server_name(data_folder("data"))
    assert server_name(data_folder(tmp_path / "data")) == server_name(data_folder(f"{tmp_path}/data/"))
    assert server_name(data_folder(tmp_path / "data")) != server_name(data_folder(tmp_path / "other"))
    assert server_name(data_folder(tmp_path / "data")).startswith("panelbook-")


def test_bare_files_mean_open():
    commands = _parser().command_names
    existing = __file__
    assert _files_mean_open([existing], commands) == ["open", existing]
    assert _files_mean_open(["--home", "/tmp/x", existing], commands) == ["--home", "/tmp/x", "open", existing]
    assert _files_mean_open(["import", existing], commands) == ["import", existing]
    assert _files_mean_open([], commands) == []
    assert _files_mean_open(["no-such-file.pdf"], commands) == ["no-such-file.pdf"]   # argparse says what is wrong
    args = _parser().parse_args(["open", existing, existing])
    assert args.command == "open" and args.files == [existing, existing]


def test_open_with_a_missing_file_is_a_usage_error(tmp_path):
    from panelbook.cli import main

    assert main(["--home", str(tmp_path / "data"), "open", str(tmp_path / "nothing.pdf")]) == 2


def test_second_launch_hands_its_files_to_the_running_copy(qtbot, tmp_path):
    folder = data_folder(tmp_path / "data")
    first = SingleInstance(folder)
    try:
        assert first.claim([]) is True and not first.listening
        first.listen()
        assert first.listening
        received = []
        first.files_received.connect(received.append)
        document = tmp_path / "agenda.html"
        document.write_text("<html></html>", encoding="utf-8")
        code, err = _finish(qtbot, _launch("--home", str(folder.root), str(document)))
        assert (code, err) == (0, "")
        assert received == [[str(document.resolve())]]

        # No files: the running copy is only asked to come to the front.
        code, err = _finish(qtbot, _launch("--home", str(folder.root)))
        assert (code, err) == (0, "")
        assert received[-1] == []
    finally:
        first.close()


def test_another_data_folder_is_another_copy(qtbot, tmp_path):
    first = SingleInstance(data_folder(tmp_path / "one"))
    second = SingleInstance(data_folder(tmp_path / "two"))
    try:
        assert first.claim() is True
        assert second.claim() is True
        assert first.name != second.name
    finally:
        first.close()
        second.close()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave nothing behind after a crash")
def test_a_socket_left_by_a_crash_does_not_block_the_next_start(qtbot, tmp_path):
    folder = data_folder(tmp_path / "data")
    name = server_name(folder)
    crashing = textwrap.dedent(f"""
        import os, signal
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtNetwork import QLocalServer
        app = QCoreApplication([])
        server = QLocalServer()
        assert server.listen({name!r})
        print("listening", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    out = subprocess.run([sys.executable, "-c", crashing], env=_env(), capture_output=True, text=True, timeout=60)
    assert out.returncode == -signal.SIGKILL and "listening" in out.stdout
    socket_file = Path(QDir.tempPath()) / name
    assert socket_file.exists()          # what the crash left behind

    again = SingleInstance(folder)
    try:
        assert again.claim([]) is True
        again.listen()
        assert again.listening
    finally:
        again.close()
    assert not socket_file.exists()


def test_a_copy_that_does_not_answer_is_reported(qtbot, tmp_path, monkeypatch):
    folder = data_folder(tmp_path / "data")
    running = QLockFile(SingleInstance(folder).lock_path)      # held by a live process: this one
    assert running.tryLock(0)
    silent = QLocalServer()        # accepts the connection (the system does) but never answers
    assert silent.listen(server_name(folder))
    monkeypatch.setattr(single_instance, "ANSWER_MS", 300)
    try:
        with pytest.raises(NotAnswering, match="already open on this data folder but is not answering"):
            SingleInstance(folder).claim(["x.pdf"])
    finally:
        silent.close()
        running.unlock()


def test_a_copy_still_starting_is_waited_for(qtbot, tmp_path, monkeypatch):
    """A launch arriving before the running copy listens keeps trying; one that never
    listens is reported after the wait."""
    folder = data_folder(tmp_path / "data")
    first = SingleInstance(folder)
    monkeypatch.setattr(single_instance, "CONNECT_MS", 600)
    try:
        assert first.claim([]) is True and not first.listening
        started = time.monotonic()
        with pytest.raises(NotAnswering):
            SingleInstance(folder).claim([])
        assert time.monotonic() - started >= 0.5
        first.listen()
        received = []
        first.files_received.connect(received.append)
        code, err = _finish(qtbot, _launch("--home", str(folder.root)))
        assert (code, err) == (0, "") and received == [[]]
    finally:
        first.close()


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGKILL on Windows")
def test_the_lock_of_a_copy_that_crashed_does_not_block_the_next_start(qtbot, tmp_path):
    folder = data_folder(tmp_path / "data")
    lock_path = SingleInstance(folder).lock_path
    crashing = textwrap.dedent(f"""
        import os, signal
        from PySide6.QtCore import QLockFile
        lock = QLockFile({lock_path!r})
        assert lock.tryLock(0)
        print("locked", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    out = subprocess.run([sys.executable, "-c", crashing], env=_env(), capture_output=True, text=True, timeout=60)
    assert "locked" in out.stdout and Path(lock_path).exists()
    again = SingleInstance(folder)
    try:
        assert again.claim([]) is True
    finally:
        again.close()
    assert not Path(lock_path).exists()


# The offscreen test platform cannot raise windows and says so; that is the platform talking.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_running_window_imports_what_a_second_launch_hands_over(qtbot, sample_folder, moderngov):
    from panelbook.ui.shell.app import start_desktop

    desktop = start_desktop(sample_folder, load_sample_if_empty=False)
    assert desktop is not None
    window = desktop.window
    try:
        qtbot.waitExposed(window)
        qtbot.waitSignal(window.meetings_loaded, timeout=20000).wait()
        with qtbot.waitSignal(window.import_finished, timeout=60000) as finished:
            process = _launch("--home", str(sample_folder.root), "open", str(moderngov / "Agenda_151.html"))
        code, err = _finish(qtbot, process)
        assert (code, err) == (0, "")
        assert [r.file for r in finished.args[0].reports] == ["Agenda_151.html"]
        assert window.isVisible()
    finally:
        qtbot.waitUntil(lambda: not desktop.worker.busy, timeout=20000)
        window.close()
        desktop.close()
        window.deleteLater()
        qtbot.wait(10)


def test_files_handed_over_during_an_import_wait_their_turn(qtbot, window, moderngov):
    import threading

    gate = threading.Event()
    window.worker.submit(lambda store: gate.wait(20))
    window.import_files([str(moderngov / "Agenda_151.html")])
    window.import_files([str(moderngov / "Agenda_151.html"), str(moderngov / "Agenda_151.html")])
    waiting = list(window.imports.waiting)
    outcomes = []
    window.import_finished.connect(outcomes.append)
    gate.set()
    assert waiting == [str(moderngov / "Agenda_151.html")]
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=60000)
    assert [[r.file for r in o.reports] for o in outcomes] == [["Agenda_151.html"], []]
    assert outcomes[1].unchanged == ["Agenda_151.html"]        # the second turn: already up to date
