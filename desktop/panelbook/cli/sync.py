"""``panelbook follow`` and ``panelbook sync``: a council's committees, following them, and
bringing everything followed up to date.  Exit 1 with one line when nothing could be reached.

The sync's modules (and the HTTP client's libraries) are imported when one of these
commands runs, so every other command starts as fast as before."""
from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from panelbook.cli.output import PrintJson, PrintTable
from panelbook.cli.words import plural

if TYPE_CHECKING:
    from panelbook.services.sync.report import SyncProgress
    from panelbook.store import Store


def follow(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    from panelbook.services.sync import follow as following

    if args.committee and args.unfollow:
        choices = following.follow(store, args.url, args.committee)
        choices = following.unfollow(store, args.url, args.unfollow)
    elif args.committee:
        choices = following.follow(store, args.url, args.committee)
    elif args.unfollow:
        choices = following.unfollow(store, args.url, args.unfollow)
    else:
        choices = following.site_committees(store, args.url, include_inactive=args.include_inactive)
    if not args.include_inactive:
        choices = [c for c in choices if c.active or c.followed]
    if args.json:
        print_json([choice.as_json() for choice in choices])
        return 0
    if not choices:
        print("The site lists no current committees; add --include-inactive to see expired ones.")
        return 0
    rows: list[list[object]] = [["id", "committee", "followed"]]
    rows += [[c.id, c.name + ("" if c.active else " (no longer active)"), "yes" if c.followed else ""]
             for c in choices]
    table(rows)
    followed = sum(c.followed for c in choices)
    if not (args.committee or args.unfollow):
        print(f"{followed} {plural('committee', followed)} followed; follow more with --committee ID or NAME, "
              "then run 'panelbook sync'.")
    else:
        print(f"{followed} {plural('committee', followed)} of this site followed now; "
              "'panelbook sync' fetches their papers.")
    return 0


def _say_progress(progress: SyncProgress) -> None:
    print(f"panelbook: {progress.describe()}", file=sys.stderr, flush=True)


def sync(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    from panelbook.services.sync.run import sync_all

    report = sync_all(store, progress=None if args.json or not sys.stderr.isatty() else _say_progress)
    if args.json:
        print_json(report.as_json())
    else:
        print(report.summary())
        for error in report.errors:
            print(f"  {error.url}: {error.message}")
    if report.nothing_reached():
        print(f"panelbook: {report.unreachable_sentence()}", file=sys.stderr)
        return 1
    return 0
