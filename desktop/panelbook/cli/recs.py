"""``panelbook recs``: the tracker listing, and ``set``, ``add``, ``history``, ``changes``."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from panelbook.cli.dates import meeting_ref, optional_date
from panelbook.cli.errors import UsageError
from panelbook.cli.output import PrintJson, PrintTable
from panelbook.cli.words import count, rec_status, shorten
from panelbook.services import meetings, recs as rec_cases
from panelbook.services.exports import ExportRequestError, export_recs_csv

if TYPE_CHECKING:
    from panelbook.store import Store


def recs(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    command = args.recs_command
    if command == "set":
        return _set(args, store)
    if command == "add":
        meeting_id = meetings.resolve_meeting(store, meeting_ref(args.meeting))
        item_id = meetings.resolve_item(store, meeting_id, args.item) if args.item else None
        rec_id = rec_cases.add_recommendation(store, meeting_id, args.text, item_id=item_id, owner=args.owner,
                                              deadline=optional_date(args.deadline, "--deadline"), who=args.profile)
        print(f"Recommendation {rec_id} added.")
        return 0
    if command == "history":
        return _history(args, store, print_json, table)
    if command == "changes":
        return _changes(args, store, print_json)
    listing = rec_cases.listing(store, status=args.status, overdue=args.overdue, view=args.view,
                                meeting=meeting_ref(args.meeting) if args.meeting else None, issue=args.issue)
    if args.csv:
        try:
            export_recs_csv(listing, Path(args.csv))
        except ExportRequestError as error:
            raise UsageError(str(error)) from None
    if args.json:
        print_json(listing)
        return 0
    if not listing:
        print("No recommendations match." if _filtered(args) else
              "No recommendations yet: import minutes, or add one with `panelbook recs add MEETING TEXT`.")
        return 0
    table([["ID", "MEETING", "STATUS", "DEADLINE", "ITEM", "RECOMMENDATION"]] + [
        [r["id"], r["meeting_date"] or "", rec_status(r["status"]) + (" (overdue)" if r["overdue"] else ""),
         r["deadline"] or "", shorten(r["item_title"], 40), shorten(r["text"], 70)] for r in listing])
    print(count(len(listing), "recommendation") + ".")
    return 0


def _filtered(args: argparse.Namespace) -> bool:
    return bool(args.status or args.overdue or args.view or args.meeting or args.issue)


def _set(args: argparse.Namespace, store: Store) -> int:
    fields = {name: getattr(args, name) for name in ("status", "response", "deadline", "owner", "text", "decision")}
    fields["deadline"] = optional_date(args.deadline, "--deadline", empty_clears=True)
    if args.not_a_recommendation:
        fields["not_a_recommendation"] = True
    if all(value is None for value in fields.values()):
        raise UsageError("recs set needs at least one of --status, --response, --deadline, --owner, --text, "
                         "--decision, --not-a-recommendation.")
    rec_cases.set_recommendation(store, args.id, who=args.profile, **fields)
    print(f"Recommendation {args.id} updated.")
    return 0


def _history(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    rows = rec_cases.history(store, args.id)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(f"Recommendation {args.id} has not been changed since it was imported.")
        return 0

    def shown(field: str, value: str | None) -> str:
        return rec_status(value) if field == "status" else shorten(value, 40)

    table([["WHEN", "WHO", "WHAT", "BEFORE", "AFTER"]] + [
        [r["at"], r["who"], r["field"], shown(r["field"], r["before"]), shown(r["field"], r["after"])] for r in rows])
    return 0


def _changes(args: argparse.Namespace, store: Store, print_json: PrintJson) -> int:
    result = rec_cases.changes(store, optional_date(args.since, "--since"))
    if args.json:
        print_json(result)
        return 0
    committees = result.get("committees", [])
    if len(committees) > 1:
        print("Since each committee's last meeting (" + "; ".join(
            f"{c['committee']} {c['date']}" for c in committees) + "):")
    else:
        print(f"Since {result['since'] or 'the beginning'}:")
    for label, key in (("Closed", "closed"), ("Added", "added"), ("Became overdue", "became_overdue")):
        print(f"  {label}: {len(result[key])}")
        for rec in result[key]:
            print(f"    {rec['id']}: {shorten(rec['text'], 90)}")
    return 0
