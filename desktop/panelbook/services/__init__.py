"""Use cases that join readers, the store and exports: what the command line
and the desktop both call.  No Qt here.

Importing is two steps: reading (pure, outside any transaction, the slow part)
and writing (one transaction).  A document that cannot be read, or that clashes
with what the store holds, leaves the store exactly as it was.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from panelbook.model import DocumentKind, ParsedDocument, UnreadableDocument
from panelbook.sources.detect import read_document
from panelbook.sources.textutil import norm_key
from panelbook.store import Store, transaction
from panelbook.store import indexer
from panelbook.store.blobs import put_blob
from panelbook.store.writer import WriteCounts, now_iso, save_parsed

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

    def as_json(self) -> dict:
        return {
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


def document_key(parsed: ParsedDocument, sha: str) -> str:
    """The stable identity of an imported document: a revised pack for the same
    meeting replaces the earlier one; web-service lists are kept by content."""
    if parsed.kind == DocumentKind.ISSUE_PAGE and parsed.issue:
        return f"issue|{norm_key(parsed.issue)}"
    if parsed.kind in (DocumentKind.AGENDA_PACK, DocumentKind.PRINTED_MINUTES, DocumentKind.MEETING_PAGE,
                       DocumentKind.WEBSERVICE_MEETING) and parsed.meetings:
        meeting = parsed.meetings[0]
        return f"{parsed.kind.value}|{norm_key(meeting.committee)}|{meeting.date.isoformat()}"
    if parsed.kind == DocumentKind.REPORT and parsed.meetings:
        meeting = parsed.meetings[0]
        return f"report|{norm_key(meeting.committee)}|{meeting.date.isoformat()}|{norm_key(parsed.title)}"
    return f"{parsed.kind.value}|{sha}"


def _check_revision(store: Store, key: str, parsed: ParsedDocument, sha: str) -> None:
    """Refuse a document that claims to be a new version of one already imported
    but shares none of its items: that is a different document under the same
    meeting (a mislabelled file), not a revision."""
    rows = list(store.db.query("SELECT * FROM documents WHERE key = ?", (key,)))
    if not rows or rows[0]["sha256"] == sha or not parsed.meetings or not parsed.meetings[0].items:
        return
    existing = rows[0]
    stored = {row["title_key"] for row in store.db.query(
        "SELECT title_key FROM items WHERE meeting_id = ?", (existing["meeting_id"],))}
    incoming = {norm_key(item.title) for item in parsed.meetings[0].items}
    if stored and not stored & incoming:
        meeting = parsed.meetings[0]
        raise UnreadableDocument(
            f"The store already has a different {parsed.kind.value.replace('_', ' ')} for "
            f"{meeting.committee} on {meeting.date:%d %B %Y} with none of the same items; "
            "check that this is the right file for that meeting."
        )


def _save_document(store: Store, parsed: ParsedDocument, key: str, sha: str, file_name: str,
                   media_type: str, meeting_id: int | None, sample: bool) -> int:
    db = store.db
    values = {
        "meeting_id": meeting_id, "kind": parsed.kind.value, "title": parsed.title or file_name,
        "file_name": file_name, "sha256": sha, "media_type": media_type,
        "page_count": len(parsed.pages), "imported_at": now_iso(), "sample": int(sample),
    }
    rows = list(db.query("SELECT * FROM documents WHERE key = ?", (key,)))
    if rows and rows[0]["sha256"] == sha:
        return rows[0]["id"]
    if rows:
        document_id = rows[0]["id"]
        db.execute(
            "UPDATE documents SET " + ", ".join(f"{k} = ?" for k in values) + " WHERE id = ?",
            [*values.values(), document_id],
        )
        db.execute("DELETE FROM pages WHERE document_id = ?", (document_id,))
        db.execute("DELETE FROM glossary WHERE document_id = ?", (document_id,))
    else:
        cursor = db.execute(
            "INSERT INTO documents (key, " + ", ".join(values) + ") VALUES (?, " + ", ".join("?" for _ in values) + ")",
            [key, *values.values()],
        )
        document_id = int(cursor.lastrowid)
    ranges = []
    if meeting_id is not None:
        ranges = list(db.query(
            "SELECT id, page_first, page_last FROM items WHERE meeting_id = ? AND page_first IS NOT NULL", (meeting_id,)
        ))
    for page in parsed.pages:
        item_id = next((r["id"] for r in ranges
                        if page.printed is not None and r["page_first"] <= page.printed <= r["page_last"]), None)
        db.execute(
            "INSERT INTO pages (document_id, idx, printed, item_id, text) VALUES (?, ?, ?, ?, ?)",
            (document_id, page.index, page.printed, item_id, page.text),
        )
    for term, meaning in parsed.glossary:
        db.execute("INSERT OR IGNORE INTO glossary (document_id, term, meaning) VALUES (?, ?, ?)",
                   (document_id, term, meaning))
    indexer.reindex_document(db, document_id)
    if rows:   # a revised version: find every highlight on it again by its quote
        from panelbook.services.markup import reanchor_document

        reanchor_document(db, document_id)
    return document_id


@dataclass
class Prepared:
    """A document read and recognised, not yet written."""

    file_name: str
    data: bytes
    parsed: ParsedDocument
    media_type: str


def prepare_bytes(data: bytes, file_name: str, url: str | None = None) -> Prepared:
    """Read one document (the slow, pure part); raise UnreadableDocument naming the file."""
    try:
        result = read_document(data, url)
    except UnreadableDocument as error:
        raise UnreadableDocument(f"{file_name}: {error}") from None
    return Prepared(file_name, data, result.parsed, result.media_type)


def prepare_file(path: Path | str) -> Prepared:
    path = Path(path)
    try:
        data = read_file_bytes(path)
    except UnreadableDocument as error:
        raise UnreadableDocument(f"{path.name}: {error}") from None
    return prepare_bytes(data, path.name)


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
                sha, blob, created = put_blob(store.folder.files, doc.data)
                if created:
                    created_blobs.append(blob)
                key = document_key(doc.parsed, sha)
                try:
                    _check_revision(store, key, doc.parsed, sha)
                except UnreadableDocument as error:
                    raise UnreadableDocument(f"{doc.file_name}: {error}") from None
                counts, meeting_id, _ = save_parsed(store.db, doc.parsed, key, sample=sample)
                document_id = _save_document(store, doc.parsed, key, sha, doc.file_name, doc.media_type,
                                             meeting_id, sample)
                reports.append(_report(doc.file_name, doc.parsed, counts, meeting_id, document_id))
                if cancelled and cancelled():
                    raise ImportCancelled()
    except BaseException:
        for blob in created_blobs:
            blob.unlink(missing_ok=True)
        raise
    return reports


def import_files(store: Store, paths: list[Path | str], **options) -> list[ImportReport]:
    """Read every file first, then write them all in one transaction."""
    return write_prepared(store, [prepare_file(path) for path in paths], **options)


def import_file(store: Store, path: Path | str, **options) -> ImportReport:
    return import_files(store, [path], **options)[0]


def _report(file_name: str, parsed: ParsedDocument, counts: WriteCounts, meeting_id, document_id) -> ImportReport:
    return ImportReport(
        file=file_name, kind=parsed.kind.value, meetings=len(counts.meetings), items=len(counts.items),
        resolutions=len(counts.resolutions), recommendations=len(counts.recommendations),
        meeting_id=meeting_id, document_id=document_id,
    )


# -- tracker and notes --------------------------------------------------------

def profile_name(store: Store) -> str:
    """Who is using this copy (set in the desktop; "Me" until then)."""
    return store.setting("profile_name") or "Me"


EDITABLE_REC_FIELDS = ("status", "response", "deadline", "owner", "text", "decision", "not_a_recommendation")


def set_recommendation(store: Store, rec_id: int, *, who: str | None = None, **changes) -> dict:
    """Change a recommendation (status, response, deadline, owner, text, decision,
    not_a_recommendation), checking the lifecycle and recording every change in
    its history with who made it and the value before and after.

    ``deadline=""`` clears the deadline.  Raises NotFound for an unknown id or a
    bad date, tracker.InvalidTransition for a status change the lifecycle forbids.
    """
    from panelbook import tracker
    from panelbook.model import RecStatus
    from panelbook.store.queries import NotFound
    from panelbook.store.writer import record_change

    unknown = set(changes) - set(EDITABLE_REC_FIELDS)
    if unknown:
        raise TypeError(f"unknown recommendation fields: {sorted(unknown)}")
    wanted = {k: v for k, v in changes.items() if v is not None}
    if "deadline" in wanted:
        wanted["deadline"] = wanted["deadline"] or None
        if wanted["deadline"] is not None:
            try:
                date.fromisoformat(wanted["deadline"])
            except ValueError:
                raise NotFound(f"'{wanted['deadline']}' is not a date (YYYY-MM-DD).") from None
    if "not_a_recommendation" in wanted:
        wanted["not_a_recommendation"] = int(bool(wanted["not_a_recommendation"]))
    who = who or profile_name(store)
    with transaction(store.db):
        rows = list(store.db.query("SELECT * FROM recommendations WHERE id = ?", (rec_id,)))
        if not rows:
            raise NotFound(f"There is no recommendation {rec_id}; `panelbook recs` lists them.")
        current = rows[0]
        if "status" in wanted:
            try:
                target = RecStatus(wanted["status"])
            except ValueError:
                raise NotFound(f"'{wanted['status']}' is not a recommendation status.") from None
            tracker.check_transition(RecStatus(current["status"]), target)
        diff = {k: v for k, v in wanted.items() if current[k] != v}
        if diff.get("response") and not current["response_received"]:
            diff["response_received"] = date.today().isoformat()
        if diff.get("response") and current["status"] == RecStatus.AWAITING_RESPONSE.value and "status" not in diff:
            diff["status"] = RecStatus.IN_PROGRESS.value     # a response has been received
        for name, value in diff.items():
            if name != "response_received":
                record_change(store.db, rec_id, who, name, current[name], value)
        if diff:
            diff["updated_at"] = now_iso()
            store.db.execute(
                "UPDATE recommendations SET " + ", ".join(f"{k} = ?" for k in diff) + " WHERE id = ?",
                [*diff.values(), rec_id],
            )
            rec = list(store.db.query("SELECT * FROM recommendations WHERE id = ?", (rec_id,)))[0]
            indexer.index_recommendation(store.db, rec)
    return list(store.db.query("SELECT * FROM recommendations WHERE id = ?", (rec_id,)))[0]


def add_recommendation(store: Store, meeting_id: int, text: str, *, item_id: int | None = None,
                       owner: str | None = None, deadline: str | None = None, who: str | None = None) -> int:
    """A recommendation written by hand (not from minutes or a monitoring table)."""
    from panelbook.model import RecStatus
    from panelbook.store.writer import record_change

    who = who or profile_name(store)
    stamp = now_iso()
    with transaction(store.db):
        title = None
        if item_id is not None:
            title = next(iter(store.db.query("SELECT title FROM items WHERE id = ?", (item_id,))))["title"]
        cursor = store.db.execute(
            "INSERT INTO recommendations (key, meeting_id, item_id, item_title, text, owner, status, deadline, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (f"manual|{uuid.uuid4()}", meeting_id, item_id, title, text, owner,
             RecStatus.AWAITING_RESPONSE.value, deadline, stamp, stamp),
        )
        rec_id = int(cursor.lastrowid)
        record_change(store.db, rec_id, who, "created", None, text)
        rec = list(store.db.query("SELECT * FROM recommendations WHERE id = ?", (rec_id,)))[0]
        indexer.index_recommendation(store.db, rec)
    return rec_id


def add_note(store: Store, item_id: int, text: str, *, question: bool = False, who: str | None = None) -> int:
    """A member's note or question on an agenda item; saved at once and searchable."""
    who = who or profile_name(store)
    stamp = now_iso()
    with transaction(store.db):
        kind = "question" if question else "note"
        position = store.db.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM notes WHERE item_id = ? AND profile = ? AND kind = ?",
            (item_id, who, kind)).fetchone()[0]
        cursor = store.db.execute(
            "INSERT INTO notes (uid, item_id, profile, kind, text, position, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), item_id, who, kind, text, position, stamp, stamp),
        )
        note_id = int(cursor.lastrowid)
        indexer.index_note(store.db, note_id)
    return note_id


# -- sample panel and data folder ----------------------------------------------

def load_sample(store: Store) -> list[ImportReport]:
    """Load the sample panel through the ordinary readers, marked as sample data."""
    from panelbook.services.sample import sample_paths

    return import_files(store, sample_paths(), sample=True)


def remove_sample(store: Store) -> dict:
    """Remove the sample panel.  Its document files stay in the content-addressed
    folder: backups taken before the removal still refer to them."""
    from panelbook.store.sample_data import remove_sample as remove

    return remove(store.db)
