"""Following a council's ModernGov site: finding its base, listing its committees,
following and unfollowing them.

The person gives any address on the site (its home, a meeting page,
``…/mgWebService.asmx``); the base is the folder that holds the ModernGov pages, a host
root or a sub-folder such as ``/modernGov/``.  Its committees come from the web
service's ``GetCommittees``; where the service is switched off or refused, from the
"Committee structure" page, and the site is remembered as read through its pages.
Deleted and expired committees are hidden unless asked for.  Only the host given is
ever contacted.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

from panelbook.model import Committee, DocumentKind, UnreadableDocument
from panelbook.services.sync.errors import NotFollowed, ServiceRefused, SiteNotModernGov
from panelbook.services.sync.http_client import HttpClient, HttpPolicy, check_address
from panelbook.sources.committee_structure_page import read_committee_structure
from panelbook.sources.decode import decode_text
from panelbook.sources.webservice import read_webservice_xml
from panelbook.store import Store, sync_state, transaction

# A ModernGov page or the web service in a path: the base is the folder before it.
_MODERNGOV_PART = re.compile(r"/(?:mgWebService\.asmx|(?:mg|ie|uu|ce)[A-Za-z]+\.aspx|documents/)", re.IGNORECASE)
# Where councils put ModernGov when given only their host.
_USUAL_FOLDERS = ("/", "/modernGov/", "/democracy/")
SERVICE_OFF = ("The council's web service is switched off or refused, so Panelbook reads its committee "
               "web pages instead.")

ClientFactory = Callable[[set[str]], HttpClient]


@dataclass(frozen=True)
class Site:
    """A council's ModernGov site: its base address (ending in "/"), whether its web
    service answers, a note to pass on, and the committees it lists."""

    base_url: str
    host: str
    web_service: bool
    committees: tuple[Committee, ...]
    note: str | None = None


@dataclass(frozen=True)
class CommitteeChoice:
    """One of a site's committees as the person chooses among them (``follow --json``)."""

    id: str
    name: str
    followed: bool
    active: bool
    category: str | None = None

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "followed": self.followed, "active": self.active,
                "category": self.category}


@dataclass(frozen=True)
class FollowedCommittee:
    """A followed committee: its site's base, the site's id for it, its name, when its
    papers were last synced (ISO 8601 UTC, or None) and the store committee they land in."""

    site: str
    committee_id: str
    name: str
    last_synced: str | None
    store_committee_id: int | None = None


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def default_client(policy: HttpPolicy | None = None) -> ClientFactory:
    return lambda hosts: HttpClient(hosts, policy)


def normalise_address(url: str) -> str:
    """The address as typed, with https:// in front when no scheme was given."""
    url = url.strip()
    if "://" not in url and not url.lower().startswith(("file:", "mailto:", "javascript:", "data:")):
        url = "https://" + url
    check_address(url)
    return url


def candidate_bases(url: str) -> list[str]:
    """Base addresses to try, most likely first: the folder before a ModernGov page in the
    address, else the address itself as a folder, then the usual folders on its host."""
    parts = urlsplit(url)
    origin = (parts.scheme.lower(), parts.netloc.lower())
    found = _MODERNGOV_PART.search(parts.path)
    if found:
        return [urlunsplit((*origin, parts.path[:found.start()] + "/", "", ""))]
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    bases = [urlunsplit((*origin, path, "", ""))]
    bases += [urlunsplit((*origin, folder, "", "")) for folder in _USUAL_FOLDERS]
    return list(dict.fromkeys(bases))


def discover_site(url: str, *, client: ClientFactory | None = None) -> Site:
    """Find the ModernGov site at ``url``; raise a SyncError (one sentence) otherwise."""
    url = normalise_address(url)
    host = check_address(url)[1]
    with (client or default_client())({host}) as http:
        refused: Site | None = None
        for base in candidate_bases(url):
            try:
                answer = http.get(base + "mgWebService.asmx/GetCommittees", expect_xml=True)
            except ServiceRefused:
                refused = refused or _from_pages(http, base, host)
                continue
            if answer.status != 200:
                continue
            try:
                parsed = read_webservice_xml(answer.body, base)
            except UnreadableDocument:
                continue
            if parsed.kind == DocumentKind.WEBSERVICE_COMMITTEES:
                return Site(base, host, True, tuple(parsed.committees))
        if refused is not None:
            return refused
    raise SiteNotModernGov(
        f"No ModernGov committee site was found at {url}; give the address of the council's committee "
        "pages (its 'Committee structure' or a meeting's page).", url)


