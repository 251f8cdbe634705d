"""Backups and restores as use cases: a verified copy of the database, and putting one
back with the current database kept aside.  The command line calls these; the window can too."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from panelbook.paths import DataFolder
from panelbook.store import Store
from panelbook.store.backup import restore as restore_store, timestamp, verify_backup

_STAMP = re.compile(r"(\d{8}-\d{6})|(\d{4}-\d{2}-\d{2})")


def backup(store: Store, target: Path | None = None) -> Path:
    """Write and verify a copy of the database at ``target`` (default: the backups folder)."""
    target = target or store.folder.backups / f"manual-{timestamp()}.sqlite3"
    store.backup_to(target)
    return target


def restore(folder: DataFolder, backup_file: Path) -> Path | None:
    """Replace the database in ``folder`` with a verified backup, with the store closed;
    return where the database it replaced is kept (None when there was none).
    Opening it once after migrates an older backup to this version (with its own backup first)."""
    kept = restore_store(folder, backup_file)
    with Store.open(folder):
        pass
    return kept


def taken_at(backup_file: Path) -> datetime:
    """When a backup was taken: the time its name carries (``manual-20240808-183000``,
    ``daily-2024-08-08``, the last stamp in the name), else when the file was last written."""
    stamps = _STAMP.findall(backup_file.name)
    if stamps:
        full, day = stamps[-1]
        try:
            return datetime.strptime(full, "%Y%m%d-%H%M%S") if full else datetime.strptime(day, "%Y-%m-%d")
        except ValueError:
            pass
    return datetime.fromtimestamp(backup_file.stat().st_mtime)


def check_backup(backup_file: Path) -> datetime:
    """The checks a restore makes before it replaces anything (a sound Panelbook database
    this version can open, UnreadableDocument with the reason otherwise), and when it was taken,
    so the window can ask "restore the backup of ..." only about a backup that would restore."""
    verify_backup(backup_file)
    return taken_at(backup_file)
