"""Export my markup and Import markup from the window when some of it is on a confidential item:
leave it out (the default) or seal it with a passphrase typed twice; a sealed file asks for the
passphrase, or imports the rest without it.

Material: the sample panel; the printed minutes of 20 July 2023 mark minute 11 (the Ofsted ILACS
report) as confidential.  Before confidential papers are set up, a note on it is kept like any other.
"""
from __future__ import annotations

import json

import pytest

from desktop_helpers import close_window, open_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SECRET = "Ask whether the inspectors' concerns about the front door (MASH) have been closed"
PUBLIC = "Ask for the re-referral rate over three years"
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def noted(sample_folder):
    from panelbook.services.markup import add_note, set_profile
    from panelbook.store import Store, queries

    with Store.open(sample_folder) as store:
        set_profile(store, "Me", "councillor")
        july = queries.resolve_meeting(store.db, "2023-07-20")
        add_note(store, queries.resolve_item(store.db, july, "11"), SECRET, who="Me")
        add_note(store, queries.resolve_item(store.db, july, "9"), PUBLIC, who="Me")
    return sample_folder


def _button(box, text):
    return next(b for b in box.buttons() if b.text() == text)


def test_leaving_confidential_markup_out_is_the_default(qtbot, noted, tmp_path):
    window, worker = open_window(qtbot, noted)
    try:
        actions = window.markup_actions
        target = tmp_path / "mine.json"
        actions.export_to(str(target), shared_only=False)
        qtbot.waitUntil(lambda: getattr(actions, "confidential_box", None) is not None
                        and actions.confidential_box.isVisible(), timeout=10000)
        box = actions.confidential_box
        assert box.text() == "1 note, flag or highlight is on confidential items."
        assert box.defaultButton().text() == "Leave them out"
        with qtbot.waitSignal(actions.exported, timeout=10000) as exported:
            _button(box, "Leave them out").click()
        assert exported.args[1]["confidential_left_out"] == 1
        raw = target.read_text(encoding="utf-8")
        assert PUBLIC in raw and SECRET not in raw
        assert "1 on confidential items left out" in window.statusBar().currentMessage()
    finally:
        close_window(qtbot, window, worker)


def test_sealed_with_a_passphrase_and_opened_with_it(qtbot, noted, tmp_path):
    window, worker = open_window(qtbot, noted)
    try:
        actions = window.markup_actions
        target = tmp_path / "sealed.json"
        actions.export_to(str(target), shared_only=False)
        qtbot.waitUntil(lambda: getattr(actions, "confidential_box", None) is not None
                        and actions.confidential_box.isVisible(), timeout=10000)
        _button(actions.confidential_box, "Seal with a passphrase…").click()
        dialog = actions.passphrase_dialog
        assert dialog.isVisible() and not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.first, PASSPHRASE)
        qtbot.keyClicks(dialog.again, PASSPHRASE)
        with qtbot.waitSignal(actions.exported, timeout=20000) as exported:
            dialog.ok_button.click()
        assert exported.args[1]["confidential_sealed"] == 1
        raw = target.read_text(encoding="utf-8")
        assert SECRET not in raw and PASSPHRASE not in raw
        assert json.loads(raw)["confidential"]["cipher"] == "AES-256-GCM"

        actions.import_from(str(target))
        qtbot.waitUntil(lambda: actions.passphrase_dialog is not dialog and actions.passphrase_dialog.isVisible(),
                        timeout=10000)
        opening = actions.passphrase_dialog
        qtbot.keyClicks(opening.first, PASSPHRASE)
        with qtbot.waitSignal(actions.imported, timeout=20000) as imported:
            opening.ok_button.click()
        assert imported.args[0]["confidential_opened"] == 1
        assert "1 on confidential items opened with the passphrase" in window.statusBar().currentMessage()
    finally:
        close_window(qtbot, window, worker)
