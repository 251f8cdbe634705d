"""``panelbook export``: turns the parsed arguments into one export use case."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from panelbook.cli.dates import meeting_ref
from panelbook.cli.errors import UsageError
from panelbook.cli.output import PrintJson, PrintTable
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
            path = exports.export_briefing_file(store, meeting_ref(args.meeting), output, profile=args.profile,
                                                panel=args.panel, with_reports=args.with_reports,
                                                items=parse_items(args.items))
    except exports.ExportRequestError as error:
        raise UsageError(str(error)) from None
    except OSError as error:      # the disk filled or went away while writing: nothing was left behind
        print(f"panelbook: {output} could not be written ({error.strerror or error}); nothing was written.",
              file=sys.stderr)
        return 1
    print(f"Written: {path}")
    return 0
