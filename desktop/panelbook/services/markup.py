"""A member's markup: notes, questions, flags, read marks, highlights, and the
chair's lines of enquiry.  Everything saves at once, in its own transaction.

Markup hangs off agenda items, which imports never delete, so it survives
re-imports and revised packs; highlights are re-placed by their quote when a
pack's pages change (``store.markup.reanchor_document``), and the ones that cannot be
placed are kept and listed as "needs placing", never dropped.

Markup moves between computers as a JSON file (``export_markup`` /
``import_markup``): items are identified by committee, meeting date and title,
every note and highlight by a uid; an import keeps whichever edit is newer and
never brings back what was deleted here.
"""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any, cast

import sqlite_utils

from panelbook import anchoring
from panelbook.services import confidential_notes, markup_confidential, markup_file, markup_merge
from panelbook.services.markup_file import FORMAT, FORMAT_VERSION, QUESTION_STATES, MarkupError
from panelbook.store import Store, correction_transfer, indexer, markup as markup_store, transaction
from panelbook.store.queries import NotFound
from panelbook.store.rows import Highlight, ItemMark, Note, Profile
from panelbook.store.writer import now_iso

__all__ = ["FORMAT", "FORMAT_VERSION", "QUESTION_STATES", "MarkupError"]

FLAGS = ("key item", "challenge", "follow up", "declare interest")
ROLES = ("councillor", "chair", "clerk")


# -- profile -------------------------------------------------------------------


def set_profile(store: Store, name: str, role: str) -> None:
    """Who uses this copy (chosen at first start, changeable later)."""
    if role not in ROLES:
        raise MarkupError(f"A profile's role is one of {', '.join(ROLES)}.")
    name = name.strip()
    if not name:
        raise MarkupError("A profile needs a name.")
    with transaction(store.db):
        markup_store.save_profile(store.db, name, role)


def profile_name(store: Store) -> str:
    """Who is using this copy (set in the desktop; "Me" until then)."""
    return store.setting("profile_name") or "Me"


def profile(store: Store) -> Profile | None:
    """This copy's profile (name and role), or None before one was chosen."""
    name = store.setting("profile_name")
    if not name:
        return None
    return markup_store.profile_row(store.db, name) or Profile(name=name, role="councillor")


# -- notes and questions ---------------------------------------------------------


def add_note(store: Store, item_id: int, text: str, *, question: bool = False, who: str | None = None) -> int:
    """A member's note or question on an agenda item; saved at once and searchable."""
    who = who or profile_name(store)
    stamp = now_iso()
    kind = "question" if question else "note"
    if confidential_notes.keeps_notes_of(store, item_id):    # kept encrypted, its id negative
        return confidential_notes.add_note(store, item_id, text, kind=kind, who=who)
    with transaction(store.db):
        note_id = markup_store.insert_note(store.db, {
            "uid": str(uuid.uuid4()), "item_id": item_id, "profile": who, "kind": kind, "text": text,
            "position": markup_store.next_note_position(store.db, item_id, who, kind),
            "created_at": stamp, "updated_at": stamp})
        indexer.index_note(store.db, note_id)
    return note_id


def update_note(store: Store, note_id: int, **changes: Any) -> Note:
    """Change a note's text, a question's state / answer / lead, sharing, or position."""
    allowed = {"text", "state", "answer", "lead", "shared", "position"}
    if set(changes) - allowed:
        raise TypeError(f"unknown note fields: {sorted(set(changes) - allowed)}")
    if "state" in changes and changes["state"] not in QUESTION_STATES:
        raise MarkupError(f"A question is {', '.join(QUESTION_STATES)}.")
    if confidential_notes.is_confidential_note(note_id):
        return cast(Note, confidential_notes.update_note(store, note_id, changes))
    with transaction(store.db):
        current = markup_store.note(store.db, note_id)
        diff = {k: v for k, v in changes.items() if current.get(k) != v}
        if diff:
            diff["updated_at"] = now_iso()
            markup_store.update_note(store.db, note_id, diff)
            indexer.index_note(store.db, note_id)
    return markup_store.note(store.db, note_id)