def _from_pages(http: HttpClient, base: str, host: str) -> Site | None:
    """The site read through its pages, when its committee list page is there."""
    answer = http.get(base + "mgCommitteeStructure.aspx")
    if answer.status != 200:
        return None
    try:
        committees = read_committee_structure(decode_text(answer.body))
    except UnreadableDocument:
        return None
    return Site(base, host, False, tuple(committees), SERVICE_OFF)


def _active(committee: Committee) -> bool:
    return not (committee.deleted or committee.expired)


def _remember(store: Store, site: Site) -> int:
    at = utc_now()
    with transaction(store.db):
        site_id = sync_state.save_site(store.db, site.base_url, site.host, site.web_service, at)
        sync_state.save_site_committees(store.db, site_id, [
            {"external_id": c.external_id, "name": c.name, "category": c.category, "active": _active(c)}
            for c in site.committees if c.external_id])
    return site_id


def _choices(store: Store, site_id: int, include_inactive: bool) -> list[CommitteeChoice]:
    return [CommitteeChoice(row["external_id"], row["name"], bool(row["followed"]), bool(row["active"]),
                            row["category"])
            for row in sync_state.site_committees(store.db, site_id)
            if include_inactive or row["active"] or row["followed"]]


def site_committees(store: Store, url: str, include_inactive: bool = False, *,
                    client: ClientFactory | None = None) -> list[CommitteeChoice]:
    """The site's committees (deleted and expired ones only when asked, or when followed),
    each saying whether it is followed.  The site's list is remembered in the store."""
    site = discover_site(url, client=client)
    return _choices(store, _remember(store, site), include_inactive)


def _resolve(rows: list[sync_state.Row], wanted: list[str], base: str) -> list[sync_state.Row]:
    chosen = []
    for ask in wanted:
        ask_clean = ask.strip()
        match = next((r for r in rows if r["external_id"] == ask_clean), None) or next(
            (r for r in rows if r["name"].casefold() == ask_clean.casefold()), None)
        if match is None:
            raise NotFollowed(f"The site {base} has no committee '{ask_clean}'; give its id or exact name as "
                              "'panelbook follow URL' lists them.")
        chosen.append(match)
    return chosen


def remembered_site(store: Store, url: str) -> sync_state.Row | None:
    """The followed site at ``url`` as the store remembers it, or None."""
    for base in candidate_bases(normalise_address(url)):
        row = sync_state.site_by_base(store.db, base)
        if row is not None:
            return row
    return None


def _set(store: Store, url: str, committees: list[str], followed: bool,
         client: ClientFactory | None) -> list[CommitteeChoice]:
    known = None if followed else remembered_site(store, url)     # unfollowing needs no network
    if known is not None:
        site_id, base = int(known["id"]), str(known["base_url"])
    else:
        site = discover_site(url, client=client)
        site_id, base = _remember(store, site), site.base_url
    rows = sync_state.site_committees(store.db, site_id)
    chosen = _resolve(rows, committees, base)
    with transaction(store.db):
        for row in chosen:
            sync_state.set_followed(store.db, row["id"], followed)
    return _choices(store, site_id, include_inactive=True)


def follow(store: Store, url: str, committees: list[str], *,
           client: ClientFactory | None = None) -> list[CommitteeChoice]:
    """Follow the named committees (id or exact name) of the site at ``url``; every one
    is checked before any is followed.  Returns the site's committees as they now stand."""
    return _set(store, url, committees, True, client)


def unfollow(store: Store, url: str, committees: list[str], *,
             client: ClientFactory | None = None) -> list[CommitteeChoice]:
    """Stop following the named committees (offline too, for a site already followed).
    Their meetings and papers stay in the store, with everyone's notes on them; they are
    only no longer synced."""
    return _set(store, url, committees, False, client)


def followed_committees(store: Store) -> list[FollowedCommittee]:
    """Every followed committee of every site, by site then name."""
    return [FollowedCommittee(row["base_url"], row["external_id"], row["name"], row["last_synced"],
                              row["committee_id"])
            for row in sync_state.followed_committees(store.db)]
