"""The one HTTP client of the app: polite, bounded, and kept to the followed site.

- TLS is checked against the operating system's certificate store (``truststore``), so
  a council's TLS-inspecting firewall, whose root the IT department installed in the
  system store, works; a certificate that fails is one sentence (``BadCertificate``),
  and verification is never turned off.
- The system proxy: requests reads ``HTTPS_PROXY``/``HTTP_PROXY``/``NO_PROXY`` from the
  environment and, on Windows and macOS, the system's proxy settings (through
  ``urllib.request.getproxies``); nothing here overrides that.
- A named User-Agent (``Panelbook/<version>``), connect and read timeouts, requests
  spaced per host, retries with backoff on 429 and 5xx honouring ``Retry-After`` (capped),
  a 404 handed back as an answer, not an error.
- Only the hosts given are contacted: redirects are followed by hand, each hop checked;
  ``file:`` and every scheme but http and https are refused.
- Answers are read streamed against a size cap (``Content-Length`` checked first), so
  a 50 MB answer where a few kilobytes were expected costs at most the cap.
- Conditional requests: the caller hands in the validators stored from last time
  (``If-None-Match``, ``If-Modified-Since``) and gets ``not_modified`` on a 304.
"""
from __future__ import annotations

import email.utils
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import truststore
from requests.adapters import HTTPAdapter

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
    SyncCancelled,
)
from panelbook.sources.blockpage import looks_like_bot_block, looks_like_html

USER_AGENT = f"Panelbook/{__version__}"
MB = 1024 * 1024
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_HOPS = 5
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class HttpPolicy:
    """How patient and how polite the client is.  Tests shorten the waits."""

    connect_timeout_s: float = 15.0
    read_timeout_s: float = 60.0         # slow installs take up to a minute
    spacing_s: float = 0.5               # between two requests to the same host
    retries: int = 3                     # after the first try, on 429/5xx/dropped connections
    backoff_s: float = 2.0               # doubled each retry, when no Retry-After is given
    max_retry_after_s: float = 120.0     # a longer Retry-After is waited for this long only
    max_answer_bytes: int = 16 * MB      # web-service XML and HTML pages
    max_document_bytes: int = 200 * MB   # PDFs


@dataclass(frozen=True)
class Validators:
    """What the server said about an answer last time, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Answer:
    """One answer: its final address, status, body (empty on 304) and validators."""

    url: str
    status: int
    body: bytes
    content_type: str
    validators: Validators
    not_modified: bool = False
    retry_after: float | None = None     # seconds, from a 429 or 503's Retry-After

    @property
    def ok(self) -> bool:
        return self.status == 200 or self.not_modified


@dataclass
class Counters:
    """What the client did, for the sync report."""

    requests: int = 0
    not_modified: int = 0
    bytes: int = 0


class _TrustStoreAdapter(HTTPAdapter):
    """Requests' adapter with the operating system's certificate store."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._context
        return super().proxy_manager_for(*args, **kwargs)


def system_trust_context() -> ssl.SSLContext:
    """An SSL context verifying against the OS certificate store (never unverified)."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def check_address(url: str) -> tuple[str, str]:
    """(scheme, host) of an http(s) address; ``BadAddress`` for anything else."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise BadAddress(f"{url} is not a web address Panelbook can use.", url) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BadAddress(
            f"Panelbook only opens http and https addresses, not {parts.scheme or 'this'}: addresses; "
            "give the council's website address.", url)
    if not parts.hostname:
        raise BadAddress(f"{url} has no site name in it; give the council's website address.", url)
    return parts.scheme.lower(), parts.hostname.lower()


