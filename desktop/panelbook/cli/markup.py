"""``panelbook note``, ``notes``, ``markup`` and ``profile``: a member's markup from the command line."""
from __future__ import annotations

import argparse
import getpass
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from panelbook.cli.confidential import say_hidden
from panelbook.cli.dates import meeting_ref
from panelbook.cli.errors import UsageError
from panelbook.cli.output import PrintJson, PrintTable
from panelbook.cli.words import count
from panelbook.model import UnreadableDocument
from panelbook.services import confidential, markup, meetings
from panelbook.services.exports import ExportRequestError, default_export_path, export_markup_file

if TYPE_CHECKING:
    from panelbook.store import Store

KIND_WORDS = {"note": "Note", "question": "Question", "enquiry": "Line of enquiry", "highlight": "Highlight"}


def note(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    meeting_id = meetings.resolve_meeting(store, meeting_ref(args.meeting))
    item_id = meetings.resolve_item(store, meeting_id, args.item)
    confidential.open_unless_locked(store)      # a note on a confidential item is kept encrypted
    note_id = markup.add_note(store, item_id, args.text, question=args.question, who=args.profile)
    what = "Question" if args.question else "Note"
    print(f"{what} saved on a confidential item (kept encrypted)." if note_id < 0 else f"{what} {note_id} saved.")
    return 0


def notes(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    say_hidden(store, "This listing")
    rows = meetings.notes(store, meeting_ref(args.meeting))
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(f"No notes, questions or highlights on this meeting yet: "
              f"`panelbook note add {shlex.quote(args.meeting)} ITEM TEXT` adds one.")
        return 0
    for position, (item, members) in enumerate(meetings.notes_by_item(rows)):
        if position:
            print()
        label = item["agenda_number"] or item["minute_number"] or ""
        print(f"{label:>3}  {item['item_title'] or 'Highlights on pages of no item'}")
        for n in members:
            print(f"     {_note_line(n)}")
    return 0


def _note_line(n: dict[str, Any]) -> str:
    kind = KIND_WORDS.get(n["kind"], n["kind"].capitalize())
    extra = ""
    if n["kind"] == "question" and n.get("state"):
        extra = f" [{n['state']}]"
    if n["kind"] == "highlight" and n.get("page"):
        extra = f" (page {n['page']})"
    return f"{kind}{extra}: {n['text']}  — {n['profile']}"


def markup_file(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    if args.markup_command == "export":
        output = Path(args.output) if args.output else default_export_path("markup.json")
        passphrase = None
        if args.include_confidential:
            passphrase = read_passphrase("Passphrase to seal the markup on confidential items: ", confirm=True)
        try:
            data = export_markup_file(store, output, who=args.profile, shared_only=args.shared,
                                      passphrase=passphrase)
        except ExportRequestError as error:
            raise UsageError(str(error)) from None
        print(f"Wrote {count(len(data['notes']), 'note or question', 'notes and questions')}, "
              f"{count(len(data['highlights']), 'highlight')} and {count(len(data['marks']), 'flag')} to {output}.")
        say_confidential(data)
        return 0
    try:
        content = Path(args.file).read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"{args.file}: this file cannot be read ({error.strerror}).") from None
    passphrase = None
    if markup.is_sealed(content):
        passphrase = read_passphrase("This file holds markup on confidential items, sealed with a passphrase.\n"
                                     "Passphrase (Enter to import only the rest): ") or None
    try:
        counts = markup.import_markup(store, content, passphrase=passphrase)
    except markup.MarkupError as error:       # a bad file, like a bad document: exit status 1
        raise UnreadableDocument(f"{args.file}: {error}") from None
    if args.json:
        print_json(counts)
    else:
        print(markup.import_summary(counts))
    return 0


def say_confidential(data: dict[str, Any]) -> None:
    """What became of the markup on confidential items: left out, or sealed."""
    left = sum((data.get("confidential_left_out") or {}).values())
    sealed = sum((data.get("confidential_sealed") or {}).values())
    if left:
        print(f"{count(left, 'note, flag or highlight', 'notes, flags and highlights')} on confidential items "
              "left out; add --include-confidential to seal them in the file with a passphrase.")
    if sealed:
        print(f"{count(sealed, 'note, flag or highlight', 'notes, flags and highlights')} on confidential items "
              "sealed in the file (AES-256-GCM); importing them needs the passphrase.")


def read_passphrase(prompt: str, *, confirm: bool = False) -> str:
    """A passphrase typed at the terminal (not echoed, twice when ``confirm``), or the first
    line of standard input when it is not a terminal (``echo … | panelbook markup …``)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("The same passphrase again: ") != first:
        raise UsageError("The two passphrases differ; nothing was written.")
    return first


def profile(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    if args.name:
        markup.set_profile(store, args.name, args.role)
    current = markup.profile(store)
    print(f"{current['name']} ({current['role']})" if current else "No profile yet; the desktop asks at first start.")
    return 0
