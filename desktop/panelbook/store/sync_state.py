"""What the sync remembers about the councils' sites it follows (``services/sync``).

- ``sync_sites``: each followed ModernGov site by its base address, and whether its web
  service answers (otherwise its HTML pages are read);
- ``sync_committees``: the site's committees as its web service lists them, the ones the
  person follows, and the store committee their papers land in;
- ``sync_meetings``: each meeting the sync has seen (by the site's meeting id), what it
  last looked like (date, time, venue, status, the published flags) and the hash of the
  detail answer last imported, so an unchanged meeting is not imported again and a
  change is news;
- ``sync_documents``: each document linked to a meeting, with the hash of the bytes that
  landed and the server's validators, so a document is fetched again only conditionally
  and one that landed before an interruption is not fetched again;
- ``sync_fetches``: validators and content hashes of the other answers (meeting lists).

Writes run inside the caller's transaction (a sync writes a meeting, its documents and
their news in one), except where a function says it opens its own.
"""
from __future__ import annotations

from typing import Any

import sqlite_utils

Row = dict[str, Any]


def _one(db: sqlite_utils.Database, sql: str, params: tuple[Any, ...] = ()) -> Row | None:
    rows = list(db.query(sql, params))
    return rows[0] if rows else None


# -- sites and committees ---------------------------------------------------


def site_by_base(db: sqlite_utils.Database, base_url: str) -> Row | None:
    return _one(db, "SELECT * FROM sync_sites WHERE base_url = ?", (base_url,))


def sites(db: sqlite_utils.Database) -> list[Row]:
    return list(db.query("SELECT * FROM sync_sites ORDER BY id"))


def save_site(db: sqlite_utils.Database, base_url: str, host: str, web_service: bool, at: str) -> int:
    """The site's row (created, or its web-service flag brought up to date); its id."""
    existing = site_by_base(db, base_url)
    if existing is None:
        table = db.table("sync_sites")
        table.insert({"base_url": base_url, "host": host, "web_service": int(web_service), "added_at": at})
        return int(table.last_rowid or 0)
    if bool(existing["web_service"]) != web_service:
        db.execute("UPDATE sync_sites SET web_service = ? WHERE id = ?", (int(web_service), existing["id"]))
    return int(existing["id"])


def site_synced(db: sqlite_utils.Database, site_id: int, at: str, web_service: bool) -> None:
    db.execute("UPDATE sync_sites SET last_synced = ?, web_service = ? WHERE id = ?",
               (at, int(web_service), site_id))


def save_site_committees(db: sqlite_utils.Database, site_id: int, committees: list[Row]) -> None:
    """The site's committee list as it stands (``external_id, name, category, active``); a
    committee no longer listed is kept (it may be followed) but marked inactive."""
    listed = {c["external_id"] for c in committees}
    for committee in committees:
        db.execute(
            "INSERT INTO sync_committees (site_id, external_id, name, category, active) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (site_id, external_id) DO UPDATE SET name = excluded.name, "
            "category = excluded.category, active = excluded.active",
            (site_id, committee["external_id"], committee["name"], committee.get("category"),
             int(committee["active"])))
    for row in list(db.query("SELECT id, external_id FROM sync_committees WHERE site_id = ?", (site_id,))):
        if row["external_id"] not in listed:
            db.execute("UPDATE sync_committees SET active = 0 WHERE id = ?", (row["id"],))


def site_committees(db: sqlite_utils.Database, site_id: int) -> list[Row]:
    return list(db.query(
        "SELECT * FROM sync_committees WHERE site_id = ? ORDER BY name COLLATE NOCASE, external_id", (site_id,)))


def set_followed(db: sqlite_utils.Database, committee_row_id: int, followed: bool) -> None:
    db.execute("UPDATE sync_committees SET followed = ? WHERE id = ?", (int(followed), committee_row_id))


def followed_committees(db: sqlite_utils.Database) -> list[Row]:
    """Every followed committee with its site (``base_url``, ``host``, ``web_service``)."""
    return list(db.query(
        "SELECT c.*, s.base_url, s.host, s.web_service, s.last_synced AS site_last_synced "
        "FROM sync_committees c JOIN sync_sites s ON s.id = c.site_id "
        "WHERE c.followed = 1 ORDER BY s.id, c.name COLLATE NOCASE"))


