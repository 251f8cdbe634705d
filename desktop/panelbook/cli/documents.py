"""``panelbook import``, ``meetings``, ``agenda``, ``search`` and ``sample``: documents and what they hold."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from panelbook.cli.errors import UsageError
from panelbook.cli.output import PrintJson, PrintTable
from panelbook.exports import atomic
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


def _ask_about_markup(store: Store) -> tuple[Path | None, bool]:
    """At a terminal, when the sample holds the user's markup: a file to export it to
    first, or ``discard``; nothing typed keeps everything.  (None, False): cancel."""
    markup = sample_panel.markup_on_sample(store)
    if not markup["total"]:
        return None, True
    print(f"The sample panel holds your markup ({sample_panel.markup_words(markup)}).")
    answer = input("Export it first? Type a file name to export it to, 'delete' to remove it with the sample, "
                   "or press Enter to keep everything: ").strip()
    if answer.lower() == "delete":
        return None, True
    return (Path(answer), False) if answer else (None, False)


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
        export_to = Path(args.export_markup) if args.export_markup else None
        if export_to is None and not args.discard_markup and sys.stdin.isatty():
            export_to, discard = _ask_about_markup(store)
            if export_to is None and not discard:
                print("Nothing was removed.")
                return 1
            args.discard_markup = discard
        try:
            removed = sample_panel.remove_sample(store, export_to=export_to, discard_markup=args.discard_markup)
        except sample_panel.SampleHoldsMarkup as error:
            print(f"panelbook: {error}", file=sys.stderr)
            return 1
        except atomic.OutputPathError as error:
            raise UsageError(str(error)) from None
        if args.json:
            print_json(removed)
        else:
            print(f"Removed the sample panel: {removed['meetings']} meetings, {removed['documents']} documents, "
                  f"{removed['recommendations']} recommendations and {removed['notes']} notes on sample items."
                  + (f" Your markup on it was exported first to {removed['markup_exported_to']}."
                     if removed["markup_exported_to"] else ""))
        return 0
    reports = sample_panel.load_sample(store)
    if args.json:
        print_json([r.as_json() for r in reports])
    else:
        print("Loaded the sample panel (Southampton City Council, Children and Families Scrutiny Panel). "
              "It is sample data, marked as such.")
    return 0
