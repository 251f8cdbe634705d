"""Emoji in the window: the shipped Symbola joins the application's fonts, and a line with
✓ 👍 ≥ € 🙂 is laid out in real glyphs (none of them the missing-glyph box, glyph 0),
the characters the window's own font lacks taken from a fallback font."""
from __future__ import annotations

from PySide6.QtGui import QFont, QRawFont, QTextLayout

from panelbook.ui.common.fallback_fonts import add_symbol_font

TYPED = "Agreed ✓ 👍 spend ≥ €2,000 🙂"


def test_symbola_is_added_once(qapp):
    assert add_symbol_font() == ["Symbola"]
    assert add_symbol_font() == ["Symbola"]


def test_every_character_typed_is_drawn_with_a_real_glyph(qapp):
    add_symbol_font()
    font = QFont(qapp.font())
    layout = QTextLayout(TYPED, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    glyphs = [index for run in runs for index in run.glyphIndexes()]
    assert glyphs and 0 not in glyphs
    own = QRawFont.fromFont(font)
    assert not own.supportsCharacter(0x1F44D)                   # the window's own font has no 👍
    drawn_in = {run.rawFont().familyName() for run in runs if run.rawFont().supportsCharacter(0x1F44D)}
    assert drawn_in and own.familyName() not in drawn_in, f"👍 was not taken from a fallback font: {drawn_in}"
