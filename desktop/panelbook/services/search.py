"""Searching everything the store holds: packs, minutes, recommendations and notes.
The command line and the window's Search place ask the same question.  No Qt here."""
from __future__ import annotations

from panelbook.store import Store
from panelbook.store.search import Hit, search as search_store

__all__ = ["Hit", "search"]


def search(store: Store, text: str, limit: int = 100) -> list[Hit]:
    """The best ``limit`` hits for what the user typed (the last word matches as a prefix)."""
    return search_store(store.db, text, limit=limit)
