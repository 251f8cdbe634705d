"""The profile asked at first start and changed from Edit › Profile…; the chair's view (priority,
lines of enquiry with who leads them), sharing it as a file and importing it on a member's copy."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from test_markup_panel import ITEM, open_item, rows

from desktop_helpers import close_window, open_window
from panelbook.ui.meeting.agenda_model import TITLE

# Dialogs and message boxes are top-level windows; the offscreen platform says it cannot pass their size on.
SIZE_HINTS = "This plugin does not support propagateSizeHints"


def set_profile(folder, name, role):
    from panelbook.services import markup
    from panelbook.store import Store

    with Store.open(folder) as store:
        markup.set_profile(store, name, role)


@pytest.mark.qt_log_ignore(SIZE_HINTS)
def test_first_start_asks_for_a_profile_and_edit_profile_changes_it(qtbot, sample_folder):
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.shell.main_window import MainWindow

    worker = DatabaseWorker(sample_folder)
    window = MainWindow(worker)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        actions = window.markup_actions
        actions.ask_profile_at_start()
        with qtbot.waitSignal(window.meetings_loaded, timeout=20000):
            window.start(load_sample_if_empty=False)
        qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.isVisible())
        dialog = actions.dialog
        assert dialog.windowTitle() == "Welcome to Panelbook"
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()           # a name is needed
        qtbot.keyClicks(dialog.name_edit, "Cllr Amina Patel")
        dialog.role_box.setCurrentIndex(dialog.role_box.findData("chair"))
        assert "lines of enquiry" in dialog.role_help.text()
        with qtbot.waitSignal(actions.profile_changed, timeout=10000):
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert rows(sample_folder, "SELECT name, role FROM profiles") == [{"name": "Cllr Amina Patel", "role": "chair"}]
        assert rows(sample_folder, "SELECT value FROM settings WHERE key = 'profile_name'") == [
            {"value": "Cllr Amina Patel"}]
        assert actions.share_action.isEnabled()

        edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
        assert actions.profile_action in edit_menu.actions()
        file_titles = [a.text() for a in next(a.menu() for a in window.menuBar().actions()
                                               if a.text() == "&File").actions() if not a.isSeparator()]
        assert file_titles[-4:] == ["Import &markup…", "&Export my markup…", "&Share chair's markup…", "&Quit"]
        actions.profile_action.trigger()
        dialog = actions.dialog
        assert dialog.windowTitle() == "Your profile"
        assert (dialog.name(), dialog.role()) == ("Cllr Amina Patel", "chair")
        dialog.role_box.setCurrentIndex(dialog.role_box.findData("councillor"))
        with qtbot.waitSignal(actions.profile_changed, timeout=10000):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert rows(sample_folder, "SELECT role FROM profiles") == [{"role": "councillor"}]
        assert not actions.share_action.isEnabled()
    finally:
        close_window(qtbot, window, worker)


def test_without_asking_no_dialog_opens(qtbot, window):
    qtbot.wait(200)
    assert window.markup_actions.dialog is None


@pytest.mark.qt_log_ignore(SIZE_HINTS)
def test_the_chair_sets_priority_and_lines_of_enquiry_and_shares_them(qtbot, sample_folder, tmp_path):
    from panelbook.paths import data_folder
    from panelbook.services.sample import load_sample
    from panelbook.store import Store

    set_profile(sample_folder, "Cllr Amina Patel", "chair")
    window, worker = open_window(qtbot, sample_folder)
    shared = tmp_path / "chair.json"
    try:
        item, panel = open_item(qtbot, window)
        assert panel.is_chair
        assert not panel.enquiry_box.isHidden() and not panel.priority_box.isHidden()
        assert panel.enquiry_title.text() == "Lines of enquiry"
        section = panel.enquiries_section
        tools = (section.up_button, section.down_button, section.delete_button)
        assert panel.enquiries.rowCount() == 0
        assert [b.isEnabled() for b in tools] == [False, False, False]    # nothing to move or delete
        for text, lead in [("Why do families return to child protection?", "Cllr Bogle"),
                           ("Is the Family Safeguarding Model working?", "")]:
            panel.new_enquiry.setFocus()
            qtbot.keyClicks(panel.new_enquiry, text)
            if lead:
                panel.lead.setEditText(lead)
            with qtbot.waitSignal(panel.loaded, timeout=5000):
                qtbot.keyClick(panel.new_enquiry, Qt.Key.Key_Return)
        assert [panel.enquiries.index(r).data() for r in range(2)] == [
            "1. Why do families return to child protection?\nLeads: Cllr Bogle",
            "2. Is the Family Safeguarding Model working?"]
        section.enquiry_list.setCurrentIndex(panel.enquiries.index(0))
        assert [b.isEnabled() for b in tools] == [False, True, True]      # the first line: down, not up
        section.enquiry_list.setCurrentIndex(panel.enquiries.index(1))
        assert [b.isEnabled() for b in tools] == [True, False, True]
        panel.priority_box.setValue(1)
        model = window.meeting.model
        qtbot.waitUntil(lambda: model.marks(item["id"]).get("priority") == 1)
        assert "priority 1" in model.index(model.row_of(item["id"]), TITLE).data(Qt.ItemDataRole.ToolTipRole)
        panel.note.setFocus()
        with qtbot.waitSignal(panel.note.saved, timeout=5000):
            qtbot.keyClicks(panel.note, "My own thoughts, not for the panel")
        with qtbot.waitSignal(window.markup_actions.exported, timeout=10000):
            window.markup_actions.export_to(str(shared), shared_only=True)
    finally:
        close_window(qtbot, window, worker)

    data = json.loads(shared.read_text(encoding="utf-8"))
    assert [(n["kind"], n["text"], n["lead"]) for n in data["notes"]] == [
        ("enquiry", "Why do families return to child protection?", "Cllr Bogle"),
        ("enquiry", "Is the Family Safeguarding Model working?", None)]
    assert data["shared_only"] is True and data["marks"] == []

    member = data_folder(tmp_path / "member")
    with Store.open(member) as store:
        load_sample(store)
    set_profile(member, "Cllr Jo Reed", "councillor")
    window, worker = open_window(qtbot, member)
    try:
        with qtbot.waitSignal(window.markup_actions.imported, timeout=10000) as imported:
            window.markup_actions.import_from(str(shared))
        assert imported.args[0]["added"] == 2
        assert window.statusBar().currentMessage() == "Markup imported: 2 added, 0 updated."
        _item, panel = open_item(qtbot, window)
        assert not panel.is_chair
        assert not panel.enquiry_box.isHidden() and panel.priority_box.isHidden()
        assert panel.enquiry_title.text() == "The chair's lines of enquiry"
        assert panel.enquiry_adder.isHidden() and panel.enquiry_tools.isHidden()
        assert panel.enquiries.index(0).data() == "1. Why do families return to child protection?\nLeads: Cllr Bogle"
        assert not panel.enquiries.flags(panel.enquiries.index(0)) & Qt.ItemFlag.ItemIsEditable
        assert panel.note.toPlainText() == ""           # the chair's private note stayed private
    finally:
        close_window(qtbot, window, worker)


def test_export_my_markup_writes_private_notes_and_questions(qtbot, window, sample_folder, tmp_path):
    _item, panel = open_item(qtbot, window)
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Private thought")
    panel.new_question.setText("A question")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.add_question()
    target = tmp_path / "mine.json"
    with qtbot.waitSignal(window.markup_actions.exported, timeout=10000):
        window.markup_actions.export_to(str(target), shared_only=False)     # saves the typing first
    data = json.loads(target.read_text(encoding="utf-8"))
    assert sorted((n["kind"], n["text"]) for n in data["notes"]) == [("note", "Private thought"),
                                                                      ("question", "A question")]
    assert all(n["item"]["title"] == ITEM for n in data["notes"])
    assert not list(tmp_path.glob("*.part"))


def test_markup_made_before_the_profile_was_chosen_stays_with_the_member(qtbot, window, sample_folder):
    item, panel = open_item(qtbot, window)
    panel.note.setFocus()
    with qtbot.waitSignal(panel.note.saved, timeout=5000):
        qtbot.keyClicks(panel.note, "Written before choosing a profile")
    panel.flag_box.setCurrentIndex(panel.flag_box.findData("follow up"))
    qtbot.waitUntil(lambda: window.meeting.model.marks(item["id"]).get("flag") == "follow up")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        window.markup_actions.save_profile("Cllr Jo Reed", "councillor")
    assert panel.note.toPlainText() == "Written before choosing a profile"
    assert panel.flag_box.currentData() == "follow up"
    assert rows(sample_folder, "SELECT profile FROM notes") == [{"profile": "Cllr Jo Reed"}]
    assert rows(sample_folder, "SELECT profile, flag FROM item_marks WHERE flag IS NOT NULL") == [
        {"profile": "Cllr Jo Reed", "flag": "follow up"}]
