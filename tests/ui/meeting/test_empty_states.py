"""With no meeting chosen (a new, empty store) the Meeting place shows no stray fields: no
"Answer" field without a question, no empty "More notes" box; and the earlier
recommendations' sentence stands at the top of its tab, not floating mid-pane."""
from __future__ import annotations

from desktop_helpers import close_window, open_window
from panelbook.paths import data_folder
from panelbook.ui.shell.places import Place


def test_no_stray_fields_with_no_meeting(qtbot, tmp_path):
    window, worker = open_window(qtbot, data_folder(tmp_path / "data"), size=(1024, 700))
    try:
        qtbot.waitUntil(lambda: window.is_built(Place.MEETING), timeout=20000)
        window.go(Place.MEETING)
        meeting = window.meeting
        assert meeting.meeting_id is None
        meeting.item_tabs.setCurrentWidget(meeting.markup)
        qtbot.wait(50)
        panel = meeting.markup
        assert not panel.questions_section.answer_row.isVisibleTo(panel)
        assert not panel.note_section.more_list.isVisibleTo(panel)

        meeting.item_tabs.setCurrentWidget(meeting.earlier_recs)
        qtbot.wait(50)
        earlier = meeting.earlier_recs
        assert earlier.explain.text().startswith("Choose an agenda item")
        assert earlier.explain.geometry().bottom() < earlier.height() // 3      # at the top, not mid-pane
    finally:
        close_window(qtbot, window, worker)
