"""Fault trials: every write path of the store against real faults of the disk and the files.

A trial copies one prepared store (the sample panel with a note saved before the fault
and two good backups), makes one fault, runs one path in ``fault_worker.py`` (its own
process), clears the fault (frees the space, unmounts the read-only view) and inspects
what is left.  Used by tests/store/test_fault_trials.py (a few trials) and
benchmarks/faults.py (all of them).

Per trial it finds:

- lost: an edit saved before the fault, or one the worker printed as SAVED, that is not
  in the store afterwards;
- moved_healthy: a database moved aside (``backups/damaged-*``) that passes integrity_check;
- traceback: the worker printed a traceback;
- not_told: the write failed with nothing said, a recovery happened with no word of it,
  or damage was left for a later start to find;
- read_refused: the read-only command failed where reading should work (full disk,
  read-only folder).

Faults needing mounts (a full tmpfs, a read-only bind mount) are skipped with the
reason where the machine does not allow mounting; a skipped trial is never a passed one.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fault_mounts import REPO, fill, free, mount_unavailable, read_only_view, small_disk, unmount

WORKER = Path(__file__).resolve().with_name("fault_worker.py")
PATHS = ("note", "question", "enquiry", "highlight", "mark", "tracker", "import", "markup", "backup", "restore",
         "migration", "export", "read")
KEPT = "kept note saved before the fault"
MARKUP_NOTE = "markup note from another computer"
MOUNTED = ("full-disk", "read-only")
FAULTS = ("full-disk", "read-only", "folder-deleted", "folder-replaced", "db-truncated", "db-random-bytes",
          "wal-deleted", "wal-corrupted", "shm-corrupted", "backup-damaged")
DAMAGE = ("db-truncated", "db-random-bytes", "backup-damaged")
# The migration path is a first start creating the schema (LATEST is 1: there is no older
# version to migrate from), so the faults that damage an existing database do not apply to it.
NOT_APPLICABLE = {("migration", f): "there is no older store version to migrate from"
                  for f in (*DAMAGE, "wal-deleted", "wal-corrupted", "shm-corrupted")}
# A first start has no folder to lose, and a restore runs with the store closed: a folder
# replaced before it is simply the folder it restores into.
NOT_APPLICABLE |= {("migration", "folder-deleted"): "a first start has no data folder to lose",
                   ("migration", "folder-replaced"): "a first start has no data folder to lose",
                   ("restore", "folder-replaced"): "a restore runs with the store closed"}


@dataclass
class Template:
    workdir: Path
    home: Path
    markup_file: Path
    import_page: str


@dataclass
class Outcome:
    fault: str
    path: str
    skipped: str | None = None
    lost: list[str] = field(default_factory=list)
    moved_healthy: int = 0
    traceback: bool = False
    not_told: list[str] = field(default_factory=list)
    read_refused: bool = False
    lines: list[str] = field(default_factory=list)
    stderr: str = ""


# -- the prepared store ----------------------------------------------------------------------------


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "desktop"), str(REPO), str(REPO / "tests")]),
            "QT_QPA_PLATFORM": "offscreen"}


def prepare_template(workdir: Path) -> Template:
    """The sample panel with a note saved before any fault, an older manual backup and the
    day's backup (both holding the note), and a markup file from "another computer"."""
    sys.path.insert(0, str(REPO / "desktop"))
    from panelbook.paths import DataFolder, sample_dir
    from panelbook.services.markup import add_note, export_markup
    from panelbook.services.sample import load_sample
    from panelbook.store import Store
    from panelbook.store.queries import resolve_item, resolve_meeting

    workdir.mkdir(parents=True, exist_ok=True)
    home = workdir / "template"
    folder = DataFolder(home)
    with Store.open(folder, daily_backup=False) as store:
        load_sample(store)
        add_note(store, resolve_item(store.db, resolve_meeting(store.db, "2024-08-08"), "8"), KEPT)
        older = store.backup_to(folder.backups / "manual-older.sqlite3")
        os.utime(older, (time.time() - 3600, time.time() - 3600))
        store.take_daily_backup(__import__("datetime").date.today())
    scratch = DataFolder(workdir / "scratch")
    shutil.copytree(home, scratch.root)
    with Store.open(scratch, daily_backup=False) as store:
        add_note(store, resolve_item(store.db, resolve_meeting(store.db, "2024-08-08"), "7"), MARKUP_NOTE)
        markup = export_markup(store)
    shutil.rmtree(scratch.root)
    markup_file = workdir / "markup.json"
    markup_file.write_text(json.dumps(markup), encoding="utf-8")
    page = (sample_dir() / "004_a891e5ad8eac6e85.txt").read_text(encoding="utf-8")
    for leftover in home.glob("session-*"):
        leftover.unlink()
    return Template(workdir, home, markup_file, page)


