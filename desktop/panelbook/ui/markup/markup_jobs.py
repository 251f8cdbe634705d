"""The markup work the desktop hands to the database worker: plain functions of the Store.

Nothing here touches Qt.  Each function is one job: read an item's markup,
save the private note as typed, keep the read mark in step, place a
highlight from the reader's selection, read and write markup files.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from panelbook.exports import atomic
from panelbook.services import markup
from panelbook.store import Store, desktop_queries, markup as markup_store, transaction
from panelbook.ui.common.text_spans import find_span

if TYPE_CHECKING:
    from panelbook.store.rows import Profile


def item_markup(store: Store, item_id: int) -> dict:
    """Everything the markup panel shows for one item, for the current profile."""
    db = store.db
    who = markup.profile_name(store)
    notes = markup_store.item_notes(db, item_id)
    mark = markup_store.item_mark(db, item_id, who)
    own_notes = [n for n in notes if n["kind"] == "note" and n["profile"] == who]
    return {
        "item_id": item_id,
        "profile": markup.profile(store) or {"name": who, "role": "councillor", "unset": True},
        "note": own_notes[0] if own_notes else None,
        "more_notes": own_notes[1:],
        "questions": [n for n in notes if n["kind"] == "question" and n["profile"] == who],
        "enquiries": [n for n in notes if n["kind"] == "enquiry"],
        # Other members' notes and questions: shared with the panel, or brought in by their markup file.
        "shared": [n for n in notes if n["profile"] != who and n["kind"] != "enquiry"],
        "mark": mark or {"flag": None, "read": 0, "priority": None},
        "read": item_id in desktop_queries.read_items(db),
        "highlights": markup.highlights(db, item_id=item_id),
        "members": members_for_item(store, item_id),
    }


def members_for_item(store: Store, item_id: int) -> list[str]:
    """Names the chair can pick to lead a line of enquiry: the panel's members."""
    return markup_store.members_for_item(store.db, item_id)


def save_note(store: Store, item_id: int, text: str) -> int | None:
    """Save the private note of an item as typed: the first own note is updated
    (or made); emptying the editor deletes it.  Returns the note's id, or None."""
    who = markup.profile_name(store)
    own = markup_store.first_own_note(store.db, item_id, who)
    if not text.strip():
        if own:
            markup.delete_note(store, own["id"])
        return None
    if own:
        if own["text"] != text:
            markup.update_note(store, own["id"], text=text)
        return own["id"]
    return markup.add_note(store, item_id, text, who=who)


def set_read(store: Store, item_id: int, read: bool) -> set[int]:
    """Mark an item read or unread (the member's mark, which travels with their
    markup); return every item the member has read (bold = unread)."""
    markup.set_mark(store, item_id, read=read)
    return desktop_queries.read_items(store.db)


def meeting_marks(store: Store, meeting_id: int) -> dict[int, dict]:
    """Per item of a meeting: the member's flag and priority, and how much markup it carries."""
    return markup_store.meeting_marks(store.db, meeting_id, markup.profile_name(store))


class SelectionNotFound(markup.MarkupError):
    """The reader's selection is not in the stored text of its page."""


def place_highlight(store: Store, document_id: int, page_idx: int, selected: str, comment: str | None = None,
                    near: int | None = None) -> int:
    """Highlight the reader's selection: find it in the stored text of the page
    (spacing ignored; among repeats, the one nearest ``near``) and anchor it there."""
    page = markup_store.page(store.db, document_id, page_idx)
    if page is None:
        raise SelectionNotFound("This page of the pack is not stored; import the pack again to highlight it.")
    text = page["text"]
    span = find_span(text, selected, near=near)
    if span is None:
        raise SelectionNotFound("The selected text could not be found in the stored text of this page.")
    start, end = whole_words(text, *span)
    return markup.add_highlight(store, document_id, page_idx, start, end, comment=(comment or "").strip() or None)


def place_text_highlight(store: Store, document_id: int, item_id: int, selected: str,
                         comment: str | None = None, near: int | None = None) -> int:
    """Highlight the reader's selection in an item's report text (a pack imported as text)."""
    text = markup_store.report_text(store.db, item_id) or ""
    span = find_span(text, selected, near=near)
    if span is None:
        raise SelectionNotFound("The selected text could not be found in the stored text of this item's report.")
    start, end = whole_words(text, *span)
    return markup.add_text_highlight(store, document_id, item_id, start, end,
                                     comment=(comment or "").strip() or None)


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A span widened so that it neither starts nor ends inside a word (a drag
    rarely stops exactly between two letters)."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def save_profile(store: Store, name: str, role: str) -> Profile | None:
    """Set who uses this copy.  The markup made under the previous name (or as
    "Me", before any profile was chosen) is the same person's: it moves to the new name."""
    before = markup.profile_name(store)
    markup.set_profile(store, name, role)
    after = markup.profile_name(store)
    if before != after:
        with transaction(store.db):
            markup_store.rename_profile_markup(store.db, before, after)
    return markup.profile(store)


def document_highlights(store: Store, document_id: int | None) -> list[dict[str, Any]]:
    if document_id is None:
        return []
    return cast("list[dict[str, Any]]", markup.highlights(store.db, document_id=document_id))  # the reader's plain rows


def confidential_markup(store: Store, shared_only: bool) -> int:
    """How many of the notes, flags and highlights an export would hold are on confidential items."""
    data = markup.export_markup(store, shared_only=shared_only)
    return sum((data.get("confidential_left_out") or {}).values())


def write_markup_file(store: Store, path: str, shared_only: bool, passphrase: str | None = None) -> dict:
    """Export markup to ``path`` (written beside it first, then renamed into place); markup on
    confidential items left out, or sealed under ``passphrase``."""
    data = markup.export_markup(store, shared_only=shared_only, passphrase=passphrase)
    with atomic.open_text(path) as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
    return {"notes": len(data["notes"]), "highlights": len(data["highlights"]), "marks": len(data["marks"]),
            "confidential_left_out": sum((data.get("confidential_left_out") or {}).values()),
            "confidential_sealed": sum((data.get("confidential_sealed") or {}).values())}


def markup_file_is_sealed(store: Store, path: str) -> bool:
    """Whether the file at ``path`` carries markup sealed with a passphrase (read on the worker)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return False        # the import says why it cannot be read
    return markup.is_sealed(data)


def read_markup_file(store: Store, path: str, passphrase: str | None = None) -> dict:
    """Merge a markup file into the store; the counts say what happened."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise markup.MarkupError(f"This file cannot be read ({error.strerror}).") from None
    return markup.import_markup(store, data, passphrase=passphrase)     # a damaged file: one MarkupError sentence
