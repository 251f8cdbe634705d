"""Searching everything the store holds: packs, minutes, recommendations and notes.
The command line and the window's Search place ask the same question.  No Qt here."""
from __future__ import annotations

from panelbook.services.confidential_search import confidential_hits, merged
from panelbook.store import Store
from panelbook.store.search import Hit, search as search_store

__all__ = ["Hit", "search"]


def search(store: Store, text: str, limit: int = 100) -> list[Hit]:
    """The best ``limit`` hits for what the user typed (the last word matches as a prefix), from
    the main store and, while the confidential papers are unlocked, the encrypted one
    (``Hit.confidential``); locked, they are left out (the caller says so)."""
    plain = search_store(store.db, text, limit=limit)
    if store.vault is None:
        return plain
    return merged(plain, confidential_hits(store, text, limit), limit)
