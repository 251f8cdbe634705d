"""The reader's breadcrumb and page line: cut at a whole word with "…", never mid-word, the
whole text kept in text() and the tooltip; shown whole when it fits."""
from __future__ import annotations

from panelbook.ui.common.word_label import WordElidedLabel, fitted

TITLE = "Item 9: Annual Conversation with Ofsted and Progress of Post-Inspection Improvement Plan"


def test_fitted_keeps_whole_words():
    assert fitted(TITLE, lambda s: len(s) <= 200) == TITLE
    assert fitted(TITLE, lambda s: len(s) <= 40) == "Item 9: Annual Conversation with Ofsted…"
    assert fitted("Supercalifragilistic", lambda s: len(s) <= 5) == "…"


def test_the_label_cuts_at_a_word_as_it_narrows(qtbot):
    label = WordElidedLabel(TITLE)
    qtbot.addWidget(label)
    label.resize(260, 24)
    label.show()
    qtbot.waitExposed(label)
    shown = label.shown_text()
    assert shown.endswith("…") and label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert TITLE.startswith(shown[:-1]) and TITLE[len(shown) - 1] == " "          # a whole word before "…"
    assert label.text() == TITLE and label.toolTip() == TITLE
    label.resize(2000, 24)
    qtbot.waitUntil(lambda: label.shown_text() == TITLE)
