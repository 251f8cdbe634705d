"""Session markers: which processes have a data folder's store open.

Every process that opens the store leaves a marker (``session-<pid>``) and
removes it when it closes cleanly.  A marker whose process is gone means the
last session ended uncleanly (a crash, a flat battery); a marker whose process
is alive means another copy has the store open (a restore must wait).
"""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from panelbook.paths import DataFolder


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sessions(folder: DataFolder) -> list[tuple[Path, int | None]]:
    """Every session marker with the process id it names (None when unreadable)."""
    out: list[tuple[Path, int | None]] = []
    for marker in folder.root.glob("session-*"):
        try:
            out.append((marker, int(marker.name.split("-", 1)[1])))
        except ValueError:
            out.append((marker, None))
    return out


def unclean_sessions(folder: DataFolder) -> list[Path]:
    """Markers left by processes that are no longer running."""
    return [marker for marker, pid in _sessions(folder)
            if pid is None or (pid != os.getpid() and not _pid_alive(pid))]


def live_sessions(folder: DataFolder) -> list[int]:
    """Other processes that have this store open right now."""
    return [pid for _, pid in _sessions(folder) if pid is not None and pid != os.getpid() and _pid_alive(pid)]


def begin_session(folder: DataFolder) -> Path:
    """Leave this process's marker in ``folder`` (removed by ``end_session`` on a clean close)."""
    marker = folder.root / f"session-{os.getpid()}"
    marker.write_text(datetime.now().isoformat(timespec="seconds"), encoding="utf-8")
    return marker


def end_session(marker: Path) -> None:
    """Remove this process's marker: the session ended cleanly."""
    marker.unlink(missing_ok=True)
