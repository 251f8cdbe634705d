"""The window's menus, the five places as actions, and the side bar that shows them.

What the menus do is handed in (``MenuCommands``); the actions made are handed back
(``MenuActions``), and the window keeps them (``window.import_action`` ...), where the
markup actions and the tests find them.

Shortcuts are given with setShortcuts(): QAction.setShortcut() has an overload taking
Qt.Key, and choosing between them makes PySide6 build all of Qt's namespace, which the
first paint does without (see build_places_bar).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QToolBar, QWidget

from panelbook import __version__
from panelbook.ui.common import settings
from panelbook.ui.common.icons import icon
from panelbook.ui.shell.places import PLACES, Place

# F1's list: (keys, what they do). Every key here is a shortcut the window really has,
# and every shortcut the window has is here (tests/ui/shell/test_shortcut_list.py checks both).
SHORTCUTS: list[tuple[tuple[str, ...], str]] = [
    (("Ctrl+1",), "Calendar"),
    (("Ctrl+2",), "Meeting"),
    (("Ctrl+3",), "Tracker"),
    (("Ctrl+4",), "Search"),
    (("Ctrl+5",), "What's new"),
    (("Ctrl+F", "Ctrl+K"), "Search box"),
    (("Ctrl+O",), "Import documents"),
    (("F5",), "Sync now: fetch what is new for the committees you follow"),
    (("Ctrl+E",), "Export the briefing pack of the meeting shown"),
    (("Ctrl+T",), "Today on the calendar"),
    (("Alt+Down", "Alt+Up"), "Next / previous agenda item in the pack"),
    (("Ctrl+Shift+Right", "Ctrl+Shift+Left"), "Later / earlier meeting"),
    (("Ctrl++", "Ctrl+-"), "Zoom the pack in / out"),
    (("Ctrl+0",), "Fit the pack to the width"),
    (("Ctrl+H",), "Highlight the selected text of the pack"),
    (("Esc",), "Cancel the highlight being commented"),
    (("Ctrl+S",), "Save the recommendation being edited (Tracker)"),
    (("Ctrl+Shift+B",), "Back up now (Tools)"),
    (("Ctrl+Shift+R",), "Restore from a backup (Tools)"),
    (("Ctrl+Shift+N",), "Add a recommendation by hand (Tools)"),
    (("Ctrl+Shift+H",), "History of the recommendation chosen in the Tracker (Tools)"),
    (("F2",), "Correct the chosen agenda item (Meeting)"),
    (("F1",), "This list of shortcuts"),
    (("Ctrl+Q",), "Quit"),
]
# Keys the lists and tables handle themselves (no shortcut to register).
LIST_KEYS: list[tuple[tuple[str, ...], str]] = [
    (("Enter",), "Open the chosen meeting or search result"),
    (("Tab", "Shift+Tab"), "Next / previous control (arrows move within a list or table)"),
    (("Ctrl+C",), "Copy the selected text of the pack"),
    (("Alt+T",), "The Tools menu: backups, the sample panel, recommendations by hand"),
    (("Menu", "Shift+F10"), "The agenda item's menu: correct, merge, split, undo"),
]


def shortcuts_text() -> str:
    """F1's list as plain lines: the keys, two spaces, what they do."""
    return "\n".join(f"{' / '.join(keys)}  {what}" for keys, what in SHORTCUTS + LIST_KEYS)


SHORTCUTS_TEXT = shortcuts_text()

ABOUT_TEXT = ("Panelbook keeps your panel's calendar, agenda packs, minutes and recommendations on this "
              "computer, so you can prepare for meetings without a connection.")


def about_text(data_folder: Path) -> str:
    """Help > About: the version (the package's, as `panelbook --version` gives it), what
    Panelbook is for, and where this window's data folder is (for backups, or a new computer)."""
    return f"Panelbook {__version__}\n\n{ABOUT_TEXT}\n\nYour data folder: {data_folder}"


@dataclass
class MenuCommands:
    """What the menus' actions do (the window's methods)."""

    choose_import: Callable[[], None]
    export_briefing: Callable[[], None]
    export_monitoring: Callable[[], None]
    export_calendar: Callable[[], None]
    focus_search: Callable[[], None]


@dataclass
class MenuActions:
    """The actions the menus were built with, for the window to keep."""

    file_menu: QMenu
    import_action: QAction
    export_briefing_action: QAction
    export_monitoring_action: QAction
    export_calendar_action: QAction
    find_action: QAction


