"""Exporting a briefing pack with every report of a 300-page agenda pack, beside its floor.

The pack: the sample panel's 8 August 2024 pack rebuilt from its text, with its
reports repeated as further agenda items (12, 13, ...) until it has 300 printed
pages, imported through the ordinary pack reader into a fresh store (not timed).

The figure, ``briefing_export_s``: ``export_briefing(..., with_reports=True)``
for that meeting, all items: reading the store, laying the briefing out with
reportlab (contents, page numbers, outline), copying the pack's report pages in
with pypdf and writing the file.

The floor, ``briefing_floor_s``: reportlab and pypdf alone doing the same pages:
one platypus pass setting the same text as the briefing's own pages, one page
each, then pypdf putting the same pack pages in the same places and writing.

Target (issue 7): within 2x the floor and under 5 s.  Medians of ``--runs``.

    python benchmarks/briefing.py [--json] [--pages N] [--scale S] [--runs N]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))     # tools/, the developer tools

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from panelbook.exports import fonts
from panelbook.exports.briefing import BriefingResult, export_briefing
from panelbook.exports.pdfstyle import para
from panelbook.paths import DataFolder, sample_dir
from panelbook.services.imports import import_file
from panelbook.services.sample import PACK_TEXT
from panelbook.store import Store, queries
from tools.rebuild_pack import ReportText, pack_pdf, pack_reports

TARGET_RATIO = 2.0
TARGET_S = 5.0
MARGIN = 15 * mm
_FRONT_END = re.compile(r"\n\s*\n(?=\s*\w+day, \d{1,2} \w+ \d{4} )")
_PAGE_STAMP = re.compile(r"^\s*Page \d+\s*$", re.MULTILINE)
# Titles of the repeated reports: unlike each other and the sample's, so the
# store keeps them as separate items (it merges near-identical titles).
_TITLES = [
    "Adoption Services Annual Report", "Youth Justice Plan", "School Admissions Arrangements",
    "Foster Carer Recruitment", "Care Leavers Local Offer", "Family Hubs Programme", "Child Poverty Strategy",
    "Home to School Transport", "Holiday Activities and Food", "Young Carers Support", "Elective Home Education",
    "Virtual School Annual Report", "Corporate Parenting Update", "Exclusions and Suspensions",
    "Speech and Language Therapy", "Workforce Stability",
]


def big_pack(path: Path, pages: int) -> Path:
    """The sample pack with its reports repeated as further agenda items up to ``pages`` printed pages."""
    text = (sample_dir() / PACK_TEXT).read_text(encoding="utf-8")
    front, reports = pack_reports(text)
    agenda_lines: list[str] = []
    extra: list[ReportText] = []
    last, number = reports[-1].last, int(reports[-1].number)
    while last < pages:
        for report in reports[1:]:          # the minutes (item 6) are not repeated
            if last >= pages:
                break
            size = min(report.last - report.first + 1, pages - last)   # the last one ends at ``pages``
            number += 1
            first, last = last + 1, last + size
            body = _PAGE_STAMP.sub("", report.text)
            title = _TITLES[len(extra) % len(_TITLES)].upper()
            extra.append(ReportText(str(number), first, last, body))
            agenda_lines.append(f"{number}   {title} (Pages {first} - {last}) \n\n"
                                f" Report repeated to make a {pages}-page pack for the benchmark. \n\n")
    match = _FRONT_END.search(front)
    cut = match.start() if match else len(front)
    front = front[:cut] + "\n\n" + "".join(agenda_lines) + front[cut:]
    return pack_pdf(front, reports + extra, path)


def _floor(briefing: Path, pack: Path, slots: list[tuple[int, int]], out: Path) -> float:
    """reportlab setting the briefing's own page texts, one page each, then pypdf merging and writing."""
    texts = [page.extract_text() for page in PdfReader(str(briefing)).pages]
    slot_pages = dict(slots)
    style = ParagraphStyle("floor", fontName=fonts.REGULAR, fontSize=8, leading=10)
    started = time.perf_counter()
    story: list[Flowable] = []
    for index, text in enumerate(texts):
        if index in slot_pages:
            story.append(Spacer(1, 1))
        else:
            story += [Paragraph(para(line[:100]), style) for line in text.splitlines()[:60]]
        story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                      bottomMargin=MARGIN, initialFontName=fonts.REGULAR).build(story)
    laid = PdfReader(buffer)
    if len(laid.pages) != len(texts):
        raise RuntimeError(f"The floor laid out {len(laid.pages)} pages for the briefing's {len(texts)}.")
    source = PdfReader(str(pack))
    writer = PdfWriter()
    for index in range(len(texts)):
        writer.add_page(source.pages[slot_pages[index]] if index in slot_pages else laid.pages[index])
    with out.open("wb") as handle:
        writer.write(handle)
    return time.perf_counter() - started


