"""A member's notes and questions on confidential items, kept in the encrypted store.

``services.markup`` hands a note on a confidential item here once confidential papers are set up
(before that, a note on an item the agenda marks exempt is kept as any other; setting up, and every
unlock, moves such notes into the encrypted store: ``confidential.take_in_plain_notes``), so the window and the
command line keep calling one API.  A confidential note's id is given out negative (``-id`` of its
row in the encrypted store), so it is never taken for a note of the main store; update and
delete route on the sign.  While the confidential papers are locked these notes are hidden,
and adding one is refused with the sentence saying how to unlock (nothing is written in the
clear meanwhile).  The markup export leaves them out.
"""
from __future__ import annotations

import uuid
from typing import Any

from panelbook.services import confidential
from panelbook.store import Store, confidential_marks as marks, vault
from panelbook.store.queries import NotFound
from panelbook.store.writer import now_iso


def is_confidential_note(note_id: int) -> bool:
    return note_id < 0


def keeps_notes_of(store: Store, item_id: int) -> bool:
    """Whether a note on this item belongs in the encrypted store: a confidential item, once
    confidential papers are set up in this data folder."""
    return marks.item_is_confidential(store.db, item_id) and confidential.is_set_up(store)


def add_note(store: Store, item_id: int, text: str, *, kind: str, who: str) -> int:
    """Keep a note (kind ``note``, ``question`` or ``enquiry``) on a confidential item; its negative id."""
    opened = confidential.opened(store)
    item = marks.item(store.db, item_id)
    if item is None:
        raise NotFound(f"There is no agenda item {item_id}.")
    stamp = now_iso()
    with vault.vault_transaction(opened.db):
        note_id = vault.add_note(opened.db, {
            "uid": str(uuid.uuid4()), "item_id": item_id, "meeting_id": item["meeting_id"], "profile": who,
            "kind": kind, "text": text, "position": vault.next_position(opened.db, item_id, who, kind),
            "created_at": stamp, "updated_at": stamp}, item["title"])
    return -note_id


def _row(store: Store, note_id: int) -> tuple[vault.OpenVault, dict[str, Any], str]:
    opened = confidential.opened(store)
    row = vault.note(opened.db, -note_id)
    if row is None:
        raise NotFound("That confidential note no longer exists.")
    item = marks.item(store.db, row["item_id"])
    return opened, row, item["title"] if item else ""


def update_note(store: Store, note_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    opened, row, title = _row(store, note_id)
    diff = {k: v for k, v in changes.items() if row.get(k) != v}
    if diff:
        diff["updated_at"] = now_iso()
        with vault.vault_transaction(opened.db):
            vault.update_note(opened.db, -note_id, diff, title)
    return _shaped(store, vault.note(opened.db, -note_id) or row)


def delete_note(store: Store, note_id: int) -> dict[str, Any]:
    """Delete a confidential note; returns it whole for undo (``restore_note``)."""
    opened, row, _ = _row(store, note_id)
    with vault.vault_transaction(opened.db):
        vault.delete_note(opened.db, -note_id)
    return _shaped(store, row)


def restore_note(store: Store, note: dict[str, Any] | Any) -> int:
    """Undo a deletion: the confidential note comes back as it was, under the same uid."""
    opened = confidential.opened(store)
    item = marks.item(store.db, int(note["item_id"]))
    if item is None:
        raise NotFound(f"There is no agenda item {note['item_id']}.")
    values = {k: note[k] for k in ("uid", "item_id", "profile", "kind", "text", "position", "state", "answer",
                                   "lead", "created_at", "updated_at") if k in note}
    values |= {"meeting_id": item["meeting_id"], "shared": int(bool(note.get("shared")))}
    with vault.vault_transaction(opened.db):
        note_id = vault.add_note(opened.db, values, item["title"])
    return -note_id


def _shaped(store: Store, row: dict[str, Any], item: dict[str, Any] | None = None) -> dict[str, Any]:
    shaped = {k: row[k] for k in ("uid", "item_id", "kind", "text", "profile", "position", "state", "answer",
                                  "lead", "created_at", "updated_at")}
    return {**shaped, "id": -int(row["id"]), "shared": bool(row["shared"]), "confidential": True,
            **({"agenda_number": item["agenda_number"], "minute_number": item.get("minute_number"),
                "item_title": item["title"]} if item else {})}


def meeting_notes(store: Store, meeting_id: int) -> list[dict[str, Any]]:
    """The confidential notes on a meeting's items (in the shape of ``store.queries.notes``), or
    none while the papers are locked (the caller says so: ``hidden_on``)."""
    if store.vault is None:
        return []
    items = {int(i["id"]): i for i in marks.confidential_items(store.db, meeting_id)}
    if not items:
        return []
    return [_shaped(store, row, items.get(int(row["item_id"]))) for row in vault.notes(store.vault.db, list(items))]


def hidden_on(store: Store, meeting_id: int) -> bool:
    """Whether a meeting has confidential items whose notes cannot be shown (the papers are locked)."""
    return store.vault is None and confidential.is_set_up(store) and bool(marks.confidential_items(store.db,
                                                                                                    meeting_id))
