"""Changes the data folder would not take, kept in a plain text file elsewhere.

When the window closes over changes the disk refused (full, read-only, gone), their
text is written to a recovery file outside the data folder (``paths.recovery_folders``),
so that nothing the member wrote is lost: the file says what each change was and why it
could not be saved, and can be copied back in once Panelbook can write again.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from panelbook.paths import recovery_folders


class NowhereToKeep(Exception):
    """No recovery folder would take the file."""


def recovery_text(edits: Sequence[tuple[str, str]], reason: str, data_root: Path, when: datetime) -> str:
    """The file's text: when, why, then each change (what it was, then the text as written)."""
    lines = [f"Panelbook could not save these changes in {data_root} on {when:%d %B %Y at %H:%M}.",
             reason.strip() or "The disk would not take them.",
             "Their text is kept here: copy it back into Panelbook once it can write again.", ""]
    for what, text in edits:
        lines += [f"== {what}", text.rstrip("\n"), ""]
    return "\n".join(lines)


def keep_unsaved(edits: Sequence[tuple[str, str]], reason: str, data_root: Path,
                 when: datetime | None = None) -> Path:
    """Write the changes to a new recovery file and return its path; the first folder that
    takes the whole file wins (a file cut short by a full disk is removed)."""
    when = when or datetime.now()
    data = recovery_text(edits, reason, data_root, when).encode("utf-8")
    refusals = []
    for folder in recovery_folders(data_root):
        path = folder / f"Panelbook unsaved changes {when:%Y-%m-%d %H-%M-%S}.txt"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return _write_whole(path, data)
        except OSError as error:
            refusals.append(f"{folder} ({error.strerror or error})")
    raise NowhereToKeep("No folder would take the unsaved changes: " + "; ".join(refusals) + ".")


def _write_whole(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new file at ``path`` (or ``path (2)``...), whole or not at all."""
    number = 1
    while path.exists():
        number += 1
        path = path.with_name(f"{path.stem.split(' (')[0]} ({number}).txt")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except OSError:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)
    return path