class HttpClient:
    """GET with the house rules, for the hosts in ``allowed_hosts`` only.

    ``context`` defaults to the OS trust store; tests pass one that trusts their own
    certificate.  ``sleep`` and ``clock`` are injectable so tests do not wait.
    """

    def __init__(self, allowed_hosts: set[str], policy: HttpPolicy | None = None, *,
                 context: ssl.SSLContext | None = None, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.allowed_hosts = {host.lower() for host in allowed_hosts}
        self.policy = policy or HttpPolicy()
        self.counters = Counters()
        self._sleep = sleep
        self._clock = clock
        self._cancelled = cancelled
        self._last_request: dict[str, float] = {}
        self._session = requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT
        self._session.headers["Accept-Encoding"] = "gzip, deflate"
        self._session.mount("https://", _TrustStoreAdapter(context or system_trust_context()))

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the one public call ------------------------------------------------

    def get(self, url: str, *, validators: Validators | None = None, document: bool = False,
            expect_xml: bool = False) -> Answer:
        """The answer for ``url``; a 404 (or 410) is an answer, other failures raise a SyncError.

        ``document`` uses the document size cap instead of the answer cap; ``expect_xml``
        turns an HTML page where XML was expected into ``ServiceRefused`` (or
        ``BotBlocked`` when it is a bot filter's page).
        """
        self._check_allowed(url)
        limit = self.policy.max_document_bytes if document else self.policy.max_answer_bytes
        attempt = 0
        while True:
            try:
                answer = self._follow(url, validators, limit)
            except (AnswerBroken, SiteUnreachable, SlowAnswer) as error:
                once = isinstance(error, (SiteUnreachable, SlowAnswer))     # tried again once only
                if attempt >= self.policy.retries or (once and attempt >= 1):
                    raise
                self._wait(self._backoff(attempt))
                attempt += 1
                continue
            if answer.status in _RETRY_STATUSES and attempt < self.policy.retries:
                self._wait(answer_retry_after(answer, self.policy, attempt))
                attempt += 1
                continue
            return self._judge(answer, expect_xml)

    # -- the steps ----------------------------------------------------------

    def _judge(self, answer: Answer, expect_xml: bool) -> Answer:
        host = urlsplit(answer.url).hostname or answer.url
        if answer.not_modified or answer.status in (404, 410):
            return answer
        if answer.status != 200 and answer.body and looks_like_bot_block(answer.body):
            raise BotBlocked(f"The council's site ({host}) refused automated access, so Panelbook cannot "
                             "fetch its papers; try again later, or ask the council to allow it.", answer.url)
        if answer.status == 200 and looks_like_html(answer.body) and looks_like_bot_block(answer.body):
            raise BotBlocked(f"The council's site ({host}) answered with a page refusing automated access, "
                             "so Panelbook cannot fetch its papers; try again later.", answer.url)
        if answer.status in (401, 403):
            raise ServiceRefused(f"The council's site ({host}) refused the request (HTTP {answer.status}).",
                                 answer.url)
        if answer.status in _RETRY_STATUSES:
            raise AnswerBroken(f"The council's site ({host}) kept failing (HTTP {answer.status}); "
                               "try again later.", answer.url)
        if answer.status != 200:
            raise AnswerBroken(f"The council's site ({host}) answered HTTP {answer.status} for this address.",
                               answer.url)
        if expect_xml and looks_like_html(answer.body):
            raise ServiceRefused(f"The council's site ({host}) answered with a web page where its web service "
                                 "should have answered.", answer.url)
        return answer

    def _follow(self, url: str, validators: Validators | None, limit: int) -> Answer:
        """One try: the request and its redirects on the allowed hosts, the body read to the cap."""
        current = url
        for _hop in range(_MAX_HOPS + 1):
            response = self._request(current, validators)
            try:
                if response.status_code in _REDIRECTS and response.headers.get("Location"):
                    target = urljoin(current, response.headers["Location"])
                    self._check_redirect(current, target)
                    current = target
                    continue
                return self._read(current, response, limit)
            finally:
                response.close()
        raise AnswerBroken(f"The council's site sent Panelbook round more than {_MAX_HOPS} redirects.", url)

    def _request(self, url: str, validators: Validators | None) -> requests.Response:
        if self._cancelled and self._cancelled():
            raise SyncCancelled()
        host = urlsplit(url).hostname or ""
        self._space(host)
        headers = {}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        self.counters.requests += 1
        try:
            return self._session.get(
                url, headers=headers, stream=True, allow_redirects=False,
                timeout=(self.policy.connect_timeout_s, self.policy.read_timeout_s))
        except requests.exceptions.SSLError as error:
            raise BadCertificate(certificate_sentence(host, error), url) from None
        except requests.exceptions.ConnectTimeout:
            raise SiteUnreachable(f"The council's site ({host}) could not be reached in time; "
                                  "check that this computer is online and try again.", url) from None
        except requests.exceptions.Timeout:
            raise SlowAnswer(f"The council's site ({host}) did not answer in time; try again later.", url) from None
        except requests.exceptions.ConnectionError as error:
            raise SiteUnreachable(unreachable_sentence(host, error), url) from None
        except requests.exceptions.RequestException as error:
            raise SiteUnreachable(f"Panelbook could not ask {host} ({type(error).__name__}).", url) from None
        finally:
            self._last_request[host] = self._clock()

    def _read(self, url: str, response: requests.Response, limit: int) -> Answer:
        host = urlsplit(url).hostname or url
        found = Validators(response.headers.get("ETag"), response.headers.get("Last-Modified"))
        content_type = response.headers.get("Content-Type", "")
        if response.status_code == 304:
            self.counters.not_modified += 1
            return Answer(url, 304, b"", content_type, found, not_modified=True)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise AnswerTooLarge(too_large_sentence(host, int(declared), limit), url)
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in _chunks(response):
                size += len(chunk)
                if size > limit:
                    raise AnswerTooLarge(too_large_sentence(host, size, limit), url)
                chunks.append(chunk)
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError):
            raise AnswerBroken(f"The answer from the council's site ({host}) stopped part-way; "
                               "nothing of it was kept.", url) from None
        except requests.exceptions.Timeout:
            raise SlowAnswer(f"The council's site ({host}) stopped sending part-way; "
                             "nothing of it was kept.", url) from None
        self.counters.bytes += size
        return Answer(url, response.status_code, b"".join(chunks), content_type, found,
                      retry_after=parse_retry_after(response.headers.get("Retry-After")))

    # -- rules --------------------------------------------------------------

    def _check_allowed(self, url: str) -> None:
        _scheme, host = check_address(url)
        if host not in self.allowed_hosts:
            raise OffSite(f"Panelbook only contacts the followed site ({', '.join(sorted(self.allowed_hosts))}), "
                          f"not {host}.", url)

    def _check_redirect(self, source: str, target: str) -> None:
        try:
            self._check_allowed(target)
        except BadAddress:
            raise OffSite("The council's site redirected Panelbook to an address it does not open.", source) from None
        except OffSite:
            host = urlsplit(target).hostname or target
            raise OffSite(f"The council's site redirected Panelbook to another site ({host}), "
                          "which it does not follow.", source) from None

    def _space(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            wait = self.policy.spacing_s - (self._clock() - last)
            if wait > 0:
                self._wait(wait)

    def _backoff(self, attempt: int) -> float:
        return float(min(self.policy.backoff_s * (2 ** attempt), self.policy.max_retry_after_s))

    def _wait(self, seconds: float) -> None:
        """Sleep in short steps, so a cancel is noticed during a long Retry-After."""
        end = self._clock() + seconds
        while True:
            if self._cancelled and self._cancelled():
                raise SyncCancelled()
            left = end - self._clock()
            if left <= 0:
                return
            self._sleep(min(left, 0.25))


def _chunks(response: requests.Response) -> Iterator[bytes]:
    for chunk in response.iter_content(_CHUNK):
        if chunk:
            yield chunk


def answer_retry_after(answer: Answer, policy: HttpPolicy, attempt: int) -> float:
    """How long to wait before trying again: the server's Retry-After, capped;
    without one, exponential backoff."""
    if answer.retry_after is None:
        return float(min(policy.backoff_s * (2 ** attempt), policy.max_retry_after_s))
    return float(min(answer.retry_after, policy.max_retry_after_s))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None if unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def certificate_sentence(host: str, error: Exception) -> str:
    detail = str(error)
    reason = "it has expired" if "expired" in detail else (
        "it is for another site" if "hostname" in detail.lower() or "match" in detail.lower() else
        "it is not signed by an authority this computer trusts")
    return (f"The security certificate of {host} could not be checked ({reason}), so Panelbook did not "
            "connect; if the council's network inspects secure connections, ask IT to install its "
            "certificate on this computer.")


def unreachable_sentence(host: str, error: Exception) -> str:
    detail = str(error).lower()
    if "name or service not known" in detail or "nodename nor servname" in detail or "getaddrinfo" in detail \
            or "name resolution" in detail:
        return f"Panelbook could not find {host}; check the address and that this computer is online."
    if "refused" in detail:
        return f"{host} refused the connection; the council's site may be down, try again later."
    if "proxy" in detail:
        return f"The proxy server would not connect Panelbook to {host}; check the proxy settings."
    return f"Panelbook could not reach {host}; check that this computer is online and try again."


def too_large_sentence(host: str, size: int, limit: int) -> str:
    return (f"The council's site ({host}) sent more than Panelbook's {limit / MB:.0f} MB limit for one "
            f"answer ({size / MB:.0f} MB so far), so it was not kept.")
