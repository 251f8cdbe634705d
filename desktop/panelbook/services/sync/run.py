"""``sync_all``: everything followed brought up to date, politely and incrementally.

For each followed committee: its meetings in the window (``GetMeetings``, or the
meeting-list pages where the web service is off or refused, which is then said);
for each meeting that is new, changed in the list, or not yet settled, its detail
(``GetMeeting`` or its page), imported only when its bytes changed; then its documents
(the reports pack, each linked report and supplement), each fetched conditionally and
imported only when its bytes changed.  A settled meeting (past, with its minutes
published, or cancelled, or long past) costs nothing but its line in the list, and its
documents are looked at again only when its detail changes; an unsettled one's
documents are looked at again (conditionally) once a day.

One failed document, meeting or committee is recorded in the report's errors and the
sync goes on; a site that cannot be reached, refuses automated access or has a bad
certificate is said once and its other committees are not asked.  A cancel stops
between two requests; what landed stays, and the next sync carries on from there.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from panelbook.model import MeetingStatus, UnreadableDocument
from panelbook.services.sync import landing
from panelbook.services.sync.changes import document_role
from panelbook.services.sync.errors import (
    BadCertificate,
    BotBlocked,
    ServiceRefused,
    SiteUnreachable,
    SyncCancelled,
    SyncError,
)
from panelbook.services.sync.http_client import HttpClient, HttpPolicy, Validators
from panelbook.services.sync.landing import Where
from panelbook.services.sync.listing import (
    Detail,
    Linked,
    Listed,
    Unchanged,
    detail_from_page,
    detail_from_service,
    meetings_from_pages,
    meetings_from_service,
)
from panelbook.services.sync.report import SyncProgress, SyncReport
from panelbook.sources.textutil import norm_key
from panelbook.store import Store, sync_state, transaction
from panelbook.store.blobs import sha256_of

__all__ = ["SyncProgress", "SyncReport", "sync_all"]

DOCUMENT_RECHECK = timedelta(hours=24)
SETTLED_AFTER = timedelta(days=7)       # minutes published this long after: settled
LONG_PAST = timedelta(days=90)          # without minutes, settled after this long anyway
_SITE_FATAL = (SiteUnreachable, BadCertificate, BotBlocked)

ClientFactory = Callable[[set[str]], HttpClient]


@dataclass
class _Run:
    store: Store
    report: SyncReport
    now: datetime
    at: str
    progress: Callable[[SyncProgress], None] | None
    cancelled: Callable[[], bool] | None
    done: int = 0
    total: int = 0

    @property
    def today(self) -> date:
        return self.now.date()

    def say(self, committee: str, meeting: str | None, step: str) -> None:
        if self.progress:
            self.progress(SyncProgress(committee, meeting, step, self.done, self.total))

    def check_cancel(self) -> None:
        if self.cancelled and self.cancelled():
            raise SyncCancelled()


def sync_all(store: Store, *, progress: Callable[[SyncProgress], None] | None = None,
             cancelled: Callable[[], bool] | None = None, now: datetime | None = None,
             client: ClientFactory | None = None, policy: HttpPolicy | None = None) -> SyncReport:
    """Sync every followed committee; the report says what was found and what went wrong."""
    now = now or datetime.now(UTC)
    report = SyncReport()
    run = _Run(store, report, now, now.strftime("%Y-%m-%dT%H:%M:%SZ"), progress, cancelled)
    followed = sync_state.followed_committees(store.db)
    report.followed = run.total = len(followed)
    by_site: dict[int, list[dict[str, Any]]] = {}
    for row in followed:
        by_site.setdefault(row["site_id"], []).append(row)
    make = client or (lambda hosts: HttpClient(hosts, policy, cancelled=cancelled))
    try:
        for site_rows in by_site.values():
            _sync_site(run, site_rows, make({site_rows[0]["host"]}))
    except SyncCancelled:
        report.cancelled = True
    report.finished_at = run.at
    run.say("", None, "done")
    return report


def _sync_site(run: _Run, rows: list[dict[str, Any]], http: HttpClient) -> None:
    site_id, base = rows[0]["site_id"], rows[0]["base_url"]
    web_service = True      # asked again at every sync: a council may switch it back on
    try:
        for row in rows:
            run.check_cancel()
            try:
                web_service = _sync_committee(run, http, row, web_service)
                run.report.committees += 1
            except _SITE_FATAL as error:
                run.report.error(error.url or base, str(error))
                break
            except SyncError as error:
                run.report.error(error.url or base, str(error))
            finally:
                run.done += 1
        with transaction(run.store.db):
            sync_state.site_synced(run.store.db, site_id, run.at, web_service)
    finally:
        run.report.requests += http.counters.requests
        run.report.not_modified += http.counters.not_modified
        http.close()


def _sync_committee(run: _Run, http: HttpClient, row: dict[str, Any], web_service: bool) -> bool:
    """One committee; returns whether the site's web service answered."""
    base, host, name, external = row["base_url"], row["host"], row["name"], row["external_id"]
    run.say(name, None, "meetings")
    listed: list[Listed]
    if web_service:
        try:
            listed = meetings_from_service(http, base, external, run.today)
        except ServiceRefused as error:
            web_service = False
            note = (f"The web service of {host} is switched off or refused ({error}); Panelbook read its "
                    "meeting pages instead.")
            if note not in run.report.notes:
                run.report.notes.append(note)
    if not web_service:
        note = f"The web service of {host} is switched off or refused; Panelbook read its meeting pages instead."
        if not any(n.startswith(f"The web service of {host} ") for n in run.report.notes):
            run.report.notes.append(note)
        listed = meetings_from_pages(http, base, external, run.today)
    where = Where(row["site_id"], external, name, row["last_synced"] is None, run.at)
    for meeting in listed:
        run.check_cancel()
        try:
            _sync_meeting(run, http, where, base, host, meeting, web_service)
        except _SITE_FATAL:
            raise
        except SyncError as error:
            run.report.error(error.url or base, str(error))
        except UnreadableDocument as error:
            run.report.error(base, str(error))
    store_committee = sync_state.store_committee_id(run.store.db, norm_key(name))
    with transaction(run.store.db):
        sync_state.committee_synced(run.store.db, row["id"], run.at, store_committee)
    return web_service


