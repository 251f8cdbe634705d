"""Tables fit the frame they land in and split across pages: a table made for a landscape
page, landing on a portrait one, narrows its columns instead of running off the edge; and the
briefing's outstanding recommendations stay on a landscape page when the last item's report
pages come before them."""
from __future__ import annotations

from datetime import datetime

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from panelbook.exports.briefing import export_briefing
from panelbook.exports.fitted_table import FittedTable
from panelbook.exports.pdfstyle import styles
from panelbook.paths import data_folder
from panelbook.services.sample import load_sample
from panelbook.store import Store, queries

MARGIN = 15 * mm
ACTION = "The service will make the necessary arrangements for the report to come back in November"


def text_starts(page) -> list[tuple[float, str]]:
    """(x, text) of every run of text drawn on ``page``."""
    runs: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            runs.append((tm[4] * cm[0] + cm[4], text))

    page.extract_text(visitor_text=visit)
    return runs


def test_a_landscape_table_on_a_portrait_page_fits_and_splits(tmp_path):
    st = styles(10)
    wide = landscape(A4)[0] - 2 * MARGIN
    widths = [22 * mm, 34 * mm, 70 * mm, 76 * mm, 35 * mm]
    widths.append(wide - sum(widths))
    head = ["Meeting", "Item", "Recommendation", "Action taken", "Status", "Deadline"]
    rows = [[Paragraph(h, st.head_cell) for h in head]]
    for n in range(40):
        rows.append([Paragraph(p, st.cell) for p in (
            "18 July 2024", "Local Area SEND Inspection", f"Recommendation {n} about the inspection",
            ACTION, "Not complete", f"DEADLINE{n}")])
    path = tmp_path / "table.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN)
    doc.build([FittedTable(rows, colWidths=widths, repeatRows=1, splitByRow=1)])
    reader = PdfReader(str(path))
    assert len(reader.pages) > 1                                   # split across pages
    right = float(reader.pages[0].mediabox.width) - MARGIN
    text = ""
    for page in reader.pages:
        runs = text_starts(page)
        assert runs and max(x for x, _ in runs) < right, "text starts beyond the frame"
        assert "Deadline" in page.extract_text()                 # the header repeats on each page
        text += page.extract_text()
    flat, joined = " ".join(text.split()), "".join(text.split())
    for n in (0, 1, 39):                  # the first rows keep their status and deadline
        assert f"DEADLINE{n}" in joined
    assert flat.count("Not complete") == 40
    assert flat.count(ACTION) == 40                                # "Action taken" in whole words


def test_outstanding_recommendations_stay_landscape_after_the_reports(tmp_path):
    store = Store.open(data_folder(tmp_path / "data"))
    try:
        load_sample(store)
        meeting_id = queries.resolve_meeting(store.db, "2024-08-08")
        path = tmp_path / "with-reports.pdf"
        export_briefing(store, meeting_id, path, profile="Cllr Webb", with_reports=True,
                        now=datetime(2024, 8, 5, 9, 30))
    finally:
        store.close()
    reader = PdfReader(str(path))
    pages = [i for i, p in enumerate(reader.pages)
             if "Outstanding recommendations" in (t := p.extract_text()) and "Action taken" in t]
    assert pages, "no page of outstanding recommendations"
    while "Action taken" in reader.pages[pages[-1] + 1].extract_text():     # the header repeats on each
        pages.append(pages[-1] + 1)
    for index in pages:
        page = reader.pages[index]
        assert page.mediabox.width > page.mediabox.height            # landscape, as it was drawn for
        assert max(x for x, _ in text_starts(page)) < float(page.mediabox.width) - MARGIN
    table = " ".join(" ".join(reader.pages[i].extract_text() for i in pages).split())
    assert "Not complete – deadline November 2024." in table and "30 November 2024" in table
