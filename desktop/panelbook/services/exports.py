"""Exports as use cases: one briefing pack, monitoring report or calendar file,
asked for with plain parameters (the command line parses its arguments in ``cli``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from panelbook.exports.atomic import OutputPathError, check_target
from panelbook.services.markup import profile_name
from panelbook.store import Store, queries


class ExportRequestError(Exception):
    """The export was asked for with options that do not fit together (exit status 2)."""


def _check_output(output: Path) -> None:
    """A bad output path (a folder, a folder that is a file or is missing) in one
    sentence, before any of the export's work."""
    try:
        check_target(output, missing_folder_ok=output.parent == documents_folder())
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
                         items: list[str] | None = None, include_confidential: bool = False) -> BriefingOutcome:
    """A member's briefing pack for ``meeting`` (an id or a date): ``profile``'s
    notes (this copy's profile by default), or with ``panel`` the whole panel's
    briefing with shared markup only; ``items`` limits it to those agenda numbers.

    The briefing is the public one unless ``include_confidential``: confidential
    items are left out and the outcome says which; naming one in ``items``
    without ``include_confidential`` is refused.  With it, every page carrying a
    confidential item is marked CONFIDENTIAL — NOT FOR PUBLICATION."""
    from panelbook.exports.briefing import export_briefing
    from panelbook.exports.briefing_data import BriefingError, ConfidentialNotIncluded
    from panelbook.exports.markup import markup_for

    meeting_id = queries.resolve_meeting(store.db, meeting)
    _check_output(output)
    if panel and profile:
        raise ExportRequestError("--panel makes the whole panel's briefing, which has no private notes; "
                                 "leave out --profile.")
    whose = None if panel else (profile or profile_name(store))
    try:
        result = export_briefing(store, meeting_id, output, profile=whose, panel=panel,
                                 with_reports=with_reports, items=items, include_confidential=include_confidential,
                                 markup=markup_for(store, meeting_id))
    except ConfidentialNotIncluded as error:
        raise ExportRequestError(f"{error} Add --include-confidential to print "
                                 f"{'them' if len(error.labels) > 1 else 'it'}: every page that carries "
                                 "confidential content is then marked CONFIDENTIAL — NOT FOR PUBLICATION.") from None
    except BriefingError as error:
        raise ExportRequestError(str(error)) from None
    return BriefingOutcome(output, result.pages, left_out=result.left_out, confidential=result.confidential,
                           marked_pages=result.marked_pages)


@dataclass
class BriefingOutcome:
    """A briefing written: where, its pages, the confidential items it left out or
    printed, and the pages marked confidential (0-based)."""

    path: Path
    pages: int
    left_out: list[dict[str, Any]] = field(default_factory=list)
    confidential: list[dict[str, Any]] = field(default_factory=list)
    marked_pages: list[int] = field(default_factory=list)


def documents_folder() -> Path:
    """Where exports are saved when no file is named: the user's Documents folder
    (platformdirs' user_documents_dir), never wherever the program happened to start."""
    import platformdirs

    return Path(platformdirs.user_documents_dir())


def default_export_path(name: str) -> Path:
    """``name`` in the Documents folder."""
    return documents_folder() / name


def export_markup_file(store: Store, output: Path, *, who: str | None = None,
                       shared_only: bool = False, passphrase: str | None = None) -> dict[str, Any]:
    """Write a member's markup (or the chair's shared markup) to ``output`` as a markup
    file, atomically; return what was written.  Markup on confidential items is left
    out (and counted), or sealed under ``passphrase``."""
    import json

    from panelbook.exports import atomic
    from panelbook.services.markup import MarkupError, export_markup

    _check_output(output)
    try:
        data = export_markup(store, who=who, shared_only=shared_only, passphrase=passphrase)
    except MarkupError as error:       # a passphrase too short: nothing written
        raise ExportRequestError(str(error)) from None
    with atomic.open_text(output) as handle:
        handle.write(json.dumps(data, indent=1, ensure_ascii=False))
    return data


def export_recs_csv(rows: list[dict[str, Any]], output: Path) -> Path:
    """The tracker's listing ``rows`` as a CSV file at ``output``, atomically."""
    from panelbook.exports.csv_recs import write_recs_csv

    _check_output(output)
    return write_recs_csv(rows, output)
