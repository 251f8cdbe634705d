"""The "Scrutiny Monitoring – <date>" appendix, in the clerk's own layout.

Landscape A4; one table Date | Title | Action proposed | Action taken |
Progress Status; rows grouped by the meeting that made the recommendation and
the item's title, numbered "1)", "2)" within the group, date and title printed
on the group's first row only (as the seed pack's appendix does); the table
splits across pages with its header repeated, long cells split inside.
It lists what is still on the list at the meeting: recommendations of the
committee's earlier meetings accepted into the tracker and not closed.
"""
from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, TableStyle

from panelbook import __version__
from panelbook.exports import fonts
from panelbook.exports.assemble import assemble
from panelbook.exports.briefing import status_words
from panelbook.exports.fitted_table import FittedTable
from panelbook.exports.pdfdoc import RecordingDoc, bookmark
from panelbook.exports.pdfstyle import (
    ACCENT,
    INK,
    RULE,
    NumberedCanvas,
    RunningText,
    Styles,
    draw_header,
    numbered_canvas,
    para,
    short_date,
    styles,
)
from panelbook.store import Store, briefing_queries as bq, queries

MARGIN = 20 * mm
TOP, BOTTOM = 24 * mm, 20 * mm
HEAD = ["Date", "Title", "Action proposed", "Action taken", "Progress Status"]
WIDTHS = [20 * mm, 36 * mm, 82 * mm, 84 * mm, 35 * mm]


def monitoring_title(meeting: Mapping[str, Any]) -> str:
    return f"Scrutiny Monitoring – {short_date(meeting['date'])}"


def grouped(rows: list[dict[str, Any]]) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(meeting date, item title, recommendations) groups in meeting-date order,
    items in the order they first appear."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row["meeting_date"], row["item_title"] or ""), []).append(row)
    return [(d, t, recs) for (d, t), recs in sorted(groups.items(), key=lambda kv: kv[0][0])]


def _table(groups: list[tuple[str, str, list[dict[str, Any]]]], st: Styles) -> FittedTable:
    data: list[list[Paragraph | str]] = [[Paragraph(h, st.head_cell) for h in HEAD]]
    # (Typed loosely: the stubs allow "splitlast" in the column of a cell, not in its row.)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), fonts.REGULAR),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("BOX", (0, 0), (-1, -1), 0.6, INK),
        # Every column ruled; rows ruled within the last three columns, and at each group's start.
        ("LINEAFTER", (0, 0), (-2, -1), 0.4, RULE),
        ("LINEAFTER", (0, 0), (-2, 0), 0.4, ACCENT),
        # A table cut by a page break is closed at the cut.
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.6, INK),
    ]
    for when, title, recs in groups:
        first = len(data)
        for number, rec in enumerate(recs, start=1):
            day = date.fromisoformat(when).strftime("%d/%m/%y") if when else ""
            data.append([
                Paragraph(para(day), st.cell_bold) if number == 1 else "",
                Paragraph(para(title), st.cell_bold) if number == 1 else "",
                Paragraph(f"{number}) " + para(rec["text"]), st.cell),
                Paragraph(para(rec["response"] or ""), st.cell),
                Paragraph(para(status_words(rec)), st.cell),
            ])
            if number > 1:
                commands.append(("LINEABOVE", (2, len(data) - 1), (-1, len(data) - 1), 0.4, RULE))
        commands.append(("LINEABOVE", (0, first), (-1, first), 0.8, INK))
    table = FittedTable(data, colWidths=WIDTHS, repeatRows=1, splitByRow=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def export_monitoring(store: Store, meeting_id: int, out_path: Path | str, *, now: datetime | None = None) -> int:
    """Write the monitoring appendix for ``meeting_id``; return its page count."""
    now = now or datetime.now()
    meeting = queries.meeting(store.db, meeting_id)
    rows = bq.outstanding_at(store.db, meeting_id)
    st = styles(10.5)
    title = monitoring_title(meeting)
    running = RunningText(header_left=f"{meeting['committee']} – {title}",
                          header_right=meeting.get("council") or "",
                          footer_left=f"Prepared {short_date(now.date())} with Panelbook")
    page = landscape(A4)

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        numbered = cast(NumberedCanvas, canvas)       # the document's canvasmaker
        draw_header(numbered, running, page[0], page[1], MARGIN)
        numbered.footer = True

    buffer = io.BytesIO()
    doc = RecordingDoc(buffer, pagesize=page, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP,
                       bottomMargin=BOTTOM, title=title, initialFontName=fonts.REGULAR)
    doc.addPageTemplates([PageTemplate("monitoring", [Frame(
        MARGIN, BOTTOM, page[0] - 2 * MARGIN, page[1] - TOP - BOTTOM, id="monitoring",
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)], onPage=decorate, pagesize=page)])
    story: list[Flowable] = [
        Paragraph(para(meeting["committee"]), st.cover_council),
        bookmark(Paragraph(para(title), st.h1), title, 0, "monitoring"),
    ]
    if rows:
        story.append(_table(grouped(rows), st))
    else:
        story.append(Paragraph("No recommendations from earlier meetings are on the list at this meeting.", st.body))
    story += [Spacer(1, 4 * mm), Paragraph(
        "Items marked complete and accepted by the Panel leave the list; outstanding items, and items the Panel "
        "does not accept as complete, stay on it and are reported to the next meeting.", st.small)]
    doc.build(story, canvasmaker=numbered_canvas(running, MARGIN))
    return assemble(buffer.getvalue(), Path(out_path), outline=doc.outline, metadata={
        "Title": f"{title} – {meeting['committee']}", "Author": meeting.get("council") or "Panelbook",
        "Subject": f"Monitoring of scrutiny recommendations for the {meeting['committee']} meeting of "
                   f"{short_date(meeting['date'])}",
        "Creator": f"Panelbook {__version__}",
    })
