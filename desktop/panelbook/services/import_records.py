"""What an import reads and reports: reading a file (pure, outside any transaction, the slow
part), the stable identity of a document, and the record of what each file's import did.
``services.imports`` writes; ``services.confidential_imports`` writes confidential papers."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from panelbook.model import DocumentKind, ParsedDocument, UnreadableDocument
from panelbook.services import import_gaps
from panelbook.sources.confidence import name_missing_committee
from panelbook.sources.detect import read_document
from panelbook.sources.textutil import norm_key

DEFAULT_MAX_BYTES = 500 * 1024 * 1024


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
    confidential: bool = False   # kept in the encrypted store (services.confidential_imports)
    warnings: list[str] = field(default_factory=list)   # what could not be read, or was taken from elsewhere

    def as_json(self) -> dict[str, Any]:
        return {"markup_attached": self.markup_attached, "confidential": self.confidential,
            "warnings": list(self.warnings),
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
