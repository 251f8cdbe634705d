"""Bringing confidential papers in: a document imported as confidential, a document already
imported marked as confidential afterwards, and the exempt items of an ordinary import.

What stays in the main store is only what an agenda says in public: the committee, the
meeting, each item's title, numbers and page range, flagged confidential, and that the
document exists (its title, kind, page count; instead of its SHA-256 a keyed hash, so nobody
without the key can confirm a guess of the file).  Its pages, every item's report, minutes
and discussion text, the resolutions it records and its glossary go to the encrypted store,
indexed there; the file goes into ``confidential-files/``, sealed.  Resolutions recorded in a
confidential document are searchable there but are not offered to the public tracker.

The main store's transaction is open while the encrypted store's commits, and the sealed file
is written before the main store commits: a failure anywhere leaves the main store as it was,
and what the encrypted store kept for a document the main store never recorded is pruned at
the next unlock (``store.vault.prune``, which matches each document's id and key).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from panelbook.model import AgendaItem, Meeting, ParsedDocument, UnreadableDocument
from panelbook.services import confidential
from panelbook.services.import_records import ImportOutcome, ImportReport, Prepared, document_key, prepare_file
from panelbook.sources.confidence import unread_fields
from panelbook.store import Store, confidential_marks as marks, documents, transaction, vault
from panelbook.store.blobs import blob_path
from panelbook.store.sealed_files import write_sealed
from panelbook.store.vault import OpenVault
from panelbook.store.vault_keys import content_tag, files_key
from panelbook.store.writer import find_item, save_parsed

KEY_PREFIX = "confidential|"


def import_confidential(store: Store, path: Path | str) -> ImportReport:
    """Import one file as confidential (``panelbook import --confidential``).  The confidential
    papers must be unlocked (ConfidentialError saying how otherwise: set up, unlock, recover,
    or that this machine has no secure keychain); nothing of it is written anywhere before."""
    opened = confidential.opened(store)
    return write_confidential(store, opened, prepare_file(path))


def import_each_confidential(store: Store, paths: list[Path | str] | list[str]) -> ImportOutcome:
    """Import every readable file as confidential, each in its own transaction, and name every one
    that cannot be read with its reason (as ``imports.import_each``).  Refused whole, before any is
    read, when the confidential papers are not unlocked."""
    opened = confidential.opened(store)
    outcome = ImportOutcome([], [])
    for path in paths:
        name = Path(path).name
        try:
            outcome.reports.append(write_confidential(store, opened, prepare_file(path)))
        except UnreadableDocument as error:
            message = str(error)
            outcome.failures.append((str(path), message[len(name) + 2:] if message.startswith(f"{name}: ")
                                     else message))
    return outcome


def public_shell(parsed: ParsedDocument, flag_items: bool = True) -> ParsedDocument:
    """What the main store may hold of a confidential document: no pages, no text; its own
    meeting's items flagged confidential (all, or with ``flag_items`` False those the agenda marks)."""
    def bare(item: AgendaItem, own: bool) -> AgendaItem:
        return AgendaItem(agenda_number=item.agenda_number, minute_number=item.minute_number, title=item.title,
                          pages=item.pages, confidential=own or item.confidential, issue=item.issue)

    def meeting(m: Meeting, own: bool) -> Meeting:
        return dataclasses.replace(m, items=[bare(i, own) for i in m.items])

    return dataclasses.replace(
        parsed, pages=[], monitoring=[], glossary=[], warnings=[],
        meetings=[meeting(m, index == 0 and flag_items) for index, m in enumerate(parsed.meetings)])


def _item_texts(item: AgendaItem) -> dict[str, str | None]:
    resolutions = " ".join(f"RESOLVED {r.number or ''} {r.text}".replace("  ", " ") for r in item.resolutions)
    return {"report_text": item.text,
            "minutes_text": " ".join(filter(None, [item.minutes_text, resolutions])) or None,
            "discussion": " ".join(item.discussion) or None}


def write_confidential(store: Store, opened: OpenVault, prepared: Prepared) -> ImportReport:
    """Write a document read as confidential (see the module's docstring), in one transaction."""
    with transaction(store.db):
        return write_in_transaction(store, opened, prepared, flag_items=True)


def write_in_transaction(store: Store, opened: OpenVault, prepared: Prepared, *, flag_items: bool) -> ImportReport:
    """Write a confidential document inside the caller's transaction.  ``flag_items``: every item of
    its meeting becomes confidential (a document imported as confidential); otherwise only the items
    the agenda marks exempt are (an ordinary document that carries an exempt item's report)."""
    parsed, key_bytes = prepared.parsed, opened.key
    tag = content_tag(key_bytes, prepared.data)
    key = KEY_PREFIX + document_key(parsed, tag, prepared.media_type)
    public = public_shell(parsed, flag_items)
    existing = documents.document_by_key(store.db, key)
    counts, meeting_id, meeting_ids = save_parsed(store.db, public, key)
    document_id = documents.save_document(store.db, public, key, tag, prepared.file_name, prepared.media_type,
                                          meeting_id, False)
    marks.mark_document(store.db, document_id, tag, len(parsed.pages))
    sealed = store.folder.confidential_file(document_id)
    if not (existing is not None and existing["sha256"] == tag and sealed.exists()):
        _keep_in_vault(store, opened, parsed, (key, tag, prepared.media_type), document_id, meeting_id,
                       meeting_ids, flag_items)
        write_sealed(sealed, prepared.data, files_key(key_bytes), document_id)
    return ImportReport(file=prepared.file_name, kind=parsed.kind.value, meetings=len(counts.meetings),
                        items=len(counts.items), resolutions=0, recommendations=0, meeting_id=meeting_id,
                        document_id=document_id, confidential=True,
                        warnings=prepared.warnings + [w for w in unread_fields(parsed) if w not in prepared.warnings])


