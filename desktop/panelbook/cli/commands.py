"""The headless sub-commands of ``panelbook``: each opens the store, runs one use case, prints.

Each subject's sub-commands live in their own module (``documents``, ``recs``,
``markup``, ``exports``); this one opens the store and hands over.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from panelbook.cli import confidential, documents, edit, exports, markup, news, recs, sync
from panelbook.cli.output import PrintJson, PrintTable
from panelbook.paths import DataFolder
from panelbook.services import backup as backups
from panelbook.services.session import open_store

if TYPE_CHECKING:
    from panelbook.store import Store

Handler = Callable[[argparse.Namespace, "Store", PrintJson, PrintTable], int]


def run(args: argparse.Namespace, folder: DataFolder, print_json: PrintJson, table: PrintTable) -> int:
    """Run the sub-command ``args.command`` on the store in ``folder``; return the exit status."""
    if args.command == "restore":
        return _restore(args, folder)
    handler = HANDLERS[args.command]
    with open_store(folder) as (store, notices):
        for notice in notices:
            print(f"panelbook: note: {notice}", file=sys.stderr)
        status = handler(args, store, print_json, table)
        if store.read_only:     # said after reading; a refused write says it once, as its error
            print(f"panelbook: note: {store.read_only}", file=sys.stderr)
        return status


def _backup(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    target = backups.backup(store, Path(args.output) if args.output else None)
    print(f"Backup written and verified: {target}")
    return 0


HANDLERS: dict[str, Handler] = {
    "import": documents.import_documents, "meetings": documents.meetings, "agenda": documents.agenda,
    "search": documents.search, "recs": recs.recs, "note": markup.note, "notes": markup.notes,
    "markup": markup.markup_file, "profile": markup.profile, "sample": documents.sample, "backup": _backup,
    "export": exports.export, "news": news.news, "follow": sync.follow, "sync": sync.sync,
    "edit": edit.edit,
    "confidential": confidential.confidential_command,
}


def _restore(args: argparse.Namespace, folder: DataFolder) -> int:
    """Restore with the store closed: verify the backup, keep the current database aside, swap."""
    kept = backups.restore(folder, Path(args.file))
    print(f"Restored {args.file}." + (f" The database it replaced is kept at {kept}." if kept else ""))
    return 0