def build_place_actions(window: QMainWindow, go: Callable[[Place], None]) -> tuple[QActionGroup, dict[Place, QAction]]:
    """The five places as actions (Ctrl+1..5), shared by the side bar and the Go menu."""
    group = QActionGroup(window)
    group.setExclusive(True)
    actions: dict[Place, QAction] = {}
    for place, name, icon_name, shortcut in PLACES:
        action = QAction(icon(icon_name), name, window)
        action.setCheckable(True)
        action.setShortcuts([QKeySequence(shortcut)])
        action.setToolTip(f"{name} ({shortcut})")
        action.triggered.connect(lambda _checked=False, p=place: go(p))
        group.addAction(action)
        actions[place] = action
    return group, actions


def build_places_bar(window: QMainWindow, place_actions: dict[Place, QAction]) -> QToolBar:
    """The side bar, just after the first paint (Qt's namespace, which it needs, takes
    PySide6 tens of milliseconds to make); then the saved window state, which places it."""
    from PySide6.QtCore import Qt

    bar = QToolBar("Places")
    bar.setObjectName("places")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setOrientation(Qt.Orientation.Vertical)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    bar.setIconSize(QSize(26, 26))
    bar.setAccessibleName("Places")
    window.addToolBar(Qt.ToolBarArea.LeftToolBarArea, bar)
    for place, _name, _icon, _shortcut in PLACES:
        bar.addAction(place_actions[place])
    for button in bar.findChildren(QWidget):
        if button.metaObject().className() == "QToolButton":
            button.setMinimumWidth(76)
            button.setAccessibleName(button.toolTip())
    state = settings.load_bytes("window/state")
    if state is not None:
        window.restoreState(state)
    bar.toggleViewAction().setEnabled(False)    # the way between places is never hidden
    bar.show()          # added to a window already on screen, it would stay hidden otherwise
    return bar


def build_menus(window: QMainWindow, place_actions: dict[Place, QAction], commands: MenuCommands,
                data_folder: Path) -> MenuActions:
    """File, Go and Help (whose About names ``data_folder``)."""
    file_menu, import_action, briefing, monitoring, calendar = _build_file_menu(window, commands)
    find_action = _build_go_menu(window, place_actions, commands)
    _build_help_menu(window, data_folder)
    return MenuActions(file_menu, import_action, briefing, monitoring, calendar, find_action)


def _build_file_menu(window: QMainWindow, commands: MenuCommands) -> tuple[QMenu, QAction, QAction, QAction, QAction]:
    """File: Import, Export (briefing, monitoring, calendar), Quit."""
    file_menu = window.menuBar().addMenu("&File")
    import_action = QAction(icon("import"), "&Import documents…", window)
    import_action.setShortcuts(QKeySequence.StandardKey.Open)
    import_action.triggered.connect(commands.choose_import)
    file_menu.addAction(import_action)
    export_menu = file_menu.addMenu("E&xport")
    briefing = QAction("&Briefing pack…", window)
    briefing.setToolTip("A PDF briefing for the meeting shown: cover, contents, each item "
                        "with your notes, optionally the items' report pages")
    briefing.setShortcuts([QKeySequence("Ctrl+E")])
    briefing.triggered.connect(commands.export_briefing)
    monitoring = QAction("&Monitoring report…", window)
    monitoring.setToolTip("The outstanding recommendations for the meeting shown, as a PDF")
    monitoring.triggered.connect(commands.export_monitoring)
    calendar = QAction("&Calendar (.ics)…", window)
    calendar.setToolTip("The meetings of the committees shown on the calendar, "
                        "for Outlook, Google or Apple calendars")
    calendar.triggered.connect(commands.export_calendar)
    for action in (briefing, monitoring, calendar):
        export_menu.addAction(action)
    file_menu.addSeparator()
    quit_action = QAction("&Quit", window)
    quit_action.setShortcuts([QKeySequence("Ctrl+Q")])   # the standard key is empty on some platforms
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)
    return file_menu, import_action, briefing, monitoring, calendar


def _build_go_menu(window: QMainWindow, place_actions: dict[Place, QAction], commands: MenuCommands) -> QAction:
    go_menu = window.menuBar().addMenu("&Go")
    for place, _name, _icon, _shortcut in PLACES:
        go_menu.addAction(place_actions[place])
    go_menu.addSeparator()
    find_action = QAction(icon("search"), "&Find…", window)
    find_action.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")])
    find_action.triggered.connect(commands.focus_search)
    go_menu.addAction(find_action)
    return find_action


def _build_help_menu(window: QMainWindow, data_folder: Path) -> None:
    help_menu = window.menuBar().addMenu("&Help")
    keys = QAction("&Keyboard shortcuts", window)
    keys.setShortcuts(QKeySequence.StandardKey.HelpContents)
    keys.triggered.connect(lambda: QMessageBox.information(window, "Keyboard shortcuts", SHORTCUTS_TEXT))
    help_menu.addAction(keys)
    about = QAction("&About Panelbook", window)
    about.triggered.connect(lambda: QMessageBox.about(window, "About Panelbook", about_text(data_folder)))
    help_menu.addAction(about)