def committee_synced(db: sqlite_utils.Database, committee_row_id: int, at: str, committee_id: int | None) -> None:
    db.execute("UPDATE sync_committees SET last_synced = ?, committee_id = coalesce(?, committee_id) WHERE id = ?",
               (at, committee_id, committee_row_id))


def store_committee_id(db: sqlite_utils.Database, name_key: str) -> int | None:
    """The store's committee of that normalised name (the key's name part), if any."""
    row = _one(db, "SELECT id FROM committees WHERE key = ? OR key LIKE ? ORDER BY id",
               ("|" + name_key, "%|" + name_key))
    return int(row["id"]) if row else None


# -- meetings ---------------------------------------------------------------


def sync_meeting(db: sqlite_utils.Database, site_id: int, external_id: str) -> Row | None:
    return _one(db, "SELECT * FROM sync_meetings WHERE site_id = ? AND external_id = ?", (site_id, external_id))


def committee_meetings(db: sqlite_utils.Database, site_id: int, committee_external_id: str) -> list[Row]:
    return list(db.query("SELECT * FROM sync_meetings WHERE site_id = ? AND committee_external_id = ? ORDER BY date",
                         (site_id, committee_external_id)))


def save_sync_meeting(db: sqlite_utils.Database, site_id: int, external_id: str, values: Row) -> int:
    """Create or update the remembered state of one meeting; its row id."""
    existing = sync_meeting(db, site_id, external_id)
    table = db.table("sync_meetings")
    if existing is None:
        table.insert({"site_id": site_id, "external_id": external_id, **values})
        return int(table.last_rowid or 0)
    table.update(existing["id"], values)
    return int(existing["id"])


def move_meeting(db: sqlite_utils.Database, meeting_id: int, new_date: str) -> bool:
    """Give a stored meeting its new date in place (the council moved it), so its items,
    documents and everyone's markup stay with it.  False (nothing changed) when the
    committee already has a meeting on the new date."""
    row = _one(db, "SELECT committee_id, date FROM meetings WHERE id = ?", (meeting_id,))
    if row is None or row["date"] == new_date:
        return False
    clash = _one(db, "SELECT id FROM meetings WHERE committee_id = ? AND date = ?", (row["committee_id"], new_date))
    if clash is not None:
        return False
    db.execute("UPDATE meetings SET date = ? WHERE id = ?", (new_date, meeting_id))
    return True


def meeting_committee(db: sqlite_utils.Database, meeting_id: int) -> int | None:
    row = _one(db, "SELECT committee_id FROM meetings WHERE id = ?", (meeting_id,))
    return int(row["committee_id"]) if row else None


# -- documents --------------------------------------------------------------


def meeting_documents(db: sqlite_utils.Database, sync_meeting_id: int) -> list[Row]:
    return list(db.query("SELECT * FROM sync_documents WHERE sync_meeting_id = ? ORDER BY id", (sync_meeting_id,)))


def pending_documents(db: sqlite_utils.Database, sync_meeting_id: int) -> int:
    """How many of the meeting's linked documents have not landed yet."""
    row = _one(db, "SELECT count(*) AS n FROM sync_documents WHERE sync_meeting_id = ? AND sha256 IS NULL "
               "AND removed = 0", (sync_meeting_id,))
    return int(row["n"]) if row else 0


def save_sync_document(db: sqlite_utils.Database, sync_meeting_id: int, url: str, values: Row) -> int:
    existing = _one(db, "SELECT id FROM sync_documents WHERE sync_meeting_id = ? AND url = ?",
                    (sync_meeting_id, url))
    table = db.table("sync_documents")
    if existing is None:
        table.insert({"sync_meeting_id": sync_meeting_id, "url": url, **values})
        return int(table.last_rowid or 0)
    table.update(existing["id"], values)
    return int(existing["id"])


# -- other answers ----------------------------------------------------------


def fetch_record(db: sqlite_utils.Database, url: str) -> Row | None:
    return _one(db, "SELECT * FROM sync_fetches WHERE url = ?", (url,))


def save_fetch(db: sqlite_utils.Database, url: str, etag: str | None, last_modified: str | None, sha256: str,
               at: str) -> None:
    db.execute(
        "INSERT INTO sync_fetches (url, etag, last_modified, sha256, fetched_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
        "sha256 = excluded.sha256, fetched_at = excluded.fetched_at",
        (url, etag, last_modified, sha256, at))
