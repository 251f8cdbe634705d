"""F1's list of shortcuts against the shortcuts the window really has: every action,
button and QShortcut in the window, once the four places have been built."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton

from panelbook.ui.shell.window_menus import SHORTCUTS, shortcuts_text


def portable(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


def real_shortcuts(window) -> set[str]:
    keys: set[QKeySequence] = set()
    for action in window.findChildren(QAction):
        keys.update(action.shortcuts())
    for button in window.findChildren(QAbstractButton):
        keys.add(button.shortcut())
    for shortcut in window.findChildren(QShortcut):
        keys.update(shortcut.keys())
    return {k.toString(QKeySequence.SequenceFormat.PortableText) for k in keys if not k.isEmpty()}


def platform_alternates() -> set[str]:
    """Keys Qt adds to a standard shortcut beside its usual one (the keyboard's own Open,
    Save or Help key): F1 lists the usual one."""
    standard = QKeySequence.StandardKey
    return {k.toString(QKeySequence.SequenceFormat.PortableText)
            for key in (standard.Open, standard.Save, standard.HelpContents, standard.Quit,
                        standard.ZoomIn, standard.ZoomOut)
            for k in QKeySequence.keyBindings(key)[1:]}


def test_f1_lists_every_real_shortcut_and_nothing_else(qtbot, window):
    from panelbook.ui.shell.places import Place

    qtbot.waitUntil(lambda: all(window.is_built(p) for p in Place), timeout=20000)   # built after first paint
    real = real_shortcuts(window) - platform_alternates()
    listed = {portable(k) for keys, _what in SHORTCUTS for k in keys}
    assert "Ctrl+H" in real                     # the reader's Highlight: the one the list once left out
    assert real - listed == set(), f"shortcuts missing from F1's list: {sorted(real - listed)}"
    assert listed - real == set(), f"F1 lists shortcuts the window does not have: {sorted(listed - real)}"


def test_f1_text_is_one_line_per_entry():
    lines = shortcuts_text().splitlines()
    assert "Ctrl+H  Highlight the selected text of the pack" in lines
    assert all("  " in line for line in lines)
