"""Writing an exported file atomically: whole or not at all.

Every export (briefing and monitoring PDFs, the .ics calendar, the tracker's
CSV, markup files) is written to a hidden partial file beside its destination,
flushed to disk, then renamed over the destination in one step.  A failure or
a cancel part-way leaves the destination as it was (absent, or the previous
version) and removes the partial file; a reader never sees half a file.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from panelbook.store.fsutil import fsync_dir

PARTIAL_SUFFIX = ".partial"

# Every exported file is readable and writable by its owner only, whatever the umask: a
# briefing carries a member's private notes and questions and the pack's confidential items,
# the markup file the same notes, and one rule for every export (the calendar and the CSV
# too) is one a user can rely on. A file to share is shared by sending it, not by
# leaving it readable to everyone on the computer.
EXPORT_MODE = 0o600


class OutputPathError(ValueError):
    """Where an export was asked to go cannot hold a file: one sentence saying why."""


def check_target(target: Path | str, *, missing_folder_ok: bool = False) -> Path:
    """``target`` as a Path if a file can be written there, else OutputPathError:
    it is a folder, its folder is a file or does not exist (unless
    ``missing_folder_ok``: the caller creates it), or the folder is not writable.
    The command line's exports call this before any work, so a bad path costs nothing."""
    target = Path(target)
    parent = target.parent
    if target.is_dir():
        raise OutputPathError(f"{target} is a folder; give a file name inside it, "
                              f"for example {target / ('export' + (target.suffix or '.pdf'))}.")
    if parent.exists() and not parent.is_dir():
        raise OutputPathError(f"{parent} is a file, not a folder, so {target.name} cannot be written inside it.")
    if not parent.exists():
        ancestor = next((p for p in parent.parents if p.exists()), None)
        if ancestor is not None and not ancestor.is_dir():
            raise OutputPathError(f"{ancestor} is a file, not a folder, so {target} cannot be written.")
        if missing_folder_ok:
            return target
        raise OutputPathError(f"The folder {parent} does not exist; create it first or choose another folder.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputPathError(f"The folder {parent} cannot be written to (permission denied); choose another folder.")
    return target


def _flush_to_disk(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


@contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """A fresh partial file beside ``target`` for the caller to fill; when the block
    ends normally it replaces ``target``, and whatever happens it is gone after.

    A target that cannot hold a file (``check_target``) raises OutputPathError
    before anything is written.  The partial file is hidden (``.name.XXXX.partial``) and, like the
    destination it becomes, readable by its owner only (``EXPORT_MODE``)."""
    target = check_target(target, missing_folder_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)     # a new folder typed in the window's save dialog
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX)
    os.close(fd)
    partial = Path(name)
    partial.chmod(EXPORT_MODE)
    try:
        yield partial
        partial.chmod(EXPORT_MODE)      # a writer that replaced the partial file made it anew
        _flush_to_disk(partial)
        os.replace(partial, target)
        fsync_dir(target.parent)
    finally:
        partial.unlink(missing_ok=True)


def write_bytes(target: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically; return the path written."""
    with atomic_path(target) as partial:
        partial.write_bytes(data)
    return Path(target)


@contextmanager
def open_text(target: Path | str, *, encoding: str = "utf-8", newline: str | None = None) -> Iterator[TextIO]:
    """A text file to write ``target`` through: it takes ``target``'s place only
    when the block ends normally."""
    with atomic_path(target) as partial, partial.open("w", encoding=encoding, newline=newline) as handle:
        yield handle
