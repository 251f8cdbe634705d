"""Importing documents: reading (pure, outside any transaction, the slow part)
and writing (one transaction).  A document that cannot be read, or that clashes
with what the store holds, leaves the store exactly as it was.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from panelbook.model import ParsedDocument, UnreadableDocument
from panelbook.services import confidential_imports, import_gaps, markup_merge
from panelbook.services.import_records import (
    DEFAULT_MAX_BYTES,
    PDF,
    ImportOutcome,
    ImportReport,
    Prepared,
    document_key,
    max_import_bytes,
    prepare_bytes,
    prepare_file,
    read_file_bytes,
)
from panelbook.sources.confidence import unread_fields
from panelbook.sources.textutil import norm_key
from panelbook.store import Store, documents, transaction
from panelbook.store.blobs import put_blob, sha256_of
from panelbook.store.writer import WriteCounts, save_parsed

__all__ = ["DEFAULT_MAX_BYTES", "PDF", "ImportCancelled", "ImportOutcome", "ImportReport", "Prepared", "already_stored",
           "document_key", "import_each", "import_file", "import_files", "max_import_bytes", "prepare_bytes",
           "prepare_file", "read_file_bytes", "write_in_transaction", "write_prepared"]


class ImportCancelled(Exception):
    """The user cancelled an import before it was written."""


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
    ``created_blobs``, for the caller to remove if the transaction is rolled back.  A document that
    carries the report of an item the agenda marks exempt is kept encrypted, whole
    (``confidential_imports``), or refused saying why when confidential papers are not available."""
    exempt = confidential_imports.exempt_report(doc.parsed)
    if exempt is not None:
        opened = confidential_imports.vault_for_exempt(store, doc.file_name, exempt)
        return confidential_imports.write_in_transaction(store, opened, doc, flag_items=False)
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
