"""Exports as use cases: one briefing pack, monitoring report or calendar file,
asked for with plain parameters (the command line parses its arguments in ``cli``)."""
from __future__ import annotations

from pathlib import Path

from panelbook.exports.atomic import OutputPathError, check_target
from panelbook.services.markup import profile_name
from panelbook.store import Store, queries


class ExportRequestError(Exception):
    """The export was asked for with options that do not fit together (exit status 2)."""


def _check_output(output: Path) -> None:
    """A bad output path (a folder, a folder that is a file or is missing) in one
    sentence, before any of the export's work."""
    try:
        check_target(output)
    except OutputPathError as error:
        raise ExportRequestError(str(error)) from None


def export_ics_file(store: Store, output: Path) -> Path:
    """Every meeting as an iCalendar file."""
    from panelbook.exports.ics import export_ics

    _check_output(output)
    export_ics(store, output)
    return output


def export_monitoring_file(store: Store, meeting: str, output: Path) -> Path:
    """The Scrutiny Monitoring appendix for ``meeting`` (an id or a date)."""
    from panelbook.exports.monitoring import export_monitoring

    _check_output(output)
    export_monitoring(store, queries.resolve_meeting(store.db, meeting), output)
    return output


def export_briefing_file(store: Store, meeting: str, output: Path, *, profile: str | None = None,
                         panel: bool = False, with_reports: bool = False,
                         items: list[str] | None = None) -> Path:
    """A member's briefing pack for ``meeting`` (an id or a date): ``profile``'s
    notes (this copy's profile by default), or with ``panel`` the whole panel's
    briefing with shared markup only; ``items`` limits it to those agenda numbers."""
    from panelbook.exports.briefing import export_briefing
    from panelbook.exports.briefing_data import BriefingError
    from panelbook.exports.markup import markup_for

    meeting_id = queries.resolve_meeting(store.db, meeting)
    _check_output(output)
    if panel and profile:
        raise ExportRequestError("--panel makes the whole panel's briefing, which has no private notes; "
                                 "leave out --profile.")
    whose = None if panel else (profile or profile_name(store))
    try:
        export_briefing(store, meeting_id, output, profile=whose, panel=panel,
                        with_reports=with_reports, items=items,
                        markup=markup_for(store, meeting_id))
    except BriefingError as error:
        raise ExportRequestError(str(error)) from None
    return output