def delete_note(store: Store, note_id: int) -> Note:
    """Delete a note; returns it whole so the caller can offer undo (``restore_note``)."""
    if confidential_notes.is_confidential_note(note_id):
        return cast(Note, confidential_notes.delete_note(store, note_id))
    with transaction(store.db):
        current = markup_store.note(store.db, note_id)
        markup_store.delete_note(store.db, note_id, current["uid"], now_iso())
    return current


def restore_note(store: Store, note: Mapping[str, Any]) -> int:
    """Undo a deletion: the note comes back as it was, under the same uid."""
    if note.get("confidential") or confidential_notes.keeps_notes_of(store, int(note["item_id"])):
        return confidential_notes.restore_note(store, note)
    with transaction(store.db):
        note_id = markup_store.restore_note(store.db, {c: v for c, v in note.items() if c != "id"})
        indexer.index_note(store.db, note_id)
    return note_id


def reorder(store: Store, note_ids: list[int]) -> None:
    """Put questions (or lines of enquiry) in the given order."""
    with transaction(store.db):
        markup_store.set_positions(store.db, note_ids, now_iso())


def add_enquiry(store: Store, item_id: int, text: str, lead: str | None = None, who: str | None = None) -> int:
    """The chair's line of enquiry on an item, shared with the panel, optionally with who leads it."""
    note_id = add_note(store, item_id, text, who=who)
    with transaction(store.db):
        markup_store.update_note(store.db, note_id, {"kind": "enquiry", "shared": 1, "lead": lead})
    return note_id


# -- flags, read marks, priority ---------------------------------------------------


def set_mark(store: Store, item_id: int, *, flag: Any = ..., read: bool | None = None,
             priority: Any = ..., who: str | None = None) -> ItemMark:
    """A member's flag and read mark on an item (``...`` leaves a field as it is; None clears it)."""
    if flag is not ... and flag is not None and flag not in FLAGS:
        raise MarkupError(f"A flag is one of: {', '.join(FLAGS)}.")
    who = who or profile_name(store)
    changes: dict[str, Any] = {}
    if flag is not ...:
        changes["flag"] = flag
    if read is not None:
        changes["read"] = int(read)
    if priority is not ...:
        changes["priority"] = priority
    with transaction(store.db):
        stamp = now_iso()
        if changes:
            changes["updated_at"] = stamp
        return markup_store.set_mark(store.db, item_id, who, changes, stamp)


# -- highlights ------------------------------------------------------------------


def add_highlight(store: Store, document_id: int, page_idx: int, start: int, end: int,
                  comment: str | None = None, who: str | None = None) -> int:
    """Highlight characters ``start:end`` of a stored page's text."""
    who = who or profile_name(store)
    page = markup_store.page(store.db, document_id, page_idx)
    if page is None:
        raise NotFound(f"Document {document_id} has no page {page_idx}.")
    anchor = anchoring.capture(page["text"], start, end)
    if not anchor.quote:
        raise MarkupError("Select some text to highlight.")
    stamp = now_iso()
    with transaction(store.db):
        return markup_store.insert_highlight(store.db, {
            "uid": str(uuid.uuid4()), "item_id": page["item_id"], "document_id": document_id,
            "page_idx": page_idx, "printed": page["printed"], "quote": anchor.quote,
            "context_before": anchor.before, "context_after": anchor.after, "comment": comment,
            "profile": who, "created_at": stamp, "updated_at": stamp})


