"""The Tracker place on the sample panel: views, filters, the editor, history, exports, and its models."""
from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon

from panelbook.services.recs import set_recommendation
from panelbook.store import Store, queries
from panelbook.ui.shell.main_window import Place
from panelbook.ui.tracker.history_model import HistoryModel, when_text
from panelbook.ui.tracker.recs_model import (
    OVERDUE,
    STATUS,
    IdRole,
    RecsFilter,
    RecsModel,
    overdue_tint,
)

HEADTEACHER = "That the Panel suggested that a Headteacher is invited"
UPTAKE = "That, to help target activity aimed at improving uptake"
NOVEMBER = "That the issue returns to the agenda of the Panel in November"
TRENDS = "That, to enable trends to be identified"
# The offscreen platform cannot size top-level windows (the export's offer, a panel shown alone).
SIZE_HINTS = "This plugin does not support propagateSizeHints"


def rec_id(sql, prefix: str) -> int:
    return sql.execute("SELECT id FROM recommendations WHERE text LIKE ?", (prefix + "%",)).fetchone()[0]


def open_tracker(qtbot, window, today: date | None = None):
    tracker = window.tracker
    tracker.today = today
    with qtbot.waitSignal(tracker.loaded, timeout=10000):
        window.go(Place.TRACKER)
    qtbot.waitUntil(lambda: not window.worker.busy)
    return tracker


def shown_texts(tracker) -> list[str]:
    return [r["text"] for r in tracker.shown_rows()]


def select(qtbot, tracker, rid: int) -> None:
    with qtbot.waitSignal(tracker.history_shown, timeout=10000):
        tracker.show_rec(rid)
        # show_rec on the row already current asks for no history: force a fresh choice
        if tracker.editor.rec and tracker.editor.rec["id"] == rid and tracker.history_model.rowCount():
            tracker._load_history(rid)
    assert tracker.editor.rec["id"] == rid


# -- models -------------------------------------------------------------------------------------------

def _rows(sample_folder, today=date(2024, 12, 1)):
    with Store.open(sample_folder) as store:
        rows = queries.recommendations(store.db, view="all", today=today)
        drafts = queries.recommendations(store.db, status="draft", today=today)
        history = queries.history(store.db, rows[0]["id"])
    return rows, drafts, history


def test_recommendation_models_pass_the_model_tester(qapp, qtmodeltester, sample_folder):
    rows, drafts, history = _rows(sample_folder)
    model = RecsModel()
    model.set_rows(rows + drafts)
    qtmodeltester.check(model)
    assert model.rowCount() == 15 and model.columnCount() == 8
    proxy = RecsFilter()
    proxy.setSourceModel(model)
    proxy.set_filter({r["id"] for r in rows if r["overdue"]})
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2
    history_model = HistoryModel()
    history_model.set_rows(history)
    qtmodeltester.check(history_model)
    assert history_model.rowCount() == len(history) == 2


