"""The store of one data folder: its database and its document files."""
from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, datetime
from pathlib import Path
from types import TracebackType

import sqlite_utils

from panelbook.paths import DataFolder
from panelbook.store import health, sessions
from panelbook.store.db import StoreBusy, busy_is_store_busy, is_busy, open_database
from panelbook.store.fsutil import fsync_dir
from panelbook.store.schema import LATEST, migrate


class Store:
    """An open data folder.  Owned by one thread: the connection must not be
    shared (the desktop keeps its Store on its single database worker).

    Opening checks the database (fully after an unclean shutdown), recovers a
    damaged one from the newest verified backup (``self.recovery`` then says
    what happened, for the user), migrates it, and takes the day's backup.
    """

    def __init__(self, folder: DataFolder, *, daily_backup: bool = True):
        self.folder = folder.ensure()
        self.recovery: health.Recovery | None = None
        stale = sessions.unclean_sessions(folder)
        if folder.database.exists():
            problem = health.check_database(folder.database, full=bool(stale))
            if problem:
                self.recovery = health.recover(folder, problem)
        for marker in stale:
            sessions.end_session(marker)
        self.db: sqlite_utils.Database = open_database(folder.database)
        self._marker = sessions.begin_session(folder)
        try:
            with contextlib.suppress(OSError):
                folder.database.chmod(0o600)
            with busy_is_store_busy():
                migrate(self.db, backup=self._backup_before_migration)
                if daily_backup:
                    self.take_daily_backup(date.today())
        except BaseException:
            self.close()
            raise
        self.location_warning = health.location_warning(folder.root)

    @classmethod
    def open(cls, folder: DataFolder, *, daily_backup: bool = True) -> Store:
        """Open the store in ``folder`` (as the constructor does); use it as a context manager."""
        return cls(folder, daily_backup=daily_backup)

    def close(self) -> None:
        self.db.conn.close()
        sessions.end_session(self._marker)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
        if exc is not None and is_busy(exc):
            # A write outside transaction() that met another Panelbook's lock:
            # the same plain message as everywhere else, not "database is locked".
            raise StoreBusy() from exc

    def take_daily_backup(self, today: date) -> Path | None:
        """The day's automatic backup (once a day, only once the store holds something), then rotation."""
        if not health.auto_backup_due(self.folder, today):
            return None
        if not self.db.execute("SELECT count(*) FROM meetings").fetchone()[0]:
            return None
        path = self.backup_to(health.auto_backup_path(self.folder, today))
        health.rotate(self.folder, today)
        return path

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of the database through SQLite's backup API,
        written to a temporary name, verified, then renamed into place."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".partial")
        tmp.unlink(missing_ok=True)
        dest = sqlite3.connect(str(tmp))
        try:
            with busy_is_store_busy():
                self.db.conn.backup(dest)
            # One self-contained file: out of WAL mode, so that opening the
            # backup (to verify or restore it) leaves no -wal / -shm beside it.
            dest.execute("PRAGMA journal_mode = DELETE")
            ok = dest.execute("PRAGMA integrity_check").fetchone()[0]
        except BaseException:
            dest.close()
            tmp.unlink(missing_ok=True)
            raise
        dest.close()
        if ok != "ok":
            tmp.unlink(missing_ok=True)
            raise RuntimeError(f"The backup did not verify ({ok}).")
        tmp.chmod(0o600)
        tmp.replace(target)
        fsync_dir(target.parent)
        return target

    def _backup_before_migration(self, version: int) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.backup_to(self.folder.backups / f"before-migration-v{version}-to-v{LATEST}-{stamp}.sqlite3")

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version`` on this connection: it moves only when ANOTHER
        connection commits (the command line, a sync), never for this one's own writes, so the
        window can poll it to notice changes made by another process."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def setting(self, key: str, default: str | None = None) -> str | None:
        rows = list(self.db.query("SELECT value FROM settings WHERE key = ?", (key,)))
        return rows[0]["value"] if rows else default
