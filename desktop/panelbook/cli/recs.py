"""``panelbook recs``: the tracker listing, and ``set``, ``add``, ``history``, ``changes``."""
from __future__ import annotations

import argparse
from pathlib import Path

from panelbook.cli.errors import UsageError
from panelbook.cli.output import PrintJson, PrintTable
from panelbook.exports import atomic
from panelbook.exports.csv_recs import write_recs_csv
from panelbook.services import recs as rec_cases
from panelbook.store import Store, queries


def recs(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    command = args.recs_command
    if command == "set":
        fields = {name: getattr(args, name) for name in ("status", "response", "deadline", "owner", "text", "decision")}
        if args.not_a_recommendation:
            fields["not_a_recommendation"] = True
        if all(value is None for value in fields.values()):
            raise UsageError("recs set needs at least one of --status, --response, --deadline, --owner, --text, "
                             "--decision, --not-a-recommendation.")
        rec_cases.set_recommendation(store, args.id, who=args.profile, **fields)
        print(f"Recommendation {args.id} updated.")
        return 0
    if command == "add":
        add_to = queries.resolve_meeting(store.db, args.meeting)
        item_id = queries.resolve_item(store.db, add_to, args.item) if args.item else None
        rec_id = rec_cases.add_recommendation(store, add_to, args.text, item_id=item_id, owner=args.owner,
                                              deadline=args.deadline, who=args.profile)
        print(f"Recommendation {rec_id} added.")
        return 0
    if command == "history":
        rows = queries.history(store.db, args.id)
        if args.json:
            print_json(rows)
        else:
            table([["WHEN", "WHO", "WHAT", "BEFORE", "AFTER"]] + [
                [r["at"], r["who"], r["field"], (r["before"] or "")[:40], (r["after"] or "")[:40]] for r in rows])
        return 0
    if command == "changes":
        if args.since:
            result = queries.changes_since(store.db, args.since)
        else:       # each recommendation from the last meeting of its own committee
            result = queries.changes_since_last_meetings(store.db) or {
                "since": None, "committees": [], "closed": [], "added": [], "became_overdue": []}
        if args.json:
            print_json(result)
        else:
            committees = result.get("committees", [])
            if len(committees) > 1:
                print("Since each committee's last meeting (" + "; ".join(
                    f"{c['committee']} {c['date']}" for c in committees) + "):")
            else:
                print(f"Since {result['since'] or 'the beginning'}:")
            for label, key in (("Closed", "closed"), ("Added", "added"), ("Became overdue", "became_overdue")):
                print(f"  {label}: {len(result[key])}")
                for rec in result[key]:
                    print(f"    {rec['id']}: {rec['text'][:90]}")
        return 0
    if args.csv:
        try:
            atomic.check_target(args.csv)
        except atomic.OutputPathError as error:
            raise UsageError(str(error)) from None
    listed_meeting = queries.resolve_meeting(store.db, args.meeting) if args.meeting else None
    listing = queries.recommendations(store.db, args.status, args.overdue, view=args.view, meeting_id=listed_meeting,
                                      issue=args.issue)
    if args.csv:
        write_recs_csv(listing, Path(args.csv))
    if args.json:
        print_json(listing)
    else:
        table([["ID", "MEETING", "STATUS", "DEADLINE", "ITEM", "RECOMMENDATION"]] + [
            [r["id"], r["meeting_date"] or "", r["status"] + (" (overdue)" if r["overdue"] else ""),
             r["deadline"] or "", (r["item_title"] or "")[:40], r["text"][:70]] for r in listing])
    return 0