def measure(pages: int = 300, runs: int = 3) -> dict[str, Any]:
    fonts.register_fonts()
    with tempfile.TemporaryDirectory(prefix="panelbook-briefing-bench-") as tmp:
        root = Path(tmp)
        pack = big_pack(root / "pack.pdf", pages)
        store = Store.open(DataFolder(root / "data"))
        try:
            report = import_file(store, pack)
            meeting_id = report.meeting_id
            if meeting_id is None:
                raise RuntimeError("The benchmark's pack did not import as a meeting.")
            items = queries.agenda(store.db, meeting_id)["items"]
            pack_pages = len(PdfReader(str(pack)).pages)
            export_times: list[float] = []
            floor_times: list[float] = []
            result: BriefingResult | None = None
            for run in range(runs + 1):               # the first run warms caches and is not counted
                out = root / f"briefing-{run}.pdf"
                started = time.perf_counter()
                result = export_briefing(store, meeting_id, out, profile="Me", with_reports=True,
                                         now=datetime(2024, 8, 5, 9, 0))
                seconds = time.perf_counter() - started
                floor = _floor(out, pack, _slot_map(result, store, meeting_id), root / f"floor-{run}.pdf")
                if run:
                    export_times.append(seconds)
                    floor_times.append(floor)
        finally:
            store.close()
    export_s, floor_s = statistics.median(export_times), statistics.median(floor_times)
    assert result is not None           # runs + 1 exports were made
    report_pages = sum(len(v) for v in result.report_pages.values())
    return {
        "briefing_export_s": round(export_s, 3),
        "briefing_floor_s": round(floor_s, 3),
        "ratio": round(export_s / floor_s, 2),
        "within_target": export_s <= TARGET_RATIO * floor_s and export_s < TARGET_S,
        "target": f"within {TARGET_RATIO:g}x the floor and under {TARGET_S:g} s",
        "pack_pages": pack_pages,
        "items": len(items),
        "report_pages": report_pages,
        "briefing_pages": result.pages,
        "runs": runs,
    }


def _slot_map(result: BriefingResult, store: Store, meeting_id: int) -> list[tuple[int, int]]:
    """(briefing page, pack page) of every report page, from the export's own record."""
    from panelbook.store import briefing_queries as bq

    pack = bq.pack_document(store.db, meeting_id)
    items = {i["id"]: i for i in queries.agenda(store.db, meeting_id)["items"]}
    if pack is None:
        raise RuntimeError("The benchmark's pack is not in the store.")
    pairs: list[tuple[int, int]] = []
    for item_id, pages in result.report_pages.items():
        pairs += zip(pages, bq.item_page_indexes(store.db, pack["id"], items[item_id]), strict=False)
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--pages", type=int, default=300, help="printed pages of the pack (default 300)")
    parser.add_argument("--scale", type=float, default=1.0, help="scale the pack's pages (at least the sample's 110)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    pages = max(110, round(args.pages * args.scale))
    figures = measure(pages, max(1, args.runs))
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
