"""Importing documents: reading (pure, outside any transaction, the slow part)
and writing (one transaction).  A document that cannot be read, or that clashes
with what the store holds, leaves the store exactly as it was.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from panelbook.model import DocumentKind, ParsedDocument, UnreadableDocument
from panelbook.services import import_gaps, markup_merge
from panelbook.sources.confidence import name_missing_committee, unread_fields
from panelbook.sources.detect import read_document
from panelbook.sources.textutil import norm_key
from panelbook.store import Store, documents, transaction
from panelbook.store.blobs import put_blob, sha256_of
from panelbook.store.writer import WriteCounts, save_parsed

DEFAULT_MAX_BYTES = 500 * 1024 * 1024


class ImportCancelled(Exception):
    """The user cancelled an import before it was written."""


@dataclass
class ImportReport:
    """What one file's import did (the ``import --json`` record)."""

    file: str
    kind: str
    meetings: int
    items: int
    resolutions: int
    recommendations: int
    meeting_id: int | None
    document_id: int | None
    markup_attached: int = 0     # notes, flags, highlights of a markup file that waited for this meeting
    warnings: list[str] = field(default_factory=list)   # what could not be read, or was taken from elsewhere

    def as_json(self) -> dict[str, Any]:
        return {"markup_attached": self.markup_attached, "warnings": list(self.warnings),
            "file": self.file, "kind": self.kind, "meetings": self.meetings, "items": self.items,
            "resolutions": self.resolutions, "recommendations": self.recommendations,
            "meeting_id": self.meeting_id, "document_id": self.document_id,
        }


def max_import_bytes() -> int:
    """The size limit for one imported file (PANELBOOK_MAX_IMPORT_MB overrides the 500 MB default)."""
    value = os.environ.get("PANELBOOK_MAX_IMPORT_MB")
    return int(float(value) * 1024 * 1024) if value else DEFAULT_MAX_BYTES


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes; its problems in sentences about "this file" (the caller names it)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise UnreadableDocument(f"This file cannot be opened ({error.strerror}).") from None
    if path.is_dir():
        raise UnreadableDocument("This is a folder; choose the documents inside it.")
    limit = max_import_bytes()
    if size > limit:
        raise UnreadableDocument(
            f"This file is {size / 1048576:.0f} MB, over Panelbook's {limit / 1048576:.0f} MB limit for one document."
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"This file cannot be read ({error.strerror}).") from None


PDF = "application/pdf"


def document_key(parsed: ParsedDocument, sha: str, media_type: str = PDF) -> str:
    """The stable identity of an imported document: a revised pack for the same
    meeting replaces the earlier one; web-service lists are kept by content.

    A pack read from text (``media_type`` not PDF) has a key of its own: the same
    pack imported as PDF and as text keeps both, the PDF stays the reading copy
    (its pages and the highlights on them untouched), and the text's facts only
    add what the PDF's lack (the PDF's were recorded first)."""
    if parsed.kind == DocumentKind.ISSUE_PAGE and parsed.issue:
        return f"issue|{norm_key(parsed.issue)}"
    meeting = parsed.meetings[0] if parsed.meetings else None
    day = meeting.date if meeting else None
    if meeting is None or day is None:
        return f"{parsed.kind.value}|{sha}"
    if parsed.kind == DocumentKind.AGENDA_PACK and media_type != PDF:
        return f"{parsed.kind.value}|{norm_key(meeting.committee)}|{day.isoformat()}|text"
    if parsed.kind in (DocumentKind.AGENDA_PACK, DocumentKind.PRINTED_MINUTES, DocumentKind.MEETING_PAGE,
                       DocumentKind.WEBSERVICE_MEETING):
        return f"{parsed.kind.value}|{norm_key(meeting.committee)}|{day.isoformat()}"
    if parsed.kind == DocumentKind.REPORT:
        return f"report|{norm_key(meeting.committee)}|{day.isoformat()}|{norm_key(parsed.title)}"
    return f"{parsed.kind.value}|{sha}"


def _check_revision(store: Store, key: str, parsed: ParsedDocument, sha: str) -> None:
    """Refuse a document that claims to be a new version of one already imported
    but shares none of its items: that is a different document under the same
    meeting (a mislabelled file), not a revision."""
    existing = documents.document_by_key(store.db, key)
    if existing is None or existing["sha256"] == sha or not parsed.meetings or not parsed.meetings[0].items:
        return
    stored = documents.item_title_keys(store.db, existing["meeting_id"])
    incoming = {norm_key(item.title) for item in parsed.meetings[0].items}
    if stored and not stored & incoming:
        meeting = parsed.meetings[0]
        day = f"{meeting.date:%d %B %Y}" if meeting.date else "the same day"
        raise UnreadableDocument(
            f"The store already has a different {parsed.kind.value.replace('_', ' ')} for "
            f"{meeting.committee} on {day} with none of the same items; "
            "check that this is the right file for that meeting."
        )


@dataclass
class Prepared:
    """A document read and recognised, not yet written."""

    file_name: str
    data: bytes
    parsed: ParsedDocument
    media_type: str
    warnings: list[str] = field(default_factory=list)   # what the reader could not read, in short phrases


