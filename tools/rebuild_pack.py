"""Rebuild an agenda pack PDF from the pack's published text.

The seed pack exists only as extracted text without page breaks.  This lays it
out again: the front sheets on unnumbered pages, then each report on exactly
its own printed page range from the agenda, "Agenda Item N" at the top of its
first page and "Page N" at the foot of every numbered page, the way ModernGov
stamps a reports pack.  Footers that survived in the text ("Page 99") pin the
text before them to their page.  Text is spread evenly over a report's pages
and the type shrinks when a report would not fit: nothing is ever dropped.

``pack_pdf`` is the lower level the tests use to make PDF fixtures (missing
pages, no notice).
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from panelbook.sources.pack_frontsheet import parse_front_sheet
from panelbook.sources.pack_sections import footers_in, split_pack_text, strip_stamps

NOTICE = ("Rebuilt from the published text of the agenda pack for Panelbook's sample panel; "
          "not the council's original layout.")
WIDTH, HEIGHT = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 56.0, 64.0, 64.0
BODY_SIZE = 10.0
_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"),
)
# Symbols some fonts lack, drawn as the nearest glyph every font has.
_FALLBACK = {"\u25aa": "\u2022", "\u27a2": "\u2022", "\u25cf": "\u2022"}


@dataclass
class ReportText:
    """One report of a pack: its agenda number, printed pages and text."""

    number: str
    first: int
    last: int
    text: str


class _Font:
    """The body font: a Unicode TTF when the system or reportlab has one
    (DejaVu Sans, Vera), else built-in Helvetica (WinAnsi covers £ – ’ “ ” é)."""

    def __init__(self) -> None:
        self.name, self.chars = "Helvetica", None
        for path in _FONT_CANDIDATES:
            if Path(path).is_file():
                font = TTFont("PanelbookBody", path)
                pdfmetrics.registerFont(font)
                self.name, self.chars = "PanelbookBody", set(font.face.charToGlyph)
                break

    def drawable(self, text: str) -> str:
        """``text`` with characters the font lacks replaced by a near glyph."""
        out = []
        for char in text:
            known = (ord(char) in self.chars) if self.chars is not None else _winansi(char)
            out.append(char if known or char in " \t" else _FALLBACK.get(char, char))
        return "".join(out)


def _winansi(char: str) -> bool:
    try:
        char.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def _wrap(text: str, font: _Font, size: float) -> list[str | None]:
    """Source lines wrapped to the text width; None marks a blank line (a gap)."""
    out: list[str | None] = []
    width = WIDTH - 2 * MARGIN_X
    for line in text.split("\n"):
        line = font.drawable(line.replace("\t", " ").strip())
        if not line:
            if out and out[-1] is not None:
                out.append(None)
            continue
        out.extend(simpleSplit(line, font.name, size, width) or [line])
    return out


def _fitting_size(text: str, font: _Font, smallest: float = 6.0) -> float:
    """The body size at which the longest line fits the width unwrapped (so the
    rebuilt page keeps the published line breaks), but no smaller than ``smallest``."""
    width = WIDTH - 2 * MARGIN_X
    widest = max((pdfmetrics.stringWidth(font.drawable(line.strip()), font.name, BODY_SIZE)
                  for line in text.split("\n")), default=0.0)
    if widest <= width:
        return BODY_SIZE
    return max(smallest, int(BODY_SIZE * width / widest * 4) / 4)


def _height(lines: list[str | None], leading: float) -> float:
    return sum(leading / 2 if line is None else leading for line in lines)


def _spread(lines: list[str | None], pages: int, size: float, room: float) -> list[list[str | None]] | None:
    """Lines dealt over ``pages`` pages evenly; None when they do not fit."""
    leading = size * 1.2
    share = _height(lines, leading) / pages
    if share > room:
        return None
    result: list[list[str | None]] = [[] for _ in range(pages)]
    page, used = 0, 0.0
    for line in lines:
        step = leading / 2 if line is None else leading
        if page < pages - 1 and (used + step > share + leading / 2 or used + step > room):
            page, used = page + 1, 0.0
        if line is None and not result[page]:
            continue
        result[page].append(line)
        used += step
    if _height(result[-1], leading) > room:
        return None
    return result


class _Writer:
    def __init__(self, out_path: Path, font: _Font) -> None:
        self.canvas = Canvas(str(out_path), pagesize=A4, pageCompression=1)
        self.canvas.setTitle("Agenda pack (rebuilt)")
        self.font = font

    def page(self, lines: list[str | None], size: float, footer: int | None = None,
             stamp: str | None = None, notice: str | None = None) -> None:
        canvas, leading = self.canvas, size * 1.2
        y = HEIGHT - MARGIN_TOP
        if notice:
            y = self._notice(notice, y)
        canvas.setFont(self.font.name, size)
        for line in lines:
            if line is None:
                y -= leading / 2
                continue
            y -= leading
            canvas.drawString(MARGIN_X, y, line)
        # Stamps last, as ModernGov adds them on top of the finished report.
        if footer is not None:
            canvas.setFont(self.font.name, 9)
            canvas.drawCentredString(WIDTH / 2, MARGIN_BOTTOM / 2, f"Page {footer}")
        if stamp:
            canvas.setFont(self.font.name, 12)
            canvas.drawRightString(WIDTH - MARGIN_X, HEIGHT - MARGIN_TOP / 2, stamp)
        canvas.showPage()

    def _notice(self, notice: str, y: float) -> float:
        canvas = self.canvas
        lines = simpleSplit(notice, self.font.name, 10, WIDTH - 2 * MARGIN_X - 16)
        box = 12 * len(lines) + 12
        canvas.setLineWidth(1.2)
        canvas.rect(MARGIN_X, y - box, WIDTH - 2 * MARGIN_X, box)
        canvas.setFont(self.font.name, 10)
        for number, line in enumerate(lines):
            canvas.drawString(MARGIN_X + 8, y - 16 - 12 * number, line)
        return y - box - 12

    def save(self) -> None:
        self.canvas.save()


def _chunks(report: ReportText) -> list[tuple[int, int, str]]:
    """The report cut at the footers that survived in its text: (first page,
    last page, text) pieces, so text printed before "Page 99" stays on or before it."""
    lines = report.text.split("\n")
    pieces, start, page = [], 0, report.first
    for index, number in footers_in(report.text):
        if page <= number < report.last:
            pieces.append((page, number, "\n".join(lines[start: index + 1])))
            start, page = index + 1, number + 1
    pieces.append((page, report.last, "\n".join(lines[start:])))
    return [(a, b, strip_stamps(t, (report.first, report.last))) for a, b, t in pieces]


def pack_pdf(front: str, reports: list[ReportText], out_path: str | Path,
             notice: str | None = NOTICE, drop_pages: Collection[int] = ()) -> Path:
    """Write a pack PDF: ``front`` on unnumbered pages (``notice`` boxed on the
    first), then each report on its printed pages.  Printed pages listed in
    ``drop_pages`` are left out (for fixtures of incomplete packs)."""
    out_path = Path(out_path)
    font = _Font()
    writer = _Writer(out_path, font)
    room = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    front_size = _fitting_size(front, font)
    front_lines = _wrap(front, font, front_size)
    per_page = int(room // (front_size * 1.2))
    first_room = per_page - 5 if notice else per_page
    pages: list[list[str | None]] = []
    current: list[str | None] = []
    used = 0.0
    for line in front_lines:
        step = 0.5 if line is None else 1.0
        limit = first_room if not pages else per_page
        if used + step > limit:
            pages.append(current)
            current, used = [], 0.0
        if line is None and not current:
            continue
        current.append(line)
        used += step
    pages.append(current)
    for number, lines in enumerate(pages):
        writer.page(lines, front_size, notice=notice if number == 0 else None)
    for report in reports:
        for first, last, text in _chunks(report):
            size = _fitting_size(text, font)
            while True:
                dealt = _spread(_wrap(text, font, size), last - first + 1, size, room)
                if dealt is not None:
                    break
                size = round(size - 0.25, 2) if size > 1 else size / 2
            for offset, lines in enumerate(dealt):
                printed = first + offset
                if printed in drop_pages:
                    continue
                stamp = f"Agenda Item {report.number}" if printed == report.first else None
                writer.page(lines, size, footer=printed, stamp=stamp)
    writer.save()
    return out_path


def pack_reports(text: str) -> tuple[str, list[ReportText]]:
    """The front sheets and the reports (with their agenda numbers and printed
    ranges) of a one-piece pack text."""
    parts = split_pack_text(text)
    ranged = [(i.agenda_number or "", i.pages) for i in parse_front_sheet(parts.front, text).items if i.pages]
    if not ranged or len(ranged) != len(parts.reports):
        raise ValueError("The pack text's reports do not match its agenda's page ranges.")
    reports = [ReportText(number, first, last, body)
               for (number, (first, last)), body in zip(ranged, parts.reports, strict=True)]
    return parts.front, reports


def rebuild_pack_pdf(text: str, out_path: str | Path, **options: Any) -> Path:
    """Rebuild the pack PDF of a one-piece pack text (seed 003) at ``out_path``;
    ``options`` go to ``pack_pdf``."""
    front, reports = pack_reports(text)
    return pack_pdf(front, reports, out_path, **options)
