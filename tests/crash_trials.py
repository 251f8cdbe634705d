"""Random-kill trials of the store: prepare a store once, then per trial copy it,
let ``crash_worker.py`` write to it, SIGKILL the worker at a random moment,
reopen the store and hold it to everything the worker reported as saved.

Used by tests/store/test_crash.py (a few trials per kind) and benchmarks/crash.py
(many).  A trial's findings fall in three groups:

- corrupt: the store did not open, start-up had to recover it from a backup,
  or SQLite's integrity check fails;
- lost: an edit the worker printed as SAVED is not in the store (or in its backup);
- partial: a transaction landed in part (an import's meeting without all its
  items, a note without its search row, a change without its history, a
  backup under its final name that does not verify, a stored file whose
  content does not match its name).
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import crash_worker
from panelbook.model import UnreadableDocument
from panelbook.paths import DataFolder, sample_dir
from panelbook.services.imports import prepare_bytes, prepare_file, write_prepared
from panelbook.services.sample import PACK_TEXT, load_sample
from panelbook.store import Store
from panelbook.store.backup import verify_backup
from panelbook.store.blobs import blob_path, sha256_of
from panelbook.store.queries import resolve_item, resolve_meeting
from tools.rebuild_pack import pack_pdf, pack_reports

WORKER = Path(__file__).resolve().with_name("crash_worker.py")
KINDS = ("import", "note", "tracker", "backup")
# The longest wait before the kill, by kind: a few writes' worth (a pack
# revision takes a few tenths of a second, a note a few milliseconds).
MAX_DELAY = {"import": 1.2, "note": 0.4, "tracker": 0.4, "backup": 0.6}
PACK = "2024-08-08 agenda pack (rebuilt).pdf"
MEETING_PAGE = "004_a891e5ad8eac6e85.txt"


@dataclass
class Template:
    """A prepared store (the sample panel, closed cleanly) and what its writes should produce."""

    workdir: Path
    home: Path
    prepared: Path                 # pickle of [pack A, pack B], read once
    pack_key: str
    pack_a: str                    # SHA-256 of the sample pack
    pack_b: str                    # ... and of its revision without its last page
    pack_states: dict[str, str]    # pack SHA-256 -> fingerprint of the store's pack, meeting and tracker rows
    template_meetings: list[int]
    fresh_counts: dict[str, int]   # what one fresh meeting import creates
    item_id: int
    rec_ids: list[int]
    responses: dict[int, str | None]


@dataclass
class Outcome:
    """What one trial found."""

    kind: str
    delay: float
    saved: int = 0
    in_flight_landed: bool = False     # the write in flight had committed, not yet reported
    lines: list[list[str]] = field(default_factory=list)
    corrupt: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [f"corrupt: {p}" for p in self.corrupt] + [f"lost: {p}" for p in self.lost] + \
            [f"partial: {p}" for p in self.partial]


# -- preparing ------------------------------------------------------------------


def pack_fingerprint(db, pack_key: str, meetings: list[int]) -> str:
    """The pack document, its pages, its meeting's items and the tracker rows of
    the prepared meetings: what a pack revision rewrites, with no timestamps."""
    doc = db.execute("SELECT id, sha256, page_count, meeting_id FROM documents WHERE key = ?", (pack_key,)).fetchall()
    doc_id, meeting_id = doc[0][0], doc[0][3]
    marks = ",".join("?" for _ in meetings)
    parts = (
        doc,
        db.execute("SELECT idx, printed, item_id, text FROM pages WHERE document_id = ? ORDER BY idx",
                   (doc_id,)).fetchall(),
        db.execute("SELECT * FROM items WHERE meeting_id = ? ORDER BY id", (meeting_id,)).fetchall(),
        db.execute(f"SELECT id, key, meeting_id, item_id, resolution_id, text FROM recommendations "
                   f"WHERE meeting_id IN ({marks}) ORDER BY id", meetings).fetchall(),
        db.execute("SELECT count(*) FROM search_rows WHERE document_id = ? AND kind = 'page'", (doc_id,)).fetchone(),
    )
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def meeting_counts(db, meeting_id: int) -> dict[str, int]:
    """Rows one meeting import writes, table by table."""
    def one(sql: str) -> int:
        return db.execute(sql, (meeting_id,)).fetchone()[0]

    return {
        "items": one("SELECT count(*) FROM items WHERE meeting_id = ?"),
        "resolutions": one("SELECT count(*) FROM resolutions r JOIN items i ON i.id = r.item_id WHERE i.meeting_id = ?"),
        "recommendations": one("SELECT count(*) FROM recommendations WHERE meeting_id = ?"),
        "documents": one("SELECT count(*) FROM documents WHERE meeting_id = ?"),
        "search_rows": one("SELECT count(*) FROM search_rows WHERE meeting_id = ?"),
    }


def prepare_template(workdir: Path) -> Template:
    """The sample panel loaded once; both pack versions read once; the expected
    state after each kind of write worked out on a scratch copy."""
    workdir.mkdir(parents=True, exist_ok=True)
    home = workdir / "template"
    folder = DataFolder(home)
    pack_a = prepare_file(sample_dir() / PACK)
    front, reports = pack_reports((sample_dir() / PACK_TEXT).read_text(encoding="utf-8"))
    variant = pack_pdf(front, reports, workdir / "pack without its last page.pdf", drop_pages={reports[-1].last})
    pack_b = prepare_file(variant)
    prepared = workdir / "packs.pickle"
    prepared.write_bytes(pickle.dumps([pack_a, pack_b]))
    with Store.open(folder, daily_backup=False) as store:
        load_sample(store)
        db = store.db
        meeting = resolve_meeting(db, "2024-08-08")
        item_id = resolve_item(db, meeting, "8")
        pack_key = db.execute("SELECT key FROM documents WHERE sha256 = ?", (sha256_of(pack_a.data),)).fetchone()[0]
        meetings = [r[0] for r in db.execute("SELECT id FROM meetings ORDER BY id")]
        rec_ids = [r[0] for r in db.execute("SELECT id FROM recommendations ORDER BY id LIMIT 3")]
        responses = {r[0]: r[1] for r in db.execute(
            f"SELECT id, response FROM recommendations WHERE id IN ({','.join('?' for _ in rec_ids)})", rec_ids)}
    scratch = DataFolder(workdir / "scratch")
    shutil.copytree(home, scratch.root)
    states = {}
    with Store.open(scratch, daily_backup=False) as store:
        states[sha256_of(pack_a.data)] = pack_fingerprint(store.db, pack_key, meetings)
        write_prepared(store, [pack_b])
        states[sha256_of(pack_b.data)] = pack_fingerprint(store.db, pack_key, meetings)
        page = (sample_dir() / MEETING_PAGE).read_text(encoding="utf-8")
        day = crash_worker.fresh_meeting_day(1)
        doc = prepare_bytes(crash_worker.fresh_meeting_page(page, day).encode("utf-8"), f"meeting {day}.txt")
        (report,) = write_prepared(store, [doc])
        fresh = meeting_counts(store.db, report.meeting_id)
    shutil.rmtree(scratch.root)
    if states[sha256_of(pack_a.data)] == states[sha256_of(pack_b.data)]:
        raise RuntimeError("The two pack versions leave the same store: the import trials could not tell them apart.")
    return Template(workdir, home, prepared, pack_key, sha256_of(pack_a.data), sha256_of(pack_b.data), states,
                    meetings, fresh, item_id, rec_ids, responses)


def kill_plan(seed: int | str, trials: int, kinds: tuple[str, ...] = KINDS) -> list[tuple[str, float]]:
    """(kind, seconds before the kill) for each trial: the kinds in turn, random delays from ``seed``."""
    rng = random.Random(seed)
    return [(kinds[n % len(kinds)], round(rng.uniform(0.0, MAX_DELAY[kinds[n % len(kinds)]]), 3))
            for n in range(trials)]


# -- one trial --------------------------------------------------------------------


def run_trial(template: Template, kind: str, trial_dir: Path, delay: float, steps: int | None = None) -> Outcome:
    """Copy the prepared store, start a worker writing ``kind``, kill it ``delay``
    seconds after it is ready (or let it stop after ``steps`` writes), then check."""
    home = trial_dir / "data"
    shutil.copytree(template.home, home)
    config = {"home": str(home), "kind": kind, "prepared": str(template.prepared),
              "meeting_page": str(sample_dir() / MEETING_PAGE), "item_id": template.item_id,
              "rec_ids": template.rec_ids, "steps": steps}
    config_path = trial_dir / "config.json"
    config_path.write_text(json.dumps(config), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # stderr goes to a file and stdout is read to its end through the same buffered reader that
    # read READY: communicate() would read the pipe underneath it and lose a SAVED line that
    # arrived together with READY (as the first note does when the machine is busy).
    with (trial_dir / "worker-stderr.txt").open("w+", encoding="utf-8") as err_file:
        proc = subprocess.Popen([sys.executable, str(WORKER), str(config_path)], stdout=subprocess.PIPE,
                                stderr=err_file, text=True, env=env)
        with proc.stdout:
            first = proc.stdout.readline()
            if first.strip() != "READY":
                proc.kill()
                proc.wait()
                raise RuntimeError(f"The {kind} worker did not start: {first!r} {_tail(err_file)}")
            if steps is None:
                try:
                    proc.wait(timeout=delay)
                except subprocess.TimeoutExpired:
                    proc.send_signal(signal.SIGKILL)
            rest = proc.stdout.read()
        proc.wait()
        err = _tail(err_file)
    outcome = Outcome(kind, delay)
    if proc.returncode not in (0, -signal.SIGKILL):
        raise RuntimeError(f"The {kind} worker failed before it was killed: {err}")
    saved = [line.split() for line in rest.splitlines() if line.startswith("SAVED ")]
    outcome.saved, outcome.lines = len(saved), saved
    check(template, kind, home, saved, outcome, finished=proc.returncode == 0)
    return outcome


def _tail(err_file) -> str:
    """The last 2,000 characters the worker wrote to stderr."""
    err_file.seek(0)
    return err_file.read().strip()[-2000:]


# -- checking ---------------------------------------------------------------------


def check(template: Template, kind: str, home: Path, saved: list[list[str]], out: Outcome,
          finished: bool = False) -> Outcome:
    """Reopen the store as the app would and compare it with the SAVED lines.
    ``finished``: the worker stopped by itself, so nothing was in flight."""
    folder = DataFolder(home)
    try:
        store = Store.open(folder)
    except Exception as error:     # noqa: BLE001 - any failure to open is the finding
        out.corrupt.append(f"the store did not open: {error!r}")
        return out
    with store:
        db = store.db
        if store.recovery is not None:
            out.corrupt.append(store.recovery.message)
        result = [r[0] for r in db.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            out.corrupt.append(f"integrity_check: {result[:3]}")
        try:
            db.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
        except Exception as error:     # noqa: BLE001
            out.partial.append(f"the search index is out of step with its rows: {error}")
        if db.execute("PRAGMA foreign_key_check").fetchall():
            out.partial.append("rows point at rows that do not exist (foreign_key_check)")
        _check_files(folder, db, out)
        _check_backups(folder, out)
        numbers = [int(fields[1]) for fields in saved]
        if numbers != list(range(len(numbers))):
            raise RuntimeError(f"The worker's SAVED lines are out of order: {numbers}")
        in_flight = None if finished else len(numbers)
        {"import": _check_import, "note": _check_notes, "tracker": _check_tracker,
         "backup": _check_backup_kind}[kind](template, folder, db, saved, in_flight, out)
    return out


def _check_files(folder: DataFolder, db, out: Outcome) -> None:
    for (sha,) in db.execute("SELECT DISTINCT sha256 FROM documents"):
        path = blob_path(folder.files, sha)
        if not path.is_file():
            out.lost.append(f"the document file {sha[:12]} is missing")
    for path in folder.files.rglob("*"):
        if path.is_file() and not path.name.startswith(".incoming-") and sha256_of(path.read_bytes()) != path.name:
            out.partial.append(f"the stored file {path.name[:12]} does not match its content")


def _check_backups(folder: DataFolder, out: Outcome) -> None:
    """A backup may be interrupted (a ``.partial`` is left), but nothing under a backup's name may be half-written."""
    if not folder.backups.is_dir():
        return
    for path in sorted(folder.backups.glob("*.sqlite3")):
        try:
            verify_backup(path)
        except UnreadableDocument as error:
            out.partial.append(f"the backup {path.name} does not verify: {error}")


