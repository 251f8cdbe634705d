"""The window's size and splitters are the machine's; the last meeting and place, the committees'
colours and the committees hidden belong to the data folder the window is open on."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor

from panelbook.ui.common import settings


@pytest.fixture
def folders(tmp_path):
    yield tmp_path / "a", tmp_path / "b"
    settings.use_data_folder(None)


def test_the_last_meeting_and_place_are_the_folders_and_the_geometry_the_machines(folders, qapp):
    a, b = folders
    settings.use_data_folder(a)
    settings.save_value("window/meeting", 7)
    settings.save_value("window/place", 2)
    settings.save_bytes("window/geometry", QByteArray(b"size of the window"))
    settings.use_data_folder(b)
    assert settings.load_int("window/meeting", 0) == 0
    assert settings.load_int("window/place", 0) == 0
    assert settings.load_bytes("window/geometry") == QByteArray(b"size of the window")
    settings.save_value("window/meeting", 3)
    settings.use_data_folder(a)
    assert (settings.load_int("window/meeting", 0), settings.load_int("window/place", 0)) == (7, 2)
    settings.use_data_folder(None)
    assert settings.load_int("window/meeting", 0) == 0      # neither folder's


def test_a_new_folder_colours_its_committees_from_the_first_colour(folders, qapp):
    from panelbook.ui.common.colours import PALETTE, CommitteeColours

    a, b = folders
    settings.use_data_folder(a)
    CommitteeColours().assign(["Alpha Panel", "Beta Panel"])
    settings.use_data_folder(b)
    gamma = CommitteeColours()
    gamma.assign(["Gamma Panel"])
    assert gamma.colour("Gamma Panel") == QColor(PALETTE[0])
    settings.use_data_folder(a)
    again = CommitteeColours()
    again.assign(["Alpha Panel", "Beta Panel"])
    assert (again.colour("Alpha Panel"), again.colour("Beta Panel")) == (QColor(PALETTE[0]), QColor(PALETTE[1]))


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_desktop_keeps_its_folders_settings_apart_while_it_runs(qtbot, sample_folder):
    from panelbook.ui.shell.app import start_desktop

    desktop = start_desktop(sample_folder, load_sample_if_empty=False)
    assert desktop is not None
    try:
        qtbot.waitUntil(lambda: bool(desktop.window.meetings), timeout=20000)
        assert settings.key("window/meeting").startswith("folders/")
        assert settings.key("window/meeting").endswith("/window/meeting")
        assert settings.key("window/geometry") == "window/geometry"
        qtbot.waitUntil(lambda: not desktop.worker.busy, timeout=20000)
    finally:
        desktop.window.close()
        desktop.close()
        desktop.window.deleteLater()
        qtbot.wait(10)
    assert settings.key("window/meeting") == "window/meeting"
