"""The markup commands go into the File menu the window hands over (whatever its title), with an
Edit menu right after it; and the markup commands' module needs nothing from the window's module."""
from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from panelbook.ui.markup.markup_actions import MarkupActions

MARKUP = Path(__file__).resolve().parents[3] / "desktop" / "panelbook" / "ui" / "markup"


class BareWindow(QMainWindow):
    """Just what MarkupActions uses of a window: a worker, a menu bar, ``meetings_loaded``."""

    meetings_loaded = Signal()
    worker = None


def test_the_commands_go_into_the_menu_given_whatever_its_title(qtbot):
    window = BareWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&Datei")        # not called File
    menu.addAction(QAction("Öffnen", window))
    menu.addSeparator()
    menu.addAction(QAction("Beenden", window))
    window.menuBar().addMenu("&Hilfe")
    actions = MarkupActions(window, menu, lambda: None)
    titles = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert titles == ["Öffnen", "Import &markup…", "&Export my markup…", "&Share chair's markup…", "Beenden"]
    assert [a.text() for a in window.menuBar().actions()] == ["&Datei", "&Edit", "&Hilfe"]
    assert actions.profile_action in actions.edit_menu.actions()
    assert actions.meeting_place() is None


def test_markup_modules_never_import_the_window_module():
    offenders = []
    for path in sorted(MARKUP.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.name}: {n}" for n in names if n.startswith("panelbook.ui.shell")]
    assert offenders == []
