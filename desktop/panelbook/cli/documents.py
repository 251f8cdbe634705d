"""``panelbook import``, ``meetings``, ``agenda``, ``search`` and ``sample``: documents and what they hold."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from panelbook.cli.confidential import say_hidden
from panelbook.cli.dates import meeting_ref, optional_date
from panelbook.cli.errors import UsageError
from panelbook.cli.output import PrintJson, PrintTable
from panelbook.cli.words import count, shorten
from panelbook.services import (
    confidential,
    confidential_imports,
    imports,
    meetings as meeting_cases,
    sample as sample_panel,
)
from panelbook.services.exports import ExportRequestError
from panelbook.services.search import search as search_all

if TYPE_CHECKING:
    from panelbook.store import Store

NO_MEETINGS = "No meetings yet: import a pack or follow your council."


def import_documents(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    """Import each readable file, say under each what could not be read from it,
    name each unreadable one with its reason on stderr, end with a summary line;
    exit status 1 when any file failed."""
    if args.confidential:
        confidential.open_unless_locked(store)
        outcome = confidential_imports.import_each_confidential(store, args.files)
    else:
        outcome = imports.import_each(store, args.files)
    if args.json:
        print_json([r.as_json() for r in outcome.reports])
    else:
        for r in outcome.reports:
            kept = " (confidential: kept encrypted)" if r.confidential else ""
            print(f"{r.file}: {r.kind.replace('_', ' ')}{kept} — {count(r.meetings, 'meeting')}, "
                  f"{count(r.items, 'item')}, "
                  f"{count(r.resolutions, 'resolution')}, {count(r.recommendations, 'recommendation')} "
                  "added or updated"
                  + (f"; {r.markup_attached} notes, flags or highlights that waited for it attached"
                     if r.markup_attached else ""))
            if r.warnings:
                print("  Not read from the file (check it; `panelbook edit` corrects a meeting or an item):")
                for line in r.warnings:
                    print(f"  - {line}")
    for name, reason in outcome.failures:
        print(f"panelbook: {name}: {reason}", file=sys.stderr)
    if len(args.files) > 1:
        print(outcome.summary(), file=sys.stderr if args.json else sys.stdout)
    return 1 if outcome.failures else 0


def meetings(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    date_from, date_to = optional_date(args.date_from, "--from"), optional_date(args.date_to, "--to")
    rows = meeting_cases.list_meetings(store, date_from, date_to)
    if args.json:
        print_json([{k: m[k] for k in ("id", "committee", "date", "time", "venue", "status")}
                    | {"council": m["council"]} for m in rows])
        return 0
    if not rows:
        if date_from or date_to:
            print(f"No meetings {_between(date_from, date_to)}; `panelbook meetings` lists them all.")
        else:
            print(NO_MEETINGS)
        return 0
    table([["ID", "DATE", "TIME", "STATUS", "COMMITTEE", "VENUE"]] + [
        [m["id"], m["date"], m["time"] or "", meeting_cases.status_label(m["status"], m["date"]), m["committee"],
         m["venue"] or ""] for m in rows])
    print(count(len(rows), "meeting") + ".")
    return 0


def _between(date_from: str | None, date_to: str | None) -> str:
    if date_from and date_to:
        return f"from {date_from} to {date_to}"
    return f"from {date_from}" if date_from else f"up to {date_to}"


def agenda(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    data = meeting_cases.agenda(store, meeting_ref(args.meeting))
    if args.json:
        print_json(data)
        return 0
    m = data["meeting"]
    label = meeting_cases.status_label(m["status"], m["date"])
    print(f"{m['committee']} — {m['date']} {m['time'] or ''}".rstrip() + f" ({label})"
          + (" [corrected: `panelbook edit history` lists how]" if m.get("corrected") else ""))
    if m["venue"]:
        print(f"Venue: {m['venue']}")
    print()
    if not data["items"]:
        print("No agenda items yet: import this meeting's agenda pack or minutes.")
    for item in data["items"]:
        number = item["agenda_number"] or ""
        minute = f"(minute {item['minute_number']})" if item["minute_number"] else ""
        pages = f"pages {item['pages'][0]}-{item['pages'][1]}" if item["pages"] else ""
        flag = (" [confidential]" if item["confidential"] else "") + (" [corrected]" if item.get("corrected") else "")
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
    query = " ".join(args.query)
    say_hidden(store, "This search")
    hits = search_all(store, query)
    if args.json:
        print_json([
            {"kind": h.kind, "meeting_date": h.meeting_date, "title": h.title, "snippet": h.snippet,
             "page": h.page, "meeting_id": h.meeting_id, "item_id": h.item_id, "highlights": h.highlights,
             "confidential": h.confidential}
            for h in hits
        ])
        return 0
    if not hits:
        print(f"No results for “{query}”.")
        return 0
    for h in hits:
        page = f" p.{h.page}" if h.page else ""
        flag = " [confidential]" if h.confidential else ""
        print(f"{h.meeting_date or '':10}  {h.kind:14} {shorten(h.title, 90)}{page}{flag}\n            {h.snippet}")
    print(count(len(hits), "result") + ".")
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
        except ExportRequestError as error:
            raise UsageError(str(error)) from None
        if args.json:
            print_json(removed)
        else:
            print(f"Removed the sample panel: {count(removed['meetings'], 'meeting')}, "
                  f"{count(removed['documents'], 'document')}, {count(removed['recommendations'], 'recommendation')} "
                  f"and {count(removed['notes'], 'note')} on sample items."
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