def prepare_bytes(data: bytes, file_name: str, url: str | None = None) -> Prepared:
    """Read one document (the slow, pure part); raise UnreadableDocument naming the file.

    A meeting the document names no committee for takes the one its file name
    gives, and the report says so (with neither, the write refuses it: import_gaps)."""
    try:
        result = read_document(data, url)
    except UnreadableDocument as error:
        raise UnreadableDocument(f"{file_name}: {error}") from None
    parsed = result.parsed
    import_gaps.fill_from_file_name(parsed, file_name)
    # A web-service meeting takes its committee from the store when written (import_gaps); any
    # other document that names none takes the one its file name gives, said in its warnings.
    own = parsed.meetings[0] if parsed.meetings else None
    fallbacks = [] if own is not None and own.external_id else name_missing_committee(parsed, file_name)
    return Prepared(file_name, data, parsed, result.media_type, fallbacks)


def prepare_file(path: Path | str) -> Prepared:
    path = Path(path)
    try:
        data = read_file_bytes(path)
    except UnreadableDocument as error:
        raise UnreadableDocument(f"{path.name}: {error}") from None
    return prepare_bytes(data, path.name)


def already_stored(store: Store, doc: Prepared) -> bool:
    """True when the store holds this very document (same identity, same content):
    importing it again would change nothing, so the window says "already up to date"."""
    sha = sha256_of(doc.data)
    existing = documents.document_by_key(store.db, document_key(doc.parsed, sha))
    return existing is not None and existing["sha256"] == sha


def write_prepared(store: Store, prepared: list[Prepared], *, sample: bool = False,
                   cancelled: Callable[[], bool] | None = None) -> list[ImportReport]:
    """Write documents already read, all in one transaction: all land or none."""
    if cancelled and cancelled():
        raise ImportCancelled()
    created_blobs: list[Path] = []
    reports = []
    try:
        with transaction(store.db):
            for doc in prepared:
                reports.append(write_in_transaction(store, doc, created_blobs, sample=sample))
                if cancelled and cancelled():
                    raise ImportCancelled()
    except BaseException:
        for blob in created_blobs:
            blob.unlink(missing_ok=True)
        raise
    return reports


def write_in_transaction(store: Store, doc: Prepared, created_blobs: list[Path], *,
                         sample: bool = False) -> ImportReport:
    """Write one document inside the caller's open transaction (the sync writes a document
    together with what it remembers about it); a file it adds to the store is appended to
    ``created_blobs``, for the caller to remove if the transaction is rolled back."""
    sha, blob, created = put_blob(store.folder.files, doc.data)
    if created:
        created_blobs.append(blob)
    try:
        import_gaps.fill_from_store(store.db, doc.parsed)
        import_gaps.require_meeting(doc.parsed)
        key = document_key(doc.parsed, sha, doc.media_type)
        _check_revision(store, key, doc.parsed, sha)
    except UnreadableDocument as error:
        raise UnreadableDocument(f"{doc.file_name}: {error}") from None
    counts, meeting_id, _ = save_parsed(store.db, doc.parsed, key, sample=sample)
    document_id = documents.save_document(store.db, doc.parsed, key, sha, doc.file_name,
                                          doc.media_type, meeting_id, sample)
    report = _report(doc.file_name, doc.parsed, counts, meeting_id, document_id)
    report.warnings = doc.warnings + [line for line in unread_fields(doc.parsed) if line not in doc.warnings]
    report.markup_attached = markup_merge.attach_pending(store.db)   # markup that waited for it
    return report


def import_files(store: Store, paths: Sequence[Path | str], *, sample: bool = False,
                 cancelled: Callable[[], bool] | None = None) -> list[ImportReport]:
    """Read every file first, then write them all in one transaction."""
    return write_prepared(store, [prepare_file(path) for path in paths], sample=sample, cancelled=cancelled)


@dataclass
class ImportOutcome:
    """What importing several files did: a report per file imported and, per file
    that was not, its name and the reason in one sentence."""

    reports: list[ImportReport]
    failures: list[tuple[str, str]]

    def summary(self) -> str:
        """One line saying how many files were imported and how many were not."""
        done, failed = len(self.reports), len(self.failures)
        line = f"{done} file{'s' if done != 1 else ''} imported"
        if failed:
            line += f", {failed} could not be imported"
        return line + "."


def _without_name(message: str, name: str) -> str:
    prefix = f"{name}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def import_each(store: Store, paths: Sequence[Path | str], *, sample: bool = False) -> ImportOutcome:
    """Import every file that can be read, each in its own transaction, and name
    every one that cannot with its reason: one bad file never stops the others
    (the window's import does the same)."""
    outcome = ImportOutcome([], [])
    for path in paths:
        name = Path(path).name
        try:
            outcome.reports += write_prepared(store, [prepare_file(path)], sample=sample)
        except UnreadableDocument as error:
            outcome.failures.append((str(path), _without_name(str(error), name)))
    return outcome


def import_file(store: Store, path: Path | str, *, sample: bool = False) -> ImportReport:
    """Import one file (``import_files`` of one)."""
    return import_files(store, [path], sample=sample)[0]


def _report(file_name: str, parsed: ParsedDocument, counts: WriteCounts, meeting_id: int | None,
            document_id: int | None) -> ImportReport:
    return ImportReport(
        file=file_name, kind=parsed.kind.value, meetings=len(counts.meetings), items=len(counts.items),
        resolutions=len(counts.resolutions), recommendations=len(counts.recommendations),
        meeting_id=meeting_id, document_id=document_id,
    )