def add_text_highlight(store: Store, document_id: int, item_id: int, start: int, end: int,
                       comment: str | None = None, who: str | None = None) -> int:
    """Highlight characters ``start:end`` of an item's report text, in a pack imported as text
    (no pages): anchored by quote and context as on a page, with no page number."""
    who = who or profile_name(store)
    text = markup_store.report_text(store.db, item_id)
    if not text:
        raise NotFound(f"Item {item_id} has no report text to highlight.")
    anchor = anchoring.capture(text, start, end)
    if not anchor.quote:
        raise MarkupError("Select some text to highlight.")
    stamp = now_iso()
    with transaction(store.db):
        return markup_store.insert_highlight(store.db, {
            "uid": str(uuid.uuid4()), "item_id": item_id, "document_id": document_id,
            "page_idx": None, "printed": None, "quote": anchor.quote,
            "context_before": anchor.before, "context_after": anchor.after, "comment": comment,
            "profile": who, "created_at": stamp, "updated_at": stamp})


def delete_highlight(store: Store, highlight_id: int) -> Highlight:
    """Delete a highlight; returns it whole so the caller can offer undo (``restore_highlight``).
    Its uid is remembered, so a markup file made elsewhere does not bring it back."""
    with transaction(store.db):
        current = markup_store.highlight(store.db, highlight_id)
        markup_store.delete_highlight(store.db, highlight_id, current["uid"], now_iso())
    return current


def restore_highlight(store: Store, light: Mapping[str, Any]) -> int:
    """Undo a deletion: the highlight comes back as it was, under the same uid (and,
    while its id is free, the same id)."""
    db = store.db
    with transaction(db):
        if markup_store.exists(db, "highlights", uid=light["uid"]):
            raise MarkupError("This highlight is already there; there is nothing to bring back.")
        if not markup_store.exists(db, "documents", id=light["document_id"]):
            raise NotFound("The pack this highlight was on is no longer stored.")
        if light.get("item_id") is not None and not markup_store.exists(db, "items", id=light["item_id"]):
            raise NotFound("The agenda item this highlight was on is no longer stored.")
        values = {c: v for c, v in light.items() if c != "id"}
        if not markup_store.exists(db, "highlights", id=light["id"]):
            values["id"] = light["id"]
        markup_store.forget_deleted(db, light["uid"])
        return markup_store.insert_highlight(db, values)


def highlights(db: sqlite_utils.Database, *, item_id: int | None = None, document_id: int | None = None,
               profile_name_: str | None = None) -> list[Highlight]:
    """Highlights, optionally of one item, document or profile, in page order."""
    return markup_store.highlights(db, item_id=item_id, document_id=document_id, profile=profile_name_)


# -- moving markup between computers -------------------------------------------------


def export_markup(store: Store, *, who: str | None = None, shared_only: bool = False,
                  passphrase: str | None = None) -> dict[str, Any]:
    """One member's markup (or, with ``shared_only``, the chair's shared markup) as a JSON-able dict.
    Markup on confidential items is left out and counted, or with ``passphrase`` sealed
    in the file's ``confidential`` envelope (``markup_confidential``)."""
    who = who or profile_name(store)
    db = store.db
    notes = [dict(n) | {"item": markup_store.item_ref(db, n["item_id"])}
             for n in markup_store.notes_to_export(db, who, shared_only)]
    marks = [] if shared_only else [dict(m) | {"item": markup_store.item_ref(db, m["item_id"])}
                                    for m in markup_store.marks_to_export(db, who)]
    lights = [dict(h) | {"item": markup_store.item_ref(db, h["item_id"]) if h["item_id"] else None}
              for h in markup_store.highlights_to_export(db, who, shared_only)]
    meetings = correction_transfer.meetings_of_items(     # the meetings this markup is on
        db, {row["item_id"] for row in notes + marks + lights if row.get("item_id")})
    confidential = markup_store.confidential_item_ids(db)
    secret = {name: [r for r in rows if r.get("item_id") in confidential]
              for name, rows in (("notes", notes), ("marks", marks), ("highlights", lights))}
    notes, marks, lights = ([r for r in rows if r.get("item_id") not in confidential]
                            for rows in (notes, marks, lights))
    for row in notes + marks + lights + [r for rows in secret.values() for r in rows]:
        for key in ("id", "item_id", "document_id"):
            row.pop(key, None)
    data = {"format": FORMAT, "version": FORMAT_VERSION, "profile": who, "shared_only": shared_only,
            "exported_at": datetime.now().isoformat(timespec="seconds"),
            "notes": notes, "marks": marks, "highlights": lights,
            "deleted": [dict(t) for t in markup_store.tombstones(db)],
            # the clerk's corrections of the meetings this markup is on, and every one made by ``who``
            "corrections": correction_transfer.to_export(db, meetings, who)}
    return markup_confidential.attach(data, secret, passphrase)


