"""Help > About gives the version (the one `panelbook --version` gives) and the data folder."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from panelbook import __version__
from panelbook.ui.shell.window_menus import ABOUT_TEXT


def test_about_names_the_version_and_the_data_folder(window, sample_folder, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append((parent, title, text)))
    help_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&Help")
    about = next(action for action in help_menu.actions() if action.text() == "&About Panelbook")
    about.trigger()
    assert shown == [(window, "About Panelbook",
                      f"Panelbook {__version__}\n\n{ABOUT_TEXT}\n\nYour data folder: {sample_folder.root}")]
