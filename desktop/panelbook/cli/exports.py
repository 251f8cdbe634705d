"""``panelbook export``: turns the parsed arguments into one export use case."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from panelbook.cli.dates import meeting_ref
from panelbook.cli.errors import UsageError
from panelbook.cli.output import PrintJson, PrintTable
from panelbook.cli.words import count
from panelbook.services import exports

if TYPE_CHECKING:
    from panelbook.store import Store


def parse_items(value: str | None) -> list[str] | None:
    """``--items 7,8`` as agenda numbers (a trailing full stop dropped); None for every item."""
    if not value:
        return None
    numbers = [part.strip().rstrip(".") for part in value.split(",") if part.strip()]
    if not numbers:
        raise UsageError("--items needs agenda numbers, for example --items 7,8.")
    return numbers


def default_name(args: argparse.Namespace) -> str:
    """The file name used when no ``-o`` is given (saved in the Documents folder)."""
    if args.export_command == "ics":
        return "Panelbook meetings.ics"
    what = "Monitoring report" if args.export_command == "monitoring" else "Briefing"
    return f"{what} {meeting_ref(args.meeting)}.pdf"


def export(args: argparse.Namespace, store: Store, print_json: PrintJson, table: PrintTable) -> int:
    output = Path(args.output) if args.output else exports.default_export_path(default_name(args))
    try:
        if args.export_command == "ics":
            path = exports.export_ics_file(store, output)
        elif args.export_command == "monitoring":
            path = exports.export_monitoring_file(store, meeting_ref(args.meeting), output)
        else:
            briefing = exports.export_briefing_file(store, meeting_ref(args.meeting), output, profile=args.profile,
                                                    panel=args.panel, with_reports=args.with_reports,
                                                    items=parse_items(args.items),
                                                    include_confidential=args.include_confidential)
            path = briefing.path
    except exports.ExportRequestError as error:
        raise UsageError(str(error)) from None
    except OSError as error:      # the disk filled or went away while writing: nothing was left behind
        print(f"panelbook: {output} could not be written ({error.strerror or error}); nothing was written.",
              file=sys.stderr)
        return 1
    print(f"Written: {path}")
    if args.export_command == "briefing":
        say_confidential(briefing)
    return 0


def say_confidential(briefing: exports.BriefingOutcome) -> None:
    """What became of the confidential items: left out (and how to include them), or printed and marked."""
    if briefing.left_out:
        which = ", ".join(item_name(i) for i in briefing.left_out)
        them = "it" if len(briefing.left_out) == 1 else "them"
        print(f"{count(len(briefing.left_out), 'confidential item')} left out ({which}); "
              f"add --include-confidential to print {them}, marked CONFIDENTIAL — NOT FOR PUBLICATION.")
    if briefing.confidential:
        which = ", ".join(item_name(i) for i in briefing.confidential)
        print(f"Includes {count(len(briefing.confidential), 'confidential item')} ({which}): "
              f"{count(len(briefing.marked_pages), 'page')} marked CONFIDENTIAL — NOT FOR PUBLICATION; "
              "do not publish or forward it.")


def item_name(item: dict[str, Any]) -> str:
    number = item["agenda_number"] or item["minute_number"]
    return f"item {number}" if number else f"“{item['title']}”"
