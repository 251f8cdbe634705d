"""Everything a briefing pack prints, gathered from the store in one place.

The layout (``briefing.py``) only formats what is here, so the content rules
live in this module: which items, whose notes, which earlier recommendations
belong to an item, which glossary terms the pack uses.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from panelbook.exports.glossary_terms import terms_used
from panelbook.exports.markup import BriefingMarkup, Highlight, LineOfEnquiry
from panelbook.exports.report_sections import ReportSections, report_sections
from panelbook.sources.textutil import norm_key
from panelbook.store import Store, briefing_queries as bq, queries
from panelbook.store.matching import title_similarity

# Two item titles this alike are the same recurring business.
SAME_ISSUE_SIMILARITY = 0.85
# Printed on every page that carries a confidential item (and on the cover that names them).
MARKING = "CONFIDENTIAL — NOT FOR PUBLICATION"


class BriefingError(Exception):
    """The briefing cannot be made as asked (an unknown item, no pack PDF for --with-reports)."""


class ConfidentialNotIncluded(BriefingError):
    """Items asked for by number are confidential, and confidential items were not asked for."""

    def __init__(self, labels: list[str]):
        self.labels = labels
        which = ", ".join(labels)
        super().__init__(f"Agenda item{'s' if len(labels) > 1 else ''} {which} "
                         f"{'are' if len(labels) > 1 else 'is'} confidential; a briefing includes "
                         "confidential items only when asked to.")


@dataclass
class ItemBriefing:
    item: dict[str, Any]
    sections: ReportSections
    notes: list[dict[str, Any]] = field(default_factory=list)
    questions: list[dict[str, Any]] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)
    lines_of_enquiry: list[LineOfEnquiry] = field(default_factory=list)
    earlier_recs: list[dict[str, Any]] = field(default_factory=list)
    report_pages: list[int] = field(default_factory=list)   # PDF page indexes in the pack

    @property
    def label(self) -> str:
        return self.item["agenda_number"] or self.item["minute_number"] or ""

    @property
    def heading(self) -> str:
        return f"{self.label}. {self.item['title']}" if self.label else self.item["title"]


@dataclass
class BriefingData:
    meeting: dict[str, Any]
    committee: dict[str, Any]
    previous: dict[str, Any] | None
    members: list[dict[str, Any]]
    members_source: str | None
    items: list[ItemBriefing]
    outstanding: list[dict[str, Any]]
    glossary: list[tuple[str, str]]
    profile: str | None
    panel: bool
    prepared_at: datetime
    pack_file: Path | None = None
    marking: str | None = None
    all_items: bool = True
    left_out: list[dict[str, Any]] = field(default_factory=list)   # confidential items not printed

    @property
    def confidential(self) -> list[ItemBriefing]:
        """The confidential items this briefing prints."""
        return [b for b in self.items if b.item["confidential"]]

    @property
    def prepared_for(self) -> str:
        return "the whole panel" if self.panel else (self.profile or "")


def _wanted(items: list[dict[str, Any]], numbers: list[str] | None) -> list[dict[str, Any]]:
    if not numbers:
        return items
    chosen: list[dict[str, Any]] = []
    for number in numbers:
        match = [i for i in items if (i["agenda_number"] or "") == number] or \
                [i for i in items if (i["minute_number"] or "") == number]
        if not match:
            known = ", ".join(i["agenda_number"] for i in items if i["agenda_number"])
            raise BriefingError(f"This meeting has no agenda item {number} (its items are {known}).")
        chosen.extend(m for m in match if m not in chosen)
    return sorted(chosen, key=items.index)


def same_issue(item: dict[str, Any], rec: dict[str, Any]) -> bool:
    """Whether a recommendation came from earlier business on the same issue as
    ``item``: the same recorded issue, or a near-identical item title."""
    if item.get("issue") and rec.get("issue") and norm_key(item["issue"]) == norm_key(rec["issue"]):
        return True
    titles = [t for t in (rec.get("item_title"), rec.get("title_of_item")) if t]
    return any(title_similarity(item["title"], t) >= SAME_ISSUE_SIMILARITY for t in titles) or bool(
        item.get("issue") and any(title_similarity(item["issue"], t) >= SAME_ISSUE_SIMILARITY for t in titles))


def item_label(item: dict[str, Any]) -> str:
    """How a briefing names an item: its agenda number, else its minute number."""
    label: str = item["agenda_number"] or item["minute_number"] or ""
    return label


def gather(store: Store, meeting_id: int, *, profile: str | None = None, panel: bool = False,
           with_reports: bool = False, items: list[str] | None = None, include_confidential: bool = False,
           markup: BriefingMarkup | None = None, now: datetime | None = None) -> BriefingData:
    """Read what the briefing of ``meeting_id`` prints.

    ``profile`` selects whose private notes, questions and highlights appear
    (besides everything shared); ``panel`` makes the whole panel's edition:
    shared markup only, never a member's private notes.  Confidential items are
    left out (and listed in ``left_out``) unless ``include_confidential``; naming
    one in ``items`` without it is refused (ConfidentialNotIncluded).
    """
    db = store.db
    agenda = queries.agenda(db, meeting_id)
    meeting = agenda["meeting"]
    chosen = _wanted(agenda["items"], items)
    left_out: list[dict[str, Any]] = []
    if not include_confidential:
        named = [item_label(i) for i in chosen if i["confidential"]]
        if items and named:
            raise ConfidentialNotIncluded(named)
        left_out = [i for i in chosen if i["confidential"]]
        chosen = [i for i in chosen if not i["confidential"]]
    pack = bq.pack_document(db, meeting_id)
    pack_file = None
    if with_reports:
        if pack is None or pack["media_type"] != "application/pdf":
            raise BriefingError("This meeting's agenda pack is not in the store as a PDF, "
                                "so there are no report pages to append; export without --with-reports.")
        pack_file = bq.document_file(store.folder.files, pack)
        if not pack_file.is_file():
            raise BriefingError(f"The pack's file is missing from the data folder ({pack_file.name}).")
    markup = markup or BriefingMarkup()
    # A member sees their own notes and questions and what others shared; the panel, shared ones only.
    notes = [n for n in bq.notes_and_questions(db, meeting_id)
             if n["shared"] or (not panel and n["profile"] == (profile or ""))]
    outstanding = bq.outstanding_at(db, meeting_id)
    reports = bq.report_texts(db, meeting_id)
    briefs = []
    for item in chosen:
        highlights, lines = markup.for_item(item["id"], profile, panel)
        brief = ItemBriefing(
            item=item, sections=report_sections(reports.get(item["id"])),
            notes=[n for n in notes if n["item_id"] == item["id"] and n["kind"] == "note"],
            questions=[n for n in notes if n["item_id"] == item["id"] and n["kind"] == "question"],
            highlights=highlights, lines_of_enquiry=lines,
            earlier_recs=[r for r in outstanding if same_issue(item, r)],
        )
        if with_reports and pack is not None:
            brief.report_pages = bq.item_page_indexes(db, pack["id"], item)
        briefs.append(brief)
    members, source = bq.members(db, meeting_id)
    glossary = bq.glossary(db, meeting_id)
    if glossary and pack is not None:
        # The terms used in the pages this briefing covers (the whole pack, or the chosen items' reports).
        indexes = None if not items else [i for b in briefs for i in bq.item_page_indexes(db, pack["id"], b.item)]
        # A public briefing's glossary is not drawn from the confidential reports it leaves out.
        skipped = [i for item in left_out for i in bq.item_page_indexes(db, pack["id"], item)]
        glossary = terms_used(glossary, bq.page_texts(db, pack["id"], indexes, skip=skipped))
    return BriefingData(
        meeting=meeting, committee=bq.committee_of(db, meeting_id), previous=bq.previous_meeting(db, meeting_id),
        members=members, members_source=source, items=briefs, outstanding=outstanding, glossary=glossary,
        profile=profile, panel=panel, prepared_at=now or datetime.now(), pack_file=pack_file,
        marking=MARKING if any(b.item["confidential"] for b in briefs) else None,
        all_items=not items, left_out=left_out,
    )


def is_past(meeting: dict[str, Any], today: date | None = None) -> bool:
    day: str = meeting["date"]
    return day < (today or date.today()).isoformat()
