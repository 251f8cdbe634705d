"""Markup a briefing prints besides notes and questions: highlighted quotes and
the chair's lines of enquiry.

``BriefingMarkup`` is the small structure the briefing takes them from;
``markup_for`` fills it from the store's highlights and lines of enquiry, and
tests can build one by hand.  What a reader sees follows one rule: their own
markup and what has been shared; the panel edition, shared markup only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from panelbook.store import Store


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
    profile: str = ""
    shared: bool = True


@dataclass
class BriefingMarkup:
    highlights: list[Highlight] = field(default_factory=list)
    lines_of_enquiry: list[LineOfEnquiry] = field(default_factory=list)

    def for_item(self, item_id: int, profile: str | None, panel: bool) -> tuple[list[Highlight], list[LineOfEnquiry]]:
        """What one item shows: for a member, their own markup and what has been
        shared; for the panel edition, shared markup only."""
        def visible(mark: Highlight | LineOfEnquiry) -> bool:
            return mark.item_id == item_id and (mark.shared or (not panel and mark.profile == profile))

        return [h for h in self.highlights if visible(h)], [e for e in self.lines_of_enquiry if visible(e)]


def markup_for(store: Store, meeting_id: int) -> BriefingMarkup:
    """The store's highlights and lines of enquiry on a meeting's items."""
    from panelbook.store.queries import notes

    markup = BriefingMarkup()
    for row in notes(store.db, meeting_id):
        if row["item_id"] is None:
            continue
        if row["kind"] == "highlight":
            markup.highlights.append(Highlight(
                row["item_id"], row["text"], page=row.get("page"), profile=row["profile"],
                comment=row.get("comment"), shared=row["shared"]))
        elif row["kind"] == "enquiry":
            markup.lines_of_enquiry.append(LineOfEnquiry(
                row["item_id"], row["text"], lead=row.get("lead"), profile=row["profile"], shared=row["shared"]))
    return markup
