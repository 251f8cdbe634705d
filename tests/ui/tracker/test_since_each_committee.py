"""'Since the last meeting' counts each recommendation from the last meeting of its
own committee: a Kingston committee that met in January 2026 does not hide what
became overdue on the Southampton panel since its meeting of 8 August 2024."""
from __future__ import annotations

import json
from datetime import date

import pytest

from desktop_helpers import close_window, open_window
from panelbook.cli import main
from panelbook.services.imports import import_file
from panelbook.store import Store
from panelbook.ui.shell.main_window import Place
from testdata import MODERNGOV

UPTAKE = "That, to help target activity aimed at improving uptake"
NOVEMBER = "That the issue returns to the agenda of the Panel in November"


@pytest.fixture
def two_committees(sample_folder):
    """The sample panel (last met 8 August 2024) and Kingston's committee (met 15 January 2026)."""
    with Store.open(sample_folder) as store:
        import_file(store, MODERNGOV / "Agenda_151.html")
    return sample_folder


def test_recs_changes_counts_from_each_committee_s_own_last_meeting(two_committees, capsys):
    capsys.readouterr()
    assert main(["--home", str(two_committees.root), "recs", "changes", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [(c["committee"], c["date"]) for c in result["committees"]] == [
        ("Children and Families Scrutiny Panel", "2024-08-08"),
        ("Kingston and North Kingston Neighbourhood Committee", "2026-01-15")]
    became = {r["text"][:len(UPTAKE)]: r for r in result["became_overdue"]}
    assert became[UPTAKE]["since"] == "2024-08-08"
    assert any(text.startswith(NOVEMBER[:40]) for text in became)
    assert main(["--home", str(two_committees.root), "recs", "changes"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Since each committee's last meeting (Children and Families Scrutiny Panel 2024-08-08; "
                          "Kingston and North Kingston Neighbourhood Committee 2026-01-15):\n")


def test_the_tracker_says_since_each_committee_s_last_meeting(qtbot, two_committees):
    window, worker = open_window(qtbot, two_committees)
    try:
        tracker = window.tracker
        tracker.today = date(2026, 2, 1)
        with qtbot.waitSignal(tracker.loaded, timeout=10000):
            window.go(Place.TRACKER)
        qtbot.waitUntil(lambda: not window.worker.busy)
        text = tracker.since.text()
        assert text.startswith("<b>Since each committee's last meeting</b> (Children and Families Scrutiny Panel "
                               "8 Aug 2024; Kingston and North Kingston Neighbourhood Committee 15 Jan 2026): ")
        assert 'became overdue</a>' in text
        tracker.since.linkActivated.emit("since:became_overdue")
        shown = [tracker.proxy.index(r, 0).data() for r in range(tracker.proxy.rowCount())]
        assert tracker.proxy.rowCount() >= 2, shown
        window.grab().save("/tmp/defects-tracker-since.png")
    finally:
        close_window(qtbot, window, worker)
