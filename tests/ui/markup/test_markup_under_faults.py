"""Markup made while the disk is full (a small tmpfs filled to the last byte): a question, a
flag, a changed question and a highlight of the sample pack are kept, listed as not saved
yet, and saved by themselves, in the order they were made, once space is freed; the user is
told once.  Skipped, with the reason, where mounting is not allowed."""
from __future__ import annotations

import shutil
import sqlite3

import pytest
from test_markup_panel import open_item

from desktop_helpers import close_window, open_window, pdf_index
from fault_mounts import fill, free, mount_unavailable, small_disk
from panelbook.paths import DataFolder

QUESTION = "Why did re-referrals rise in 2023?"
PASSAGE = "This item outlines the work undertaken to understand why some families"


@pytest.fixture
def full_disk_window(qtbot, tmp_path, sample_folder):
    """The window on a copy of the sample in a small tmpfs; ``fill()`` fills it, ``free()`` frees it."""
    reason = mount_unavailable(tmp_path)
    if reason:
        pytest.skip(reason)
    with small_disk(tmp_path / "disk", 12288) as disk:
        folder = DataFolder(disk / "data")
        shutil.copytree(sample_folder.root, folder.root)
        window, worker = open_window(qtbot, folder)
        filler: list = []

        class Disk:
            def fill(self):
                qtbot.waitUntil(lambda: not worker.busy, timeout=20000)
                filler.append(fill(disk))

            def free(self):
                while filler:
                    free(filler.pop())

        try:
            yield window, folder, Disk()
        finally:
            Disk().free()
            close_window(qtbot, window, worker)


def rows(folder, sql, params=()):
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    try:
        return [tuple(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


@pytest.mark.slow
def test_questions_flags_edits_and_highlights_refused_by_a_full_disk_are_kept_and_saved_later(
        qtbot, full_disk_window):
    window, folder, disk = full_disk_window
    item, panel = open_item(qtbot, window)
    with sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True) as conn:
        page = pdf_index(conn, 11)
    kept = panel.kept
    disk.fill()

    panel.new_question.setText(QUESTION)
    panel.add_question()
    qtbot.waitUntil(lambda: len(kept.pending()) == 1, timeout=10000)
    assert panel.kept_strip.isVisible() and QUESTION in panel.kept_strip.label.text()
    assert panel.new_question.text() == ""      # it is in the strip, not lost with the field
    panel.flag_box.setCurrentIndex(panel.flag_box.findData("challenge"))
    window.meeting.reader.highlight_requested.emit(page, PASSAGE, "How were the families chosen?", None)
    qtbot.waitUntil(lambda: len(kept.pending()) == 3, timeout=10000)
    question, flag, highlight = kept.pending()
    assert question.what.startswith("Your question on ") and question.what.endswith(item["title"])
    assert question.text == QUESTION
    assert flag.what == question.what.replace("Your question on", "Your flag on") and flag.text == "Challenge"
    assert highlight.what == f"Your highlight on page {page + 1} of the pack" and highlight.text.startswith(PASSAGE)
    told = [t for t in window.notices.notices() if "kept" in t]
    assert told == ["The disk holding your Panelbook data is full: free some space; your question is kept "
                    "and will be saved."]                                   # told once, for all three
    assert rows(folder, "SELECT text FROM notes WHERE kind = 'question' AND item_id = ?", (item["id"],)) == []
    assert rows(folder, "SELECT count(*) FROM highlights") == [(0,)]
    qtbot.wait(3500)                                # a try while the disk is still full: kept again
    assert len(kept.pending()) == 3

    disk.free()
    qtbot.waitUntil(lambda: not kept.pending(), timeout=15000)
    assert rows(folder, "SELECT text FROM notes WHERE kind = 'question' AND item_id = ?",
                (item["id"],)) == [(QUESTION,)]
    assert rows(folder, "SELECT flag FROM item_marks WHERE item_id = ?", (item["id"],)) == [("challenge",)]
    assert rows(folder, "SELECT quote, comment FROM highlights") == [(PASSAGE, "How were the families chosen?")]
    qtbot.waitUntil(lambda: panel.questions.rowCount() == 1 and panel.highlights.rowCount() == 1, timeout=10000)
    assert panel.kept_strip.saying_saved and panel.kept_strip.isVisible()     # said, then it goes
    qtbot.waitUntil(lambda: not panel.kept_strip.isVisible(), timeout=10000)


@pytest.mark.slow
def test_an_edit_and_a_later_edit_of_the_same_question_land_in_order(qtbot, full_disk_window):
    window, folder, disk = full_disk_window
    item, panel = open_item(qtbot, window)
    panel.new_question.setText(QUESTION)
    panel.add_question()
    qtbot.waitUntil(lambda: panel.questions.rowCount() == 1, timeout=10000)
    disk.fill()
    index = panel.questions.index(0)
    panel.questions.setData(index, "First wording")
    qtbot.waitUntil(lambda: len(panel.kept.pending()) == 1, timeout=10000)
    panel.questions.setData(index, "Second wording")            # waits behind the first
    assert len(panel.kept.pending()) == 2
    disk.free()
    qtbot.waitUntil(lambda: not panel.kept.pending(), timeout=15000)
    assert rows(folder, "SELECT text FROM notes WHERE kind = 'question' AND item_id = ?",
                (item["id"],)) == [("Second wording",)]


@pytest.mark.slow
def test_a_profile_saved_on_a_full_disk_is_kept_and_saved_later(qtbot, full_disk_window):
    window, folder, disk = full_disk_window
    disk.fill()
    window.markup_actions.save_profile("Cllr Example", "chair")
    kept = window.meeting.markup.kept
    qtbot.waitUntil(lambda: bool(kept.pending()), timeout=10000)
    assert [(e.what, e.text) for e in kept.pending()] == [("Your profile", "Cllr Example, chair")]
    disk.free()
    qtbot.waitUntil(lambda: not kept.pending(), timeout=15000)
    assert rows(folder, "SELECT name, role FROM profiles") == [("Cllr Example", "chair")]
    qtbot.waitUntil(lambda: window.markup_actions.profile is not None, timeout=10000)
    assert window.markup_actions.profile["name"] == "Cllr Example"
