"""Backups and restores of the database (document files are content-addressed and need no copies)."""
from __future__ import annotations

import contextlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from panelbook.model import UnreadableDocument
from panelbook.paths import DataFolder
from panelbook.store.db import StoreBusy
from panelbook.store.faults import faults_are_plain, is_damage
from panelbook.store.fsutil import fsync_dir
from panelbook.store.schema import LATEST
from panelbook.store.sessions import live_sessions


def timestamp() -> str:
    """Now, as backups name their files (``20240808-183000``)."""
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def verify_backup(path: Path) -> int:
    """Check that ``path`` is a sound Panelbook database this code can open; return its version."""
    if not path.is_file():
        raise UnreadableDocument(f"{path.name} does not exist or is not a file.")
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise UnreadableDocument(f"{path.name} is not a Panelbook backup (not an SQLite database).")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise UnreadableDocument(f"{path.name} is not a Panelbook backup (not an SQLite database).") from None
    if result != "ok":
        raise UnreadableDocument(f"{path.name} is damaged ({result}); choose another backup.")
    if not {"meetings", "items", "recommendations"} <= tables:
        raise UnreadableDocument(f"{path.name} is an SQLite database but not a Panelbook backup.")
    if version > LATEST:
        raise UnreadableDocument(
            f"{path.name} was saved by a newer Panelbook (store version {version}; this one reads up to {LATEST})."
        )
    return int(version)


def restore(folder: DataFolder, backup: Path) -> Path | None:
    """Replace the store with a verified backup; the current database is kept aside
    in the backups folder (its path is returned).  The store must not be open.

    A disk that is full or read-only stops it before anything is replaced (its
    sentence as StoreUnavailable), and what it had begun to write is removed."""
    verify_backup(backup)
    if folder.root.exists() and live_sessions(folder):
        raise StoreBusy("Panelbook is open on this data folder; close it before restoring a backup.")
    written: list[Path] = []
    try:
        with faults_are_plain(folder.root):
            folder.ensure()
            folder.backups.mkdir(parents=True, exist_ok=True)
            kept = None
            if folder.database.exists():
                kept = folder.backups / f"replaced-by-restore-{timestamp()}.sqlite3"
                written.append(kept)
                _copy_through_sqlite(folder.database, kept)
            incoming = folder.database.with_name(folder.database.name + ".restoring")
            written.append(incoming)
            shutil.copyfile(backup, incoming)
            incoming.chmod(0o600)
            confidential = _confidential_copy(folder, backup, written)
            for suffix in ("-wal", "-shm"):
                Path(str(folder.database) + suffix).unlink(missing_ok=True)
            incoming.replace(folder.database)
            if confidential is not None:
                for suffix in ("-wal", "-shm"):
                    Path(str(folder.confidential_database) + suffix).unlink(missing_ok=True)
                confidential.replace(folder.confidential_database)
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        raise
    fsync_dir(folder.root)
    return kept


def _confidential_copy(folder: DataFolder, backup: Path, written: list[Path]) -> Path | None:
    """The encrypted store's copy taken with ``backup`` (still encrypted), copied in beside the
    data folder's, ready to be renamed into place; the encrypted store it replaces is kept aside."""
    companion = backup.with_name(backup.name + ".confidential")
    if not companion.is_file():
        return None
    if folder.confidential_database.exists():
        kept = folder.backups / f"replaced-by-restore-{timestamp()}.sqlite3.confidential"
        written.append(kept)
        shutil.copyfile(folder.confidential_database, kept)
        wal = Path(str(folder.confidential_database) + "-wal")
        if wal.exists():
            written.append(Path(str(kept) + "-wal"))
            shutil.copyfile(wal, Path(str(kept) + "-wal"))
    incoming = folder.confidential_database.with_name(folder.confidential_database.name + ".restoring")
    written.append(incoming)
    shutil.copyfile(companion, incoming)
    incoming.chmod(0o600)
    return incoming


def _copy_through_sqlite(database: Path, target: Path) -> None:
    """A consistent copy of ``database`` (its write-ahead log folded in first); a database
    too damaged for SQLite to copy is copied byte for byte, with its -wal and -shm."""
    try:
        conn = sqlite3.connect(str(database))
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            dest = sqlite3.connect(str(target))
            try:
                conn.backup(dest)
            finally:
                dest.close()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        target.unlink(missing_ok=True)
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(database) + suffix)
            if source.exists():
                shutil.copyfile(source, Path(str(target) + suffix))
