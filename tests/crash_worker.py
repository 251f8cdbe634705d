"""A Panelbook that writes until it is killed: the subject of the kill tests.

    python tests/crash_worker.py CONFIG.json

CONFIG (written by ``crash_trials``) names the data folder and the one kind of
write to repeat: ``import``, ``note``, ``tracker`` or ``backup``.  The worker
opens the store the way the app does (checks, session marker, the day's
backup), prints ``READY``, then loops; after each write has returned, which for
the store means committed, it prints one ``SAVED ...`` line and flushes.  The
parent kills it with SIGKILL at a random moment and holds the store to every
line it managed to read.

Lines (``n`` counts the writes from 0):
    SAVED n pack SHA256             the agenda pack revised (alternately A and B)
    SAVED n meeting YYYY-MM-DD ID   a new meeting imported from a meeting page
    SAVED n note ID                 note "crash note n" added
    SAVED n rec ID                  response "crash response n" set on recommendation ID
    SAVED n backup NAME             note "backup marker n" added, then backed up to NAME
"""
from __future__ import annotations

import json
import os
import pickle
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from panelbook.paths import DataFolder
from panelbook.services.imports import prepare_bytes, write_prepared
from panelbook.services.markup import add_note
from panelbook.services.recs import set_recommendation
from panelbook.store import Store
from panelbook.store.blobs import sha256_of

MEETING_HEADING = "Children and Families Scrutiny Panel - Thursday, 8th August, 2024 5.30 pm"
FRESH_START = date(2031, 1, 2)
BACKUP_NAMES = 3
MAX_SECONDS = 60.0        # never outlive a parent that forgot to kill us


def ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def fresh_meeting_day(n: int) -> date:
    """The date of the meeting the ``n``-th write of an import run creates."""
    return FRESH_START + timedelta(days=7 * n)


def fresh_meeting_page(template: str, day: date) -> str:
    """The sample's ModernGov meeting page moved to ``day``: a new meeting with the same 7 items."""
    heading = f"Children and Families Scrutiny Panel - {day:%A}, {ordinal(day.day)} {day:%B}, {day.year} 5.30 pm"
    return template.replace(MEETING_HEADING, heading)


def backup_name(n: int) -> str:
    return f"manual-{n % BACKUP_NAMES}.sqlite3"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def run(config: dict) -> None:
    folder = DataFolder(Path(config["home"]))
    kind = config["kind"]
    steps = config.get("steps")           # stop cleanly after this many (checks of the checker)
    packs = fresh_page = None
    if kind == "import":
        with open(config["prepared"], "rb") as handle:
            packs = pickle.load(handle)   # [pack A, pack B] already read: the loop is all writing
        fresh_page = Path(config["meeting_page"]).read_text(encoding="utf-8")
    store = Store.open(folder)
    say("READY")
    started = time.monotonic()
    n = 0
    while (steps is None or n < steps) and time.monotonic() - started < MAX_SECONDS:
        if kind == "import":
            if n % 2 == 0:
                prepared = packs[(n // 2 + 1) % 2]        # B, A, B, A ... (the store starts with A)
                write_prepared(store, [prepared])
                say(f"SAVED {n} pack {sha256_of(prepared.data)}")
            else:
                day = fresh_meeting_day(n)
                prepared = prepare_bytes(fresh_meeting_page(fresh_page, day).encode("utf-8"),
                                                  f"meeting {day}.txt")
                (report,) = write_prepared(store, [prepared])
                say(f"SAVED {n} meeting {day.isoformat()} {report.meeting_id}")
        elif kind == "note":
            note_id = add_note(store, config["item_id"], f"crash note {n}")
            say(f"SAVED {n} note {note_id}")
        elif kind == "tracker":
            rec_id = config["rec_ids"][n % len(config["rec_ids"])]
            set_recommendation(store, rec_id, response=f"crash response {n}", who="crash test")
            say(f"SAVED {n} rec {rec_id}")
        elif kind == "backup":
            add_note(store, config["item_id"], f"backup marker {n}")
            store.backup_to(folder.backups / backup_name(n))
            say(f"SAVED {n} backup {backup_name(n)}")
        else:
            raise SystemExit(f"unknown kind {kind!r}")
        n += 1
    store.close()


if __name__ == "__main__":
    run(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
