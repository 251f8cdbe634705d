"""Pictures of markup at 1280x800: the sample item marked up by a member, and the chair's view
(``python -m tools.markup_screenshots`` writes the same pictures to docs/screenshots)."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from tools.markup_screenshots import ENQUIRIES, HIGHLIGHTS, QUESTIONS, grab_markup

pytestmark = pytest.mark.slow     # grabbing whole windows to PNG takes seconds


def test_the_member_and_chair_views_are_grabbed(qtbot, window, tmp_path):
    written = grab_markup(window, tmp_path)
    assert [p.name for p in written] == ["markup-item-1280x800.png", "markup-chair-1280x800.png"]
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1280, 800)
    panel = window.meeting.markup
    assert panel.questions.rowCount() == len(QUESTIONS)
    assert panel.highlights.rowCount() == len(HIGHLIGHTS)
    assert panel.enquiries.rowCount() == len(ENQUIRIES) and panel.is_chair
    assert panel.note.toPlainText().startswith("Re-referral rate")        # kept when the profile was chosen
    reader = window.meeting.reader
    assert len(reader.view.highlight_marks(reader.current_page())) == len(HIGHLIGHTS)