def _check_import(t: Template, folder, db, saved, in_flight, out: Outcome) -> None:
    packs = [t.pack_a, t.pack_b]
    expected = t.pack_a
    saved_meetings: dict[str, int] = {}
    for fields in saved:
        if fields[2] == "pack":
            expected = fields[3]
        else:
            saved_meetings[fields[3]] = int(fields[4])
    allowed = {expected}
    if in_flight is not None and in_flight % 2 == 0:
        allowed.add(packs[(in_flight // 2 + 1) % 2])
    rows = db.execute("SELECT sha256, page_count, id FROM documents WHERE key = ?", (t.pack_key,)).fetchall()
    if len(rows) != 1:
        out.partial.append(f"{len(rows)} documents hold the pack")
        return
    sha, page_count, doc_id = rows[0]
    if sha != expected and sha in allowed:
        out.in_flight_landed = True
    if sha not in allowed:
        out.lost.append(f"the pack revision saved last ({expected[:12]}) is not the one stored ({sha[:12]})")
    if sha in t.pack_states and pack_fingerprint(db, t.pack_key, t.template_meetings) != t.pack_states[sha]:
        out.partial.append(f"the pack {sha[:12]} is stored, but its pages, items or tracker rows are not all its own")
    pages = db.execute("SELECT count(*) FROM pages WHERE document_id = ?", (doc_id,)).fetchone()[0]
    if pages != page_count:
        out.partial.append(f"the pack document says {page_count} pages but has {pages}")
    fresh_day = crash_worker.fresh_meeting_day(in_flight).isoformat() if in_flight and in_flight % 2 else None
    fresh = {date: mid for mid, date in db.execute(
        "SELECT id, date FROM meetings WHERE date >= ?", (crash_worker.FRESH_START.isoformat(),))}
    for date, meeting_id in saved_meetings.items():
        if fresh.get(date) != meeting_id:
            out.lost.append(f"the meeting of {date} (id {meeting_id}) reported saved is not there")
    for date, meeting_id in fresh.items():
        if date not in saved_meetings:
            if date == fresh_day:
                out.in_flight_landed = True
            else:
                out.partial.append(f"a meeting of {date} that was never being imported")
        counts = meeting_counts(db, meeting_id)
        if counts != t.fresh_counts:
            out.partial.append(f"the meeting of {date} is incomplete: {counts} (a whole import has {t.fresh_counts})")
    for (doc, count, pages) in db.execute(
            "SELECT d.id, d.page_count, (SELECT count(*) FROM pages p WHERE p.document_id = d.id) FROM documents d"):
        if count != pages:
            out.partial.append(f"document {doc} says {count} pages but has {pages}")


def _check_notes(t: Template, folder, db, saved, in_flight, out: Outcome) -> None:
    stored = {}
    for note_id, text in db.execute("SELECT id, text FROM notes WHERE text LIKE 'crash note %'"):
        stored[int(text.rsplit(" ", 1)[1])] = note_id
    for fields in saved:
        n, note_id = int(fields[1]), int(fields[3])
        if stored.get(n) != note_id:
            out.lost.append(f"note {n} (id {note_id}) reported saved is not there")
    reported = {int(f[1]) for f in saved}
    for n, note_id in stored.items():
        if n not in reported:
            if n == in_flight:
                out.in_flight_landed = True
            else:
                out.partial.append(f"note {n} was never being written")
        rows = db.execute("SELECT body FROM search_rows WHERE kind = 'note' AND ref_id = ?", (note_id,)).fetchall()
        if rows != [(f"crash note {n}",)]:
            out.partial.append(f"note {n} is stored without exactly one search row: {rows}")


def _check_tracker(t: Template, folder, db, saved, in_flight, out: Outcome) -> None:
    expected = dict(t.responses)
    for fields in saved:
        expected[int(fields[3])] = f"crash response {fields[1]}"
    flight = None
    if in_flight is not None:
        flight = (t.rec_ids[in_flight % len(t.rec_ids)], f"crash response {in_flight}")
    committed = len(saved)
    for rec_id in t.rec_ids:
        response, = db.execute("SELECT response FROM recommendations WHERE id = ?", (rec_id,)).fetchone()
        if response != expected[rec_id]:
            if flight == (rec_id, response):
                committed += 1
                out.in_flight_landed = True
            else:
                out.lost.append(f"recommendation {rec_id} has {response!r}, not the saved {expected[rec_id]!r}")
        history = db.execute("SELECT after FROM rec_history WHERE rec_id = ? AND field = 'response' "
                             "ORDER BY id DESC LIMIT 1", (rec_id,)).fetchone()
        if response is not None and (history is None or history[0] != response):
            out.partial.append(f"recommendation {rec_id}'s response {response!r} is not its last history entry")
        bodies = [r[0] for r in db.execute(
            "SELECT body FROM search_rows WHERE kind = 'recommendation' AND ref_id = ?", (rec_id,))]
        if len(bodies) != 1 or (response and response not in bodies[0]):
            out.partial.append(f"recommendation {rec_id}'s search row does not carry its response")
    changes = db.execute("SELECT count(*) FROM rec_history WHERE who = 'crash test' AND field = 'response'").fetchone()[0]
    if changes != committed:
        out.partial.append(f"{changes} response changes in the history for {committed} committed")


def _markers_in_backup(path: Path) -> list[int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [int(r[0].rsplit(" ", 1)[1]) for r in conn.execute(
            "SELECT text FROM notes WHERE text LIKE 'backup marker %'")]
    finally:
        conn.close()


def _check_backup_kind(t: Template, folder, db, saved, in_flight, out: Outcome) -> None:
    markers = {int(text.rsplit(" ", 1)[1]) for (text,) in db.execute(
        "SELECT text FROM notes WHERE text LIKE 'backup marker %'")}
    last: dict[str, int] = {}
    for fields in saved:
        n = int(fields[1])
        last[fields[3]] = n
        if n not in markers:
            out.lost.append(f"backup marker note {n} reported saved is not in the store")
    for name, n in last.items():
        path = folder.backups / name
        try:
            verify_backup(path)
        except UnreadableDocument as error:
            out.lost.append(f"the backup {name} reported saved does not verify: {error}")
            continue
        inside = max(_markers_in_backup(path), default=-1)
        if inside < n:
            out.lost.append(f"the backup {name} reported saved with marker {n} holds only up to {inside}")
    if in_flight is not None:
        path = folder.backups / crash_worker.backup_name(in_flight)
        try:
            verify_backup(path)
        except UnreadableDocument:
            return
        out.in_flight_landed = in_flight in _markers_in_backup(path)
