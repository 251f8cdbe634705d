"""Another member's notes and questions, merged from their markup file, show in the
markup panel marked with whose they are (before, only their highlights did)."""
from __future__ import annotations

import json

from test_markup_panel import ITEM, open_item

from desktop_helpers import close_window, open_window
from panelbook.cli import main
from panelbook.paths import data_folder
from panelbook.services import markup
from panelbook.store import Store, queries


def test_imported_notes_and_questions_show_with_whose_they_are(qtbot, tmp_path, sample_folder, capsys):
    webb = tmp_path / "webb"
    assert main(["--home", str(webb), "sample"]) == 0
    with Store.open(data_folder(webb)) as store:
        markup.set_profile(store, "Cllr Webb", "councillor")
        meeting = queries.resolve_meeting(store.db, "2024-08-08")
        item = queries.resolve_item(store.db, meeting, "8")
        markup.add_note(store, item, "Compare with Portsmouth")
        markup.add_note(store, item, "How many families returned twice?", question=True)
        shared = markup.add_note(store, item, "For the whole panel")
        markup.update_note(store, shared, shared=1)
    file = tmp_path / "webb.json"
    assert main(["--home", str(webb), "markup", "export", "-o", str(file)]) == 0
    assert len(json.loads(file.read_text(encoding="utf-8"))["notes"]) == 3
    with Store.open(sample_folder) as store:
        markup.set_profile(store, "Cllr Shields", "councillor")
    assert main(["--home", str(sample_folder.root), "markup", "import", str(file)]) == 0
    capsys.readouterr()

    window, worker = open_window(qtbot, sample_folder)
    try:
        _, panel = open_item(qtbot, window, ITEM)
        section = panel.shared_section
        assert section.isVisibleTo(panel)
        model = section.shared_model
        shown = sorted(model.index(r, 0).data().split(". ", 1)[1] for r in range(model.rowCount()))
        assert shown == sorted([
            "Compare with Portsmouth\nNote from Cllr Webb, from their markup file",
            "How many families returned twice?\nQuestion from Cllr Webb, from their markup file",
            "For the whole panel\nNote from Cllr Webb, shared with the panel",
        ])
        # Webb's notes are not the current member's: her own note and questions stay empty.
        assert panel.questions_section is not None and not panel.data["questions"]
        assert panel.data["note"] is None
        window.grab().save("/tmp/defects-other-members.png")
    finally:
        close_window(qtbot, window, worker)
