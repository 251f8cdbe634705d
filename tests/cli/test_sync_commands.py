"""`panelbook follow` and `panelbook sync` against a council's web service on 127.0.0.1:
the --json contracts, and one line with exit 1 when nothing could be reached."""
from __future__ import annotations

import json

import pytest
from pytest_httpserver import HTTPServer

from panelbook.cli import main
from testdata import REPO

ANSWERS = REPO / "tests" / "fixtures" / "moderngov"


@pytest.fixture
def site(monkeypatch):
    """Manchester's recorded committee list, meeting list and meeting, on 127.0.0.1."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.no_handler_status_code = 404
    server.start()
    base = server.url_for("/")

    def answer(name):
        text = (ANSWERS / name).read_text(encoding="utf-8").split("-->", 1)[1]      # the researcher's comment off
        return text.replace("https://democracy.manchester.gov.uk/", base).encode()

    server.expect_request("/mgWebService.asmx/GetCommittees").respond_with_data(
        answer("mg_GetCommittees_manchester.xml"), content_type="text/xml")
    server.expect_request("/mgWebService.asmx/GetMeetings").respond_with_data(
        answer("mg_GetMeetings_manchester.xml"), content_type="text/xml")
    server.expect_request("/mgWebService.asmx/GetMeeting", query_string="lMeetingId=4967").respond_with_data(
        answer("mg_GetMeeting_with_minutes_manchester.xml"), content_type="text/xml")
    yield server
    if server.is_running():
        server.stop()


def run(capsys, home, *argv):
    code = main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_follow_lists_the_committees_as_json(site, tmp_path, capsys):
    code, out, err = run(capsys, tmp_path, "follow", site.url_for("/mgWebService.asmx"), "--json")
    assert code == 0, err
    assert json.loads(out) == [
        {"id": "163", "name": "Art Galleries Committee", "followed": False, "active": True,
         "category": "Governance and Decision Making Committees"},
        {"id": "144", "name": "Audit Committee", "followed": False, "active": True,
         "category": "Governance and Decision Making Committees"}]
    code, out, _ = run(capsys, tmp_path, "follow", site.url_for("/"), "--include-inactive", "--json")
    assert [c["id"] for c in json.loads(out)] == ["312", "163", "144"]


def test_follow_a_committee_then_sync_prints_the_contract(site, tmp_path, capsys):
    code, out, err = run(capsys, tmp_path, "follow", site.url_for("/"), "--committee", "Audit Committee")
    assert code == 0, err
    assert "Audit Committee" in out and "1 committee of this site followed now" in out
    code, out, err = run(capsys, tmp_path, "sync", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert {"committees", "requests", "not_modified", "meetings", "documents", "errors"} <= set(report)
    assert report["committees"] == 1 and report["meetings"]["new"] == 1
    assert report["requests"] >= 3
    # meeting 4966 has no recorded GetMeeting answer on this server (404): said, and the rest synced
    assert [e["message"] for e in report["errors"] if "13 January 2026" in e["message"]]
    code, out, err = run(capsys, tmp_path, "sync")
    assert code == 0 and out.startswith("Synced 1 committee")


def test_an_unknown_committee_is_a_bad_request(site, tmp_path, capsys):
    code, _out, err = run(capsys, tmp_path, "follow", site.url_for("/"), "--committee", "Planning")
    assert code == 2 and err.startswith("panelbook: ") and "no committee 'Planning'" in err


def test_sync_when_nothing_can_be_reached_is_one_line_and_exit_1(site, tmp_path, capsys):
    run(capsys, tmp_path, "follow", site.url_for("/"), "--committee", "144")
    site.stop()
    code, _out, err = run(capsys, tmp_path, "sync")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("panelbook: Nothing could be synced:") and "127.0.0.1" in lines[0]


def test_sync_with_nothing_followed_says_what_to_do(tmp_path, capsys):
    code, out, _ = run(capsys, tmp_path, "sync")
    assert code == 0 and "Nothing is followed yet" in out
