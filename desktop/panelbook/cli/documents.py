"""``panelbook import``, ``meetings``, ``agenda``, ``search`` and ``sample``: documents and what they hold."""
from __future__ import annotations

import argparse
import sys
from datetime import date

from panelbook.cli.errors import UsageError
from panelbook.cli.output import PrintJson, PrintTable
from panelbook.services import imports, sample as sample_panel
from panelbook.store import Store, queries
from panelbook.store.search import search as search_store


def import_documents(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    """Import each readable file, name each unreadable one with its reason on
    stderr, end with a summary line; exit status 1 when any file failed."""
    outcome = imports.import_each(store, args.files)
    if args.json:
        print_json([r.as_json() for r in outcome.reports])
    else:
        for r in outcome.reports:
            print(f"{r.file}: {r.kind.replace('_', ' ')} — {r.meetings} meetings, {r.items} items, "
                  f"{r.resolutions} resolutions, {r.recommendations} recommendations added or updated"
                  + (f"; {r.markup_attached} notes, flags or highlights that waited for it attached"
                     if r.markup_attached else ""))
    for name, reason in outcome.failures:
        print(f"panelbook: {name}: {reason}", file=sys.stderr)
    if len(args.files) > 1:
        print(outcome.summary(), file=sys.stderr if args.json else sys.stdout)
    return 1 if outcome.failures else 0


def check_date(value: str | None, option: str) -> str | None:
    """``value`` as an ISO date, or a UsageError naming ``option``."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{option} {value}: not a date; write it as YYYY-MM-DD.") from None


def meetings(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    rows = queries.meetings(store.db, check_date(args.date_from, "--from"), check_date(args.date_to, "--to"))
    if args.json:
        print_json([{k: m[k] for k in ("id", "committee", "date", "time", "venue", "status")}
                    | {"council": m["council"]} for m in rows])
    else:
        table([["ID", "DATE", "TIME", "STATUS", "COMMITTEE", "VENUE"]] + [
            [m["id"], m["date"], m["time"] or "", m["status"], m["committee"], m["venue"] or ""] for m in rows])
    return 0


def agenda(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    data = queries.agenda(store.db, queries.resolve_meeting(store.db, args.meeting))
    if args.json:
        print_json(data)
        return 0
    m = data["meeting"]
    print(f"{m['committee']} — {m['date']} {m['time'] or ''} ({m['status']})".rstrip())
    if m["venue"]:
        print(f"Venue: {m['venue']}")
    print()
    for item in data["items"]:
        number = item["agenda_number"] or ""
        minute = f"(minute {item['minute_number']})" if item["minute_number"] else ""
        pages = f"pages {item['pages'][0]}-{item['pages'][1]}" if item["pages"] else ""
        flag = " [confidential]" if item["confidential"] else ""
        print(f"{number:>3}  {item['title']}{flag}  {minute}  {pages}".rstrip())
        for res in item["resolutions"]:
            print(f"       RESOLVED {res['number'] or ''} {res['text']}")
    return 0


def search(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    hits = search_store(store.db, " ".join(args.query))
    if args.json:
        print_json([
            {"kind": h.kind, "meeting_date": h.meeting_date, "title": h.title, "snippet": h.snippet,
             "page": h.page, "meeting_id": h.meeting_id, "item_id": h.item_id, "highlights": h.highlights}
            for h in hits
        ])
    else:
        for h in hits:
            page = f" p.{h.page}" if h.page else ""
            print(f"{h.meeting_date or '':10}  {h.kind:14} {h.title}{page}\n            {h.snippet}")
    return 0


def sample(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    if args.remove:
        removed = sample_panel.remove_sample(store)
        if args.json:
            print_json(removed)
        else:
            print(f"Removed the sample panel: {removed['meetings']} meetings, {removed['documents']} documents, "
                  f"{removed['recommendations']} recommendations and {removed['notes']} notes on sample items.")
        return 0
    reports = sample_panel.load_sample(store)
    if args.json:
        print_json([r.as_json() for r in reports])
    else:
        print("Loaded the sample panel (Southampton City Council, Children and Families Scrutiny Panel). "
              "It is sample data, marked as such.")
    return 0
