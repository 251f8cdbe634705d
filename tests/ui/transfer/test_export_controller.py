"""Exports from the window: briefing, monitoring and calendar on the worker, with progress,
Cancel (which leaves no file), a calm message on failure and an offer to open the file."""
from __future__ import annotations

import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_helpers import meeting_on
from panelbook.ui.transfer.export_controller import (
    BRIEFING,
    ICS,
    MONITORING,
    ExportRequest,
    run_export,
    safe_name,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SAMPLE_DATE = "2024-08-08"


def _ids(sql, iso):
    return sql.execute("SELECT id FROM meetings WHERE date = ?", (iso,)).fetchone()[0]


def _text(path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def exports(tmp_path):
    """A folder for the exported files (the sample's data folder is beside it)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def opened(window):
    """Exports that record what they would open and where they would ask to save."""
    controller = window.exports
    controller.opened = []
    controller.open_file = controller.opened.append
    return controller


# -- the export itself, on a store (what the worker runs) ---------------------


def test_run_export_writes_the_briefing_through_its_stages(sample_folder, sql, exports):
    from panelbook.store import Store

    out = exports / "new folder" / "briefing.pdf"
    stages = []
    with Store.open(sample_folder, daily_backup=False) as store:
        outcome = run_export(store, ExportRequest(BRIEFING, out, _ids(sql, SAMPLE_DATE), items=["7", "8"]),
                             lambda n, of, words: stages.append((n, of, words)), lambda: False)
    assert outcome.error is None and not outcome.cancelled
    assert outcome.path == out and out.read_bytes().startswith(b"%PDF")
    assert outcome.count == len(PdfReader(str(out)).pages)
    assert stages == [(0, 3, "Reading the meeting…"), (1, 3, "Laying out the briefing…"), (2, 3, "Saving…")]
    text = _text(out)
    assert "Repeat Child Protection Plans - Analysis" in text
    assert _leftovers(out.parent) == ["briefing.pdf"]


def test_cancel_in_the_middle_of_the_layout_leaves_no_file(sample_folder, sql, exports):
    from panelbook.store import Store

    out = exports / "briefing.pdf"
    asked = []

    def cancelled() -> bool:         # answers "cancel" once the layout has placed 20 flowables
        asked.append(1)
        return len(asked) > 22

    with Store.open(sample_folder, daily_backup=False) as store:
        outcome = run_export(store, ExportRequest(BRIEFING, out, _ids(sql, SAMPLE_DATE)), lambda *a: None, cancelled)
    assert outcome.cancelled and outcome.path is None and outcome.error is None
    assert len(asked) == 23                       # stopped at the first "yes", inside reportlab
    assert _leftovers(exports) == []


def test_cancel_after_the_layout_keeps_an_older_file_as_it_was(sample_folder, sql, exports, monkeypatch):
    import panelbook.exports.monitoring as monitoring
    from panelbook.store import Store

    laid_out = []
    real = monitoring.export_monitoring
    monkeypatch.setattr(monitoring, "export_monitoring", lambda *a, **k: laid_out.append(real(*a, **k)) or laid_out[0])
    out = exports / "monitoring.pdf"
    out.write_bytes(b"an older export")
    with Store.open(sample_folder, daily_backup=False) as store:
        outcome = run_export(store, ExportRequest(MONITORING, out, _ids(sql, SAMPLE_DATE)),
                             lambda *a: None, lambda: bool(laid_out))
    assert laid_out and outcome.cancelled           # laid out in full, cancelled before saving
    assert out.read_bytes() == b"an older export" and _leftovers(exports) == ["monitoring.pdf"]


def test_a_briefing_that_cannot_be_made_is_a_plain_message(sample_folder, sql, exports):
    from panelbook.store import Store

    out = exports / "briefing.pdf"
    with Store.open(sample_folder, daily_backup=False) as store:
        outcome = run_export(store, ExportRequest(BRIEFING, out, _ids(sql, SAMPLE_DATE), items=["99"]),
                             lambda *a: None, lambda: False)
    assert outcome.error.startswith("This meeting has no agenda item 99 (its items are ")
    assert _leftovers(exports) == []


def test_the_calendar_leaves_out_the_committees_not_followed(sample_folder, exports):
    from panelbook.store import Store

    out = exports / "meetings.ics"
    with Store.open(sample_folder, daily_backup=False) as store:
        total = store.db.execute("SELECT count(*) FROM meetings").fetchone()[0]
        everything = run_export(store, ExportRequest(ICS, out), lambda *a: None, lambda: False)
        assert everything.count == total and out.read_text().count("BEGIN:VEVENT") == total
        none = run_export(store, ExportRequest(ICS, out, skip_committees=["Children and Families Scrutiny Panel"]),
                          lambda *a: None, lambda: False)
    assert none.count == 0 and "BEGIN:VEVENT" not in out.read_text()


def test_safe_names():
    assert safe_name("Briefing – Panel: A/B – 2024-08-08") == "Briefing – Panel- A-B – 2024-08-08"
    assert safe_name("  ..  ") == "Panelbook"


# -- from the window ------------------------------------------------------------


def _open_sample_meeting(qtbot, window):
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, SAMPLE_DATE))


def _boxes(window):
    return [w for w in window.findChildren(QMessageBox) if w.isVisible()]


def test_briefing_from_the_window_with_the_dialog_then_open_it(qtbot, window, opened, exports):
    _open_sample_meeting(qtbot, window)
    target = exports / "my briefing.pdf"
    asked = []
    opened.ask_path = lambda parent, title, suggested, name_filter: asked.append((title, suggested.name)) or target
    window.export_briefing_action.trigger()
    qtbot.waitUntil(lambda: getattr(opened, "dialog", None) is not None and opened.dialog.isVisible(), timeout=20000)
    dialog = opened.dialog
    assert dialog.export_button.isEnabled()
    dialog.panel.setChecked(True)
    dialog.with_reports.setChecked(True)
    dialog.set_chosen(["8"])
    assert dialog.options() == {"panel": True, "with_reports": True, "items": ["8"], "include_confidential": False}
    dialog.set_chosen([])
    assert not dialog.export_button.isEnabled()         # nothing to export
    dialog.set_chosen(["8"])
    with qtbot.waitSignal(opened.started, timeout=5000) as started:
        dialog.export_button.click()
    request = started.args[0]
    assert (request.kind, request.panel, request.with_reports, request.items) == (BRIEFING, True, True, ["8"])
    assert asked == [("Export the briefing pack",
                      "Briefing – Children and Families Scrutiny Panel – 2024-08-08.pdf")]
    assert opened.strip.isVisible() and opened.strip.cancel_button.isEnabled()
    with qtbot.waitSignal(opened.finished, timeout=60000) as finished:
        pass
    outcome = finished.args[0]
    assert outcome.path == target and target.read_bytes().startswith(b"%PDF")
    text = _text(target)
    assert "Panel briefing" in text and "Repeat Child Protection Plans - Analysis" in text
    assert not opened.strip.isVisible()
    assert window.statusBar().currentMessage() == "Saved my briefing.pdf."
    (box,) = _boxes(window)
    assert box.text() == "The briefing pack is saved."
    opening = next(b for b in box.buttons() if b.text() == "Open")
    opening.click()
    assert opened.opened == [target]


def test_cancel_from_the_window_leaves_no_file(qtbot, window, opened, sql, exports):
    target = exports / "briefing.pdf"
    gate = threading.Event()
    window.worker.submit(lambda store: gate.wait(20))        # the export waits behind this
    assert opened.start(ExportRequest(BRIEFING, target, _ids(sql, SAMPLE_DATE), with_reports=True))
    assert opened.strip.label.text() == "Exporting the briefing pack…"
    assert not opened.start(ExportRequest(ICS, exports / "x.ics"))          # one at a time
    opened.strip.cancel_button.click()
    assert opened.strip.label.text() == "Cancelling…" and not opened.strip.cancel_button.isEnabled()
    with qtbot.waitSignal(opened.finished, timeout=30000) as finished:
        gate.set()
    assert finished.args[0].cancelled
    assert _leftovers(exports) == []
    assert window.statusBar().currentMessage() == "Export cancelled; no briefing pack was saved."
    assert _boxes(window) == [] and opened.opened == []


def test_cancel_while_the_pages_are_laid_out(qtbot, window, opened, sql, exports):
    target = exports / "briefing.pdf"
    # Pressed from the worker's own thread the moment layout begins, so it lands inside reportlab.
    opened.progress.connect(lambda n, of, words: n == 1 and opened._cancel.set(),
                            Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(opened.finished, timeout=60000) as finished:
        opened.start(ExportRequest(BRIEFING, target, _ids(sql, SAMPLE_DATE), with_reports=True))
    assert finished.args[0].cancelled
    assert _leftovers(exports) == []


def test_a_failed_export_is_a_calm_message(qtbot, window, opened, sql, exports):
    with qtbot.waitSignal(opened.finished, timeout=30000) as finished:
        opened.start(ExportRequest(BRIEFING, exports / "b.pdf", _ids(sql, "2024-09-26"), with_reports=True))
    outcome = finished.args[0]
    assert outcome.error.startswith("This meeting's agenda pack is not in the store as a PDF")
    (box,) = _boxes(window)
    assert box.text() == "The briefing pack could not be exported."
    assert box.informativeText() == outcome.error
    assert _leftovers(exports) == []


def test_monitoring_and_calendar_from_the_menu(qtbot, window, opened, exports):
    _open_sample_meeting(qtbot, window)
    opened.ask_path = lambda parent, title, suggested, name_filter: exports / suggested.name
    with qtbot.waitSignal(opened.finished, timeout=60000) as finished:
        window.export_monitoring_action.trigger()
    monitoring = finished.args[0].path
    assert monitoring.name == "Monitoring – Children and Families Scrutiny Panel – 2024-08-08.pdf"
    assert "Scrutiny Monitoring – 8 August 2024" in _text(monitoring)
    for box in _boxes(window):
        box.close()
    with qtbot.waitSignal(opened.finished, timeout=30000) as finished:
        window.export_calendar_action.trigger()
    calendar = finished.args[0].path
    assert calendar.name == "Panelbook meetings.ics"
    assert calendar.read_text().count("BEGIN:VEVENT") == len(window.meetings)


def test_no_meeting_shown_says_what_to_do(qtbot, window, opened):
    assert window.shown_meeting() is None
    window.export_briefing_action.trigger()
    (box,) = _boxes(window)
    assert box.text() == "Open a meeting first"


def _briefing_dialog(qtbot, window, opened, iso):
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, iso))
    window.export_briefing_action.trigger()
    qtbot.waitUntil(lambda: getattr(opened, "dialog", None) is not None and opened.dialog.isVisible(), timeout=20000)
    return opened.dialog


def _entry(dialog, number):
    from panelbook.ui.transfer.briefing_dialog import NumberRole

    return next(dialog.model.item(r) for r in range(dialog.model.rowCount())
                if dialog.model.item(r).data(NumberRole) == number)


def test_the_briefing_leaves_confidential_items_out_unless_ticked(qtbot, window, opened, exports):
    """20 July 2023: the minutes mark minute 11 (the Ofsted inspection report) confidential."""
    target = exports / "public.pdf"
    opened.ask_path = lambda *args: target
    dialog = _briefing_dialog(qtbot, window, opened, "2023-07-20")
    ofsted = _entry(dialog, "11")
    assert ofsted.text().endswith("— confidential") and ofsted.checkState() == Qt.CheckState.Unchecked
    assert dialog.left_out.text().startswith("1 confidential item left out")
    dialog.none_button.click()
    dialog.all_button.click()                         # every public item; the confidential one stays unticked
    assert ofsted.checkState() == Qt.CheckState.Unchecked
    assert dialog.options() == {"panel": False, "with_reports": False, "items": None, "include_confidential": False}
    with qtbot.waitSignal(opened.finished, timeout=60000) as finished:
        dialog.export_button.click()                  # no question asked: nothing confidential in it
    assert finished.args[0].note.startswith("1 confidential item left out")
    text = _text(target)
    assert "1 confidential item left out" in text and "NOT FOR PUBLICATION" not in text
    (box,) = _boxes(window)
    assert "1 confidential item left out" in box.informativeText()


def test_ticking_a_confidential_item_asks_first_naming_it(qtbot, window, opened, exports):
    target = exports / "confidential.pdf"
    opened.ask_path = lambda *args: target
    dialog = _briefing_dialog(qtbot, window, opened, "2023-07-20")
    _entry(dialog, "11").setCheckState(Qt.CheckState.Checked)
    assert dialog.left_out.text().startswith("Confidential items included")
    started = []
    opened.started.connect(started.append)
    dialog.export_button.click()
    box = dialog.confirm_box
    assert box.isVisible() and box.text() == "Include 1 confidential item?"
    assert "• 11. Ofsted ILACS Standard Inspection of Southampton's Children's and Learning Service" in \
        box.informativeText()
    next(b for b in box.buttons() if b.text() == "Go back").click()
    assert started == [] and dialog.isVisible()       # nothing exported; the choices are still there
    dialog.export_button.click()
    with qtbot.waitSignal(opened.finished, timeout=60000) as finished:
        next(b for b in dialog.confirm_box.buttons() if b.text() == "Include and export…").click()
    request = started[0]
    assert (request.items, request.include_confidential) == (None, True)
    assert "marked CONFIDENTIAL — NOT FOR PUBLICATION" in finished.args[0].note
    pages = [p.extract_text() for p in PdfReader(str(target)).pages]
    assert any("CONFIDENTIAL — NOT FOR PUBLICATION" in p and "Ofsted Improvement Plan" in p for p in pages)
