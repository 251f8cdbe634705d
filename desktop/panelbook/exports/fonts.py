"""The fonts every exported PDF embeds: DejaVu Sans, shipped in ``resources/fonts``,
and Symbola beside it for the symbols and emoji DejaVu lacks.

reportlab's built-in fonts cover only WinAnsi, so Welsh ŵ ŷ (and much else a
council prints) would come out as black boxes.  DejaVu Sans covers them all;
reportlab embeds just the glyphs a document uses.  What a member types beyond
it (👍, 🙂, ✅) is printed in Symbola, a run of characters at a time
(``markup``); a character neither font has is printed as its nearest form (its
compatibility decomposition, or its Unicode name in brackets), never as "?".
Fonts are registered once per process.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from panelbook.paths import resources_dir

REGULAR, BOLD, ITALIC, BOLD_ITALIC = "PBSans", "PBSans-Bold", "PBSans-Italic", "PBSans-BoldItalic"
_FILES = {
    REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf", BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
# Symbols worth keeping the sense of when a font lacks them.
SYMBOLS = "PBSymbols"
SYMBOLS_FILE = "Symbola.ttf"
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


_reportlab_cmap = ttfonts.makeToUnicodeCMap
_ASTRAL = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.MULTILINE)


def _surrogates(match: re.Match[str]) -> str:
    offset = int(match.group(2), 16) - 0x10000
    return f"{match.group(1)} <{0xD800 + (offset >> 10):04X}{0xDC00 + (offset & 0x3FF):04X}>"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF written as the UTF-16 pairs
    PDF asks for (reportlab writes their code point as odd-length hex, which readers refuse,
    so 👍 would print but copy, search and read back as nothing)."""
    return _ASTRAL.sub(_surrogates, _reportlab_cmap(fontname, subset))


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@lru_cache(maxsize=1)
def symbol_coverage() -> frozenset[int]:
    """Register Symbola (once) and return the code points it covers beyond nothing;
    empty when the font is not installed (then only DejaVu's characters print as typed)."""
    path = resources_dir() / "fonts" / SYMBOLS_FILE
    if not path.is_file():
        return frozenset()
    font = TTFont(SYMBOLS, str(path))
    pdfmetrics.registerFont(font)
    for bold in (0, 1):         # inside bold or italic text a symbol keeps its one face
        for italic in (0, 1):
            addMapping(SYMBOLS, bold, italic, SYMBOLS)
    return frozenset(font.face.charToGlyph)


# Invisible in print: the emoji presentation selectors, skin tones and joiners, which
# combine with the symbol before them (printed on its own when the combination is missing).
_SILENT = {0xFE0E, 0xFE0F, 0x200D, *range(0x1F3FB, 0x1F400)}


def _runs(text: str) -> list[tuple[bool, str]]:
    """``text`` as runs of (in Symbola, text), every character the fonts lack replaced."""
    covered = register_fonts()
    symbols = symbol_coverage()
    runs: list[tuple[bool, str]] = []

    def add(in_symbols: bool, piece: str) -> None:
        if runs and runs[-1][0] == in_symbols:
            runs[-1] = (in_symbols, runs[-1][1] + piece)
        else:
            runs.append((in_symbols, piece))

    for char in text:
        code = ord(char)
        if code in _SILENT:
            continue
        if code in covered or char in "\n\t":
            add(False, char)
        elif char in _NEAREST:
            add(False, _NEAREST[char])
        elif code in symbols:
            add(True, char)
        elif not char.isprintable():
            continue
        else:
            add(False, _nearest(char, covered))
    return runs


def _nearest(char: str, covered: frozenset[int]) -> str:
    """A character no font draws: its compatibility form when DejaVu has that (a fullwidth A: A),
    else its name ("[smiling face with hearts]"), else the replacement character."""
    decomposed = unicodedata.normalize("NFKD", char)
    if decomposed != char and all(ord(c) in covered for c in decomposed):
        return decomposed
    name = unicodedata.name(char, "")
    return f"[{name.lower()}]" if name else "\ufffd"


def printable(text: str) -> str:
    """``text`` in the base font alone (for lines drawn straight on the canvas): every
    character it cannot draw replaced by its nearest form, invisible controls dropped,
    so no missing-glyph box ever reaches the page."""
    covered = register_fonts()
    return "".join(piece if not in_symbols else "".join(_nearest(c, covered) for c in piece)
                   for in_symbols, piece in _runs(text))


def markup(text: str) -> str:
    """``text`` as Paragraph markup: escaped, the characters only Symbola has in its face."""
    return "".join(f'<font face="{SYMBOLS}">{escape(piece)}</font>' if in_symbols else escape(piece)
                   for in_symbols, piece in _runs(text))
