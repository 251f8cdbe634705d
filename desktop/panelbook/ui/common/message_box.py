"""Message boxes that do not block: what arrives from the worker is shown from
inside the event loop, so the box is opened (not exec'd) and deletes itself.

Qt's namespace (``Qt``) is imported where it is used, not at the top: the
modules that build the window before its first paint import this one, and
making that namespace costs PySide6 tens of milliseconds.
"""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_message(parent: QWidget | None, text: str, *, title: str = "Panelbook", warning: bool = False,
                 details: str = "") -> QMessageBox:
    """Open a message with an OK button beside ``parent`` and return it (it closes itself)."""
    from PySide6.QtCore import Qt

    kind = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(kind, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setInformativeText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
