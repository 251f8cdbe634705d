"""The store of one data folder: its database and its document files."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import sqlite_utils

from ..paths import DataFolder
from .db import open_database
from .schema import LATEST, migrate


class Store:
    """An open data folder.  Owned by one thread: the connection must not be
    shared (the desktop keeps its Store on its single database worker)."""

    def __init__(self, folder: DataFolder):
        self.folder = folder.ensure()
        self.db: sqlite_utils.Database = open_database(folder.database)
        try:
            folder.database.chmod(0o600)
        except OSError:
            pass
        migrate(self.db, backup=self._backup_before_migration)

    @classmethod
    def open(cls, folder: DataFolder) -> "Store":
        return cls(folder)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of the database through SQLite's backup API,
        written to a temporary name, verified, then renamed into place."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".partial")
        tmp.unlink(missing_ok=True)
        dest = sqlite3.connect(str(tmp))
        try:
            self.db.conn.backup(dest)
            ok = dest.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dest.close()
        if ok != "ok":
            tmp.unlink(missing_ok=True)
            raise RuntimeError(f"The backup did not verify ({ok}).")
        tmp.chmod(0o600)
        tmp.replace(target)
        return target

    def _backup_before_migration(self, version: int) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.backup_to(self.folder.backups / f"before-migration-v{version}-to-v{LATEST}-{stamp}.sqlite3")

    def setting(self, key: str, default: str | None = None) -> str | None:
        rows = list(self.db.query("SELECT value FROM settings WHERE key = ?", (key,)))
        return rows[0]["value"] if rows else default
