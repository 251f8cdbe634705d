"""A sync meeting the faults of real sites and networks, on the test server: after each,
nothing is lost, nothing is half-imported, the person is told in one sentence, and the
next sync fetches what did not land (and only that)."""
from __future__ import annotations

import re
import threading
import time
from datetime import UTC, datetime

import pytest
from moderngov_site import FAST, ServiceSite
from pytest_httpserver import HTTPServer
from werkzeug import Response

from panelbook.services.sync import follow as following
from panelbook.services.sync.http_client import HttpClient
from panelbook.services.sync.run import sync_all

NOW = datetime(2026, 1, 20, 9, 0, tzinfo=UTC)
WORK_PROGRAMME = "mgConvert2PDF.aspx?ID=60909"


def fast(hosts):
    return HttpClient(hosts, FAST)


def sync(store, now=NOW):
    return sync_all(store, now=now, client=fast)


@pytest.fixture
def site(server, store):
    site = ServiceSite(server)
    following.follow(store, site.base, ["144"])
    return site


def landed(store):
    """What the store holds of the site's papers: documents and their files, meetings, items."""
    count = lambda table: store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
    files = sorted(p.name for p in store.folder.files.rglob("*") if p.is_file())
    return {"documents": count("documents"), "meetings": count("meetings"), "items": count("items"),
            "files": files}


def serve_document_with(site, handler):
    """The work programme's address answers through ``handler`` (as recorded when it gives None)."""
    site.faults[WORK_PROGRAMME] = handler


def assert_the_next_sync_fetches_only_what_did_not_land(site, store):
    site.faults.clear()
    before = len(site.server.log)
    report = sync(store)
    assert report.errors == [] and report.documents_new == 1
    documents = [p for p in site.requested()[before:] if "mgWebService" not in p]
    assert documents == ["/" + WORK_PROGRAMME]


def test_a_document_that_times_out_fails_alone(site, store):
    def slow(_request):
        time.sleep(1.2)
        return Response(b"%PDF-late", content_type="application/pdf")

    serve_document_with(site, slow)
    report = sync(store)
    assert [e.url for e in report.errors] == [site.base + WORK_PROGRAMME]
    assert "did not answer in time" in report.errors[0].message
    assert report.meetings_new == 2 and report.documents_new == 2
    time.sleep(1.5)                  # the slow answer's handler finishes (the server logs it then)
    assert_the_next_sync_fetches_only_what_did_not_land(site, store)


def test_a_truncated_document_is_not_half_imported(site, store):
    serve_document_with(site, lambda _r: Response(iter([b"%PDF-1.4\n" * 50]), headers={"Content-Length": "90000"},
                                                  content_type="application/pdf"))
    report = sync(store)
    assert "stopped part-way" in report.errors[0].message
    row = store.db.execute("SELECT sha256, document_id, error FROM sync_documents WHERE url LIKE '%60909'").fetchone()
    assert row[0] is None and row[1] is None and "stopped part-way" in row[2]
    assert_the_next_sync_fetches_only_what_did_not_land(site, store)


def test_a_50_mb_document_is_refused_at_the_cap(site, store):
    big = b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024)
    serve_document_with(site, lambda _r: Response(big, content_type="application/pdf"))
    report = sync(store)
    assert "limit for one answer" in report.errors[0].message and "50 MB" in report.errors[0].message
    assert_the_next_sync_fetches_only_what_did_not_land(site, store)


def test_a_redirect_to_another_host_is_not_followed(site, store):
    elsewhere = site.server.url_for("/steal").replace("127.0.0.1", "localhost")
    serve_document_with(site, lambda _r: Response("", status=302, headers={"Location": elsewhere}))
    report = sync(store)
    assert "another site (localhost)" in report.errors[0].message
    assert "/steal" not in site.requested()
    assert_the_next_sync_fetches_only_what_did_not_land(site, store)


def test_500_then_429_with_retry_after_are_waited_out(site, store):
    answers = iter([Response("busy", status=500), Response("slow down", status=429, headers={"Retry-After": "1"})])
    serve_document_with(site, lambda _r: next(answers, None))
    report = sync(store)
    assert report.errors == [] and report.documents_new == 3


def test_a_meeting_list_that_keeps_failing_changes_nothing(site, store):
    site.server.clear()           # every address now answers 500
    site.server.expect_request("/mgWebService.asmx/GetMeetings").respond_with_data("Server Error", status=500)
    before = landed(store)
    report = sync(store)
    assert report.committees == 0 and report.nothing_reached()
    assert "kept failing (HTTP 500)" in report.errors[0].message
    assert landed(store) == before


def test_html_where_xml_was_expected_falls_back_to_the_pages_and_says_so(site, store):
    sync(store)
    site.service_off = True          # the council switches its web service off
    before = landed(store)
    report = sync(store)
    assert any("read its meeting pages instead" in note for note in report.notes)
    assert landed(store)["documents"] == before["documents"]       # nothing imported from the refusal page


def test_a_server_that_stops_mid_sync_then_the_sync_resumes(site, store):
    port = site.server.port

    def stop_then_fail(_request):
        threading.Thread(target=site.server.stop, daemon=True).start()
        return Response(iter([b"%PDF-1.4\n"]), headers={"Content-Length": "5000"}, content_type="application/pdf")

    serve_document_with(site, stop_then_fail)
    report = sync(store)
    assert report.errors and not report.cancelled
    first = landed(store)
    for _ in range(50):
        if not site.server.is_running():
            break
        time.sleep(0.05)
    again = HTTPServer(host="127.0.0.1", port=port, threaded=True)
    again.no_handler_status_code = 404
    again.start()
    try:
        back = ServiceSite(again)
        report = sync(store)
        assert report.errors == []
        after = landed(store)
        assert after["documents"] == first["documents"] + 1 and after["items"] >= first["items"]
        assert [p for p in back.requested() if "mgWebService" not in p] == ["/" + WORK_PROGRAMME]
    finally:
        again.stop()


CHALLENGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
             b"<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script></body></html>")


def test_a_bot_filter_in_front_of_the_site_is_said_once_and_nothing_imported(site, store):
    following.follow(store, site.base, ["163"])          # two committees followed on the one site
    site.server.clear()
    site.server.expect_request(re.compile(".*")).respond_with_data(CHALLENGE, status=403,
                                                                                content_type="text/html")
    before = landed(store)
    report = sync(store)
    assert len(report.errors) == 1 and "refused automated access" in report.errors[0].message
    assert len(site.server.log) == 1                      # the site's other committee was not asked
    assert landed(store) == before


def test_the_web_service_switched_back_on_is_used_again(site, store):
    site.service_off = True
    site.server.expect_request("/ieListMeetings.aspx").respond_with_data("<html><body>No meetings</body></html>")
    report = sync(store)
    assert any("meeting pages instead" in note for note in report.notes)
    site.service_off = False
    report = sync(store)
    assert report.notes == [] and report.meetings_new == 2
