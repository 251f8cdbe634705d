"""The window's remembered state (geometry, splitter sizes, last place), in QSettings.

The file lives in the user's configuration folder (``$XDG_CONFIG_HOME`` on
Linux), under the organisation "Panelbook".  The path is worked out on every
call rather than left to QSettings' process-wide cache, so tests that point
the configuration folder somewhere temporary are honoured.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

ORGANISATION = "Panelbook"
APPLICATION = "Panelbook"


def settings_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base) / ORGANISATION / f"{APPLICATION}.conf"


def ui_settings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def save_bytes(key: str, value: QByteArray) -> None:
    settings = ui_settings()
    settings.setValue(key, value)
    settings.sync()


def load_bytes(key: str) -> QByteArray | None:
    value = ui_settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_value(key: str, value) -> None:
    settings = ui_settings()
    settings.setValue(key, value)
    settings.sync()


def load_int(key: str, default: int) -> int:
    value = ui_settings().value(key, default)
    try:
        return int(value)  # type: ignore[call-overload]  # whatever the settings file held
    except (TypeError, ValueError):
        return default
