"""Writing what a sync fetched: each meeting's detail, and each document, in a transaction
of its own together with what the sync remembers about it and the news it makes.

So a sync killed at any point leaves every meeting and document either landed whole
(and remembered, never fetched again unless it changes) or not at all; nothing the
person wrote is touched (imports never touch markup or tracker edits, and a revised
pack's highlights are found again by their quotes).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from panelbook.model import DocumentKind, Meeting, Page, ParsedDocument, UnreadableDocument
from panelbook.services.imports import Prepared, prepare_bytes, write_in_transaction
from panelbook.services.sync.changes import Change, document_change, document_role, meeting_changes
from panelbook.services.sync.listing import Detail, Linked, own_committee
from panelbook.sources.detect import MEDIA_PDF
from panelbook.sources.pdftext import extract_pages
from panelbook.store import Store, sync_state, transaction
from panelbook.store.blobs import sha256_of


@dataclass
class Where:
    """The committee a sync is working on: site, the site's id for it, its name, whether
    this is its first sync (no news then), and the time the sync stamps."""

    site_id: int
    committee_external_id: str
    committee_name: str
    baseline: bool
    at: str


def _written(store: Store, prepared: Prepared) -> tuple[int | None, int | None]:
    """Write one document in the open transaction; its (meeting id, document id)."""
    created: list[Path] = []
    try:
        report = write_in_transaction(store, prepared, created)
    except BaseException:
        for blob in created:
            blob.unlink(missing_ok=True)
        raise
    return report.meeting_id, report.document_id


def land_meeting(store: Store, where: Where, external_id: str, detail: Detail,
                 before: dict[str, Any] | None, listed: str) -> tuple[int, list[Change]]:
    """Import a meeting's detail and remember it; (its sync row id, the news)."""
    with transaction(store.db):
        if before and before["meeting_id"] and before["date"] != detail.seen.date:
            sync_state.move_meeting(store.db, before["meeting_id"], detail.seen.date)
        meeting_id, _document_id = _written(store, detail.prepared)
        committee_id = sync_state.meeting_committee(store.db, meeting_id) if meeting_id else None
        row_id = sync_state.save_sync_meeting(store.db, where.site_id, external_id, {
            "committee_external_id": where.committee_external_id, "meeting_id": meeting_id,
            **detail.seen.as_row(), "listed": listed, "detail_sha256": detail.sha256, "checked_at": where.at})
        for link in detail.documents:     # remembered now, so a sync interrupted before them still fetches them
            sync_state.save_sync_document(store.db, row_id, link.url,
                                          {"title": link.title, "role": document_role(link.title, link.url)})
        found = [] if where.baseline else meeting_changes(
            before, detail.seen, committee_id, meeting_id, where.committee_name)
        record(store, found, where.at)
    return row_id, found


def checked(store: Store, row_id: int, at: str, listed: str) -> None:
    """Remember what the list said of a meeting whose detail had not changed."""
    with transaction(store.db):
        store.db.table("sync_meetings").update(row_id, {"checked_at": at, "listed": listed})


def prepare_document(data: bytes, link: Linked, where: Where, meeting_date: str) -> Prepared:
    """Read a fetched document through the readers.  Its own meeting is the followed
    committee's when it is this meeting's paper; a PDF no reader recognises (a report
    laid out some other way) is kept as the meeting's document with its text, so it can
    still be read and searched.  UnreadableDocument for anything else."""
    name = link.title[:120] or "Document"
    try:
        prepared = prepare_bytes(data, name, url=link.url)
    except UnreadableDocument:
        if not data.lstrip()[:1024].startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
            raise
        pages = extract_pages(data)
        if not pages:
            raise
        meeting = Meeting(committee=where.committee_name, date=date.fromisoformat(meeting_date))
        parsed = ParsedDocument(kind=DocumentKind.REPORT, title=link.title, meetings=[meeting],
                                pages=[Page(index=i, printed=None, text=text) for i, text in enumerate(pages)])
        return Prepared(name, data, parsed, MEDIA_PDF)
    parsed = prepared.parsed
    own = parsed.meetings[0].date if parsed.meetings else None
    if own is not None and own.isoformat() == meeting_date:
        own_committee(parsed, where.committee_name)
    return prepared


def land_document(store: Store, where: Where, sync_meeting: dict[str, Any], link: Linked, role: str,
                  prepared: Prepared, validators: tuple[str | None, str | None],
                  before: dict[str, Any] | None) -> list[Change]:
    """Import a document and remember its hash and validators; the news it makes."""
    with transaction(store.db):
        _meeting_id, document_id = _written(store, prepared)
        sync_state.save_sync_document(store.db, sync_meeting["id"], link.url, {
            "title": link.title, "role": role, "sha256": sha256_of(prepared.data), "document_id": document_id,
            "etag": validators[0], "last_modified": validators[1], "checked_at": where.at, "removed": 0,
            "error": None})
        committee_id = sync_state.meeting_committee(store.db, sync_meeting["meeting_id"]) \
            if sync_meeting["meeting_id"] else None
        kind = "new_document" if before is None or before["sha256"] is None or before["removed"] \
            else "changed_document"
        found = [] if where.baseline else [
            document_change(kind, link.title, link.url, committee_id, sync_meeting["meeting_id"], document_id)]
        record(store, found, where.at)
    return found


def document_checked(store: Store, sync_meeting_id: int, link: Linked, role: str, at: str,
                     validators: tuple[str | None, str | None] | None = None, error: str | None = None) -> None:
    """Remember that a document was looked at (unchanged, or what went wrong)."""
    values: dict[str, Any] = {"title": link.title, "role": role, "checked_at": at, "error": error, "removed": 0}
    if validators is not None:
        values["etag"], values["last_modified"] = validators
    with transaction(store.db):
        sync_state.save_sync_document(store.db, sync_meeting_id, link.url, values)


def land_removed(store: Store, where: Where, sync_meeting: dict[str, Any], gone: list[dict[str, Any]]) -> list[Change]:
    """Documents no longer linked to the meeting: remembered as removed, and news; the
    stored copy stays (with everyone's highlights on it)."""
    if not gone:
        return []
    with transaction(store.db):
        committee_id = sync_state.meeting_committee(store.db, sync_meeting["meeting_id"]) \
            if sync_meeting["meeting_id"] else None
        found = []
        for row in gone:
            store.db.table("sync_documents").update(row["id"], {"removed": 1, "checked_at": where.at})
            if not where.baseline and row["sha256"]:
                found.append(document_change("removed_document", row["title"], row["url"], committee_id,
                                             sync_meeting["meeting_id"], row["document_id"]))
        record(store, found, where.at)
    return found


def record(store: Store, found: list[Change], at: str) -> int:
    """Record the news in the store (inside the open transaction)."""
    if not found:
        return 0
    from panelbook.model import NewsInput, NewsKind
    from panelbook.store.news import record_news

    return record_news(store, [NewsInput(NewsKind(c.kind), c.committee_id, c.meeting_id, c.document_id,
                                         c.title, at) for c in found])
