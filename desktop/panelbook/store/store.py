"""The store of one data folder: its database and its document files."""
from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from panelbook.paths import DataFolder
from panelbook.store import health, sessions
from panelbook.store.db import GuardedDatabase, StoreBusy, busy_is_store_busy, is_busy, open_database, open_for_reading
from panelbook.store.faults import (
    FULL,
    GONE,
    READ_ONLY,
    REPLACED,
    StoreReadOnly,
    StoreUnavailable,
    faults_are_plain,
    is_damage,
    kind_of,
    low_on_space,
    sentence,
)
from panelbook.store.fsutil import fsync_dir
from panelbook.store.schema import LATEST, migrate

if TYPE_CHECKING:
    from panelbook.store.vault import OpenVault

UNCLEAN_NOTICE = ("Panelbook did not close properly last time (a crash or a power cut); the full check found "
                  "your data sound, and everything saved before then is kept.")


class Store:
    """An open data folder.  Owned by one thread: the connection must not be
    shared (the desktop keeps its Store on its single database worker).

    Opening checks the database (fully after an unclean shutdown), recovers a
    damaged one from the newest verified backup (``self.recovery`` then says
    what happened, for the user), migrates it, and takes the day's backup.
    A disk that is full, read-only or failing is no damage: the store then
    opens read-only if it can (``self.read_only`` says why, in one sentence)
    or raises StoreUnavailable; nothing is moved aside.
    """

    def __init__(self, folder: DataFolder, *, daily_backup: bool = True):
        self.folder = folder
        self.recovery: health.Recovery | None = None
        self.read_only: str | None = None     # why nothing can be changed, when it cannot
        self._read_only_kind: str | None = None
        self.notices: list[str] = []          # what the user is told once, at this start
        self._marker: Path | None = None
        self.vault: OpenVault | None = None   # the encrypted store, while unlocked (services.confidential)
        with faults_are_plain(folder.root):
            self._open_checked(daily_backup)
        self.location_warning = health.location_warning(folder.root)

    def _open_checked(self, daily_backup: bool) -> None:
        folder = self.folder
        writable = _ensure_writable(folder)
        if writable:
            settled = health.settle_interrupted_restore(folder)
            if settled:
                self.notices.append(settled)
        stale = sessions.unclean_sessions(folder)
        if folder.database.exists():
            problem = health.check_database(folder.database, full=bool(stale))
            if problem:
                self._recover(problem, writable)
        elif health.damaged_copies(folder) and writable:
            self._recover("the database file is missing", writable)
        elif not writable:
            raise StoreUnavailable(READ_ONLY, sentence(READ_ONLY, folder.root).split(",")[0] +
                                   " and holds no Panelbook data yet; choose another folder with --home.")
        if stale and writable and self.recovery is None:
            self.notices.append(UNCLEAN_NOTICE)
        self.db: GuardedDatabase = self._connect(writable)
        self.db.root = folder.root
        self.db.guard = self._guard
        self._file_identity = _identity(folder.database)
        if self.read_only is None:
            for marker in stale:
                sessions.end_session(marker)
            self._begin_session()
        try:
            with contextlib.suppress(OSError):
                folder.database.chmod(0o600)
            with busy_is_store_busy():
                migrate(self.db, backup=self._backup_before_migration)
                if daily_backup and self.read_only is None:
                    self._daily_backup_or_notice()
        except BaseException:
            self.close()
            raise

    def _recover(self, problem: str, writable: bool) -> None:
        folder = self.folder
        if not writable:
            raise StoreUnavailable(READ_ONLY, (
                f"Your Panelbook data is damaged ({problem}) and its folder ({folder.root}) is read-only, so it "
                "cannot be restored from a backup here: copy the folder somewhere writable and open it there."))
        self.recovery = health.recover(folder, problem)
        if self.recovery is not None:
            return
        if not folder.database.exists():
            copies = health.damaged_copies(folder)
            raise StoreUnavailable(GONE, (
                f"Your Panelbook database is missing and no backup could replace it; a damaged copy is kept at "
                f"{copies[0] if copies else folder.backups}. Restore a backup with panelbook restore FILE, or "
                "move the damaged copy away to start afresh; nothing was created."))
        self.recovery = health.Recovery(problem, folder.database, None, None)
        self.read_only, self._read_only_kind = self.recovery.message, "damaged"

    def _connect(self, writable: bool) -> GuardedDatabase:
        """The connection: read-write when the folder and disk allow it, else read-only."""
        path = self.folder.database
        if writable and self.read_only is None:
            try:
                return open_database(path)
            except sqlite3.Error as error:
                kind = kind_of(error, self.folder.root)
                if kind is None or not path.exists():
                    raise
                self._read_only_kind = kind
                self.read_only = _read_only_sentence(kind, self.folder.root)
        elif self.read_only is None:
            self._read_only_kind = READ_ONLY
            self.read_only = _read_only_sentence(READ_ONLY, self.folder.root)
        try:
            return open_for_reading(path, exclusive=writable)
        except sqlite3.Error as error:
            if is_damage(error) and self.recovery is not None:
                raise StoreUnavailable("damaged", self.recovery.unopenable_message) from error
            raise

    def _begin_session(self) -> None:
        try:
            self._marker = sessions.begin_session(self.folder)
        except OSError:          # a full disk: reading goes on without a marker
            sessions.end_session(self.folder.root / f"session-{os.getpid()}")
            self._marker = None

    def _daily_backup_or_notice(self) -> None:
        try:
            self.take_daily_backup(date.today())
        except StoreUnavailable as fault:
            self.notices.append(f"Today's automatic backup could not be taken. {fault}")

    def _check_folder(self) -> None:
        """Refuse in one sentence when the data folder or its database went away or was
        replaced since the store was opened (writing would go to a file nobody will see)."""
        root = self.folder.root
        if not root.is_dir() or not self.folder.database.exists():
            raise StoreUnavailable(GONE, sentence(GONE, root))
        if _identity(self.folder.database) != self._file_identity:
            raise StoreUnavailable(REPLACED, sentence(REPLACED, root))

    def _guard(self) -> None:
        """Before each write: refuse it in one sentence when writing cannot work.  A store
        opened read-only because the disk was full is opened again for writing once there
        is room, so that an edit kept waiting in the window can be saved."""
        root = self.folder.root
        self._check_folder()
        if self.read_only is None:
            return
        if self._read_only_kind == FULL and not low_on_space(root):
            try:
                fresh = open_database(self.folder.database)
            except sqlite3.Error:
                pass
            else:
                self.db.conn.close()
                self.db.conn = fresh.conn
                self.read_only = self._read_only_kind = None
                self._begin_session()
                return
        raise StoreReadOnly(self._read_only_kind or READ_ONLY, self.read_only)

    @classmethod
    def open(cls, folder: DataFolder, *, daily_backup: bool = True) -> Store:
        """Open the store in ``folder`` (as the constructor does); use it as a context manager."""
        return cls(folder, daily_backup=daily_backup)

    def close(self) -> None:
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        self.db.conn.close()
        if self._marker is not None:
            with contextlib.suppress(OSError):
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
        inside = target.resolve().is_relative_to(self.folder.root.resolve())
        if inside:
            self._guard()        # the backups folder is in the data folder: it must take a write
        else:
            self._check_folder()
        with faults_are_plain(self.folder.root if target.is_relative_to(self.folder.root) else target.parent):
            return self._backup_to(target)

    def _backup_to(self, target: Path) -> Path:
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
        self._backup_confidential(target)
        tmp.replace(target)
        fsync_dir(target.parent)
        return target

    def _backup_confidential(self, target: Path) -> None:
        """The encrypted store's file beside the backup (still encrypted; the key is never
        written anywhere but the keychain), or any older copy there removed."""
        from panelbook.store.vault import BACKUP_SUFFIX, copy_encrypted

        companion = target.with_name(target.name + BACKUP_SUFFIX)
        if not self.folder.confidential_database.exists():
            companion.unlink(missing_ok=True)
            return
        copy_encrypted(self.folder.confidential_database, companion, self.vault.db if self.vault else None)

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


def _ensure_writable(folder: DataFolder) -> bool:
    """Create the data folder where needed; whether the folder (and its database) can be written."""
    try:
        folder.ensure()
    except OSError:
        if not folder.root.is_dir():
            raise
    if not os.access(folder.root, os.W_OK) or faults_read_only_fs(folder.root):
        return False
    return not folder.database.exists() or os.access(folder.database, os.W_OK)


def faults_read_only_fs(root: Path) -> bool:
    try:
        return bool(os.statvfs(root).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _read_only_sentence(kind: str, root: Path) -> str:
    if kind == FULL:
        return ("The disk holding your Panelbook data is full, so nothing can be changed until you free some "
                "space; reading still works.")
    return sentence(kind if kind == READ_ONLY else READ_ONLY,
                    root, None if kind == READ_ONLY else f"Panelbook cannot write in its data folder ({root})")
