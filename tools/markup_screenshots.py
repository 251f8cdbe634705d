"""Pictures of markup on the sample panel: an item with a note, questions and highlights,
and the chair's view of the same item (priority, lines of enquiry and who leads them).

``python -m tools.markup_screenshots [OUT_DIR]`` writes
``markup-item-1280x800.png`` and ``markup-chair-1280x800.png`` (to
docs/screenshots by default), from a temporary copy of the sample panel.
Everything is made through the window's own controls, as a member would.
"""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from tools.screenshots import SAMPLE_ITEM, SAMPLE_MEETING_DATE, wait, wait_until

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from panelbook.ui.markup.markup_panel import MarkupPanel
    from panelbook.ui.shell.main_window import MainWindow

SIZE = (1280, 800)
NOTE = ("Re-referral rate is well above our statistical neighbours.\n"
        "Ask how the 16 families were chosen, and what changed after the Family Safeguarding Model.")
QUESTIONS = ["Why are repeat plans higher than in comparable authorities?",
             "What will the six-month briefing paper measure?",
             "How are families' own views gathered at the second conference?"]
HIGHLIGHTS = [((60, 330), (400, 345), "Only 16 families: is that enough to draw conclusions?"),
              ((60, 514), (400, 530), "")]
ENQUIRIES = [("Why do families come back to child protection planning?", "Cllr Bogle"),
             ("Is the Family Safeguarding Model making a difference yet?", "Cllr Reed")]


def _open_item(window: MainWindow) -> tuple[dict[str, Any], MarkupPanel]:
    loaded: list[int] = []
    window.meeting.meeting_loaded.connect(loaded.append)
    window.open_meeting(next(m["id"] for m in window.meetings if m["date"] == SAMPLE_MEETING_DATE))
    wait_until(lambda: loaded)
    item = next(it for it in window.meeting.model.items() if it["title"] == SAMPLE_ITEM)
    panel = window.meeting.markup
    shown: list[int] = []
    panel.loaded.connect(shown.append)
    window.meeting.select_item(item["id"])
    wait_until(lambda: shown)
    window.meeting.show_markup()
    return item, panel


def _after(signal: SignalInstance, action: Callable[[], object], timeout_ms: int = 10000) -> None:
    arrived: list[tuple[object, ...]] = []
    signal.connect(lambda *args: arrived.append(args))
    action()
    wait_until(lambda: arrived, timeout_ms)


def mark_up_sample_item(window: MainWindow) -> None:
    """Flag, note, questions (one asked, one answered) and highlights on the sample item."""
    from PySide6.QtCore import QPointF, Qt

    _item, panel = _open_item(window)
    panel.flag_box.setCurrentIndex(panel.flag_box.findData("challenge"))
    panel.note.setPlainText(NOTE)
    panel.note.flush()
    for text in QUESTIONS:
        panel.new_question.setText(text)
        _after(panel.loaded, panel.add_question)
    questions = panel.questions
    questions.setData(questions.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    questions.setData(questions.index(1), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    questions.set_answer(1, "Re-referrals within 12 months, against the 2023 baseline")
    reader = window.meeting.reader
    page = reader.current_page()
    for start, end, comment in HIGHLIGHTS:
        reader.view.select(page, QPointF(*start), QPointF(*end))
        reader.start_highlight()
        reader.highlight_comment.setText(comment)
        _after(window.meeting.highlight_added, reader.save_highlight)
    wait(300)
    reader.go_to_page(page)
    wait_until(lambda: not window.worker.busy)


def become_chair(window: MainWindow) -> None:
    """The chair's profile, a priority and lines of enquiry with who leads them."""
    actions = window.markup_actions
    _after(actions.profile_changed, lambda: actions.save_profile("Cllr Amina Patel", "chair"))
    _item, panel = _open_item(window)
    wait_until(lambda: panel.is_chair)
    panel.priority_box.setValue(1)
    for text, lead in ENQUIRIES:
        panel.new_enquiry.setText(text)
        panel.lead.setEditText(lead)
        _after(panel.loaded, panel.add_enquiry)
    wait_until(lambda: not window.worker.busy)


def grab_markup(window: MainWindow, out_dir: Path) -> list[Path]:
    """Mark the sample item up and grab the member's and the chair's views."""
    out_dir.mkdir(parents=True, exist_ok=True)
    window.resize(*SIZE)
    wait(150)
    written = []
    mark_up_sample_item(window)
    panel = window.meeting.markup
    panel.verticalScrollBar().setValue(0)
    wait(300)
    path = out_dir / f"markup-item-{SIZE[0]}x{SIZE[1]}.png"
    window.grab().save(str(path))
    written.append(path)
    become_chair(window)
    # The chair gives the item's panel more of the height (the splitter between agenda and panel).
    left = window.meeting.left
    total = sum(left.sizes())
    left.setSizes([180, total - 180])
    window.meeting.agenda.scrollTo(window.meeting.agenda.currentIndex())
    wait(300)
    panel.verticalScrollBar().setValue(0)
    wait(300)
    path = out_dir / f"markup-chair-{SIZE[0]}x{SIZE[1]}.png"
    window.grab().save(str(path))
    written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(((argv if argv is not None else sys.argv[1:]) and (argv or sys.argv[1:])[0]) or "docs/screenshots")

    from PySide6.QtWidgets import QApplication

    from panelbook.paths import data_folder
    from panelbook.services.sample import load_sample
    from panelbook.store import Store
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.shell.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")   # never the user's own settings
        folder = data_folder(Path(tmp) / "data")
        with Store.open(folder) as store:
            load_sample(store)
        app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
        app.setStyle("Fusion")
        worker = DatabaseWorker(folder)
        window = MainWindow(worker)
        try:
            window.show()
            window.start(load_sample_if_empty=False)
            wait_until(lambda: bool(window.meetings))
            for path in grab_markup(window, out):
                print(path)
        finally:
            wait_until(lambda: not worker.busy)
            window.close()
            worker.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
