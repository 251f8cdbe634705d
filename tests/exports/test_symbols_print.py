"""What a member types beyond the base font prints as typed: a note with ✓ 👍 ≥ € 🙂 in the
briefing pack of the sample panel's 8 August 2024 meeting, read back through pypdf, has each
character in the text, 👍 and 🙂 in the symbol font (embedded), and no "?" where they were."""
from __future__ import annotations

import re
from datetime import datetime

from pypdf import PdfReader

from panelbook.exports import fonts
from panelbook.exports.briefing import export_briefing
from panelbook.exports.pdfstyle import para
from panelbook.paths import data_folder
from panelbook.services.markup import add_note
from panelbook.services.sample import load_sample
from panelbook.store import Store, queries

NOTE = "Agreed ✓ 👍 — spend ≥ €2,000? Ask 🙂 and 👍🏽 ❤️"


def test_a_note_with_symbols_and_emoji_prints_as_typed(tmp_path):
    with Store.open(data_folder(tmp_path / "data")) as store:
        load_sample(store)
        meeting_id = queries.resolve_meeting(store.db, "2024-08-08")
        add_note(store, queries.resolve_item(store.db, meeting_id, "7"), NOTE, who="Cllr Webb")
        path = tmp_path / "briefing.pdf"
        export_briefing(store, meeting_id, path, profile="Cllr Webb", items=["7"],
                        now=datetime(2024, 8, 5, 9, 30))
    reader = PdfReader(str(path))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    for char in "✓👍≥€🙂❤":
        assert char in text, f"{char!r} did not print"
    # as typed, the skin tone and the emoji selector (which only change how a screen draws it) left out
    assert "Agreed ✓ 👍 — spend ≥ €2,000? Ask 🙂 and 👍 ❤" in text
    used = {str(font.get_object()["/BaseFont"]).split("+")[-1]
            for page in reader.pages for font in (page["/Resources"].get("/Font") or {}).values()}
    assert "Symbola" in used and "DejaVuSans" in used


def test_runs_put_only_what_the_base_font_lacks_in_the_symbol_font():
    assert para("✓ ≥ € 👍") == '✓ ≥ € <font face="PBSymbols">👍</font>'
    assert para("👍🏽 & ❤️") == '<font face="PBSymbols">👍</font> &amp; ❤'    # skin tone and selector are silent
    assert para("<b>🙂</b>") == '&lt;b&gt;<font face="PBSymbols">🙂</font>&lt;/b&gt;'


def test_a_character_no_font_has_prints_as_its_nearest_form_never_a_question_mark():
    assert 0x1F970 not in fonts.register_fonts() | fonts.symbol_coverage()      # 🥰 (Unicode 11)
    assert para("🥰") == "[smiling face with smiling eyes and three hearts]"
    assert para("\uff21\uff47\uff45\uff4e\uff44\uff41") == "Agenda"       # fullwidth letters: their plain forms
    assert fonts.printable("OFFICIAL 👍") == "OFFICIAL [thumbs up sign]"    # canvas lines, base font alone
    assert "?" not in para("🥰 👍 \uff46 \u2603 \U0001FAE0 \U000E0001")
