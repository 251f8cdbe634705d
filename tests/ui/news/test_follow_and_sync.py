"""Following a council and syncing, in the real window, against a council's ModernGov site on
a real HTTP server on 127.0.0.1 (Manchester's recorded web-service answers with their host
rewritten, real PDFs behind the links; tests/services/sync/moderngov_site.py): the Follow
dialog lists the committees (inactive ones on request), following one syncs at once on the
worker with its progress and a calm status line; a supplement the council adds comes in on F5
as one What's new entry and one notification; with the site gone the line says offline; a
store that follows something syncs by itself after the first paint."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytest_httpserver import HTTPServer

from desktop_helpers import close_window, open_window
from panelbook.paths import data_folder
from panelbook.services.sync import follow as following
from panelbook.services.sync.http_client import HttpClient
from panelbook.store import Store
from panelbook.ui.news.follow_dialog import FollowDialog
from panelbook.ui.news.sync_status import last_synced_words
from panelbook.ui.shell.places import Place
from services.sync.moderngov_site import FAST, ServiceSite

# The clock the syncs run at: before the February meeting, whose papers are then still looked at.
BEFORE_THE_MEETING = datetime(2026, 1, 20, 9, 0, tzinfo=UTC)
SIZE_HINTS = "This plugin does not support propagateSizeHints"     # a dialog on the offscreen platform


def quick(hosts):
    return HttpClient(hosts, FAST)


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    httpserver = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpserver.no_handler_status_code = 404
    httpserver.start()
    yield httpserver
    httpserver.clear()
    if httpserver.is_running():
        httpserver.stop()


@pytest.fixture
def site(server):
    return ServiceSite(server)


@pytest.fixture
def empty_window(qtbot, tmp_path):
    window, worker = open_window(qtbot, data_folder(tmp_path / "data"))
    window.news.sync.controller.options = {"client": quick, "now": BEFORE_THE_MEETING}
    window.news.sync.follow_options = {"client": quick}
    qtbot.waitUntil(lambda: window.news.sync.following is not None, timeout=20000)
    yield window
    close_window(qtbot, window, worker)


def _sync_done(qtbot, window, start):
    with qtbot.waitSignal(window.news.sync.controller.finished, timeout=60000) as done:
        start()
    return done.args[0]


@pytest.mark.qt_log_ignore(SIZE_HINTS)
def test_the_welcome_offers_to_follow_and_the_dialog_follows_and_syncs(qtbot, empty_window, site):
    window = empty_window
    welcome = window.news.welcome
    assert welcome is not None and welcome.isVisible() and welcome.sample_button.isVisible()
    qtbot.mouseClick(welcome.follow_button, Qt.MouseButton.LeftButton)
    dialog = window.news.sync.dialog
    assert isinstance(dialog, FollowDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.address, site.base + "mgCommitteeDetails.aspx?ID=144")
    with qtbot.waitSignal(dialog.committees_listed, timeout=30000):
        qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    shown = [dialog.model.index(r).data() for r in range(dialog.model.rowCount())]
    assert "Audit Committee" in shown and not any("no longer active" in name for name in shown)
    dialog.inactive.setChecked(True)
    assert dialog.model.rowCount() >= len(shown)
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.index(r).data() == "Audit Committee")
    dialog.model.setData(dialog.model.index(row), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    outcome = _sync_done(qtbot, window, lambda: qtbot.mouseClick(dialog.follow_button, Qt.MouseButton.LeftButton))
    assert not dialog.isVisible()
    assert outcome.followed == ["Audit Committee"] and outcome.report.errors == []
    assert (outcome.report.meetings_new, outcome.report.documents_new) == (2, 3)
    line = window.news.sync.status.line
    assert line.isVisible() and line.text().startswith("Synced 1 committee, 2 new meetings, 3 new documents, ")
    qtbot.waitUntil(lambda: {m["date"] for m in window.meetings} >= {"2026-01-13", "2026-02-10"}, timeout=20000)
    assert not welcome.isVisible()          # something is followed now
    assert window.news.sync.notifier.sent_by == []      # the first sync is the baseline: no news


def _following_audit(qtbot, window, site):
    with Store.open(window.worker.folder) as store:
        following.follow(store, site.base, ["Audit Committee"], client=quick)
    window.news.sync._set_following(True)
    _sync_done(qtbot, window, window.news.sync.sync_now)


def test_f5_brings_a_supplement_as_one_entry_and_one_notification(qtbot, empty_window, site):
    window = empty_window
    _following_audit(qtbot, window, site)
    site.supplement = True
    window.activateWindow()
    outcome = _sync_done(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_F5))
    assert [c.kind for c in outcome.report.changes] == ["supplement"]
    assert len(window.news.sync.notifier.sent_by) == 1       # one notification for the sync
    qtbot.waitUntil(lambda: window.place_actions[Place.NEWS].text() == "What's new (1)", timeout=20000)
    place = window.news.place
    with qtbot.waitSignal(place.loaded, timeout=20000):
        window.go(Place.NEWS)
    assert place.model.index(0, 0).data() == "Supplement"
    assert place.model.index(0, 3).data() == "Supplement - Audit Committee update"
    assert place.sync_button.isVisible()


def test_with_the_site_gone_the_line_says_offline_and_when_it_last_synced(qtbot, empty_window, site, server):
    window = empty_window
    _following_audit(qtbot, window, site)
    server.stop()
    outcome = _sync_done(qtbot, window, window.news.sync.sync_now)
    assert outcome.report.nothing_reached()
    assert window.news.sync.status.line.text() == f"Offline — last synced {last_synced_words('2026-01-20T09:00:00Z')}."


def test_a_store_that_follows_syncs_by_itself_after_the_first_paint(qtbot, tmp_path, site):
    folder = data_folder(tmp_path / "data")
    with Store.open(folder) as store:
        following.follow(store, site.base, ["Audit Committee"], client=quick)
    window, worker = open_window(qtbot, folder)     # the sync uses the ordinary client and its spacing
    try:
        qtbot.waitUntil(lambda: window.news.sync.following is True, timeout=20000)
        qtbot.waitUntil(lambda: "Synced 1 committee" in window.news.sync.status.line.text(), timeout=60000)
        assert window.news.sync.timer.isActive() and window.news.sync.timer.interval() == 3 * 3600 * 1000
    finally:
        close_window(qtbot, window, worker)


def test_cancel_stops_the_sync_between_requests_and_says_so(qtbot, empty_window, site):
    window = empty_window
    with Store.open(window.worker.folder) as store:
        following.follow(store, site.base, ["Audit Committee"], client=quick)
    window.news.sync._set_following(True)
    status = window.news.sync.status
    window.news.sync.controller.progress.connect(lambda _p: status.cancel_button.click())
    outcome = _sync_done(qtbot, window, window.news.sync.sync_now)
    assert outcome.report.cancelled
    assert status.line.text().startswith("Sync cancelled after 0 of 1 committees")
    assert not status.cancel_button.isVisible() and window.news.sync.sync_action.isEnabled()


def test_how_often_to_sync_is_a_setting_kept_for_the_next_start(qtbot, empty_window):
    from panelbook.ui.common import settings

    sync = empty_window.news.sync
    sync.every_actions[1].trigger()
    assert sync.timer.isActive() and sync.timer.interval() == 3600 * 1000
    assert settings.load_int("sync/every_hours", 3) == 1
    sync.every_actions[0].trigger()
    assert not sync.timer.isActive() and settings.load_int("sync/every_hours", 3) == 0
