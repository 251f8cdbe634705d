"""Keeping the store sound: checks at start-up, recovery from damage, daily backups.

- Every process that opens the store leaves a session marker (``session-<pid>``, see ``sessions``)
  and removes it when it closes cleanly.  A marker whose process is gone means
  the last session ended uncleanly (a crash, a flat battery): the next start
  runs SQLite's full ``integrity_check`` instead of the ``quick_check``.
- A database that fails its check, or is not a database at all, is moved aside
  (never deleted) and the newest backup that verifies is put in its place.  The
  user is told in plain words what was recovered and from when.
- Automatic backups are taken once a day through SQLite's backup API, verified,
  and rotated: the last 7 days, one a week for 4 weeks, one a month for 6
  months.  Backups taken before a migration, and the user's own, are never
  rotated away.
"""
from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from panelbook.model import UnreadableDocument
from panelbook.paths import DataFolder
from panelbook.store.backup import timestamp, verify_backup
from panelbook.store.db import busy_is_store_busy, busy_timeout_s
from panelbook.store.fsutil import fsync_dir

AUTO_PREFIX = "auto-"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6


@dataclass
class Recovery:
    """What start-up had to do to give the user a sound store."""

    problem: str
    damaged_copy: Path
    restored_from: Path | None
    restored_at: datetime | None

    @property
    def message(self) -> str:
        if self.restored_from is not None and self.restored_at is not None:
            return (
                f"Your Panelbook data was damaged ({self.problem}). It has been restored from the backup of "
                f"{self.restored_at:%d %B %Y at %H:%M}; anything saved after that is not in it. "
                f"The damaged file is kept at {self.damaged_copy}."
            )
        return (
            f"Your Panelbook data was damaged ({self.problem}) and there was no backup to restore, so Panelbook "
            f"started with an empty store. The damaged file is kept at {self.damaged_copy}; nothing was deleted."
        )


# -- checking and recovering -------------------------------------------------


def check_database(path: Path, full: bool) -> str | None:
    """None when the database is sound; otherwise a short description of the problem.

    A database another program holds locked is busy, not damaged: that raises
    StoreBusy, so that start-up never moves a database in use aside."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
        if header and header != b"SQLite format 3\x00":
            return "the file is not a database"
        conn = sqlite3.connect(str(path), timeout=busy_timeout_s())
        try:
            with busy_is_store_busy():
                rows = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return f"SQLite reports: {error}"
    result = "; ".join(str(r[0]) for r in rows[:3])
    return None if result == "ok" else f"SQLite reports: {result}"


def backups_newest_first(folder: DataFolder) -> list[Path]:
    if not folder.backups.is_dir():
        return []
    files = [p for p in folder.backups.glob("*.sqlite3") if p.is_file()]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def recover(folder: DataFolder, problem: str) -> Recovery:
    """Move the damaged database aside and put the newest verified backup in its place."""
    aside = folder.backups / f"damaged-{timestamp()}"
    aside.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(folder.database) + suffix)
        if source.exists():
            shutil.move(str(source), str(aside / source.name))
    for candidate in backups_newest_first(folder):
        try:
            verify_backup(candidate)
        except UnreadableDocument:
            continue
        incoming = folder.database.with_name(folder.database.name + ".restoring")
        shutil.copyfile(candidate, incoming)
        incoming.chmod(0o600)
        incoming.replace(folder.database)
        fsync_dir(folder.root)
        taken = datetime.fromtimestamp(candidate.stat().st_mtime)
        return Recovery(problem, aside / folder.database.name, candidate, taken)
    return Recovery(problem, aside / folder.database.name, None, None)


# -- automatic backups and rotation --------------------------------------------


def auto_backup_due(folder: DataFolder, today: date) -> bool:
    return not (folder.backups / f"{AUTO_PREFIX}{today.isoformat()}.sqlite3").exists()


def auto_backup_path(folder: DataFolder, today: date) -> Path:
    return folder.backups / f"{AUTO_PREFIX}{today.isoformat()}.sqlite3"


def rotate(folder: DataFolder, today: date) -> list[Path]:
    """Delete automatic backups outside the 7 daily / 4 weekly / 6 monthly window; return what was removed."""
    dated = []
    for path in folder.backups.glob(f"{AUTO_PREFIX}*.sqlite3"):
        try:
            dated.append((date.fromisoformat(path.stem[len(AUTO_PREFIX):]), path))
        except ValueError:
            continue
    dated.sort(reverse=True)
    keep: set[Path] = set()
    keep.update(path for _, path in dated[:KEEP_DAILY])
    weeks: dict[tuple[int, int], Path] = {}
    months: dict[tuple[int, int], Path] = {}
    for day, path in dated:          # newest first: the newest of each week / month is kept
        weeks.setdefault(day.isocalendar()[:2], path)
        months.setdefault((day.year, day.month), path)
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    keep.update(list(months.values())[:KEEP_MONTHLY])
    removed = []
    for _, path in dated:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


# -- where the data folder lives ---------------------------------------------

_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs", "davfs", "fuse.rclone",
               "fuse.gcsfuse", "fuse.s3fs"}
_SYNCED_NAMES = ("dropbox", "onedrive", "google drive", "googledrive", "icloud", "icloud drive", "box sync",
                 "nextcloud", "owncloud", "mega", "pcloud", "sync.com")


def _mount_type(path: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    best, fstype = "", None
    resolved = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3:
            mount_point = parts[1].replace("\\040", " ")
            if (resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")) and \
                    len(mount_point) > len(best):
                best, fstype = mount_point, parts[2]
    return fstype


def location_warning(root: Path) -> str | None:
    """A warning when the data folder is on a network or cloud-synced drive, where
    SQLite's locking cannot be trusted and two computers can corrupt the store."""
    lowered = [part.lower() for part in root.resolve().parts]
    synced = next((name for name in _SYNCED_NAMES if any(name == part or part.startswith(name + " ")
                                                           for part in lowered)), None)
    if synced:
        return (f"Your Panelbook data folder ({root}) is inside a {synced.title()} folder. Cloud syncing can "
                "damage the database; move it to a local folder with --home and keep copies with panelbook backup.")
    fstype = _mount_type(root)
    if fstype in _NETWORK_FS:
        return (f"Your Panelbook data folder ({root}) is on a network drive ({fstype}), where the database's "
                "locking cannot be trusted; move it to a local disk with --home.")
    return None