# An exempt item whose report a document carries: this much text on its pages (or as its report).
EXEMPT_REPORT_CHARS = 1500


def exempt_report(parsed: ParsedDocument) -> AgendaItem | None:
    """The first item of the document's own meeting that the agenda marks exempt and whose report
    the document carries (its pages, or its report text); None for a document that only names
    exempt items (a public pack lists them without their reports)."""
    if not parsed.meetings:
        return None
    for item in parsed.meetings[0].items:
        if not item.confidential:
            continue
        size = len((item.text or "").strip())
        if item.pages:
            first, last = item.pages
            size += sum(len(p.text.strip()) for p in parsed.pages
                        if p.printed is not None and first <= p.printed <= last)
        if size >= EXEMPT_REPORT_CHARS:
            return item
    return None


def vault_for_exempt(store: Store, file_name: str, item: AgendaItem) -> OpenVault:
    """The unlocked encrypted store for a document carrying an exempt item's report; locked, not set
    up or with no keychain, UnreadableDocument naming the file and saying why and what to do."""
    confidential.open_unless_locked(store)
    if store.vault is not None:
        return store.vault
    why = confidential.sentence(confidential.status(store))
    raise UnreadableDocument(f"{file_name}: it carries the report of “{item.title}”, which the agenda marks "
                             f"exempt, and it can only be kept encrypted. {why}")


def _keep_in_vault(store: Store, opened: OpenVault, parsed: ParsedDocument, identity: tuple[str, str, str],
                   document_id: int, meeting_id: int | None, meeting_ids: list[int], flag_items: bool) -> None:
    key, tag, media_type = identity
    ranges = marks.item_ranges(store.db, meeting_id)
    own_items: set[int] = set()
    texts: list[tuple[int, int, str, dict[str, str | None]]] = []
    for index, (meeting, stored_meeting) in enumerate(zip(parsed.meetings, meeting_ids, strict=False)):
        for item in meeting.items:
            row = find_item(store.db, stored_meeting, item)
            if row is None:
                continue
            if index == 0 and (flag_items or item.confidential):
                own_items.add(int(row["id"]))
            body = _item_texts(item)
            if any(body.values()):
                texts.append((int(row["id"]), stored_meeting, row["title"], body))
    marks.mark_items(store.db, own_items)
    pages = [(p.index, p.printed, marks.item_for_page(ranges, p.printed), p.text) for p in parsed.pages]
    with vault.vault_transaction(opened.db):
        vault.save_document(opened.db, document_id, key, meeting_id, parsed.title or "", media_type, tag, pages,
                            marks.item_titles(store.db, {p[2] for p in pages if p[2] is not None}))
        for item_id, item_meeting, title, body in texts:
            vault.save_item_text(opened.db, item_id, item_meeting, title, body)


def mark_confidential(store: Store, document_id: int) -> None:
    """Make a document already imported confidential: its pages and text move to the encrypted
    store, its file is sealed and the plain copy removed (unless another document is the same
    file), its items are flagged confidential.  Backups taken before still hold it in the clear
    (``panelbook backup`` afterwards, and removing the older ones, is for the user to decide)."""
    opened = confidential.opened(store)
    row = marks.document(store.db, document_id)
    if row is None:
        raise confidential.ConfidentialError(f"There is no document {document_id} in this data folder.")
    if row["confidential"]:
        return
    plain = blob_path(store.folder.files, row["sha256"])
    try:
        data = plain.read_bytes()
    except OSError:
        raise confidential.ConfidentialError(
            f"The file of “{row['title']}” is missing from the data folder ({plain}); import it again "
            "with --confidential instead.") from None
    key_bytes = opened.key
    tag = content_tag(key_bytes, data)
    pages = marks.document_pages(store.db, document_id)
    with transaction(store.db):
        marks.mark_document(store.db, document_id, tag, len(pages))
        item_ids = {p[2] for p in pages if p[2] is not None}
        marks.mark_items(store.db, item_ids | marks.items_of_source(store.db, row["key"], row["meeting_id"]))
        texts = marks.take_item_texts(store.db, row["key"])
        with vault.vault_transaction(opened.db):
            vault.save_document(opened.db, document_id, row["key"], row["meeting_id"], row["title"],
                                row["media_type"], tag, pages, marks.item_titles(store.db, item_ids))
            for item_id, meeting_id, title, body in texts:
                vault.save_item_text(opened.db, item_id, meeting_id, title, body)
        write_sealed(store.folder.confidential_file(document_id), data, files_key(key_bytes), document_id)
    if not marks.documents_with_file(store.db, row["sha256"]):
        plain.unlink(missing_ok=True)
    with transaction(store.db):
        marks.merge_search_index(store.db)
    marks.fold_log(store.db)


def document_pages(store: Store, document_id: int) -> list[dict[str, object]]:
    """A confidential document's pages (idx, printed, item_id, text) from the encrypted store;
    ConfidentialLocked saying how to unlock when it is locked."""
    opened = confidential.opened(store)
    row = marks.document(store.db, document_id)
    if row is None or not row["confidential"] or vault.document(opened.db, document_id, row["key"]) is None:
        return []
    return vault.pages(opened.db, document_id)


def document_bytes(store: Store, document_id: int) -> bytes:
    """A confidential document's file, unsealed (for the reader or an export; never written out
    in the clear by this function)."""
    from panelbook.store.sealed_files import read_sealed

    opened = confidential.opened(store)
    return read_sealed(store.folder.confidential_file(document_id), files_key(opened.key), document_id)
