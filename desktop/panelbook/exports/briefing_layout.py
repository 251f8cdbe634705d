"""The briefing's flowables: cover, contents, meeting details, one section per agenda item
(summary, the member's markup, earlier recommendations, report page slots), the outstanding
recommendations table and the glossary.  ``briefing`` lays them on its page templates.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    TableStyle,
)

from panelbook import tracker
from panelbook.exports import fonts
from panelbook.exports.briefing_data import BriefingData, ItemBriefing, item_label
from panelbook.exports.fitted_table import FittedTable
from panelbook.exports.pdfdoc import ConfidentialBegin, ConfidentialEnd, Marker, NewPage, bookmark, slot
from panelbook.exports.pdfstyle import (
    ACCENT,
    MARKING,
    RULE,
    SHADE,
    Styles,
    clock,
    contents_entry,
    long_date,
    para,
    short_date,
)
from panelbook.model import RecStatus

MARGIN = 20 * mm
TOP, BOTTOM = 24 * mm, 20 * mm



def status_words(rec: dict[str, Any]) -> str:
    """The council's own wording of a recommendation's status, else the tracker's label for it."""
    words: str = rec.get("status_text") or tracker.label(rec["status"])
    return words


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _named(items: Sequence[dict[str, Any]]) -> str:
    """"7. Title; 11. Title": items as the agenda names them."""
    return "; ".join(f"{item_label(i)}. {i['title']}" if item_label(i) else i["title"] for i in items)


def left_out_line(d: BriefingData) -> str:
    """"1 confidential item left out: 11. Title" (empty when none was)."""
    if not d.left_out:
        return ""
    return f"{_count(len(d.left_out), 'confidential item')} left out: {_named(d.left_out)}"


def _pages(pages: Sequence[int] | None) -> str:
    if not pages:
        return ""
    first, last = pages
    return f"page {first}" if first == last else f"pages {first}–{last}"


def _table(rows: Sequence[list[Any]], widths: list[float], st: Styles, *, header: bool = True, zebra: bool = True,
           split_in_row: bool = False) -> FittedTable:
    table = FittedTable(rows, colWidths=widths, repeatRows=1 if header else 0, splitByRow=1,
                        splitInRow=int(split_in_row), hAlign="LEFT")
    # (Typed loosely: the stubs allow "splitlast" in the column of a cell, not in its row.)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), fonts.REGULAR),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.8, ACCENT),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [None, SHADE]))
    table.setStyle(TableStyle(commands))
    return table


def _facts(rows: list[tuple[str, str]], st: Styles, width: float, label_width: float = 38 * mm) -> FittedTable:
    data = [[Paragraph(para(k), st.cell_bold), Paragraph(para(v), st.cell)] for k, v in rows if v]
    table = FittedTable(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), fonts.REGULAR),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
    ]))
    return table


