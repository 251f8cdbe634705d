"""``panelbook note``, ``notes``, ``markup`` and ``profile``: a member's markup from the command line."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from panelbook.cli.errors import UsageError
from panelbook.cli.output import PrintJson, PrintTable
from panelbook.exports import atomic
from panelbook.model import UnreadableDocument
from panelbook.services import markup
from panelbook.store import Store, queries


def note(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    meeting_id = queries.resolve_meeting(store.db, args.meeting)
    item_id = queries.resolve_item(store.db, meeting_id, args.item)
    note_id = markup.add_note(store, item_id, args.text, question=args.question, who=args.profile)
    print(f"{'Question' if args.question else 'Note'} {note_id} saved.")
    return 0


def notes(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    rows = queries.notes(store.db, queries.resolve_meeting(store.db, args.meeting))
    if args.json:
        print_json(rows)
    else:
        for n in rows:
            label = n["agenda_number"] or n["minute_number"] or ""
            print(f"{label:>3}  {n['item_title']}\n     {n['kind']}: {n['text']}  — {n['profile']}")
    return 0


def markup_file(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    if args.markup_command == "export":
        try:
            atomic.check_target(args.output)
        except atomic.OutputPathError as error:
            raise UsageError(str(error)) from None
        data = markup.export_markup(store, who=args.profile, shared_only=args.shared)
        with atomic.open_text(args.output) as handle:
            handle.write(json.dumps(data, indent=1, ensure_ascii=False))
        print(f"Wrote {len(data['notes'])} notes and questions, {len(data['highlights'])} highlights "
              f"and {len(data['marks'])} flags to {args.output}.")
        return 0
    try:
        content = Path(args.file).read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"{args.file}: this file cannot be read ({error.strerror}).") from None
    try:
        counts = markup.import_markup(store, content)
    except markup.MarkupError as error:       # a bad file, like a bad document: exit status 1
        raise UnreadableDocument(f"{args.file}: {error}") from None
    if args.json:
        print_json(counts)
    else:
        print(markup.import_summary(counts))
    return 0


def profile(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    if args.name:
        markup.set_profile(store, args.name, args.role)
    current = markup.profile(store)
    print(f"{current['name']} ({current['role']})" if current else "No profile yet; the desktop asks at first start.")
    return 0
