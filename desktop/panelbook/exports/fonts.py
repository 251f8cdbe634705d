"""The fonts every exported PDF embeds: DejaVu Sans, shipped in ``resources/fonts``.

reportlab's built-in fonts cover only WinAnsi, so Welsh ŵ ŷ (and much else a
council prints) would come out as black boxes.  DejaVu Sans covers them all;
reportlab embeds just the glyphs a document uses.  Fonts are registered once
per process.
"""
from __future__ import annotations

from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from panelbook.paths import resources_dir

REGULAR, BOLD, ITALIC, BOLD_ITALIC = "PBSans", "PBSans-Bold", "PBSans-Italic", "PBSans-BoldItalic"
_FILES = {
    REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf", BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
# Symbols worth keeping the sense of when a font lacks them.
_NEAREST = {"\u25aa": "\u2022", "\u27a2": "\u2022", "\u25cf": "\u2022", "\uf0b7": "\u2022", "\uf0a7": "\u2022"}


class FontsMissing(RuntimeError):
    """The shipped fonts are not where Panelbook expects them (a broken install)."""


@lru_cache(maxsize=1)
def register_fonts() -> frozenset[int]:
    """Register the four DejaVu Sans faces (once) and return the code points they cover."""
    folder = resources_dir() / "fonts"
    covered: set[int] = set()
    for name, file_name in _FILES.items():
        path = folder / file_name
        if not path.is_file():
            raise FontsMissing(f"The font {file_name} is missing from {folder}; reinstall Panelbook.")
        font = TTFont(name, str(path))
        pdfmetrics.registerFont(font)
        if name == REGULAR:
            covered = set(font.face.charToGlyph)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    return frozenset(covered)


def printable(text: str) -> str:
    """``text`` with every character the fonts cannot draw replaced (by its
    nearest symbol, or dropped when it is an invisible control), so no
    missing-glyph box ever reaches the page."""
    covered = register_fonts()
    out = []
    for char in text:
        if ord(char) in covered or char in "\n\t":
            out.append(char)
        elif char in _NEAREST:
            out.append(_NEAREST[char])
        elif char.isprintable():
            out.append("?")
    return "".join(out)
