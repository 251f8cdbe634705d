"""Keeping the store sound: checks at start-up, recovery from damage, daily backups.

- Every process that opens the store leaves a session marker (``session-<pid>``, see ``sessions``)
  and removes it when it closes cleanly.  A marker whose process is gone means
  the last session ended uncleanly (a crash, a flat battery): the next start
  runs SQLite's full ``integrity_check`` instead of the ``quick_check``.
- A database that fails its check, or is not a database at all, is moved aside
  (never deleted) and the newest backup that verifies is put in its place.  The
  user is told in plain words what was recovered and from when.  A disk that is
  full, read-only or failing is no damage: nothing is moved (see ``faults``).
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
from panelbook.store.db import busy_is_store_busy, busy_timeout_s, is_busy, open_for_reading
from panelbook.store.faults import StoreUnavailable, faults_are_plain, is_damage, kind_of, plain
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
            f"Your Panelbook data is damaged ({self.problem}) and no backup could replace it, so it is open "
            f"read-only to keep what is left; the damaged file stays at {self.damaged_copy}. Restore a backup "
            "with panelbook restore FILE, or move the file away to start afresh."
        )

    @property
    def unopenable_message(self) -> str:
        """When no backup could replace the damaged file and it cannot be read at all."""
        return (
            f"Your Panelbook data is damaged ({self.problem}) and no backup could replace it; nothing was moved "
            f"or deleted: the file stays at {self.damaged_copy}. Restore a backup with panelbook restore FILE, "
            "or move the file away to start afresh."
        )


# -- checking and recovering -------------------------------------------------


def check_database(path: Path, full: bool) -> str | None:
    """None when the database is sound; otherwise a short description of the damage.

    Only SQLite saying so is damage: a corrupt page, "file is not a database", a
    torn header.  A database another program holds locked raises StoreBusy, and a
    disk that is full, read-only or failing raises StoreUnavailable, so that
    start-up never moves a sound database aside."""
    root = path.parent
    with faults_are_plain(root), path.open("rb") as handle:
        header = handle.read(100)
    if header and (len(header) < 100 or not header.startswith(b"SQLite format 3\x00")):
        return "the file is not a database"
    try:
        with faults_are_plain(root), busy_is_store_busy():
            conn = _checking_connection(path)
            try:
                rows = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
            finally:
                conn.close()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return f"SQLite reports: {error}"
        raise
    result = "; ".join(str(r[0]) for r in rows[:3])
    return None if result == "ok" else f"SQLite reports: {result}"


def _checking_connection(path: Path) -> sqlite3.Connection:
    """A connection for the start-up check; on a folder or disk that will not take a
    write (no room for the -shm file), the read-only way ``open_for_reading`` uses."""
    conn = sqlite3.connect(str(path), timeout=busy_timeout_s())
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as error:
        conn.close()
        if is_damage(error) or is_busy(error) or kind_of(error, path.parent) is None:
            raise
    return open_for_reading(path).conn


def backups_newest_first(folder: DataFolder) -> list[Path]:
    if not folder.backups.is_dir():
        return []
    files = [p for p in folder.backups.glob("*.sqlite3") if p.is_file()]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def damaged_copies(folder: DataFolder) -> list[Path]:
    """Databases kept aside by earlier recoveries, newest first."""
    if not folder.backups.is_dir():
        return []
    return sorted(folder.backups.glob(f"damaged-*/{folder.database.name}"), reverse=True)


def restoring_path(folder: DataFolder) -> Path:
    """Where a backup is copied before it is renamed over the database."""
    return folder.database.with_name(folder.database.name + ".restoring")


def recover(folder: DataFolder, problem: str) -> Recovery | None:
    """Put the newest verified backup in place of a damaged database, which is kept aside.

    The backup is copied in full beside the database first; only then is the damaged
    file (with its -wal and -shm) moved aside and the copy renamed into place, so a
    copy that fails (a full disk) leaves everything where it was, and an interrupted
    one is finished or rolled back by ``settle_interrupted_restore``.  None when no
    backup verifies: the damaged file then stays where it is."""
    incoming = restoring_path(folder)
    for candidate in backups_newest_first(folder):
        try:
            verify_backup(candidate)
        except UnreadableDocument:
            continue
        try:
            shutil.copyfile(candidate, incoming)
            incoming.chmod(0o600)
            aside = folder.backups / f"damaged-{timestamp()}"
            aside.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            incoming.unlink(missing_ok=True)
            fault = plain(error, folder.root)
            if fault is None:
                raise
            raise StoreUnavailable(fault.kind, (
                f"Your Panelbook data is damaged ({problem}), and it could not be restored from its backup: "
                f"{fault}") .replace("nothing was changed", "nothing was moved")) from error
        _move_aside(folder, aside)
        incoming.replace(folder.database)
        fsync_dir(folder.root)
        taken = datetime.fromtimestamp(candidate.stat().st_mtime)
        return Recovery(problem, aside / folder.database.name, candidate, taken)
    return None


def _move_aside(folder: DataFolder, aside: Path) -> None:
    """Rename the database and its -wal / -shm into ``aside`` (same disk: no space needed)."""
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(folder.database) + suffix)
        if source.exists():
            source.replace(aside / source.name)
    fsync_dir(aside)


def settle_interrupted_restore(folder: DataFolder) -> str | None:
    """Finish or roll back a restore that was interrupted (a crash, a full disk).

    A ``.restoring`` copy beside a database is a copy that never got renamed in: it is
    removed (rolled back).  A ``.restoring`` copy where the database is missing means the
    damaged file was already moved aside: the copy, if it verifies, is renamed in
    (finished).  Returns a sentence for the user when something was done."""
    incoming = restoring_path(folder)
    if not incoming.exists():
        return None
    if folder.database.exists():
        incoming.unlink()
        return None
    try:
        verify_backup(incoming)
    except UnreadableDocument:
        incoming.unlink()
        return None
    aside = folder.backups / f"damaged-{timestamp()}-leftovers"
    if any(Path(str(folder.database) + s).exists() for s in ("-wal", "-shm")):
        aside.mkdir(parents=True, exist_ok=True)
        _move_aside(folder, aside)
    incoming.replace(folder.database)
    fsync_dir(folder.root)
    return ("A restore of your Panelbook data was interrupted last time; it has now been finished. "
            f"The damaged file is kept in {folder.backups}.")


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
            path.with_name(path.name + ".confidential").unlink(missing_ok=True)   # the encrypted store's copy
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
