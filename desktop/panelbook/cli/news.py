"""``panelbook news``: what syncs found changed, newest first, and marking it read."""
from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING

from panelbook.cli.output import PrintJson, PrintTable
from panelbook.cli.words import count, shorten
from panelbook.services import news as news_cases

if TYPE_CHECKING:
    from panelbook.store import Store


def news(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    rows = news_cases.listing(store, unseen_only=args.unseen)
    if args.json:
        print_json(news_cases.as_json(rows))
    elif not rows:
        print("Nothing new.")
    else:
        table([["", "SEEN AT", "COMMITTEE", "MEETING", "WHAT", "TITLE"]] + [
            ["" if r["seen"] else "new", local_time(r["at"]), shorten(r["committee"], 36), r["meeting_date"] or "",
             news_cases.label(r["kind"]), shorten(r["title"], 60)] for r in rows])
        unread = sum(not r["seen"] for r in rows)
        print(f"{count(unread, 'entry')} unread." if args.unseen else f"{count(len(rows), 'entry')}, {unread} unread.")
    if args.mark_seen:
        marked = news_cases.mark_seen(store, [r["id"] for r in rows if not r["seen"]])
        if not args.json:
            print(f"Marked {count(marked, 'entry')} as read." if marked else "Nothing was unread.")
    return 0


def local_time(at: str) -> str:
    """A UTC time from the store as this computer's local time, to the minute ("2026-12-02 18:04")."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment.tzinfo else moment.strftime("%Y-%m-%d %H:%M")
