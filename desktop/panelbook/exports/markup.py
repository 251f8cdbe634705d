"""Markup a briefing prints besides notes and questions: highlighted quotes and
the chair's lines of enquiry.

Panelbook does not record these yet; ``BriefingMarkup`` is the small structure
the briefing takes them from, and ``markup_for`` returns it empty until the
markup feature fills it from the store.  Tests build one by hand.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Highlight:
    """A quoted passage of an item's report, on its printed pack page."""

    item_id: int
    quote: str
    page: int | None = None
    profile: str = ""
    comment: str | None = None
    shared: bool = False


@dataclass(frozen=True)
class LineOfEnquiry:
    """A line of questioning the chair sets for an item, and who leads it."""

    item_id: int
    text: str
    lead: str | None = None


@dataclass
class BriefingMarkup:
    highlights: list[Highlight] = field(default_factory=list)
    lines_of_enquiry: list[LineOfEnquiry] = field(default_factory=list)

    def for_item(self, item_id: int, profile: str | None, panel: bool) -> tuple[list[Highlight], list[LineOfEnquiry]]:
        """What one item shows: for a member, their own highlights and shared
        ones; for the panel edition, shared ones only.  Lines of enquiry are
        the chair's, shared with everyone."""
        highlights = [h for h in self.highlights if h.item_id == item_id
                      and (h.shared or (not panel and h.profile == profile))]
        lines = [line for line in self.lines_of_enquiry if line.item_id == item_id]
        return highlights, lines


def markup_for(store, meeting_id: int) -> BriefingMarkup:
    """The store's highlights and lines of enquiry for a meeting (none are recorded yet)."""
    return BriefingMarkup()
