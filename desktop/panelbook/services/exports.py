"""The ``panelbook export`` sub-command: turns parsed arguments into one export."""
from __future__ import annotations

import argparse
from pathlib import Path

from panelbook.store import Store, queries


class ExportRequestError(Exception):
    """The export was asked for with arguments that do not fit together (exit status 2)."""


def _items(value: str | None) -> list[str] | None:
    if not value:
        return None
    numbers = [part.strip().rstrip(".") for part in value.split(",") if part.strip()]
    if not numbers:
        raise ExportRequestError("--items needs agenda numbers, for example --items 7,8.")
    return numbers


def run_export(store: Store, args: argparse.Namespace) -> Path:
    """Run the export ``args.export_command`` names; return the file written."""
    out = Path(args.output)
    if args.export_command == "ics":
        from panelbook.exports.ics import export_ics

        export_ics(store, out)
        return out
    meeting_id = queries.resolve_meeting(store.db, args.meeting)
    if args.export_command == "monitoring":
        from panelbook.exports.monitoring import export_monitoring

        export_monitoring(store, meeting_id, out)
        return out
    from panelbook.exports.briefing import export_briefing
    from panelbook.exports.briefing_data import BriefingError
    from panelbook.exports.markup import markup_for

    if args.panel and args.profile:
        raise ExportRequestError("--panel makes the whole panel's briefing, which has no private notes; "
                                 "leave out --profile.")
    profile = None
    if not args.panel:
        from panelbook.services import profile_name

        profile = args.profile or profile_name(store)
    try:
        export_briefing(store, meeting_id, out, profile=profile, panel=args.panel,
                        with_reports=args.with_reports, items=_items(args.items),
                        markup=markup_for(store, meeting_id))
    except BriefingError as error:
        raise ExportRequestError(str(error)) from None
    return out
