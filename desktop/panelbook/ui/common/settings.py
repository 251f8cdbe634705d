"""The window's remembered state (geometry, splitter sizes, last place), in QSettings.

The file lives in the user's configuration folder (``$XDG_CONFIG_HOME`` on
Linux), under the organisation "Panelbook".  The path is worked out on every
call rather than left to QSettings' process-wide cache, so tests that point
the configuration folder somewhere temporary are honoured.

Most of it is the machine's (the window's size, its splitters), but some belongs
to the data folder the window is open on, since it names that store's meetings and
committees: ``FOLDER_KEYS``.  Once the desktop names its folder
(``use_data_folder``), those keys are kept apart for each folder, under
``folders/<folder id>/`` in the same file; ``key`` gives the name a setting is kept
under, and every helper here goes through it.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

ORGANISATION = "Panelbook"
APPLICATION = "Panelbook"


# The last meeting and place shown, the committees hidden on the calendar and each
# committee's colour: they belong to the data folder whose meetings they name.
FOLDER_KEYS = frozenset({"window/meeting", "window/place", "calendar/hidden", "colours/committees"})

_folder_group: str | None = None


def use_data_folder(root: Path | None) -> None:
    """Keep ``FOLDER_KEYS`` for the data folder ``root`` from now on (None: unscoped, as before)."""
    global _folder_group
    _folder_group = None if root is None else "folders/" + hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:16]


def key(name: str) -> str:
    """The name the setting ``name`` is kept under: the data folder's own keys in its group."""
    return f"{_folder_group}/{name}" if _folder_group is not None and name in FOLDER_KEYS else name


def settings_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base) / ORGANISATION / f"{APPLICATION}.conf"


def ui_settings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def save_bytes(name: str, value: QByteArray) -> None:
    settings = ui_settings()
    settings.setValue(key(name), value)
    settings.sync()


def load_bytes(name: str) -> QByteArray | None:
    value = ui_settings().value(key(name))
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_value(name: str, value) -> None:
    settings = ui_settings()
    settings.setValue(key(name), value)
    settings.sync()


def load_value(name: str, default: Any = None) -> Any:
    """What QSettings gives back for the setting ``name`` (a string, a list, a QByteArray...)."""
    return ui_settings().value(key(name), default)


def load_int(name: str, default: int) -> int:
    value = ui_settings().value(key(name), default)
    try:
        return int(value)  # type: ignore[call-overload]  # whatever the settings file held
    except (TypeError, ValueError):
        return default