def test_recommendation_rows_read_as_the_monitoring_table(qapp, sample_folder):
    rows, _drafts, _history = _rows(sample_folder)
    model = RecsModel()
    model.today = date(2024, 12, 1)
    model.set_rows(rows)
    november = next(i for i, r in enumerate(rows) if r["text"].startswith(NOVEMBER))
    assert [model.index(november, c).data() for c in range(8)] == [
        "18 Jul 2024", "Local Area SEND Inspection", rows[november]["text"], "",
        "The service will make the necessary arrangements for November 2024.", "Not complete", "30 Nov 2024",
        "Overdue"]
    assert model.index(november, STATUS).data(Qt.ItemDataRole.ToolTipRole) == (
        "Not complete\nAs printed: Not complete – deadline November 2024.")
    assert model.index(november, OVERDUE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Overdue: the deadline was 30 Nov 2024.")
    # Overdue stands out three ways: a tint, an icon and a word.
    assert isinstance(model.index(november, 0).data(Qt.ItemDataRole.BackgroundRole), QColor)
    assert isinstance(model.index(november, OVERDUE).data(Qt.ItemDataRole.DecorationRole), QIcon)
    headteacher = next(i for i, r in enumerate(rows) if r["text"].startswith(HEADTEACHER))
    assert model.index(headteacher, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(headteacher, OVERDUE).data() == ""
    assert model.index(headteacher, STATUS).data() == "Reported complete"


def test_the_overdue_tint_keeps_the_palette_text_readable():
    from PySide6.QtGui import QPalette

    from tools.screenshots import dark_palette

    def contrast(a: QColor, b: QColor) -> float:
        def lum(c):
            parts = [v / 255 for v in (c.red(), c.green(), c.blue())]
            parts = [p / 12.92 if p <= 0.03928 else ((p + 0.055) / 1.055) ** 2.4 for p in parts]
            return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]
        hi, lo = sorted((lum(a), lum(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    light = QPalette(QColor("#efefef"))
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    for palette in (light, dark_palette()):
        tint = overdue_tint(palette)
        assert tint != palette.color(QPalette.ColorRole.Base)
        assert contrast(tint, palette.color(QPalette.ColorRole.Text)) >= 7


def test_history_times_read_as_dates():
    assert when_text("2024-07-18") == "18 Jul 2024"
    assert when_text("2024-07-18T14:05:00") == "18 Jul 2024 14:05"
    assert when_text(None) == ""


# -- the place ----------------------------------------------------------------------------------------

def test_views_count_and_filter_the_sample_recommendations(qtbot, window, sql):
    tracker = open_tracker(qtbot, window, today=date(2024, 12, 1))
    counts = {key: button.text() for key, button in tracker.view_buttons.items()}
    # Due by the next meeting (30 Jan 2025): the two past their deadlines; the 31 January one is not.
    assert counts == {"open": "Open (5)", "overdue": "Overdue (2)", "due": "Due by next meeting (2)",
                      "drafts": "Drafts (10)", "closed": "Closed (0)", "all": "All (5)"}
    assert tracker.proxy.rowCount() == 5
    assert tracker.count_label.text() == "5 recommendations: open."
    tracker.set_view("overdue")
    assert sorted(shown_texts(tracker)) == sorted(
        t for t in [r[0] for r in sql.execute("SELECT text FROM recommendations")]
        if t.startswith((UPTAKE, NOVEMBER)))
    tracker.set_view("drafts")
    assert tracker.proxy.rowCount() == 10
    assert not tracker.editor.draft_row.isHidden()
    tracker.set_view("all")
    tracker.set_issue_filter("Family Safeguarding Model")
    assert len(shown_texts(tracker)) == 2 and shown_texts(tracker)[0].startswith(HEADTEACHER)
    assert tracker.count_label.text() == "2 recommendations: all, on \u201cFamily Safeguarding Model\u201d."
    tracker.set_issue_filter(None)
    july = next(m["id"] for m in window.meetings if m["date"] == "2024-07-18")
    tracker.set_meeting_filter(july)
    assert tracker.proxy.rowCount() == 5
    tracker.set_view("drafts")
    assert tracker.proxy.rowCount() == 0
    assert tracker.count_label.text().endswith("Nothing to show with these filters.")
    assert tracker.editor.rec is None


def test_overdue_follows_the_chosen_today(qtbot, window):
    tracker = open_tracker(qtbot, window, today=date(2024, 9, 1))
    assert tracker.view_buttons["overdue"].text() == "Overdue (0)"
    tracker.today = date(2024, 10, 1)
    with qtbot.waitSignal(tracker.loaded):
        tracker.refresh()
    tracker.set_view("overdue")
    assert [t[:len(UPTAKE)] for t in shown_texts(tracker)] == [UPTAKE]
    assert tracker.proxy.index(0, OVERDUE).data() == "Overdue"
    # Due by the next meeting (28 Nov 2024): September's; the November deadline is two days later.
    assert tracker.view_buttons["due"].text() == "Due by next meeting (1)"


def test_since_the_last_meeting_lists_what_became_overdue(qtbot, window):
    tracker = open_tracker(qtbot, window, today=date(2024, 12, 1))
    assert tracker.since.isVisible()
    assert tracker.since.text() == (
        '<b>Since the last meeting</b> (8 Aug 2024): nothing closed, nothing added, '
        '<a href="since:became_overdue">2 became overdue</a>.')
    tracker.since.linkActivated.emit("since:became_overdue")
    assert sorted(t[:20] for t in shown_texts(tracker)) == sorted([UPTAKE[:20], NOVEMBER[:20]])
    assert tracker.count_label.text() == "2 recommendations that became overdue since the last meeting."
    tracker.set_view("open")
    assert tracker.proxy.rowCount() == 5


def test_editing_a_response_and_status_saves_and_adds_history(qtbot, window, sql):
    tracker = open_tracker(qtbot, window, today=date(2024, 12, 1))
    rid = rec_id(sql, NOVEMBER)
    select(qtbot, tracker, rid)
    assert tracker.history_model.rowCount() == 4        # the import: response, status, as printed, deadline
    assert [tracker.history_model.index(r, 2).data() for r in range(4)] == [
        "Deadline", "Status as printed", "Status", "Response"]
    assert tracker.history_title.text() == f"History of recommendation {rid} (4 changes)"
    editor = tracker.editor
    assert [editor.status.itemData(i) for i in range(editor.status.count())] == [
        "in_progress", "awaiting_response", "reported_complete", "rejected"]
    assert editor.no_deadline.isChecked() is False and editor.deadline.date().toString(Qt.DateFormat.ISODate) \
        == "2024-11-30"
    editor.response.setPlainText("The SEND Partnership action plan was presented on 28 November 2024.")
    editor.status.setCurrentIndex(editor.status.findData("reported_complete"))
    editor.owner.setText("Head of SEND")
    editor.no_deadline.setChecked(True)
    with qtbot.waitSignals([tracker.saved, tracker.loaded, tracker.history_shown], timeout=10000):
        editor.save_button.click()
    saved = sql.execute("SELECT * FROM recommendations WHERE id = ?", (rid,)).fetchone()
    assert (saved["status"], saved["owner"], saved["deadline"]) == ("reported_complete", "Head of SEND", None)
    assert saved["response"].startswith("The SEND Partnership action plan was presented")
    qtbot.waitUntil(lambda: tracker.history_model.rowCount() == 8)
    changes = {tracker.history_model.index(r, 2).data(): (tracker.history_model.index(r, 3).data(),
                                                          tracker.history_model.index(r, 4).data())
               for r in range(4)}
    assert changes["Status"] == ("Not complete", "Reported complete")
    assert changes["Deadline"] == ("30 Nov 2024", "(none)")
    assert changes["Owner"] == ("(none)", "Head of SEND")
    assert tracker.history_model.index(0, 1).data() == "Me"         # the profile, newest change first
    # The history reads in whole words, the full response included, no "Awai…" cut.
    shown = tracker.history.entries_text()
    assert "Status: Not complete → Reported complete" in shown
    assert "Owner: (none) → Head of SEND" in shown
    assert "The SEND Partnership action plan was presented on 28 November 2024." in shown
    assert "…" not in shown and shown.index("Me") < shown.index("import")
    assert tracker.editor.message.text() == "Saved."
    assert tracker.editor.rec["status"] == "reported_complete"
    # Reported complete is still open: the row stays where it was, no longer overdue.
    assert tracker.current_id() == rid
    assert tracker.proxy.index(tracker.table.currentIndex().row(), OVERDUE).data() == ""
    # Moving on to another recommendation leaves "Saved." behind.
    select(qtbot, tracker, rec_id(sql, UPTAKE))
    assert not tracker.editor.message.isVisible()


def test_a_refused_change_is_explained_and_changes_nothing(qtbot, window, sql, sample_folder):
    tracker = open_tracker(qtbot, window, today=date(2024, 12, 1))
    rid = rec_id(sql, HEADTEACHER)
    select(qtbot, tracker, rid)
    # Another program closes it meanwhile (the command line, a second window).
    with Store.open(sample_folder) as store:
        set_recommendation(store, rid, status="closed_complete", who="clerk")
    before = sql.execute("SELECT count(*) FROM rec_history WHERE rec_id = ?", (rid,)).fetchone()[0]
    editor = tracker.editor
    editor.status.setCurrentIndex(editor.status.findData("in_progress"))
    with qtbot.waitSignal(tracker.loaded, timeout=10000):
        editor.save_button.click()
    assert editor.message.isVisible()
    assert editor.message.text() == (
        f"This change was not saved: recommendation {rid} is now \u201cComplete – accepted by the panel\u201d, "
        "and the panel's rule does not let it become \u201cNot complete\u201d. It may have been changed "
        "elsewhere; the tracker now shows it as it is saved.")
    assert sql.execute("SELECT status FROM recommendations WHERE id = ?", (rid,)).fetchone()[0] == "closed_complete"
    assert sql.execute("SELECT count(*) FROM rec_history WHERE rec_id = ?", (rid,)).fetchone()[0] == before
    # The tracker now shows it closed, under Closed.
    assert tracker.view_buttons["closed"].text() == "Closed (1)"


def test_drafts_are_accepted_or_set_aside_with_undo(qtbot, window, sql):
    tracker = open_tracker(qtbot, window, today=date(2024, 12, 1))
    tracker.set_view("drafts")
    rid = rec_id(sql, TRENDS)
    select(qtbot, tracker, rid)
    with qtbot.waitSignals([tracker.saved, tracker.loaded], timeout=10000):
        tracker.editor.accept_button.click()
    assert sql.execute("SELECT status FROM recommendations WHERE id = ?", (rid,)).fetchone()[0] \
        == "awaiting_response"
    assert tracker.view_buttons["drafts"].text() == "Drafts (9)"
    assert tracker.notice_box.isVisible()
    assert tracker.notice.text() == f"Recommendation {rid} is now \u201cAwaiting response\u201d and is listed under Open."

    other = tracker.current_id()
    assert other is not None and other != rid
    assert not tracker.editor.message.isVisible()      # "Saved." was about the draft that left, not this one
    with qtbot.waitSignal(tracker.loaded, timeout=10000):
        tracker.editor.aside_button.click()
    assert sql.execute("SELECT not_a_recommendation FROM recommendations WHERE id = ?", (other,)).fetchone()[0] == 1
    assert tracker.view_buttons["drafts"].text() == "Drafts (8)"
    assert tracker.notice.text().startswith("Set aside as not a recommendation: \u201cThat")
    with qtbot.waitSignal(tracker.loaded, timeout=10000):
        tracker.undo_button.click()
    assert sql.execute("SELECT not_a_recommendation FROM recommendations WHERE id = ?", (other,)).fetchone()[0] == 0
    assert tracker.view_buttons["drafts"].text() == "Drafts (9)"
    assert tracker.current_id() == other


@pytest.mark.qt_log_ignore(SIZE_HINTS)
def test_csv_export_writes_the_rows_shown(qtbot, window, tmp_path):
    tracker = open_tracker(qtbot, window, today=date(2024, 12, 1))
    tracker.set_view("overdue")
    target = tmp_path / "out" / "recs.csv"
    with qtbot.waitSignal(tracker.exported, timeout=10000):
        tracker.export_csv(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["ID", "Meeting date", "Title", "Action proposed"]
    assert len(rows) == 3
    assert all(r[9] == "yes" for r in rows[1:])
    assert tracker.offer is not None and tracker.offer.isVisible()
    tracker.offer.done(0)


@pytest.mark.qt_log_ignore(SIZE_HINTS)
def test_monitoring_pdf_export_for_a_chosen_meeting(qtbot, window, tmp_path):
    tracker = open_tracker(qtbot, window, today=date(2024, 8, 1))
    labels = [a.text() for a in tracker.pdf_menu.actions()]
    assert labels[0] == "Scrutiny Monitoring – 8 Aug 2024 (next meeting)"
    august = next(m["id"] for m in window.meetings if m["date"] == "2024-08-08")
    target = tmp_path / "monitoring.pdf"
    with qtbot.waitSignal(tracker.exported, timeout=20000):
        tracker.export_monitoring(august, target)
    assert target.read_bytes().startswith(b"%PDF")
    tracker.offer.done(0)


def test_columns_fit_and_pictures_are_taken(qtbot, window, tmp_path):
    tracker = open_tracker(qtbot, window, today=date(2024, 12, 1))
    from panelbook.ui.tracker.recs_model import TEXT

    table = tracker.table
    for width, height in ((1024, 700), (1280, 800), (1920, 1080)):
        window.resize(width, height)
        qtbot.wait(100)
        assert not table.horizontalScrollBar().isVisible()
        widths = [table.columnWidth(c) for c in range(table.model().columnCount())]
        assert widths[TEXT] == max(widths), widths      # the wording has the most room
        assert widths[TEXT] >= (180 if width < 1280 else 300), widths
        for button in tracker.filters.view_buttons.values():   # "Due by next meeting (3)", never elided
            assert button.width() >= button.sizeHint().width(), button.text()
        assert tracker.filters.two_lines == (width < 1280)
        assert window.grab().save(str(tmp_path / f"tracker-{width}x{height}.png"))


# -- on an agenda item --------------------------------------------------------------------------------

@pytest.fixture
def accepted_trend(sample_folder):
    """The July 2023 'Children and Learning - Performance' draft accepted, so it is open."""
    with Store.open(sample_folder) as store:
        rid = next(r["id"] for r in queries.recommendations(store.db, status="draft") if r["text"].startswith(TRENDS))
        set_recommendation(store, rid, status="awaiting_response", who="clerk")
    return rid


def test_earlier_open_recommendations_on_the_same_issue(sample_folder, accepted_trend):
    from panelbook.store.earlier_recs import earlier_open_recs

    with Store.open(sample_folder) as store:
        items = {(r["date"], r["title"]): r["id"] for r in store.db.query(
            "SELECT i.id, i.title, m.date FROM items i JOIN meetings m ON m.id = i.meeting_id")}
        on_performance = earlier_open_recs(store.db, items[("2024-08-08", "Children and Learning - Performance")],
                                           today=date(2024, 12, 1))
        assert [r["id"] for r in on_performance] == [accepted_trend]
        # The July 2024 SEND recommendations sit under the monitoring table's shorter title; the pack's
        # item title is longer; no later meeting in the sample returns to it.
        assert earlier_open_recs(store.db, items[("2024-08-08", "Early Years and Childcare")]) == []
        assert earlier_open_recs(store.db, items[("2023-07-20", "Children and Learning - Performance")]) == []
        with pytest.raises(queries.NotFound):
            earlier_open_recs(store.db, 99999)


@pytest.mark.qt_log_ignore(SIZE_HINTS)
def test_open_recs_panel_lists_them_for_an_item(qtbot, qtmodeltester, sample_folder, accepted_trend):
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.meeting.open_recs_panel import OpenRecsPanel

    worker = DatabaseWorker(sample_folder)
    panel = OpenRecsPanel(worker, today=date(2024, 12, 1))
    qtbot.addWidget(panel)
    panel.show()
    try:
        with Store.open(sample_folder) as store:
            item = next(iter(store.db.query(
                "SELECT i.id FROM items i JOIN meetings m ON m.id = i.meeting_id "
                "WHERE m.date = '2024-08-08' AND i.title = 'Children and Learning - Performance'")))["id"]
        with qtbot.waitSignal(panel.loaded, timeout=10000):
            panel.show_item(item)
        qtmodeltester.check(panel.model)
        assert panel.model.rowCount() == 1
        assert panel.model.index(0, 0).data(IdRole) == accepted_trend
        assert panel.model.index(0, 0).data().startswith(
            "20 Jul 2023 · Awaiting response · Overdue\nThat, to enable trends")
        # No response within two months of July 2023: overdue.
        assert panel.explain.text() == "1 still open, 1 overdue. Double-click one to open it in the tracker."
        with qtbot.waitSignal(panel.rec_activated) as activated:
            panel.list.activated.emit(panel.model.index(0, 0))
        assert activated.args == [accepted_trend]
        panel.show_item(None)
        assert panel.model.rowCount() == 0 and panel.list.isHidden()
    finally:
        qtbot.waitUntil(lambda: not worker.busy)
        worker.shutdown()



def test_the_meeting_view_shows_earlier_open_recommendations_on_an_item(qtbot, accepted_trend, window):
    from desktop_helpers import meeting_on

    window.go(1)
    window.open_meeting(meeting_on(window, "2024-08-08"))
    view = window.meeting
    qtbot.waitUntil(lambda: view.model.rowCount() == 11, timeout=10000)
    row = next(r for r in range(view.model.rowCount())
               if view.model.item(r)["title"] == "Children and Learning - Performance")
    with qtbot.waitSignal(view.earlier_recs.loaded, timeout=10000):
        view.select_item(view.model.item(row)["id"])
    assert view.earlier_recs.model.rowCount() == 1
    with qtbot.waitSignal(view.rec_requested, timeout=5000) as asked:
        view.earlier_recs.rec_activated.emit(accepted_trend)
    assert asked.args == [accepted_trend]