def _settled(before: dict[str, Any], today: date) -> bool:
    """A meeting that will not change any more, as far as a sync need care (its documents
    that have not landed yet are still fetched)."""
    held = date.fromisoformat(before["date"])
    if held > today - SETTLED_AFTER:
        return False
    return bool(before["minutes_published"]) or before["status"] == MeetingStatus.CANCELLED.value \
        or held < today - LONG_PAST


def _listing_changed(before: dict[str, Any], listed: Listed) -> bool:
    return bool(before["listed"] != listed.signature())


def _sync_meeting(run: _Run, http: HttpClient, where: Where, base: str, host: str, listed: Listed,
                  web_service: bool) -> None:
    before = sync_state.sync_meeting(run.store.db, where.site_id, listed.external_id)
    if before is not None and before["detail_sha256"] and not _listing_changed(before, listed) \
            and _settled(before, run.today) and not sync_state.pending_documents(run.store.db, before["id"]):
        return
    label = f"{listed.date.day} {listed.date:%B %Y}"
    run.say(where.committee_name, label, "meeting")
    known_sha = before["detail_sha256"] if before is not None else None
    detail: Detail | Unchanged | None
    if web_service:
        detail = detail_from_service(http, base, host, listed.external_id, where.committee_name, run.today,
                                     known_sha)
    else:
        detail = detail_from_page(http, listed, host, where.committee_name, known_sha)
    if detail is None:
        run.report.error(base, f"The meeting of {label} is listed but its details are not on the site.")
        return
    if isinstance(detail, Unchanged):
        assert before is not None
        if before["listed"] != listed.signature():
            landing.checked(run.store, before["id"], run.at, listed.signature())
        links = [Linked(row["title"], row["url"])
                 for row in sync_state.meeting_documents(run.store.db, before["id"]) if not row["removed"]]
        run.say(where.committee_name, label, "documents")
        _sync_documents(run, http, where, before, links, meeting_changed=False)
        return
    _found = landing.land_meeting(run.store, where, listed.external_id, detail, before, listed.signature())[1]
    if before is None:
        run.report.meetings_new += 1
    else:
        run.report.meetings_changed += 1
    run.report.changes += _found
    sync_meeting = sync_state.sync_meeting(run.store.db, where.site_id, listed.external_id)
    assert sync_meeting is not None
    run.say(where.committee_name, label, "documents")
    _sync_documents(run, http, where, sync_meeting, detail.documents, meeting_changed=True)


def _sync_documents(run: _Run, http: HttpClient, where: Where, sync_meeting: dict[str, Any],
                    documents: list[Linked], meeting_changed: bool) -> None:
    """The meeting's documents; when its detail changed, those no longer linked are removed."""
    known = {row["url"]: row for row in sync_state.meeting_documents(run.store.db, sync_meeting["id"])}
    linked = {link.url: link for link in documents}
    for link in documents:
        run.check_cancel()
        try:
            _sync_document(run, http, where, sync_meeting, link, known.get(link.url), meeting_changed)
        except _SITE_FATAL:
            raise
        except (SyncError, UnreadableDocument) as error:
            url = getattr(error, "url", "") or link.url
            landing.document_checked(run.store, sync_meeting["id"], link, _role(link), run.at, error=str(error))
            run.report.error(url, str(error))
    if not meeting_changed:
        return
    gone = [row for url, row in known.items() if url not in linked and not row["removed"]]
    run.report.changes += landing.land_removed(run.store, where, sync_meeting, gone)


def _role(link: Linked) -> str:
    return document_role(link.title, link.url)


def _stale(row: dict[str, Any], now: datetime) -> bool:
    if not row["checked_at"]:
        return True
    checked = datetime.strptime(row["checked_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return now - checked >= DOCUMENT_RECHECK


def _sync_document(run: _Run, http: HttpClient, where: Where, sync_meeting: dict[str, Any], link: Linked,
                   before: dict[str, Any] | None, meeting_changed: bool) -> None:
    landed = before is not None and before["sha256"] is not None and not before["removed"]
    if landed and not meeting_changed and not _stale(before or {}, run.now):
        return
    validators = Validators(before["etag"], before["last_modified"]) if landed and before else None
    answer = http.get(link.url, validators=validators, document=True)
    role = _role(link)
    found_validators = (answer.validators.etag, answer.validators.last_modified)
    if answer.not_modified:
        landing.document_checked(run.store, sync_meeting["id"], link, role, run.at, found_validators)
        return
    if answer.status != 200:
        raise SyncError(f"'{link.title}' is linked from the meeting but not on the site (HTTP {answer.status}).",
                        link.url)
    if landed and before and before["sha256"] == sha256_of(answer.body):
        landing.document_checked(run.store, sync_meeting["id"], link, role, run.at, found_validators)
        return
    prepared = landing.prepare_document(answer.body, link, where, sync_meeting["date"])
    found = landing.land_document(run.store, where, sync_meeting, link, role, prepared, found_validators, before)
    if landed:
        run.report.documents_changed += 1
    else:
        run.report.documents_new += 1
    run.report.changes += found
