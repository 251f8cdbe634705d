"""Characters beyond the window's fonts (emoji, dingbats) drawn, not shown as boxes.

Qt falls back, character by character, to any font on the system that has the glyph
(fontconfig's list on Linux; Segoe UI Emoji on Windows; Apple Color Emoji on macOS).  A
machine with no such font (a bare Linux desktop) would draw 👍 as a box, so the Symbola
font the PDF exports embed (``resources/fonts``) is added to the window's own fonts once
the window has painted, where Qt's fallback finds it.  On Debian and Ubuntu the packages
fonts-noto-color-emoji (colour) and fonts-symbola give the same without it.
"""
from __future__ import annotations

from functools import lru_cache

from panelbook.paths import resources_dir

SYMBOLS_FILE = "Symbola.ttf"


@lru_cache(maxsize=1)
def add_symbol_font() -> list[str]:
    """Add Symbola to the application's fonts (once); the families it added, [] if it is missing."""
    from PySide6.QtGui import QFontDatabase

    path = resources_dir() / "fonts" / SYMBOLS_FILE
    if not path.is_file():
        return []
    font_id = QFontDatabase.addApplicationFont(str(path))
    return list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []
