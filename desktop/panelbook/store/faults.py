"""Operational faults of the disk, told apart from damage to the data.

A full disk, a read-only or forbidden folder, an input/output error or a data
folder that went away are *operational*: the data is as sound as it was, so
nothing may be moved aside or restored.  Such an error becomes a
``StoreUnavailable`` carrying one sentence for the user (what happened, what to
do, and that nothing was changed).  Only SQLite saying the file is corrupt or
not a database is *damage* (``is_damage``), and only that starts a recovery.
"""
from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT = 3, 8, 10, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26
LOW_SPACE_BYTES = 256 * 1024     # below this much free space an I/O error is a full disk

FULL, READ_ONLY, DENIED, IO, GONE, REPLACED = "full", "read-only", "denied", "io", "gone", "replaced"


class StoreUnavailable(Exception):
    """The disk would not let Panelbook read or write its data; the data itself is unharmed."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


class StoreReadOnly(StoreUnavailable):
    """A write refused because the store is open read-only."""


def sentence(kind: str, root: Path, reason: str | None = None) -> str:
    """The one sentence for a fault of ``kind`` on the data folder ``root``."""
    if kind == FULL:
        return ("The disk holding your Panelbook data is full: free some space and try again; "
                "nothing was changed.")
    if kind == READ_ONLY:
        return (reason or f"Your Panelbook data folder ({root}) is read-only") + \
            ", so nothing can be changed; reading still works."
    if kind == DENIED:
        return (f"Panelbook is not allowed to write in its data folder ({root}): check the folder's "
                "permissions and try again; nothing was changed.")
    if kind == GONE:
        return (f"Your Panelbook data folder ({root}) is no longer there (a drive removed or the folder "
                "moved): put it back and try again; nothing was changed.")
    if kind == REPLACED:
        return (f"Your Panelbook data folder ({root}) was replaced while Panelbook was running: start "
                "Panelbook again to use it; nothing was written to either.")
    return (f"The disk holding your Panelbook data ({root}) reported an input/output error: check the drive "
            "and try again; nothing was changed.")


def low_on_space(root: Path) -> bool:
    probe = root
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        stat = os.statvfs(probe)
    except OSError:
        return False
    return stat.f_bavail * stat.f_frsize < LOW_SPACE_BYTES


def is_damage(error: BaseException) -> bool:
    """Whether SQLite says the file itself is damaged (corrupt, or not a database)."""
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def kind_of(error: BaseException, root: Path) -> str | None:
    """The operational fault ``error`` is (FULL, READ_ONLY, ...), or None when it is not one."""
    if isinstance(error, StoreUnavailable):
        return error.kind
    if isinstance(error, sqlite3.Error) and not is_damage(error):
        code = getattr(error, "sqlite_errorcode", None)
        if code is None:
            return None
        primary = code & 0xFF
        if primary == _SQLITE_FULL:
            return FULL
        if primary == _SQLITE_READONLY:
            return READ_ONLY if not os.access(root, os.W_OK) else DENIED
        if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN, _SQLITE_PERM):
            if not root.is_dir():
                return GONE
            if low_on_space(root):
                return FULL
            if primary == _SQLITE_IOERR:
                return IO
            return READ_ONLY if _read_only_fs(root) else DENIED
        return None
    if isinstance(error, OSError):
        if not _names_the_folder(error, root):
            return None
        number = error.errno
        if number in (errno.ENOSPC, errno.EDQUOT):
            return FULL
        if number == errno.EROFS:
            return READ_ONLY
        if number in (errno.EACCES, errno.EPERM):
            return DENIED
        if number in (errno.EIO, errno.ESTALE, errno.ENODEV, errno.ENXIO, errno.EHOSTDOWN):
            return IO
        if number in (errno.ENOENT, errno.ENOTDIR) and not root.is_dir():
            return GONE
    return None


def _names_the_folder(error: OSError, root: Path) -> bool:
    """An OSError about a file outside the data folder (a document being read, an
    export's destination) is not a fault of the store."""
    names = [name for name in (error.filename, error.filename2) if name]
    if not names:
        return True
    for name in names:
        try:
            Path(os.fsdecode(name)).resolve().relative_to(root.resolve())
        except (ValueError, OSError, TypeError):
            continue
        return True
    return False


def _read_only_fs(root: Path) -> bool:
    try:
        return bool(os.statvfs(root).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def plain(error: BaseException, root: Path) -> StoreUnavailable | None:
    """``error`` as a StoreUnavailable with its sentence, or None when it is no operational fault."""
    if isinstance(error, StoreUnavailable):
        return error
    kind = kind_of(error, root)
    return None if kind is None else StoreUnavailable(kind, sentence(kind, root))


@contextmanager
def faults_are_plain(root: Path) -> Iterator[None]:
    """Turn an operational fault raised inside into a StoreUnavailable with its sentence."""
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        fault = plain(error, root)
        if fault is None:
            raise
        raise fault from error
