"""A briefing's contents that runs over several pages: every line gets its page number and link."""
from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate

from panelbook.exports import fonts
from panelbook.exports.pdfstyle import RunningText, contents_entry, numbered_canvas, styles

ENTRIES = 150     # about three pages of contents lines


class _Bookmark(Paragraph):
    """A section heading that registers its destination, as the briefing's headings do."""

    def __init__(self, text: str, style: ParagraphStyle, key: str) -> None:
        super().__init__(text, style)
        self.key = key

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        super().draw()


def _document(entries: int) -> bytes:
    fonts.register_fonts()
    body = styles().body
    story: list[Flowable] = [Paragraph(contents_entry(f"Item {n}: a report of the Director", f"item-{n}", 1), body)
                   for n in range(entries)]
    for n in range(entries):
        story += [PageBreak(), _Bookmark(f"Item {n}", body, f"item-{n}")]
    out = io.BytesIO()
    running = RunningText(header_left="Panel", header_right="8 August 2024")
    SimpleDocTemplate(out, pagesize=A4).build(story, canvasmaker=numbered_canvas(running, 20))
    return out.getvalue()


def test_a_contents_over_several_pages_links_every_line():
    reader = PdfReader(io.BytesIO(_document(ENTRIES)))
    contents_pages = [page for page in reader.pages[:10] if "a report of the Director" in page.extract_text()]
    assert len(contents_pages) >= 2           # the case that failed: contents past one page
    links = sum(1 for page in contents_pages for annot in page.get("/Annots") or []
                if annot.get_object().get("/Subtype") == "/Link")
    assert links == ENTRIES
    assert len(reader.pages) == len(contents_pages) + ENTRIES
