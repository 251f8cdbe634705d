"""What the window remembers between starts: its geometry and side bar, the place shown,
the splitters' sizes and the committees hidden on the calendar (in the UI settings)."""
from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from panelbook.ui.common import settings
from panelbook.ui.shell.places import Place


def hidden_committees() -> list[str] | str:
    """The committees the member chose not to show on the calendar (QSettings
    gives a one-name list back as a string; the calendar takes either)."""
    return cast("list[str] | str", settings.load_value("calendar/hidden", []) or [])


def named_splitters(root: QWidget) -> list[QSplitter]:
    """The splitters whose sizes are remembered: those with an object name."""
    return [s for s in root.findChildren(QSplitter) if s.objectName()]


def restore_splitters(root: QWidget) -> None:
    for splitter in named_splitters(root):
        saved = settings.load_bytes(f"splitters/{splitter.objectName()}")
        if saved is not None:
            splitter.restoreState(saved)


def restore_geometry(window: QMainWindow) -> Place:
    """Size and place the window as it was left; the place it showed (built and shown
    just after the first paint)."""
    geometry = settings.load_bytes("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    place = settings.load_int("window/place", int(Place.CALENDAR))
    return Place(place) if place in tuple(Place) else Place.CALENDAR


def save_state(window: QMainWindow, place: Place, hidden: list[str] | None) -> None:
    """Remember the window, the place it shows, its splitters and (when the calendar was
    built) the committees hidden there."""
    store = settings.ui_settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState())
    store.setValue(settings.key("window/place"), int(place))
    if hidden is not None:
        store.setValue(settings.key("calendar/hidden"), hidden)
    for splitter in named_splitters(window):
        store.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
    store.sync()
