"""A query with more than 1,000 matches in the Search place: the summary says the results
are the best among the 1,000 newest matches, then adds the exact count when it has it."""
from __future__ import annotations

from desktop_helpers import close_window, meeting_on, open_window
from panelbook.store import Store, transaction


def _add_pages(folder, meeting_id: int, count: int) -> None:
    """``count`` page rows saying "nightingale" under one of the sample's meetings."""
    with Store.open(folder, daily_backup=False) as store, transaction(store.db):
        for number in range(count):
            store.db.execute(
                "INSERT INTO search_rows (title, body, kind, ref_id, meeting_id, item_id, document_id, page) "
                "VALUES ('Nightingale ward report', ?, 'page', NULL, ?, NULL, NULL, ?)",
                (f"The nightingale ward review, page {number}.", meeting_id, number + 1))


def _search(qtbot, window, text: str) -> None:
    window.focus_search()
    with qtbot.waitSignal(window.search.results_shown, timeout=20000, check_params_cb=lambda t: t == text):
        window.search.box.setText(text)
        window.search.run_search()


def test_a_common_word_says_its_order_then_its_count(qtbot, sample_folder):
    window, worker = open_window(qtbot, sample_folder)
    try:
        august = meeting_on(window, "2024-08-08")
    finally:
        close_window(qtbot, window, worker)
    _add_pages(sample_folder, august, 1300)
    window, worker = open_window(qtbot, sample_folder)
    try:
        _search(qtbot, window, "nightingale")
        summary = window.search.summary
        assert "best matches among the 1,000 newest" in summary.text()
        qtbot.waitUntil(lambda: "of 1,300 matches" in summary.text(), timeout=20000)
        assert "counting" not in summary.text()
        assert window.search.model.hit_count() == 200        # the window's limit, not every match
    finally:
        close_window(qtbot, window, worker)


def test_a_rare_word_is_ranked_over_every_match_and_counts_nothing_more(qtbot, sample_folder):
    window, worker = open_window(qtbot, sample_folder)
    try:
        _add_pages(sample_folder, meeting_on(window, "2024-08-08"), 12)
        _search(qtbot, window, "nightingale")
        text = window.search.summary.text()
        assert text.startswith("12 results in 1 meeting for “nightingale”")
        assert "newest" not in text and "matches" not in text
    finally:
        close_window(qtbot, window, worker)
