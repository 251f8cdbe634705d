"""One write (or read) on a store under a fault: the subject of the fault trials.

    python tests/fault_worker.py CONFIG.json

CONFIG (written by ``fault_trials``) names the data folder, the path to take
(``note``, ``question``, ``enquiry``, ``highlight``, ``mark`` (a flag and a priority),
``tracker``, ``import``, ``markup``,
``backup``, ``restore``, ``migration``, ``export``, ``read``), the marker the
write leaves, the files it needs, and ``wait``: open the store first, print
``OPEN`` and wait for a line on stdin before writing (the fault is made while
this process has the store open).  The worker handles errors as the command line
does: a fault Panelbook knows is told in one line (``REFUSED <sentence>``);
anything else escapes as a traceback, which the trials count.

Lines:
    NOTICE <text>     something opening the store told the user (a recovery, read-only, ...)
    SAVED <marker>    the write returned, which for the store means committed
    READ <n>          the read-only command read n meetings
    REFUSED <text>    the write (or read) was refused with this sentence
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from panelbook.model import UnreadableDocument
from panelbook.paths import DataFolder
from panelbook.services.exports import ExportRequestError
from panelbook.store import Store, StoreBusy
from panelbook.store.faults import StoreUnavailable, plain


def say(line: str) -> None:
    sys.stdout.write(line.replace("\n", " ") + "\n")
    sys.stdout.flush()


def _item(store: Store) -> int:
    from panelbook.store.queries import resolve_item, resolve_meeting

    return resolve_item(store.db, resolve_meeting(store.db, "2024-08-08"), "8")


def write(store: Store, config: dict) -> None:
    """Take the configured path on the open store; SAVED once it returned."""
    from panelbook.services import exports, imports, markup, recs

    path, marker = config["path"], config["marker"]
    if path in ("note", "question"):
        markup.add_note(store, _item(store), marker, question=path == "question")
    elif path == "enquiry":
        markup.add_enquiry(store, _item(store), marker)
    elif path == "mark":
        _word, flag, priority = marker.split(" ")
        markup.set_mark(store, _item(store), flag=flag, priority=int(priority))
    elif path == "highlight":
        page = store.db.execute("SELECT document_id, idx FROM pages WHERE length(text) > 200 "
                                "ORDER BY document_id, idx LIMIT 1").fetchone()
        markup.add_highlight(store, page[0], page[1], 10, 60, comment=marker)
    elif path == "tracker":
        rec_id = store.db.execute("SELECT min(id) FROM recommendations").fetchone()[0]
        recs.set_recommendation(store, rec_id, response=marker)
    elif path == "import":
        imports.import_file(store, config["import_file"])
    elif path == "markup":
        markup.import_markup(store, Path(config["markup_file"]).read_text(encoding="utf-8"))
    elif path == "backup":
        store.backup_to(store.folder.backups / f"manual-{marker}.sqlite3")
    elif path == "export":
        exports.export_ics_file(store, Path(config["export_file"]))
    elif path == "read":
        from panelbook.store.queries import meetings, notes, resolve_meeting

        rows = meetings(store.db)
        notes(store.db, resolve_meeting(store.db, "2024-08-08"))
        say(f"READ {len(rows)}")
        return
    say(f"SAVED {marker}")


def tell(store: Store) -> None:
    if store.recovery is not None:
        say(f"NOTICE {store.recovery.message}")
    for text in (*store.notices, store.read_only):
        if text:
            say(f"NOTICE {text}")


def run(config: dict) -> None:
    folder = DataFolder(Path(config["home"]))
    if config["path"] == "restore":
        from panelbook.store.backup import restore

        if config.get("wait"):
            say("OPEN")
            sys.stdin.readline()
        restore(folder, Path(config["restore_file"]))
        with Store.open(folder) as store:
            tell(store)
        say(f"SAVED {config['marker']}")
        return
    store = Store.open(folder)
    try:
        tell(store)
        if config["path"] == "migration":
            say(f"SAVED {config['marker']}")
            return
        if config.get("wait"):
            say("OPEN")
            sys.stdin.readline()
        write(store, config)
    finally:
        store.close()


def main() -> int:
    config = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    try:
        run(config)
    except (StoreUnavailable, StoreBusy, UnreadableDocument, ExportRequestError) as error:
        say(f"REFUSED {error}")
        return 1
    except OSError as error:
        fault = plain(error, Path(config["home"]))
        if fault is None and not error.strerror:
            raise
        say(f"REFUSED {fault or error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
