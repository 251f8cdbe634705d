"""The calendar after an import brings a second committee (Manchester's Audit Committee from
its ModernGov web service, ../shared/moderngov, beside the sample panel): the meetings list
still fills its width without a horizontal scroll bar, the committee's name in full when
there is room, the venue keeping room of its own; the legend is built once, not drawn over
the old one (which made its words look bold)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from desktop_helpers import import_files
from panelbook.ui.calendar.meetings_table import COMMITTEE, VENUE, VENUE_MIN
from testdata import MODERNGOV


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800), (1920, 1080)])
def test_the_list_fills_its_width_after_a_second_committee_arrives(qtbot, window, size):
    window.resize(*size)
    calendar = window.calendar
    table = calendar.table
    assert table.isColumnHidden(COMMITTEE)          # one committee: its name would say nothing
    import_files(qtbot, window, [MODERNGOV / "mg_GetMeetings_manchester.xml"])
    qtbot.waitUntil(lambda: not table.isColumnHidden(COMMITTEE), timeout=20000)
    qtbot.wait(50)
    header = table.horizontalHeader()
    shown = [c for c in range(table.model().columnCount()) if not table.isColumnHidden(c)]
    assert not table.horizontalScrollBar().isVisible()
    assert abs(sum(header.sectionSize(c) for c in shown) - table.viewport().width()) <= 2     # fills its width
    if size[0] >= 1280:
        assert header.sectionSize(COMMITTEE) >= table.sizeHintForColumn(COMMITTEE)       # the name in full
        assert header.sectionSize(VENUE) >= VENUE_MIN
    legend_words = [label for label in calendar.legend.findChildren(QLabel)
                    if label.text() == "Held" and label.isVisibleTo(calendar)]
    assert len(legend_words) == 1
    assert not legend_words[0].font().bold()


def test_an_empty_store_shows_a_sentence_not_an_empty_table(qtbot, tmp_path):
    from desktop_helpers import close_window, open_window
    from panelbook.paths import data_folder
    from testdata import SEEDS

    window, worker = open_window(qtbot, data_folder(tmp_path / "data"), size=(1024, 700))
    try:
        calendar = window.calendar
        assert calendar.list_note.text().startswith("No meetings yet. Import an agenda pack")
        assert not calendar.table.isVisibleTo(calendar) and not calendar.open_button.isVisibleTo(calendar)
        import_files(qtbot, window, sorted(SEEDS.glob("004_*.txt")))
        qtbot.waitUntil(lambda: calendar.table.isVisibleTo(calendar), timeout=20000)
        assert calendar.open_button.isVisibleTo(calendar) and calendar.model.rowCount() == 1
    finally:
        close_window(qtbot, window, worker)
