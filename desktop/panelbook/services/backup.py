"""Backups and restores as use cases: a verified copy of the database, and putting one
back with the current database kept aside.  The command line calls these; the window can too."""
from __future__ import annotations

from pathlib import Path

from panelbook.paths import DataFolder
from panelbook.store import Store
from panelbook.store.backup import restore as restore_store, timestamp


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
