"""The headless sub-commands of ``panelbook``: each opens the store, runs one use case, prints.

Each subject's sub-commands live in their own module (``documents``, ``recs``,
``markup``, ``exports``); this one opens the store and hands over.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from panelbook.cli import documents, exports, markup, recs
from panelbook.cli.output import PrintJson, PrintTable
from panelbook.paths import DataFolder
from panelbook.store import Store

Handler = Callable[[argparse.Namespace, Store, PrintJson, PrintTable], int]


def run(args: argparse.Namespace, folder: DataFolder, print_json: PrintJson, table: PrintTable) -> int:
    """Run the sub-command ``args.command`` on the store in ``folder``; return the exit status."""
    if args.command == "restore":
        return _restore(args, folder)
    handler = HANDLERS[args.command]
    with Store.open(folder) as store:
        for notice in (store.recovery.message if store.recovery else None, store.location_warning):
            if notice:
                print(f"panelbook: note: {notice}", file=sys.stderr)
        return handler(args, store, print_json, table)


def _backup(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    from panelbook.store.backup import timestamp

    target = Path(args.output) if args.output else store.folder.backups / f"manual-{timestamp()}.sqlite3"
    store.backup_to(target)
    print(f"Backup written and verified: {target}")
    return 0


HANDLERS: dict[str, Handler] = {
    "import": documents.import_documents, "meetings": documents.meetings, "agenda": documents.agenda,
    "search": documents.search, "recs": recs.recs, "note": markup.note, "notes": markup.notes,
    "markup": markup.markup_file, "profile": markup.profile, "sample": documents.sample, "backup": _backup,
    "export": exports.export,
}


def _restore(args: argparse.Namespace, folder: DataFolder) -> int:
    """Restore with the store closed: verify the backup, keep the current database aside, swap."""
    from panelbook.store.backup import restore

    kept = restore(folder, Path(args.file))
    # Opening it once migrates an older backup to this version (with its own backup first).
    with Store.open(folder):
        pass
    print(f"Restored {args.file}." + (f" The database it replaced is kept at {kept}." if kept else ""))
    return 0
