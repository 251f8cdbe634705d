"""Without a display, or without the xcb libraries Qt needs, the window says so in one sentence
(``display_check``) instead of Qt's several lines and abort."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from panelbook.ui.shell.display_check import NO_DISPLAY, XCB_LIBRARIES, display_problem

REPO = Path(__file__).resolve().parents[3]


def every_library(_name: str) -> bool:
    return True


@pytest.mark.parametrize("environ", [{}, {"QT_QPA_PLATFORM": "xcb"}, {"QT_QPA_PLATFORM": "wayland"},
                                     {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"},
                                     {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}])
def test_no_display_for_the_platform_asked_for_is_one_sentence(environ):
    assert display_problem(environ, "linux", every_library) == NO_DISPLAY


@pytest.mark.parametrize("environ", [{"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"},
                                     {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"},
                                     {"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "wayland-0"}])
def test_a_display_with_its_libraries_opens(environ):
    assert display_problem(environ, "linux", every_library) is None


@pytest.mark.parametrize("environ", [{"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "minimal"},
                                     {"QT_QPA_PLATFORM": "eglfs"}])
def test_platforms_without_a_window_system_are_left_to_qt(environ):
    assert display_problem(environ, "linux", lambda _name: False) is None


def test_other_systems_are_left_to_qt():
    assert display_problem({}, "win32", lambda _name: False) is None
    assert display_problem({}, "darwin", lambda _name: False) is None


def test_missing_xcb_libraries_are_named_with_the_command_that_installs_them():
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    problem = display_problem({"DISPLAY": ":0"}, "linux", lambda name: name not in absent)
    assert problem == ("Panelbook cannot open its window: Qt needs system libraries this machine lacks "
                       "(libxcb-cursor0, libxcb-icccm4); install them with: "
                       "sudo apt-get install libxcb-cursor0 libxcb-icccm4")
    # On Wayland the xcb libraries are not needed.
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", lambda _n: False) is None


def test_every_xcb_library_named_is_one_qts_xcb_plugin_links_to():
    """The list is Qt's own: each soname is a dependency of the wheel's xcb platform plugin."""
    import PySide6

    if not sys.platform.startswith("linux"):
        pytest.skip("the xcb plugin is Linux's")
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    xcb_qpa = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6XcbQpa.so.6"
    linked = set()
    for binary in (plugin, xcb_qpa):
        linked |= {part.decode() for part in binary.read_bytes().split(b"\0") if part.startswith(b"lib")}
    assert set(XCB_LIBRARIES) <= linked


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux chooses its display from the environment")
def test_panelbook_with_no_display_prints_one_line_and_exits_1(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO / "desktop")
    result = subprocess.run([sys.executable, "-m", "panelbook.cli", "--home", str(tmp_path / "data")],
                            capture_output=True, text=True, timeout=60, env=env)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"panelbook: {NO_DISPLAY}\n")
    assert not (tmp_path / "data").exists()     # nothing was opened or created