class BriefingLayout:
    """Turns BriefingData into platypus flowables."""

    def __init__(self, data: BriefingData, st: Styles):
        self.data, self.st = data, st
        self.width = A4[0] - 2 * MARGIN
        self.wide = landscape(A4)[0] - 2 * MARGIN
        m = data.meeting
        self.title = f"{m['committee']} – {short_date(m['date'])}"

    # -- cover and contents -------------------------------------------------

    def cover(self) -> list[Flowable]:
        d, st, m = self.data, self.st, self.data.meeting
        out: list[Flowable] = [bookmark(Spacer(1, 0), "Cover", 0, "cover")]
        if d.marking:
            confidential = [b.item for b in d.confidential]
            warning = (f"This briefing includes {_count(len(confidential), 'confidential item')}: "
                       f"{_named(confidential)}. Exempt information: keep it to those entitled to it; "
                       "do not publish, forward or leave it where others can read it.")
            box = FittedTable([[Paragraph(para(d.marking), st.marking)], [Paragraph(para(warning), st.small)]],
                              colWidths=[self.width])
            box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, MARKING), ("FONT", (0, 0), (-1, -1), fonts.REGULAR),
                                     ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8)]))
            # The cover names the confidential items, so it carries the marking too.
            out += [ConfidentialBegin(), box, ConfidentialEnd(), Spacer(1, 14 * mm)]
        else:
            out.append(Spacer(1, 24 * mm))
        out += [
            Paragraph(para(m.get("council") or ""), st.cover_council),
            Spacer(1, 3 * mm),
            Paragraph(para(m["committee"]), st.cover_title),
            Paragraph("Briefing pack" + (" for the whole panel" if d.panel else ""), st.cover_council),
            Spacer(1, 10 * mm),
        ]
        when = long_date(m["date"]) + (f", {clock(m['time'])}" if m["time"] else "")
        status = {"cancelled": "Cancelled", "moved": "Moved", "held": "Held"}.get(m["status"], "")
        if d.all_items and d.left_out:
            scope = f"The {_count(len(d.items), 'public agenda item')}"
        elif d.all_items:
            scope = f"All {len(d.items)} agenda items"
        else:
            scope = "Agenda items " + ", ".join(b.label for b in d.items) + " only"
        with_reports = any(b.report_pages for b in d.items)
        rows = [
            ("Meeting", when), ("Venue", m["venue"] or "Not recorded"), ("Status", status),
            ("Prepared for", d.prepared_for), ("Prepared on", f"{long_date(d.prepared_at.date())}, "
                                                              f"{d.prepared_at:%H:%M}"),
            ("Covers", scope + ("; each item's report pages follow its briefing" if with_reports else "")),
            ("Left out", left_out_line(d) + (". This is the public briefing: it prints nothing of them."
                                             if d.left_out else "")),
        ]
        out.append(_facts(rows, st, self.width, 34 * mm))
        if d.panel:
            out += [Spacer(1, 6 * mm), Paragraph(
                "Panel edition: it carries only the markup the chair has shared with the panel (lines of "
                "enquiry, shared questions, notes and highlights), never a member’s private notes."
                + ("" if self._any_markup() else " Nothing has been shared for this meeting yet."), st.muted)]
        if m.get("sample"):
            out += [Spacer(1, 4 * mm), Paragraph(
                "Sample panel: built from the council’s published documents to show what Panelbook does.",
                st.muted)]
        out += [Spacer(1, 12 * mm), Paragraph(
            "The agenda pack is the authoritative record; this briefing quotes it and adds your own "
            "preparation. Printed page numbers (“page 7”) are those of the agenda pack.", st.small)]
        return out

    def contents(self) -> list[Flowable]:
        """The contents page: every bookmark but the cover and itself; page
        numbers and dot leaders are drawn when the document is finished."""
        d, st = self.data, self.st
        entries = [(0, "Meeting details", "details"), (0, "Agenda items", "items")]
        for b in d.items:
            entries.append((1, b.heading + (" (confidential)" if b.item["confidential"] else ""),
                            f"item-{b.item['id']}"))
            if b.report_pages:
                entries.append((2, self.report_title(b), f"report-{b.item['id']}"))
        entries += [(0, "Outstanding recommendations", "recommendations"), (0, "Glossary", "glossary")]
        level_styles = (st.toc1, st.toc2, st.toc3)
        out: list[Flowable] = [bookmark(Paragraph("Contents", st.h1), "Contents", 0, "contents")] + [
            Paragraph(contents_entry(title, key, level), level_styles[level]) for level, title, key in entries]
        if d.left_out:
            out += [Spacer(1, 4 * mm), Paragraph(para(left_out_line(d) + "."), st.muted)]
        return out

    # -- meeting details ----------------------------------------------------

    def details(self) -> list[Flowable]:
        d, st, m, c = self.data, self.st, self.data.meeting, self.data.committee
        contact = m.get("contact") or {}
        officer = ", ".join(x for x in (contact.get("name"), contact.get("role"), contact.get("phone"),
                                        contact.get("email")) if x)
        rows = [
            ("Committee", m["committee"]), ("Council", m.get("council") or ""),
            ("Date and time", long_date(m["date"]) + (f", {clock(m['time'])}" if m["time"] else "")),
            ("Venue", m["venue"] or ""),
            ("Quorum", f"{c['quorum']} members" if c.get("quorum") else ""),
            ("Contact officer", officer),
            ("Previous meeting", long_date(d.previous["date"]) if d.previous else "None in Panelbook"),
        ]
        out: list[Flowable] = [bookmark(Paragraph("Meeting details", st.h1), "Meeting details", 0, "details"),
                     _facts(rows, st, self.width)]
        out.append(Paragraph("Members", st.h2))
        if d.members:
            if d.members_source == "attendance":
                out.append(Paragraph("As recorded in the attendance for this meeting.", st.muted))
            elif d.members_source:
                out.append(Paragraph(
                    f"The panel’s membership list is not in Panelbook; these are the members recorded at "
                    f"the meeting of {short_date(d.members_source)}.", st.muted))
            member_rows = [[Paragraph("Member", st.head_cell), Paragraph("Role", st.head_cell)]] + [
                [Paragraph(para(x["name"]), st.cell), Paragraph(para(x.get("role") or ""), st.cell)]
                for x in d.members]
            out.append(_table(member_rows, [80 * mm, 60 * mm], st))
        else:
            out.append(Paragraph("Panelbook has no membership list for this panel.", st.muted))
        out += [Paragraph("Agenda", st.h2), self._agenda_table()]
        if c.get("terms_of_reference"):
            out += [Paragraph("Role and terms of reference", st.h2),
                    Paragraph(para(c["terms_of_reference"]), st.small)]
        return out

    def _agenda_table(self) -> FittedTable:
        st = self.st
        personal = not self.data.panel
        head = ["No.", "Item", "Pack pages"] + (["Your notes"] if personal else [])
        rows = [[Paragraph(h, st.head_cell) for h in head]]
        for b in self.data.items:
            title = b.item["title"] + (" (confidential)" if b.item["confidential"] else "")
            row = [Paragraph(para(b.label), st.cell), Paragraph(para(title), st.cell),
                   Paragraph(para(_pages(b.item["pages"])), st.cell)]
            if personal:
                count = len(b.notes) + len(b.questions)
                row.append(Paragraph(f"{count}" if count else "–", st.cell))
            rows.append(row)
        widths = [12 * mm, 108 * mm, 28 * mm] + ([22 * mm] if personal else [])
        if not personal:
            widths[1] += 22 * mm
        return _table(rows, widths, st)

    # -- agenda items -------------------------------------------------------

    def item(self, b: ItemBriefing) -> list[Flowable]:
        st, item = self.st, b.item
        out: list[Flowable] = []
        parts = []
        if item["agenda_number"]:
            parts.append(f"AGENDA ITEM {item['agenda_number']}")
        if item["minute_number"]:
            parts.append(f"MINUTE {item['minute_number']}")
        label = "  ·  ".join(parts) or "AGENDA ITEM"
        out.append(Paragraph(para(label), st.small))
        out.append(bookmark(Paragraph(para(item["title"]), st.h1), b.heading, 1, f"item-{item['id']}"))
        facts = [("Pack pages", _pages(item["pages"]).capitalize()),
                 ("Issue", item.get("issue") or ""),
                 ("Confidential", "Yes – exempt information; do not share" if item["confidential"] else "")]
        if any(v for _, v in facts):
            out.append(_facts(facts, st, self.width, 30 * mm))
            out.append(Spacer(1, 3 * mm))
        if item["description"]:
            out.append(Paragraph(para(item["description"]), st.body))
        if b.sections.summary:
            out.append(Paragraph("Summary of the report", st.h2))
            out += [Paragraph(para(p), st.body) for p in b.sections.summary.split("\n")]
        if b.sections.recommendations:
            out.append(Paragraph("The report recommends", st.h2))
            out += [Paragraph(para(text), st.bullet, bulletText=label or "•")
                    for label, text in b.sections.recommendations]
        elif item.get("pages") and b.sections.summary:
            out.append(Paragraph("The report has no recommendations section that Panelbook could find.",
                                 st.muted))
        if item.get("resolutions"):
            out.append(Paragraph("Resolved at the meeting", st.h2))
            out += [Paragraph(para(r["text"]), st.bullet, bulletText=r["number"] or "•")
                    for r in item["resolutions"]]
        out += self._markup(b)
        out += self._earlier(b)
        return out

    def _any_markup(self) -> bool:
        return any(b.notes or b.questions or b.highlights or b.lines_of_enquiry for b in self.data.items)

    def _by(self, profile: str, lead: str | None = None) -> str:
        """" — led by X", "(shared by Y)": who a shared line belongs to, in muted type."""
        parts = []
        if lead:
            parts.append(f"led by {para(lead)}")
        if profile and profile != self.data.profile:
            parts.append(f"shared by {para(profile)}")
        return f" <font color='#5b6673'>— {'; '.join(parts)}</font>" if parts else ""

    def _markup(self, b: ItemBriefing) -> list[Flowable]:
        st = self.st
        out: list[Flowable] = []
        mine = "" if self.data.panel else "Your "
        if b.lines_of_enquiry:
            out.append(Paragraph("Lines of enquiry", st.h2))
            for line in b.lines_of_enquiry:
                out.append(Paragraph(para(line.text) + self._by(line.profile, line.lead), st.bullet, bulletText="•"))
        if b.questions:
            out.append(Paragraph(f"{mine}questions".capitalize(), st.h2))
            for q in b.questions:
                box = "\u2610" if q.get("state", "open") == "open" else "\u2611"
                out.append(Paragraph(para(q["text"]) + self._by(q["profile"], q.get("lead")), st.bullet,
                                     bulletText=box))
                if q.get("answer"):
                    out.append(Paragraph("<i>Answer:</i> " + para(q["answer"]), st.answer))
        if b.notes:
            out.append(Paragraph(f"{mine}notes".capitalize(), st.h2))
            out += [Paragraph(para(n["text"]) + self._by(n["profile"]), st.bullet, bulletText="•") for n in b.notes]
        if b.highlights:
            out.append(Paragraph("Highlighted passages", st.h2))
            for h in b.highlights:
                where = f" <font color='#5b6673'>(page {h.page})</font>" if h.page else ""
                out.append(Paragraph(f"“{para(h.quote)}”{where}{self._by(h.profile)}", st.quote))
                if h.comment:
                    out.append(Paragraph(para(h.comment), st.answer))
        if not self.data.panel and not (b.questions or b.notes or b.highlights) and b.item.get("pages"):
            out += [Paragraph("Your notes", st.h2),
                    Paragraph("You have no notes or questions on this item.", st.muted)]
        return out

    def _earlier(self, b: ItemBriefing) -> list[Flowable]:
        if not b.earlier_recs:
            return []
        st = self.st
        rows = [[Paragraph(h, st.head_cell) for h in ("Meeting", "Recommendation", "Status", "Deadline")]]
        for r in b.earlier_recs:
            rows.append([Paragraph(para(short_date(r["meeting_date"])), st.cell), Paragraph(para(r["text"]), st.cell),
                         Paragraph(para(status_words(r)), st.cell),
                         Paragraph(para(short_date(r["deadline"]) if r["deadline"] else "–"), st.cell)])
        return [KeepTogether([Paragraph("Open recommendations from earlier meetings on this issue", st.h2),
                              Paragraph("Still on the monitoring list; the full table is at the end of this "
                                        "briefing.", st.muted)]),
                _table(rows, [24 * mm, 90 * mm, 34 * mm, 22 * mm], st)]

    @staticmethod
    def report_title(b: ItemBriefing) -> str:
        return f"Report – pack {_pages(b.item['pages'])}" if b.item["pages"] else "Report"

    def report_slots(self, b: ItemBriefing, after: str = "body") -> list[Flowable]:
        """Reserved pages for the item's own report pages, bookmarked under the item; the page
        after them takes the template ``after`` (the template must be named before the last break)."""
        out: list[Flowable] = [NextPageTemplate("slot"), PageBreak()]
        for n, index in enumerate(b.report_pages):
            marker = slot(index)
            if n == 0:
                bookmark(marker, self.report_title(b), 2, f"report-{b.item['id']}")
            out.append(marker)
            if n == len(b.report_pages) - 1:
                out.append(NextPageTemplate(after))
            out.append(PageBreak())
        return out

    # -- recommendations and glossary ---------------------------------------

    def outstanding(self) -> list[Flowable]:
        d, st = self.data, self.st
        heading = bookmark(Paragraph("Outstanding recommendations", st.h1), "Outstanding recommendations", 0,
                           "recommendations")
        if not d.outstanding:
            return [heading, Paragraph("No recommendations from earlier meetings are on the monitoring list.",
                                       st.body)]
        intro = Paragraph(
            f"Recommendations from the Panel’s earlier meetings still on the monitoring list at this meeting "
            f"({len(d.outstanding)}): accepted into the tracker and not yet closed. Status is as recorded "
            f"in Panelbook on {short_date(d.prepared_at.date())}; deadlines that passed before the meeting "
            f"are marked overdue.", st.small)
        head = ["Meeting", "Item", "Recommendation", "Action taken", "Status", "Deadline"]
        rows = [[Paragraph(h, st.head_cell) for h in head]]
        for r in d.outstanding:
            overdue = (r["deadline"] and r["deadline"] < d.meeting["date"]
                       and RecStatus(r["status"]) in tracker.AWAITING_ACTION)
            deadline = short_date(r["deadline"]) if r["deadline"] else "–"
            rows.append([
                Paragraph(para(short_date(r["meeting_date"])), st.cell),
                Paragraph(para(r["item_title"] or ""), st.cell),
                Paragraph(para(r["text"]), st.cell),
                Paragraph(para(r["response"] or "No response recorded."), st.cell),
                Paragraph(para(status_words(r)), st.cell),
                Paragraph(para(deadline) + (" <font color='#9b1c1c'><b>overdue</b></font>" if overdue else ""),
                          st.cell),
            ])
        widths = [22 * mm, 34 * mm, 70 * mm, 76 * mm, 35 * mm]
        widths.append(self.wide - sum(widths))
        return [heading, intro, Spacer(1, 2 * mm), _table(rows, widths, st, split_in_row=True)]

    def glossary(self) -> list[Flowable]:
        d, st = self.data, self.st
        out: list[Flowable] = [bookmark(Paragraph("Glossary", st.h1), "Glossary", 0, "glossary")]
        if not d.glossary:
            return [*out, Paragraph("The pack has no glossary of the terms it uses.", st.body)]
        out.append(Paragraph(
            "Terms and acronyms from the pack’s own glossary that appear in the pages this briefing covers.",
            st.small))
        out.append(Spacer(1, 2 * mm))
        # Dictionary style: each term in bold, its meaning running on; long
        # meanings flow across pages without leaving gaps.
        out += [Paragraph(f"<b>{para(term)}</b>\u2002{para(meaning)}", st.glossary) for term, meaning in d.glossary]
        return out

    # -- the whole story ----------------------------------------------------

    def story(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = [*self.cover(), NextPageTemplate("body"), PageBreak(), *self.contents(), PageBreak(),
                       *self.details()]
        story.append(NewPage())
        story.append(bookmark(Marker(), "Agenda items", 0, "items"))
        for b in d.items:
            # Items with a report start a page of their own; short procedural items share one.
            if b.item.get("pages") or b.report_pages:
                story.append(NewPage())
            else:
                story.append(Spacer(1, 6 * mm))
            confidential = bool(b.item["confidential"])
            if confidential:
                story.append(ConfidentialBegin())
            story += self.item(b)
            if b.report_pages:
                # The outstanding table is landscape: after the last report, its page is named here.
                last = b is d.items[-1] and bool(d.outstanding)
                story += self.report_slots(b, "landscape" if last else "body")
            if confidential:
                story.append(ConfidentialEnd())
        if d.outstanding:
            story += [NextPageTemplate("landscape"), NewPage(), *self.outstanding(),
                      NextPageTemplate("body"), PageBreak()]
        else:
            story += [NewPage(), *self.outstanding(), Spacer(1, 10 * mm)]
        story += self.glossary()
        return story


