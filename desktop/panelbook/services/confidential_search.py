"""Searching the encrypted store's index (confidential pages, exempt items' text, notes on
confidential items) while the confidential papers are unlocked; ``services.search`` merges these
hits with the main store's, best first."""
from __future__ import annotations

from panelbook.store import Store, confidential_marks as marks
from panelbook.store.search import Hit, search as search_index


def confidential_hits(store: Store, text: str, limit: int) -> list[Hit]:
    """The encrypted store's best ``limit`` hits, each marked confidential and given its meeting's
    date and committee from the main store; none while locked."""
    if store.vault is None:
        return []
    hits = search_index(store.vault.db, text, limit=limit, with_meetings=False)
    labels = marks.meeting_labels(store.db, {h.meeting_id for h in hits if h.meeting_id is not None})
    for hit in hits:
        hit.confidential = True
        if hit.meeting_id in labels:
            hit.meeting_date, hit.committee = labels[hit.meeting_id]
    return hits


def merged(plain: list[Hit], hidden: list[Hit], limit: int) -> list[Hit]:
    """Both stores' hits, best first by bm25 (a lower rank is a better match)."""
    return sorted([*plain, *hidden], key=lambda hit: hit.rank)[:limit]
