"""The HTTP client against a real server on 127.0.0.1: what it sends, what it accepts,
and each fault a council's site or network puts in its way, said in one sentence."""
from __future__ import annotations

import ssl
import subprocess
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from panelbook import __version__
from panelbook.services.sync.errors import (
    AnswerBroken,
    AnswerTooLarge,
    BadAddress,
    BadCertificate,
    BotBlocked,
    OffSite,
    ServiceRefused,
    SiteUnreachable,
    SlowAnswer,
)
from panelbook.services.sync.http_client import HttpClient, HttpPolicy, Validators, parse_retry_after
from testdata import MODERNGOV

COMMITTEES = (MODERNGOV / "mg_GetCommittees_manchester.xml").read_bytes()


def client_for(server: HTTPServer, policy: HttpPolicy, **kwargs) -> HttpClient:
    return HttpClient({server.host}, policy, **kwargs)


def test_a_get_names_panelbook_and_its_version_and_returns_the_body(server, fast_policy):
    server.expect_request("/mgWebService.asmx/GetCommittees").respond_with_data(
        COMMITTEES, content_type="text/xml; charset=utf-8")
    with client_for(server, fast_policy) as client:
        answer = client.get(server.url_for("/mgWebService.asmx/GetCommittees"), expect_xml=True)
    assert answer.status == 200 and answer.body == COMMITTEES
    request, _response = server.log[0]
    assert request.headers["User-Agent"] == f"Panelbook/{__version__}"
    assert client.counters.requests == 1


def test_a_404_is_an_answer_not_an_error(server, fast_policy):
    with client_for(server, fast_policy) as client:
        answer = client.get(server.url_for("/documents/s999/Gone.pdf"), document=True)
    assert answer.status == 404 and not answer.ok


def test_validators_are_sent_back_and_a_304_is_not_modified(server, fast_policy):
    server.expect_request("/doc.pdf", headers={"If-None-Match": '"v1"'}).respond_with_data(status=304)
    server.expect_request("/doc.pdf").respond_with_data(
        b"%PDF-1.4 body", headers={"ETag": '"v1"', "Last-Modified": "Mon, 02 Feb 2026 10:00:00 GMT"})
    with client_for(server, fast_policy) as client:
        first = client.get(server.url_for("/doc.pdf"), document=True)
        assert first.validators == Validators('"v1"', "Mon, 02 Feb 2026 10:00:00 GMT")
        again = client.get(server.url_for("/doc.pdf"), validators=first.validators, document=True)
    assert again.not_modified and again.body == b"" and client.counters.not_modified == 1
    assert server.log[1][0].headers["If-Modified-Since"] == "Mon, 02 Feb 2026 10:00:00 GMT"


def test_a_500_is_retried_and_the_answer_after_it_kept(server, fast_policy):
    server.expect_ordered_request("/x").respond_with_data("oops", status=500)
    server.expect_ordered_request("/x").respond_with_data("<committees/>")
    with client_for(server, fast_policy) as client:
        assert client.get(server.url_for("/x")).body == b"<committees/>"
    assert client.counters.requests == 2


def test_a_server_that_keeps_failing_is_one_sentence(server, fast_policy):
    server.expect_request("/x").respond_with_data("oops", status=503)
    with client_for(server, fast_policy) as client, pytest.raises(AnswerBroken, match="kept failing"):
        client.get(server.url_for("/x"))
    assert client.counters.requests == fast_policy.retries + 1


def test_429_retry_after_is_honoured_and_capped(server, fast_policy):
    server.expect_ordered_request("/x").respond_with_data("slow down", status=429, headers={"Retry-After": "3600"})
    server.expect_ordered_request("/x").respond_with_data("<committees/>")
    waits: list[float] = []
    with client_for(server, fast_policy, sleep=lambda s: (waits.append(s), time.sleep(s))) as client:
        assert client.get(server.url_for("/x")).status == 200
    assert 0.15 <= sum(waits) <= 0.3          # an hour asked for, the cap (0.2 s) waited


def test_retry_after_as_seconds_or_a_date():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == pytest.approx(10.0)
    assert parse_retry_after("soon") is None


def test_requests_to_one_host_are_spaced(server):
    server.expect_request("/x").respond_with_data("ok")
    policy = HttpPolicy(spacing_s=0.15, retries=0)
    with HttpClient({server.host}, policy) as client:
        started = time.monotonic()
        for _ in range(3):
            client.get(server.url_for("/x"))
    assert time.monotonic() - started >= 0.3


def test_a_slow_answer_times_out_in_one_sentence(server, fast_policy):
    def slow(_request):
        time.sleep(1.5)
        return Response("late")

    server.expect_request("/slow").respond_with_handler(slow)
    with client_for(server, fast_policy) as client, pytest.raises(SlowAnswer, match="did not answer in time"):
        client.get(server.url_for("/slow"))