def _import_file(template: Template, where: Path, n: int) -> Path:
    import crash_worker

    day = crash_worker.fresh_meeting_day(n)
    target = where / f"meeting {day}.txt"
    target.write_text(crash_worker.fresh_meeting_page(template.import_page, day), encoding="utf-8")
    return target


# -- making the faults -----------------------------------------------------------------------------


def _scribble(path: Path, offset: int, size: int, seed: int) -> None:
    import random

    rng = random.Random(seed)
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(bytes(rng.randrange(256) for _ in range(size)))


def _damage_pages(db: Path, seed: int) -> None:
    """Random bytes over the headers of several b-tree pages: quick_check must fail."""
    size = db.stat().st_size
    for k in range(1, 9):
        _scribble(db, (size // 9) * k // 4096 * 4096, 200, seed + k)


def _leave_a_hot_wal(home: Path) -> None:
    """A process saves a note and dies without closing: its write sits in the -wal (and -shm)."""
    code = ("import os, sys\nfrom panelbook.paths import DataFolder\nfrom panelbook.store import Store\n"
            "from panelbook.services.markup import add_note\nfrom panelbook.store.queries import resolve_item, "
            "resolve_meeting\ns = Store.open(DataFolder(__import__('pathlib').Path(sys.argv[1])), daily_backup=False)\n"
            "add_note(s, resolve_item(s.db, resolve_meeting(s.db, '2024-08-08'), '9'), 'note in the log')\n"
            "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(home)], env=_env(), check=True, timeout=120)


# -- one trial -------------------------------------------------------------------------------------


def _config(template: Template, home: Path, path: str, n: int, spare: Path) -> dict[str, Any]:
    config: dict[str, Any] = {"home": str(home), "path": path, "marker": f"{path} edit {n}",
                    "markup_file": str(template.markup_file), "export_file": str(spare / "calendar.ics"),
                    "restore_file": str(home / "backups" / "manual-older.sqlite3")}
    if path == "import":
        config["import_file"] = str(_import_file(template, spare, n))
        config["marker"] = config["import_file"]
    elif path == "markup":
        config["marker"] = MARKUP_NOTE
    elif path == "mark":
        config["marker"] = f"mark challenge {n % 98 + 1}"     # a flag and a priority: what _texts finds of a mark
    return config


def _run_worker(config: dict[str, Any], workdir: Path, during: Callable[[], None] | None) -> tuple[list[str], str]:
    path = workdir / f"config-{os.getpid()}.json"
    path.write_text(json.dumps(config | {"wait": during is not None}), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(WORKER), str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=_env())
    assert proc.stdin is not None and proc.stdout is not None
    lines = []
    if during is not None:
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("OPEN"):
                during()
                break
        try:
            proc.stdin.write("go\n")
            proc.stdin.flush()
        except BrokenPipeError:     # the worker ended before it was told to go on
            pass
    try:
        out, err = proc.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        err += "\n(timed out)"
    lines += out.splitlines()
    return lines, err


def _integrity_ok(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _texts(home: Path) -> tuple[set[str], list[str]]:
    """Open the store as the app does after the fault is gone: what it holds, and what it said."""
    from panelbook.paths import DataFolder
    from panelbook.store import Store

    with Store.open(DataFolder(home), daily_backup=False) as store:
        said = ([store.recovery.message] if store.recovery else []) + list(store.notices)
        found = {r[0] for r in store.db.execute("SELECT text FROM notes")}
        found |= {r[0] or "" for r in store.db.execute("SELECT comment FROM highlights")}
        found |= {r[0] or "" for r in store.db.execute("SELECT response FROM recommendations")}
        found |= {r[0] for r in store.db.execute("SELECT file_name FROM documents")} if _has_column(
            store.db, "documents", "file_name") else set()
        found |= {f"{r[0]}" for r in store.db.execute("SELECT date FROM meetings")}
        found |= {f"mark {r[0]} {r[1]}" for r in store.db.execute("SELECT flag, priority FROM item_marks")}
    return found, said


def _has_column(db: Any, table: str, column: str) -> bool:
    return any(r[1] == column for r in db.execute(f"PRAGMA table_info({table})"))


def run_trial(template: Template, fault: str, path: str, n: int, scratch: Path) -> Outcome:
    """One path under one fault, in ``scratch`` (emptied first)."""
    outcome = Outcome(fault, path)
    if (path, fault) in NOT_APPLICABLE:
        outcome.skipped = f"not applicable: {NOT_APPLICABLE[path, fault]}"
        return outcome
    if fault in MOUNTED:
        reason = mount_unavailable(scratch.parent)
        if reason:
            outcome.skipped = reason
            return outcome
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    spare = scratch / "elsewhere"
    spare.mkdir()
    if fault == "full-disk":
        with small_disk(scratch / "disk", 12288) as disk:
            return _on_full_disk(template, outcome, path, n, disk)
    home = scratch / "data"
    _copy(template, home, path)
    if fault == "read-only":
        with read_only_view(home, scratch / "view") as view:
            config = _config(template, view, path, n, spare)
            # Into the read-only folder itself: the export meets the read-only disk, not a
            # missing folder (which the export refuses before writing anything).
            config["export_file"] = str(view / "calendar.ics")
            config["restore_file"] = str(view / "backups" / "manual-older.sqlite3")
            lines, err = _run_worker(config, scratch, None)
        return _inspect(outcome, home, config, lines, err, writes_possible=False)
    config = _config(template, home, path, n, spare)
    during: Callable[[], None] | None = None
    if fault == "folder-deleted":
        def during() -> None:
            shutil.rmtree(home)
    elif fault == "folder-replaced":
        def during() -> None:
            home.rename(scratch / "data-old")
            shutil.copytree(template.home, home)
    elif fault == "wal-deleted":
        def during() -> None:
            for suffix in ("-wal", "-shm"):
                Path(str(home / "panelbook.sqlite3") + suffix).unlink(missing_ok=True)
    elif fault in ("wal-corrupted", "shm-corrupted"):
        _leave_a_hot_wal(home)
        target = Path(str(home / "panelbook.sqlite3") + ("-wal" if fault == "wal-corrupted" else "-shm"))
        if target.exists() and target.stat().st_size > 64:
            _scribble(target, 32 if fault == "wal-corrupted" else 0, min(4096, target.stat().st_size - 32), n)
    elif fault == "db-truncated":
        db = home / "panelbook.sqlite3"
        with db.open("r+b") as handle:
            handle.truncate(db.stat().st_size // 3)
    elif fault == "db-random-bytes":
        _damage_pages(home / "panelbook.sqlite3", n)
    elif fault == "backup-damaged":
        db = home / "panelbook.sqlite3"
        with db.open("r+b") as handle:
            handle.truncate(db.stat().st_size // 3)
        newest = max((home / "backups").glob("auto-*.sqlite3"))
        _damage_pages(newest, n + 100)
    lines, err = _run_worker(config, scratch, during)
    if fault == "folder-deleted":
        outcome.traceback = "Traceback" in err
        outcome.stderr = err
        outcome.lines = lines
        if any(line.startswith("SAVED") for line in lines) and path != "export":   # an export is written elsewhere
            outcome.lost.append("a write reported as saved into a folder that was deleted")
        if not any(line.startswith(("REFUSED", "SAVED", "READ")) for line in lines):
            outcome.not_told.append("the write ended with nothing said")
        if home.exists():
            outcome.not_told.append("a new data folder was created in place of the deleted one")
        return outcome
    if fault == "folder-replaced":
        outcome = _inspect(outcome, scratch / "data-old", config | {"marker": None}, lines, err,
                           writes_possible=path == "export")
        if any(line.startswith("SAVED") for line in lines) and path != "export":
            outcome.lost.append("a write reported as saved into a folder that had been replaced")
        return outcome
    return _inspect(outcome, home, config, lines, err, writes_possible=True,
                    damaged=fault in DAMAGE)


def _copy(template: Template, home: Path, path: str) -> None:
    if path == "migration":
        home.mkdir(parents=True)
        return
    shutil.copytree(template.home, home)


def _on_full_disk(template: Template, outcome: Outcome, path: str, n: int, disk: Path) -> Outcome:
    home = disk / "data"
    _copy(template, home, path)
    spare = disk / "elsewhere"
    spare.mkdir()
    config = _config(template, home, path, n, spare)
    filler = fill(disk)
    lines, err = _run_worker(config, disk.parent, None)
    free(filler)
    return _inspect(outcome, home, config, lines, err, writes_possible=False)


def _inspect(outcome: Outcome, home: Path, config: dict[str, Any], lines: list[str], err: str, *, writes_possible: bool,
             damaged: bool = False) -> Outcome:
    outcome.lines, outcome.stderr = lines, err
    outcome.traceback = "Traceback" in err
    saved = [line[6:] for line in lines if line.startswith("SAVED ")]
    refused = [line for line in lines if line.startswith("REFUSED ")]
    notices = [line for line in lines if line.startswith("NOTICE ")]
    path = config["path"]
    if path == "read":
        if not any(line.startswith("READ") for line in lines):
            outcome.read_refused = True
            if not refused:
                outcome.not_told.append("the read failed with nothing said")
    elif not saved and not refused:
        outcome.not_told.append("the write ended with nothing said")
    elif refused and refused[0].strip() == "REFUSED":
        outcome.not_told.append("refused without a reason")
    if not writes_possible and saved and path not in ("migration", "read"):
        outcome.not_told.append("a write reported saved where the disk cannot take it")
    moved = sorted(home.glob("backups/damaged-*/panelbook.sqlite3"))
    outcome.moved_healthy = sum(1 for m in moved if _integrity_ok(m))
    if moved and not any("restored" in line for line in notices):
        outcome.not_told.append("a database was moved aside with no word of it")
    # A restore replaces the damaged file by the user's own choice (it is kept aside as
    # replaced-by-restore-*): its one line says so.
    if damaged and path != "restore" and not any("damaged" in line for line in notices + refused):
        outcome.not_told.append("damage found with nothing said")
    if path == "migration" and not (home / "panelbook.sqlite3").exists():
        return outcome
    try:
        found, said = _texts(home)
    except Exception as error:  # noqa: BLE001 - whatever stops the store opening is a finding
        outcome.lost.append(f"the store did not open after the fault: {type(error).__name__}: {error}")
        return outcome
    if any("damaged" in s for s in said):
        outcome.not_told.append("damage left behind for the next start to find")
    if path != "migration" and KEPT not in found:
        outcome.lost.append(KEPT)
    marker = config.get("marker")
    if saved and marker and path not in ("backup", "export", "restore", "migration", "read"):
        wanted = Path(marker).stem.replace("meeting ", "") if path == "import" else marker
        if wanted not in found:
            outcome.lost.append(marker)
    if saved and path == "backup" and not (home / "backups" / f"manual-{marker}.sqlite3").exists():
        outcome.lost.append("the backup reported as written")
    return outcome


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    """Figures per fault and path (and in all): trials, lost edits, healthy stores moved aside,
    tracebacks, users not told, reads refused; skipped trials with their reasons."""
    rows: dict[str, dict[str, Any]] = {}
    for o in outcomes:
        row = rows.setdefault(f"{o.fault} / {o.path}", {"fault": o.fault, "path": o.path, "trials": 0, "skipped": 0,
                                                         "saved_edits_lost": 0, "healthy_stores_moved_aside": 0,
                                                         "tracebacks": 0, "users_not_told": 0, "reads_refused": 0})
        if o.skipped:
            row["skipped"] += 1
            row["skip_reason"] = o.skipped
            continue
        row["trials"] += 1
        row["saved_edits_lost"] += len(o.lost)
        row["healthy_stores_moved_aside"] += o.moved_healthy
        row["tracebacks"] += int(o.traceback)
        row["users_not_told"] += len(o.not_told)
        row["reads_refused"] += int(o.read_refused)
    keys = ("trials", "skipped", "saved_edits_lost", "healthy_stores_moved_aside", "tracebacks", "users_not_told",
            "reads_refused")
    total = {k: sum(r[k] for r in rows.values()) for k in keys}
    return {"rows": list(rows.values()), "total": total}


def findings(outcome: Outcome) -> str:
    """What went wrong in one trial, for a failing test's message."""
    return json.dumps({"fault": outcome.fault, "path": outcome.path, "lost": outcome.lost,
                       "moved_healthy": outcome.moved_healthy, "traceback": outcome.traceback,
                       "not_told": outcome.not_told, "lines": outcome.lines, "stderr": outcome.stderr[-2000:]},
                      indent=1)


__all__ = ["FAULTS", "PATHS", "Outcome", "findings", "prepare_template", "run_trial", "summarise", "unmount"]
