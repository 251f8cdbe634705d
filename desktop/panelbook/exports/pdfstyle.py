"""The look shared by Panelbook's PDFs: paragraph styles, safe text, the running
header and the "Page X of Y" footer.

All text that reaches a reportlab ``Paragraph`` goes through ``para`` first:
document and user text is data, never markup, so ``<b>`` in a note prints as
``<b>``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from panelbook.exports import fonts

if TYPE_CHECKING:
    from reportlab.pdfbase.pdfdoc import Destination

INK = colors.HexColor("#1d2733")
MUTED = colors.HexColor("#5b6673")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#b8c2cc")
SHADE = colors.HexColor("#e9eef3")
MARKING = colors.HexColor("#9b1c1c")


def para(text: str | None) -> str:
    """Plain text made safe for Paragraph markup: ``& < >`` escaped, line breaks kept,
    symbols the base font lacks set in the symbol font, characters no font has replaced."""
    if not text:
        return ""
    safe = fonts.markup(text)
    return safe.replace("\r\n", "\n").replace("\n", "<br/>")


def long_date(value: date | str | None) -> str:
    """"Thursday 8 August 2024"."""
    if value is None:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(value: date | str | None) -> str:
    """"8 August 2024"."""
    if value is None:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {day:%B %Y}"


def clock(value: str | None) -> str:
    """"17:30" as councils print it: "5.30 pm"."""
    if not value:
        return ""
    hours, minutes = (int(part) for part in value.split(":")[:2])
    suffix = "am" if hours < 12 else "pm"
    hours = hours % 12 or 12
    return f"{hours}.{minutes:02d} {suffix}" if minutes else f"{hours} {suffix}"


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    head_cell: ParagraphStyle
    quote: ParagraphStyle
    bullet: ParagraphStyle
    cover_council: ParagraphStyle
    cover_title: ParagraphStyle
    cover_line: ParagraphStyle
    marking: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle
    toc3: ParagraphStyle
    glossary: ParagraphStyle
    answer: ParagraphStyle


def styles(base: float = 10.0) -> Styles:
    """The paragraph styles, all in the embedded DejaVu Sans."""
    fonts.register_fonts()
    R, B, It = fonts.REGULAR, fonts.BOLD, fonts.ITALIC
    body = ParagraphStyle("body", fontName=R, fontSize=base, leading=base * 1.38, textColor=INK,
                          spaceAfter=base * 0.5, alignment=TA_LEFT, bulletFontName=R,
                          bulletFontSize=base)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=base - 1.5, leading=(base - 1.5) * 1.3, spaceAfter=2),
        muted=ParagraphStyle("muted", parent=body, fontName=It, textColor=MUTED, fontSize=base - 1,
                             leading=(base - 1) * 1.35),
        h1=ParagraphStyle("h1", parent=body, fontName=B, fontSize=base + 7, leading=(base + 7) * 1.2,
                          textColor=ACCENT, spaceBefore=0, spaceAfter=base * 0.9),
        h2=ParagraphStyle("h2", parent=body, fontName=B, fontSize=base + 2.5, leading=(base + 2.5) * 1.25,
                          textColor=ACCENT, spaceBefore=base * 1.1, spaceAfter=base * 0.45, keepWithNext=1),
        h3=ParagraphStyle("h3", parent=body, fontName=B, fontSize=base, leading=base * 1.3,
                          spaceBefore=base * 0.8, spaceAfter=base * 0.3, keepWithNext=1),
        cell=ParagraphStyle("cell", parent=body, fontSize=base - 1.5, leading=(base - 1.5) * 1.3, spaceAfter=0),
        cell_bold=ParagraphStyle("cell_bold", parent=body, fontName=B, fontSize=base - 1.5,
                                 leading=(base - 1.5) * 1.3, spaceAfter=0),
        head_cell=ParagraphStyle("head_cell", parent=body, fontName=B, fontSize=base - 1.5,
                                 leading=(base - 1.5) * 1.3, spaceAfter=0, textColor=colors.white),
        quote=ParagraphStyle("quote", parent=body, fontName=It, leftIndent=10,
                             # (top, right, bottom, left): reportlab takes it, its stubs say float
                             borderPadding=(2, 0, 2, 6),  # type: ignore[arg-type]
                             borderColor=ACCENT, borderWidth=0, textColor=INK),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=22, bulletIndent=2, spaceAfter=base * 0.35),
        cover_council=ParagraphStyle("cover_council", parent=body, fontName=B, fontSize=base + 4,
                                     leading=(base + 4) * 1.3, textColor=MUTED),
        cover_title=ParagraphStyle("cover_title", parent=body, fontName=B, fontSize=base + 16,
                                   leading=(base + 16) * 1.2, textColor=ACCENT, spaceAfter=base),
        cover_line=ParagraphStyle("cover_line", parent=body, fontSize=base + 2, leading=(base + 2) * 1.45,
                                  spaceAfter=2),
        marking=ParagraphStyle("marking", parent=body, fontName=B, fontSize=base + 1, leading=(base + 1) * 1.3,
                               textColor=MARKING, alignment=TA_CENTER, spaceAfter=0),
        toc1=ParagraphStyle("toc1", parent=body, fontName=B, fontSize=base, leading=base * 1.5,
                            leftIndent=0, firstLineIndent=0, spaceBefore=base * 0.4, spaceAfter=0),
        toc2=ParagraphStyle("toc2", parent=body, fontSize=base - 0.5, leading=base * 1.4,
                            leftIndent=14, firstLineIndent=0, spaceBefore=2, spaceAfter=0),
        glossary=ParagraphStyle("glossary", parent=body, fontSize=base - 1, leading=(base - 1) * 1.35,
                                spaceAfter=base * 0.55),
        answer=ParagraphStyle("answer", parent=body, fontSize=base - 1, leading=(base - 1) * 1.35,
                              leftIndent=22, textColor=MUTED, spaceAfter=base * 0.4),
        toc3=ParagraphStyle("toc3", parent=body, fontName=It, fontSize=base - 1.5, leading=base * 1.25,
                            leftIndent=28, firstLineIndent=0, spaceAfter=0, textColor=MUTED),
    )


@dataclass(frozen=True)
class RunningText:
    """What every page but the cover carries: header left and right and the footer's
    left-hand text; and the protective marking, top and bottom, on the pages that
    carry confidential content (those the canvas's ``marked`` was set for)."""

    header_left: str
    header_right: str = ""
    marking: str | None = None
    footer_left: str = ""


def draw_header(canvas: Canvas, running: RunningText, width: float, height: float, margin: float) -> None:
    """The running header: meeting and date on the left, a rule under it."""
    fonts.register_fonts()
    canvas.saveState()
    top = height - 12 * mm
    canvas.setFont(fonts.REGULAR, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(margin, top, fonts.printable(running.header_left))
    if running.header_right:
        canvas.drawRightString(width - margin, top, fonts.printable(running.header_right))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(margin, top - 2.5 * mm, width - margin, top - 2.5 * mm)
    canvas.restoreState()


def draw_marking(canvas: Canvas, marking: str, width: float, height: float) -> None:
    """The protective marking centred at the top and the bottom of a page, on a white
    ground so it stays legible over a report page's own print."""
    fonts.register_fonts()
    text = fonts.printable(marking)
    size = 8
    half = canvas.stringWidth(text, fonts.BOLD, size) / 2 + 2 * mm
    canvas.saveState()
    canvas.setFillColor(colors.white)
    for y in (height - 7 * mm, 5 * mm):
        canvas.rect(width / 2 - half, y - 1.5 * mm, 2 * half, size + 1.5 * mm, stroke=0, fill=1)
    canvas.setFont(fonts.BOLD, size)
    canvas.setFillColor(MARKING)
    canvas.drawCentredString(width / 2, height - 7 * mm, text)
    canvas.drawCentredString(width / 2, 5 * mm, text)
    canvas.restoreState()


CONTENTS_CALLBACK = "pbContentsEnd"


def contents_entry(title: str, key: str, level: int) -> str:
    """Paragraph markup of one contents line: the title, and a marker where the
    dot leader, the page number and the link go once pages are known."""
    return f'{para(title)}<onDraw name="{CONTENTS_CALLBACK}" label="{key}|{level}"/>'


class NumberedCanvas(Canvas):
    """A canvas that holds pages back until ``save``, then writes what only the
    finished document knows: "Page X of Y" in the footer, and the contents
    page's dot leaders and page numbers.  So the briefing is laid out once.

    A page whose ``footer`` attribute was set (by the page template) gets the
    footer; others (reserved slots for report pages) stay blank.  A page whose
    ``marked`` was set (it carries confidential content) gets the running
    text's protective marking at its top and bottom.
    """

    running: RunningText | None = None
    margin: float = 20 * mm
    # The canvas's own state that this class works with (reportlab's, not in its stubs).
    _doc: Any
    _pagesize: tuple[float, float]
    _pageNumber: int
    _annotationCount: int
    _startPage: Callable[[], None]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []
        self._key_pages: dict[str, int] = {}
        self._contents_marks: list[tuple[str, int, float, float]] = []
        self.footer = False
        self.marked = False
        self.setNamedCB(CONTENTS_CALLBACK, _mark_contents_entry)

    def bookmarkPage(self, key: str, *args: Any, **kwargs: Any) -> Destination:
        # Pages are held back, so the PDF document still counts the first one:
        # point the destination at the page being drawn, not at page 1.
        doc = self._doc
        counted = doc.pageCounter
        doc.pageCounter = len(self._held) + 1
        self._key_pages[key] = len(self._held) + 1
        try:
            return super().bookmarkPage(key, *args, **kwargs)
        finally:
            doc.pageCounter = counted

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()
        self.footer = False
        self.marked = False
        self._contents_marks = []

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            # A held page's state was taken before any contents link existed: keep the
            # canvas's running count of annotations, or the links of a contents that runs
            # over two pages get the same automatic name and reportlab refuses the second.
            annotations = self._annotationCount
            self.__dict__.update(state)
            self._annotationCount = annotations
            if self.footer:
                self._draw_footer(self._pageNumber, total)
            if self.marked and self.running and self.running.marking:
                draw_marking(self, self.running.marking, *self._pagesize)
            for key, level, x, y in self._contents_marks:
                self._draw_contents_number(key, level, x, y)
            super().showPage()
        super().save()

    def _draw_contents_number(self, key: str, level: int, x: float, y: float) -> None:
        number = self._key_pages.get(key)
        if number is None:
            return
        width, _ = self._pagesize
        right = width - self.margin
        font = (fonts.BOLD, 10) if level == 0 else (fonts.REGULAR, 9.5) if level == 1 else (fonts.ITALIC, 8.5)
        text = str(number)
        text_width = self.stringWidth(text, *font)
        self.saveState()
        self.setFillColor(INK if level < 2 else MUTED)
        self.setFont(*font)
        self.drawRightString(right, y, text)
        dot = self.stringWidth(" .", *font)
        start, stop = x + 6, right - text_width - 4
        if stop - start > dot:
            count = int((stop - start) / dot)
            self.setFillColor(RULE if level else MUTED)
            self.drawRightString(stop, y, " ." * count)
        self.linkRect("", key, (x, y - 2, right, y + font[1]), relative=0)
        self.restoreState()

    def _draw_footer(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        running = self.running
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(self.margin, 14 * mm, width - self.margin, 14 * mm)
        self.setFont(fonts.REGULAR, 8)
        self.setFillColor(MUTED)
        if running and running.footer_left:
            self.drawString(self.margin, 10 * mm, fonts.printable(running.footer_left))
        self.drawRightString(width - self.margin, 10 * mm, f"Page {number} of {total}")
        self.restoreState()


def _mark_contents_entry(canvas: Canvas, kind: str | None, label: str) -> None:
    """Where a contents entry's text ends (absolute page coordinates), for ``save``."""
    info = canvas._curr_tx_info  # type: ignore[attr-defined]  # where the text being drawn has got to
    key, level = label.rsplit("|", 1)
    x, y = canvas.absolutePosition(info["cur_x"], info["cur_y"])
    if hasattr(canvas, "_contents_marks"):
        canvas._contents_marks.append((key, int(level), x, y))


def numbered_canvas(running: RunningText, margin: float) -> type[NumberedCanvas]:
    """A NumberedCanvas class bound to this document's running text."""
    return type("BoundNumberedCanvas", (NumberedCanvas,), {"running": running, "margin": margin})
