"""The map between a pack's printed page numbers and its PDF pages, and where each item starts.

Built from the ``pages`` rows of one document (``idx`` is the PDF page index,
``printed`` the number printed on the page, ``item_id`` the agenda item it
belongs to) and the agenda's printed page ranges.  Pure Python, no Qt.
"""
from __future__ import annotations

from collections.abc import Iterable


class PageMap:
    def __init__(self, pages: Iterable[tuple[int, int | None, int | None]] = (), items: Iterable[dict] = ()):
        self._printed: dict[int, int | None] = {}
        self._idx: dict[int, int] = {}
        self._item: dict[int, int | None] = {}
        for idx, printed, item_id in pages:
            self._printed[idx] = printed
            self._item[idx] = item_id
            if printed is not None and printed not in self._idx:
                self._idx[printed] = idx
        self._starts: dict[int, int] = {}
        for item in items:
            first = self._first_page(item)
            if first is not None:
                self._starts[item["id"]] = first

    def _first_page(self, item: dict) -> int | None:
        pages = item.get("pages")
        if pages and pages[0] in self._idx:
            return self._idx[pages[0]]
        owned = [idx for idx, item_id in self._item.items() if item_id == item["id"]]
        return min(owned) if owned else None

    def printed(self, idx: int) -> int | None:
        """The number printed on PDF page ``idx`` (None for unnumbered front pages)."""
        return self._printed.get(idx)

    def index_of(self, printed: int) -> int | None:
        """The PDF page index that carries printed page ``printed``."""
        return self._idx.get(printed)

    def item_start(self, item_id: int) -> int | None:
        """The PDF page where an item's report begins."""
        return self._starts.get(item_id)

    def item_at(self, idx: int) -> int | None:
        """The item whose pages include PDF page ``idx``: the last item starting at or before it."""
        owner = self._item.get(idx)
        if owner is not None:
            return owner
        before = [(start, item_id) for item_id, start in self._starts.items() if start <= idx]
        return max(before)[1] if before else None

    def items_in_order(self) -> list[int]:
        return [item_id for item_id, _ in sorted(self._starts.items(), key=lambda kv: kv[1])]

    def next_item(self, idx: int) -> int | None:
        return next((item_id for item_id in self.items_in_order() if self._starts[item_id] > idx), None)

    def previous_item(self, idx: int) -> int | None:
        """The item before the one shown at ``idx``."""
        current = self.item_at(idx)
        start = self._starts.get(current, idx) if current is not None else idx
        earlier = [item_id for item_id in self.items_in_order() if self._starts[item_id] < start]
        return earlier[-1] if earlier else None

    def label(self, idx: int, page_count: int) -> str:
        """"Page 11 (PDF page 16 of 115)", or "PDF page 3 of 115" for a page with no printed number."""
        printed = self.printed(idx)
        pdf = f"PDF page {idx + 1} of {page_count}"
        return f"Page {printed} ({pdf})" if printed is not None else pdf
