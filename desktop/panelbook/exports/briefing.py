"""The member's briefing pack: a PDF a councillor reads on paper or a tablet.

Cover, contents, meeting details, one section per agenda item (the report's
summary and recommendations, the member's notes and questions, highlighted
passages, the chair's lines of enquiry, open recommendations from earlier
meetings on the same issue), the outstanding recommendations table and the
glossary of terms the pack uses; optionally each item's report pages after
its section.  reportlab lays it out, ``assemble`` finishes it with pypdf.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
)

from panelbook import __version__
from panelbook.exports import fonts
from panelbook.exports.assemble import assemble
from panelbook.exports.briefing_data import BriefingData, gather
from panelbook.exports.briefing_layout import BOTTOM, MARGIN, TOP, BriefingLayout, status_words
from panelbook.exports.markup import BriefingMarkup
from panelbook.exports.pdfdoc import RecordingDoc
from panelbook.exports.pdfstyle import (
    NumberedCanvas,
    RunningText,
    draw_header,
    long_date,
    numbered_canvas,
    short_date,
    styles,
)
from panelbook.store import Store

# status_words is the briefing's wording of a status, which the monitoring report shares.
__all__ = ["BriefingResult", "export_briefing", "render_briefing", "status_words"]


@dataclass
class BriefingResult:
    path: Path
    pages: int
    outline: list[tuple[str, int, int, str]]
    report_pages: dict[int, list[int]]   # item id -> page indexes (0-based) in the briefing
    marked_pages: list[int] = field(default_factory=list)        # pages marked confidential (0-based)
    left_out: list[dict[str, Any]] = field(default_factory=list)  # confidential items not printed
    confidential: list[dict[str, Any]] = field(default_factory=list)  # confidential items printed


def _templates(running: RunningText) -> list[PageTemplate]:
    pw, ph = A4
    lw, lh = landscape(A4)

    def body(canvas: Canvas, doc: BaseDocTemplate) -> None:
        numbered = cast(NumberedCanvas, canvas)       # the document's canvasmaker
        size = numbered._pagesize
        draw_header(numbered, running, size[0], size[1], MARGIN)
        numbered.footer = True

    def frame(width: float, height: float, name: str) -> Frame:
        return Frame(MARGIN, BOTTOM, width - 2 * MARGIN, height - TOP - BOTTOM, id=name,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    return [
        PageTemplate("cover", [frame(pw, ph, "cover")], pagesize=A4),
        PageTemplate("body", [frame(pw, ph, "body")], onPage=body, pagesize=A4),
        PageTemplate("landscape", [frame(lw, lh, "landscape")], onPage=body, pagesize=landscape(A4)),
        PageTemplate("slot", [frame(pw, ph, "slot")], pagesize=A4),
    ]


def render_briefing(data: BriefingData, out_path: Path | str) -> BriefingResult:
    """Lay out ``data`` and write the finished PDF."""
    st = styles()
    builder = BriefingLayout(data, st)
    m = data.meeting
    who = "Panel briefing" if data.panel else f"Briefing for {data.profile}" if data.profile else "Briefing"
    running = RunningText(
        header_left=builder.title, header_right=who, marking=data.marking,
        footer_left=f"Prepared {short_date(data.prepared_at.date())} with Panelbook",
    )
    buffer = io.BytesIO()
    doc = RecordingDoc(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP,
                       bottomMargin=BOTTOM, title=f"Briefing – {builder.title}", author=who,
                       initialFontName=fonts.REGULAR,
                       creator=f"Panelbook {__version__}")
    doc.addPageTemplates(_templates(running))
    doc.build(builder.story(), canvasmaker=numbered_canvas(running, MARGIN))
    subject = (f"Briefing pack for the {m['committee']} meeting of {long_date(m['date'])}"
               + (f", prepared for {data.prepared_for}" if data.prepared_for else ""))
    author = data.prepared_for if not data.panel else (m.get("council") or "Panelbook")
    pages = assemble(buffer.getvalue(), Path(out_path), outline=doc.outline, slots=doc.slots,
                     pack_file=data.pack_file, metadata={
                         "Title": f"Briefing – {builder.title}", "Author": author or "Panelbook",
                         "Subject": subject, "Creator": f"Panelbook {__version__}",
                         "Keywords": "scrutiny, briefing, agenda" + (", CONFIDENTIAL" if data.marking else ""),
                     }, marking=data.marking, marked_pages=doc.marked_pages)
    report_pages: dict[int, list[int]] = {}
    by_index = {b.item["id"]: b for b in data.items}
    pos = 0
    pages_by_item = {}
    for item_id, b in by_index.items():
        if b.report_pages:
            pages_by_item[item_id] = b.report_pages
    slot_pages = [page for page, _ in doc.slots]
    for item_id, indexes in pages_by_item.items():
        report_pages[item_id] = slot_pages[pos: pos + len(indexes)]
        pos += len(indexes)
    return BriefingResult(Path(out_path), pages, list(doc.outline), report_pages,
                          marked_pages=sorted(doc.marked_pages), left_out=list(data.left_out),
                          confidential=[b.item for b in data.confidential])


def export_briefing(store: Store, meeting_id: int, out_path: Path | str, *, profile: str | None = None,
                    panel: bool = False, with_reports: bool = False, items: list[str] | None = None,
                    include_confidential: bool = False, markup: BriefingMarkup | None = None,
                    now: datetime | None = None) -> BriefingResult:
    """Export the briefing pack of ``meeting_id`` to ``out_path``: the public briefing,
    confidential items left out, unless ``include_confidential``."""
    data = gather(store, meeting_id, profile=profile, panel=panel, with_reports=with_reports, items=items,
                  include_confidential=include_confidential, markup=markup, now=now)
    return render_briefing(data, out_path)