def test_a_truncated_body_is_never_handed_back(server, fast_policy):
    def truncated(_request):
        return Response(iter([b"<committees>" * 10]), headers={"Content-Length": "5000"})   # then the connection closes

    server.expect_request("/cut").respond_with_handler(truncated)
    with client_for(server, fast_policy) as client, pytest.raises(AnswerBroken, match="stopped part-way"):
        client.get(server.url_for("/cut"))


def test_an_answer_over_the_cap_is_refused_before_it_is_read_whole(server, fast_policy):
    big = b"<committees>" + b" " * (50 * 1024 * 1024)

    def streamed(_request):
        def body():
            for start in range(0, len(big), 1 << 20):
                yield big[start:start + (1 << 20)]
        return Response(body())            # no Content-Length: the cap is met while streaming

    server.expect_request("/big").respond_with_handler(streamed)
    server.expect_request("/declared").respond_with_data(big)
    with client_for(server, fast_policy) as client:
        with pytest.raises(AnswerTooLarge, match="1 MB limit"):
            client.get(server.url_for("/big"))
        with pytest.raises(AnswerTooLarge, match="50 MB"):
            client.get(server.url_for("/declared"))
        assert client.counters.bytes < 2 * 1024 * 1024


def test_a_redirect_on_the_site_is_followed_and_one_to_another_host_refused(server, fast_policy):
    other = server.url_for("/elsewhere").replace("127.0.0.1", "localhost")
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data("<committees/>")
    server.expect_request("/away").respond_with_data("", status=302, headers={"Location": other})
    server.expect_request("/file").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    with client_for(server, fast_policy) as client:
        assert client.get(server.url_for("/old")).url == server.url_for("/new")
        with pytest.raises(OffSite, match=r"another site \(localhost\)"):
            client.get(server.url_for("/away"))
        with pytest.raises(OffSite, match="does not open"):
            client.get(server.url_for("/file"))
    assert [r.path for r, _ in server.log] == ["/old", "/new", "/away", "/file"]


def test_only_http_and_https_to_the_followed_host(server, fast_policy):
    with client_for(server, fast_policy) as client:
        with pytest.raises(BadAddress, match="only opens http and https"):
            client.get("file:///etc/passwd")
        with pytest.raises(OffSite, match=r"not example\.org"):
            client.get("https://example.org/mgWebService.asmx")
    assert server.log == []


def test_html_where_xml_was_expected_is_the_service_refused(server, fast_policy):
    page = (MODERNGOV / "BrowseMeetings.html").read_bytes()
    server.expect_request("/mgWebService.asmx/GetCommittees").respond_with_data(page, content_type="text/html")
    server.expect_request("/forbidden").respond_with_data("<html><body>Forbidden</body></html>", status=403)
    with client_for(server, fast_policy) as client:
        with pytest.raises(ServiceRefused, match="web page where its web service"):
            client.get(server.url_for("/mgWebService.asmx/GetCommittees"), expect_xml=True)
        with pytest.raises(ServiceRefused, match="HTTP 403"):
            client.get(server.url_for("/forbidden"), expect_xml=True)


CHALLENGE = b"""<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="refresh" content="360"></head><body><div class="main-wrapper" role="main">
<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></div></body></html>"""


def test_a_bot_filter_page_is_bot_blocked(server, fast_policy):
    server.expect_request("/mgWebService.asmx/GetCommittees").respond_with_data(CHALLENGE, status=403)
    with client_for(server, fast_policy) as client, pytest.raises(BotBlocked, match="refused automated access"):
        client.get(server.url_for("/mgWebService.asmx/GetCommittees"), expect_xml=True)


def test_nothing_listening_is_unreachable(fast_policy):
    probe = HTTPServer(host="127.0.0.1", port=0)
    probe.start()
    url = probe.url_for("/x")
    probe.stop()
    with HttpClient({"127.0.0.1"}, fast_policy) as client, pytest.raises(SiteUnreachable, match="refused the connection"):
        client.get(url)


@pytest.fixture
def tls_server(tmp_path, monkeypatch):
    """A server on 127.0.0.1 with a self-signed certificate no system store trusts."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpserver = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    httpserver.start()
    yield httpserver, cert
    httpserver.stop()


def test_a_certificate_the_system_does_not_trust_is_refused_in_one_sentence(tls_server, fast_policy):
    httpserver, cert = tls_server
    httpserver.expect_request("/x").respond_with_data("<committees/>")
    with HttpClient({"127.0.0.1"}, fast_policy) as client, pytest.raises(BadCertificate, match="ask IT"):
        client.get(httpserver.url_for("/x"))
    trusted = ssl.create_default_context(cafile=str(cert))      # as if IT had installed it
    with HttpClient({"127.0.0.1"}, fast_policy, context=trusted) as client:
        assert client.get(httpserver.url_for("/x")).body == b"<committees/>"
