"""The headless sub-commands of ``panelbook``: each opens the store, runs one use case, prints."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from panelbook import services
from panelbook.paths import DataFolder
from panelbook.store import Store, queries
from panelbook.store.search import search


class UsageError(Exception):
    """Bad arguments: exit status 2."""


def run(args: argparse.Namespace, folder: DataFolder, print_json: Callable, table: Callable) -> int:
    if args.command == "restore":
        return _restore(args, folder)
    handler = HANDLERS[args.command]
    with Store.open(folder) as store:
        for notice in (store.recovery.message if store.recovery else None, store.location_warning):
            if notice:
                print(f"panelbook: note: {notice}", file=sys.stderr)
        return handler(args, store, print_json, table)


def _import(args, store: Store, print_json, table) -> int:
    reports = services.import_files(store, args.files)
    if args.json:
        print_json([r.as_json() for r in reports])
    else:
        for r in reports:
            print(f"{r.file}: {r.kind.replace('_', ' ')} — {r.meetings} meetings, {r.items} items, "
                  f"{r.resolutions} resolutions, {r.recommendations} recommendations added or updated")
    return 0


def _check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{option} {value}: not a date; write it as YYYY-MM-DD.") from None


def _meetings(args, store: Store, print_json, table) -> int:
    rows = queries.meetings(store.db, _check_date(args.date_from, "--from"), _check_date(args.date_to, "--to"))
    if args.json:
        print_json([{k: m[k] for k in ("id", "committee", "date", "time", "venue", "status")} | {"council": m["council"]}
                    for m in rows])
    else:
        table([["ID", "DATE", "TIME", "STATUS", "COMMITTEE", "VENUE"]] + [
            [m["id"], m["date"], m["time"] or "", m["status"], m["committee"], m["venue"] or ""] for m in rows])
    return 0


def _agenda(args, store: Store, print_json, table) -> int:
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


def _search(args, store: Store, print_json, table) -> int:
    hits = search(store.db, " ".join(args.query))
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


def _recs(args, store: Store, print_json, table) -> int:
    command = args.recs_command
    if command == "set":
        fields = {name: getattr(args, name) for name in ("status", "response", "deadline", "owner", "text", "decision")}
        if args.not_a_recommendation:
            fields["not_a_recommendation"] = True
        if all(value is None for value in fields.values()):
            raise UsageError("recs set needs at least one of --status, --response, --deadline, --owner, --text, "
                             "--decision, --not-a-recommendation.")
        services.set_recommendation(store, args.id, who=args.profile, **fields)
        print(f"Recommendation {args.id} updated.")
        return 0
    if command == "add":
        meeting_id = queries.resolve_meeting(store.db, args.meeting)
        item_id = queries.resolve_item(store.db, meeting_id, args.item) if args.item else None
        rec_id = services.add_recommendation(store, meeting_id, args.text, item_id=item_id, owner=args.owner,
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
        since = args.since or _last_meeting_held(store)
        result = queries.changes_since(store.db, since) if since else {"since": None, "closed": [], "added": [],
                                                                          "became_overdue": []}
        if args.json:
            print_json(result)
        else:
            print(f"Since {since or 'the beginning'}:")
            for label, key in (("Closed", "closed"), ("Added", "added"), ("Became overdue", "became_overdue")):
                print(f"  {label}: {len(result[key])}")
                for rec in result[key]:
                    print(f"    {rec['id']}: {rec['text'][:90]}")
        return 0
    meeting_id = queries.resolve_meeting(store.db, args.meeting) if args.meeting else None
    rows = queries.recommendations(store.db, args.status, args.overdue, view=args.view, meeting_id=meeting_id,
                                   issue=args.issue)
    if args.csv:
        from panelbook.exports.csv_recs import write_recs_csv

        write_recs_csv(rows, Path(args.csv))
    if args.json:
        print_json(rows)
    else:
        table([["ID", "MEETING", "STATUS", "DEADLINE", "ITEM", "RECOMMENDATION"]] + [
            [r["id"], r["meeting_date"] or "", r["status"] + (" (overdue)" if r["overdue"] else ""),
             r["deadline"] or "", (r["item_title"] or "")[:40], r["text"][:70]] for r in rows])
    return 0


def _last_meeting_held(store: Store) -> str | None:
    rows = list(store.db.query("SELECT max(date) AS d FROM meetings WHERE status = 'held'"))
    return rows[0]["d"] if rows and rows[0]["d"] else None


def _note(args, store: Store, print_json, table) -> int:
    meeting_id = queries.resolve_meeting(store.db, args.meeting)
    item_id = queries.resolve_item(store.db, meeting_id, args.item)
    note_id = services.add_note(store, item_id, args.text, question=args.question, who=args.profile)
    print(f"{'Question' if args.question else 'Note'} {note_id} saved.")
    return 0


def _notes(args, store: Store, print_json, table) -> int:
    rows = queries.notes(store.db, queries.resolve_meeting(store.db, args.meeting))
    if args.json:
        print_json(rows)
    else:
        for n in rows:
            label = n["agenda_number"] or n["minute_number"] or ""
            print(f"{label:>3}  {n['item_title']}\n     {n['kind']}: {n['text']}  — {n['profile']}")
    return 0


def _sample(args, store: Store, print_json, table) -> int:
    if args.remove:
        removed = services.remove_sample(store)
        if args.json:
            print_json(removed)
        else:
            print(f"Removed the sample panel: {removed['meetings']} meetings, {removed['documents']} documents, "
                  f"{removed['recommendations']} recommendations and {removed['notes']} notes on sample items.")
        return 0
    reports = services.load_sample(store)
    if args.json:
        print_json([r.as_json() for r in reports])
    else:
        print("Loaded the sample panel (Southampton City Council, Children and Families Scrutiny Panel). "
              "It is sample data, marked as such.")
    return 0


def _backup(args, store: Store, print_json, table) -> int:
    from panelbook.store.backup import timestamp

    target = Path(args.output) if args.output else store.folder.backups / f"manual-{timestamp()}.sqlite3"
    store.backup_to(target)
    print(f"Backup written and verified: {target}")
    return 0


def _export(args, store: Store, print_json, table) -> int:
    from panelbook.services.exports import ExportRequestError, run_export

    try:
        path = run_export(store, args)
    except ExportRequestError as error:
        raise UsageError(str(error)) from None
    print(f"Written: {path}")
    return 0


def _markup(args, store: Store, print_json, table) -> int:
    import json

    from panelbook.services import markup

    if args.markup_command == "export":
        data = markup.export_markup(store, who=args.profile, shared_only=args.shared)
        Path(args.output).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"Wrote {len(data['notes'])} notes and questions, {len(data['highlights'])} highlights "
              f"and {len(data['marks'])} flags to {args.output}.")
        return 0
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise markup.MarkupError(f"{args.file} cannot be read ({error}).") from None
    counts = markup.import_markup(store, text)
    if args.json:
        print_json(counts)
    else:
        print(markup.import_summary(counts))
    return 0


def _profile(args, store: Store, print_json, table) -> int:
    from panelbook.services import markup

    if args.name:
        markup.set_profile(store, args.name, args.role)
    current = markup.profile(store)
    print(f"{current['name']} ({current['role']})" if current else "No profile yet; the desktop asks at first start.")
    return 0


HANDLERS = {
    "import": _import, "meetings": _meetings, "agenda": _agenda, "search": _search, "recs": _recs,
    "note": _note, "notes": _notes, "markup": _markup, "profile": _profile, "sample": _sample, "backup": _backup,
    "export": _export,
}


def _restore(args, folder: DataFolder) -> int:
    """Restore with the store closed: verify the backup, keep the current database aside, swap."""
    from panelbook.store.backup import restore

    kept = restore(folder, Path(args.file))
    # Opening it once migrates an older backup to this version (with its own backup first).
    with Store.open(folder):
        pass
    print(f"Restored {args.file}." + (f" The database it replaced is kept at {kept}." if kept else ""))
    return 0