def import_summary(counts: dict[str, int]) -> str:
    """The counts of ``import_markup`` as one sentence (the desktop and the command line say the same).
    When the import changed nothing here, it says so first: "Markup already up to date"."""
    def word(n: int) -> str:
        return "note or highlight" if n == 1 else "notes and highlights"

    changed = [f"{counts.get('added', 0)} added", f"{counts.get('updated', 0)} updated"]
    if counts.get("removed"):
        changed.append(f"{counts['removed']} removed (deleted in the file)")
    left = []
    if counts.get("unchanged"):
        left.append(f"{counts['unchanged']} the same here")
    if counts.get("kept_newer_here"):
        left.append(f"{counts['kept_newer_here']} kept as they are (newer here)")
    if counts.get("deleted_here"):
        left.append(f"{counts['deleted_here']} not brought back (deleted here)")
    if counts.get("no_such_item"):
        left.append(f"{counts['no_such_item']} kept for meetings not in Panelbook yet "
                    "(attached when they are imported)")
    sealed = ""
    if counts.get("confidential_not_opened"):
        n = counts["confidential_not_opened"]
        what = "note, flag or highlight" if n == 1 else "notes, flags and highlights"
        sealed = (f" {n} {what} on confidential items not opened: they are sealed with a passphrase; "
                  "import the file again with it to bring them in.")
    if counts.get("confidential_opened"):
        left.append(f"{counts['confidential_opened']} on confidential items opened with the passphrase")
    if not (counts.get("added") or counts.get("updated") or counts.get("removed") or counts.get("no_such_item")):
        total = sum(counts.get(k, 0) for k in ("unchanged", "kept_newer_here", "deleted_here", "no_such_item"))
        if not total:
            return "Markup already up to date: the file holds no notes, flags or highlights." + sealed
        return (f"Markup already up to date: nothing in the file is newer ({total} {word(total)}: "
                f"{', '.join(left)}).{sealed}")
    return "Markup imported: " + ", ".join(changed + left) + "." + sealed


def is_sealed(data: bytes | str) -> bool:
    """Whether a markup file carries markup on confidential items sealed with a passphrase
    (False for anything that is not a markup file: the import says what it is)."""
    try:
        top = markup_file.decode(data)
    except MarkupError:
        return False
    return isinstance(top, dict) and markup_confidential.is_sealed(top)


def import_markup(store: Store, data: dict[str, Any] | str | bytes, *, passphrase: str | None = None) -> dict[str, int]:
    """Merge a markup file: newer edits win, nothing newer here is overwritten, what was
    deleted here stays deleted; markup whose meeting is not in this store yet is kept
    and attached when that meeting is imported (``markup_merge``).
    Notes and highlights the file says were deleted go here too ("removed"), unless
    they were changed here after that deletion.  The file is checked whole
    first (``markup_file.parse``): a damaged one raises MarkupError, nothing merged.
    Markup sealed in the file (on confidential items) is opened with ``passphrase`` and
    merged with the rest (``confidential_opened``); without one it is counted as
    ``confidential_not_opened``; a wrong passphrase raises MarkupError, nothing merged."""
    parsed = markup_file.parse(data)
    parsed, opened = markup_confidential.unseal(parsed, passphrase)
    with transaction(store.db):
        counts = markup_merge.merge(store.db, parsed)
    if opened:
        counts["confidential_opened"] = markup_confidential.total(opened)
    elif markup_confidential.is_sealed(parsed):
        counts["confidential_not_opened"] = markup_confidential.total(markup_confidential.sealed_counts(parsed))
    return counts
