"""``panelbook edit``: correct a meeting or an item a reader got wrong, merge, split,
undo, and the history of the corrections."""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from panelbook.cli.dates import meeting_ref, optional_date
from panelbook.cli.output import PrintJson, PrintTable
from panelbook.services import corrections

if TYPE_CHECKING:
    from panelbook.store import Store


def edit(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    """Run one ``edit`` action and say what the meeting or item now is."""
    ref = meeting_ref(args.meeting)
    if args.committee is not None and not ref.isdigit():
        meeting_id = corrections.find_meeting(store, ref, args.committee)
    else:
        meeting_id = corrections.find_meeting(store, ref)
    action = args.edit_action
    if action == "history":
        return _history(args, store, meeting_id, print_json, table)
    if action == "meeting":
        new_date = optional_date(args.new_date, "--date")
        result: dict[str, Any] = corrections.edit_meeting(
            store, meeting_id, committee=args.new_committee, date=new_date, time=args.time, venue=args.venue,
            status=args.status)
        return _say_meeting(args, result, print_json)
    if action == "undo":
        item_id = corrections.find_item(store, meeting_id, args.item) if args.item else None
        undone = corrections.undo(store, meeting_id, item_id, args.field)
        if args.json:
            print_json(undone)
        else:
            print(f"Undone: {corrections.describe(undone)}; back to what the documents say.")
        return 0
    item_id = corrections.find_item(store, meeting_id, args.item)
    if action == "item":
        result = corrections.edit_item(store, item_id, title=args.title, pages=args.pages, number=args.number,
                                       confidential=args.confidential)
    elif action == "merge":
        result = corrections.merge_items(store, meeting_id, item_id, corrections.find_item(store, meeting_id,
                                                                                            args.other))
    else:
        result = corrections.split_item(store, item_id, args.at_page, args.title, args.number)
    return _say_item(args, result, print_json)


def _say_meeting(args: argparse.Namespace, meeting: dict[str, Any], print_json: PrintJson) -> int:
    if args.json:
        print_json({k: meeting[k] for k in ("id", "committee", "date", "time", "venue", "status")})
        return 0
    print(f"Corrected: {meeting['committee']} — {meeting['date']} {meeting['time'] or '(no start time)'}, "
          f"{meeting['venue'] or 'no venue'}, {meeting['status']}.")
    return 0


def _say_item(args: argparse.Namespace, item: dict[str, Any], print_json: PrintJson) -> int:
    if args.json:
        print_json({k: item[k] for k in ("id", "agenda_number", "minute_number", "title", "description", "pages",
                                         "confidential")})
        return 0
    pages = f"pages {item['pages'][0]}-{item['pages'][1]}" if item["pages"] else "no pages"
    flag = ", confidential" if item["confidential"] else ""
    print(f"Corrected: item {item['agenda_number'] or '(no number)'} “{item['title']}”, {pages}{flag}.")
    return 0


def _history(args: argparse.Namespace, store: Store, meeting_id: int, print_json: PrintJson,
             table: PrintTable) -> int:
    entries = corrections.history(store, meeting_id)
    if args.json:
        print_json(entries)
        return 0
    shown = [e for e in entries if e["part_of"] is None]       # a merge's or split's own steps go with it
    if not shown:
        print("No corrections of this meeting: it shows what its documents say.")
        return 0
    table([["WHEN", "WHO", "CHANGE", ""]] + [
        [e["at"].replace("T", " ")[:16], e["who"], corrections.describe(e), "(undone)" if e["undone"] else ""]
        for e in shown])
    return 0


