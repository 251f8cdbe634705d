"""Real faults of the disk for the fault trials: a small tmpfs that fills up (ENOSPC) and a
read-only bind mount (EROFS).  Mounting needs root (or a machine that allows it); where it
is not allowed, ``mount_unavailable`` says why and the trial is skipped with that reason.

Used by tests/store/test_faults.py and benchmarks/faults.py (through tests/fault_trials.py).
"""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_probe: str | bool | None = False        # not probed yet


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=30)


def mount_unavailable(scratch: Path) -> str | None:
    """None when this machine lets us mount a tmpfs and a read-only bind mount; else why not."""
    global _probe
    if _probe is not False:
        return _probe if isinstance(_probe, str) else None
    point = scratch / "mount-probe"
    point.mkdir(parents=True, exist_ok=True)
    done = _run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(point))
    if done.returncode != 0:
        _probe = f"this machine does not allow mounting ({(done.stderr or done.stdout).strip() or 'mount failed'})"
    else:
        _run("umount", str(point))
        _probe = None
    return _probe


def unmount(point: Path) -> None:
    """Unmount ``point``, lazily if something still holds it open."""
    if _run("umount", str(point)).returncode != 0:
        _run("umount", "-l", str(point))


@contextlib.contextmanager
def small_disk(point: Path, size_kb: int = 8192) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` mounted at ``point`` for the duration."""
    point.mkdir(parents=True, exist_ok=True)
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(point))
    if done.returncode != 0:
        raise OSError(done.stderr.strip() or "mount failed")
    try:
        yield point
    finally:
        unmount(point)


def fill(disk: Path) -> Path:
    """Fill the disk at ``disk`` to the last byte (dd's way); return the filler file."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (1 << 16, 1):
            chunk = b"\0" * size
            try:
                while os.write(fd, chunk) == size:
                    pass
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def free(filler: Path) -> None:
    filler.unlink(missing_ok=True)


@contextlib.contextmanager
def read_only_view(source: Path, point: Path) -> Iterator[Path]:
    """``source`` bind-mounted read-only at ``point`` (writes there fail with EROFS)."""
    point.mkdir(parents=True, exist_ok=True)
    for argv in (("mount", "--bind", str(source), str(point)),
                 ("mount", "-o", "remount,bind,ro", str(point))):
        done = _run(*argv)
        if done.returncode != 0:
            unmount(point)
            raise OSError(done.stderr.strip() or "mount failed")
    try:
        yield point
    finally:
        unmount(point)


def cli(home: Path, *args: str, timeout_s: float = 120) -> subprocess.CompletedProcess[str]:
    """The real command line, in its own process, on the data folder ``home``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "desktop"), str(REPO)]),
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "panelbook.cli", "--home", str(home), *args],
                          capture_output=True, text=True, timeout=timeout_s, env=env)


def snapshot(folder: Path) -> dict[str, int]:
    """Every file under ``folder`` with its size (what "nothing moved" is checked against)."""
    return {str(p.relative_to(folder)): p.stat().st_size for p in sorted(folder.rglob("*")) if p.is_file()}
