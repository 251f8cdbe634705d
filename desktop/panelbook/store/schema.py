"""The store's schema and its versioned migrations.

The schema version is SQLite's ``user_version``.  Each migration runs in one
transaction together with the version bump; a store newer than this code is
refused; a backup is taken before migrating a store that already holds data.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:      # the version numbers are read before the store is opened, without sqlite-utils
    import sqlite_utils

_SEARCH_COLUMNS = "title, body, kind, ref_id, meeting_id, item_id, document_id, page"


def _new_columns(row: str) -> str:
    return ", ".join(f"{row}.{name}" for name in _SEARCH_COLUMNS.split(", "))


V1 = [
    """CREATE TABLE committees (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        council TEXT,
        terms_of_reference TEXT,
        quorum INTEGER,
        external_id TEXT,
        category TEXT
    )""",
    """CREATE TABLE committee_members (
        id INTEGER PRIMARY KEY,
        committee_id INTEGER NOT NULL REFERENCES committees(id),
        name TEXT NOT NULL,
        role TEXT,
        UNIQUE (committee_id, name)
    )""",
    """CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        committee_id INTEGER NOT NULL REFERENCES committees(id),
        date TEXT NOT NULL,
        time TEXT,
        venue TEXT,
        status TEXT NOT NULL,
        contact_name TEXT,
        contact_role TEXT,
        contact_phone TEXT,
        contact_email TEXT,
        agenda_published TEXT,
        source_url TEXT,
        external_id TEXT,
        sample INTEGER NOT NULL DEFAULT 0,
        UNIQUE (committee_id, date)
    )""",
    "CREATE INDEX meetings_date ON meetings(date)",
    """CREATE TABLE attendees (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        name TEXT NOT NULL,
        role TEXT,
        attendance TEXT,
        party TEXT,
        UNIQUE (meeting_id, name)
    )""",
    """CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        position INTEGER NOT NULL,
        agenda_number TEXT,
        minute_number TEXT,
        title TEXT NOT NULL,
        title_key TEXT NOT NULL,
        description TEXT,
        page_first INTEGER,
        page_last INTEGER,
        confidential INTEGER NOT NULL DEFAULT 0,
        issue TEXT,
        minutes_text TEXT,
        discussion TEXT,
        report_text TEXT
    )""",
    "CREATE INDEX items_meeting ON items(meeting_id)",
    """CREATE TABLE item_links (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id),
        title TEXT NOT NULL,
        url TEXT,
        size TEXT,
        restricted INTEGER NOT NULL DEFAULT 0,
        attachment_id TEXT
    )""",
    # A link without an address is still one link: NULL must not defeat uniqueness.
    "CREATE UNIQUE INDEX item_links_unique ON item_links(item_id, title, ifnull(url, ''))",
    """CREATE TABLE resolutions (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id),
        position INTEGER NOT NULL,
        number TEXT,
        text TEXT NOT NULL,
        UNIQUE (item_id, position)
    )""",
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        meeting_id INTEGER REFERENCES meetings(id),
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        file_name TEXT,
        sha256 TEXT NOT NULL,
        media_type TEXT NOT NULL,
        page_count INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL,
        sample INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        idx INTEGER NOT NULL,
        printed INTEGER,
        item_id INTEGER REFERENCES items(id),
        text TEXT NOT NULL,
        UNIQUE (document_id, idx)
    )""",
    "CREATE INDEX pages_item ON pages(item_id)",
    """CREATE TABLE glossary (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        term TEXT NOT NULL,
        meaning TEXT NOT NULL,
        UNIQUE (document_id, term)
    )""",
    """CREATE TABLE recommendations (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        meeting_id INTEGER REFERENCES meetings(id),
        item_id INTEGER REFERENCES items(id),
        resolution_id INTEGER REFERENCES resolutions(id),
        item_title TEXT,
        text TEXT NOT NULL,
        owner TEXT,
        response TEXT,
        status TEXT NOT NULL,
        status_text TEXT,
        deadline TEXT,
        response_received TEXT,
        decision TEXT,
        not_a_recommendation INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX recommendations_meeting ON recommendations(meeting_id)",
    "CREATE INDEX recommendations_resolution ON recommendations(resolution_id)",
    """CREATE TABLE rec_history (
        id INTEGER PRIMARY KEY,
        rec_id INTEGER NOT NULL REFERENCES recommendations(id),
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        field TEXT NOT NULL,
        before TEXT,
        after TEXT
    )""",
    # A member's notes, questions and (chair's) lines of enquiry on an item.
    # kind: note | question | enquiry.  Questions carry their order, whether
    # they were asked or answered, and the answer given; ``lead`` is who leads
    # a question or line; ``shared`` marks the chair's markup for the panel.
    # ``uid`` identifies a note across computers (markup export and import).
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        item_id INTEGER NOT NULL REFERENCES items(id),
        profile TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'open',
        answer TEXT,
        lead TEXT,
        shared INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX notes_item ON notes(item_id)",
    # Per member and item: a flag (key item, challenge, follow up, declare
    # interest), read or unread, and the chair's priority order.
    """CREATE TABLE item_marks (
        item_id INTEGER NOT NULL REFERENCES items(id),
        profile TEXT NOT NULL,
        flag TEXT,
        read INTEGER NOT NULL DEFAULT 0,
        priority INTEGER,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (item_id, profile)
    )""",
    # A highlighted passage: anchored by page, quote and the text around it,
    # so it can be found again when the pack is republished.
    """CREATE TABLE highlights (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        item_id INTEGER REFERENCES items(id),
        document_id INTEGER NOT NULL REFERENCES documents(id),
        page_idx INTEGER,
        printed INTEGER,
        quote TEXT NOT NULL,
        context_before TEXT NOT NULL DEFAULT '',
        context_after TEXT NOT NULL DEFAULT '',
        comment TEXT,
        profile TEXT NOT NULL,
        shared INTEGER NOT NULL DEFAULT 0,
        needs_placing INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX highlights_document ON highlights(document_id)",
    # Markup deleted here, remembered so a markup import from another
    # computer does not bring it back.
    """CREATE TABLE markup_tombstones (
        uid TEXT PRIMARY KEY,
        deleted_at TEXT NOT NULL
    )""",
    """CREATE TABLE profiles (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL
    )""",
    "CREATE INDEX rec_history_rec ON rec_history(rec_id)",
    # What each imported document said about a meeting or an item.  The
    # row in meetings/items is the merge of these, most authoritative source
    # first, so re-importing a document never flips a value another set.
    """CREATE TABLE facts (
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        source TEXT NOT NULL,
        rank INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, source)
    )""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT
    )""",
    # Full-text search over everything; rows point back to what they index.
    # The rows live in an ordinary table, so a meeting's or a document's rows are
    # found through an index when they are rebuilt (an FTS5 table can only scan
    # its unindexed columns, which is slow in a large archive).  The FTS5 table
    # indexes them as external content and triggers keep it in step: write and
    # delete rows in search_rows only, query search.
    """CREATE TABLE search_rows (
        id INTEGER PRIMARY KEY,
        title TEXT,
        body TEXT,
        kind TEXT NOT NULL,
        ref_id INTEGER,
        meeting_id INTEGER,
        item_id INTEGER,
        document_id INTEGER,
        page INTEGER
    )""",
    "CREATE INDEX search_rows_meeting ON search_rows(meeting_id)",
    "CREATE INDEX search_rows_document ON search_rows(document_id)",
    "CREATE INDEX search_rows_ref ON search_rows(kind, ref_id)",
    """CREATE VIRTUAL TABLE search USING fts5(
        title, body,
        kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, item_id UNINDEXED,
        document_id UNINDEXED, page UNINDEXED,
        content = 'search_rows', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    f"""CREATE TRIGGER search_rows_insert AFTER INSERT ON search_rows BEGIN
        INSERT INTO search (rowid, {_SEARCH_COLUMNS}) VALUES (new.id, {_new_columns("new")});
    END""",
    f"""CREATE TRIGGER search_rows_delete AFTER DELETE ON search_rows BEGIN
        INSERT INTO search (search, rowid, {_SEARCH_COLUMNS}) VALUES ('delete', old.id, {_new_columns("old")});
    END""",
    f"""CREATE TRIGGER search_rows_update AFTER UPDATE ON search_rows BEGIN
        INSERT INTO search (search, rowid, {_SEARCH_COLUMNS}) VALUES ('delete', old.id, {_new_columns("old")});
        INSERT INTO search (rowid, {_SEARCH_COLUMNS}) VALUES (new.id, {_new_columns("new")});
    END""",
]

# What's new: every change a sync found (model.NewsKind), per committee, with
# when the sync saw it (``at``, ISO 8601 UTC) and when the user saw it
# (``seen_at``, NULL while unread).  A meeting or committee that goes (the
# sample panel removed) takes its news with it; a document that goes leaves
# its news standing (a "removed document" entry outlives its row).
V2 = [
    """CREATE TABLE news (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        committee_id INTEGER REFERENCES committees(id) ON DELETE CASCADE,
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        at TEXT NOT NULL,
        seen_at TEXT
    )""",
    "CREATE INDEX news_at ON news(at)",
    "CREATE INDEX news_unseen ON news(committee_id) WHERE seen_at IS NULL",
    "CREATE INDEX news_meeting ON news(meeting_id)",
    "CREATE INDEX news_document ON news(document_id)",
]

# Following councils' ModernGov sites (store/sync_state.py): the sites, their committees
# (followed or not), each meeting and linked document as the sync last saw it, and the
# validators and hashes of the other answers, so an unchanged site costs a few small
# requests and an interrupted sync does not fetch again what landed.
V3 = [
    """CREATE TABLE sync_sites (
        id INTEGER PRIMARY KEY,
        base_url TEXT NOT NULL UNIQUE,
        host TEXT NOT NULL,
        web_service INTEGER NOT NULL DEFAULT 1,
        added_at TEXT NOT NULL,
        last_synced TEXT
    )""",
    """CREATE TABLE sync_committees (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sync_sites(id) ON DELETE CASCADE,
        external_id TEXT NOT NULL,
        name TEXT NOT NULL,
        category TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        followed INTEGER NOT NULL DEFAULT 0,
        committee_id INTEGER REFERENCES committees(id) ON DELETE SET NULL,
        last_synced TEXT,
        UNIQUE (site_id, external_id)
    )""",
    """CREATE TABLE sync_meetings (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sync_sites(id) ON DELETE CASCADE,
        external_id TEXT NOT NULL,
        committee_external_id TEXT NOT NULL,
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        date TEXT,
        time TEXT,
        venue TEXT,
        status TEXT,
        agenda_published INTEGER NOT NULL DEFAULT 0,
        minutes_published INTEGER NOT NULL DEFAULT 0,
        decisions_published INTEGER NOT NULL DEFAULT 0,
        listed TEXT,
        detail_sha256 TEXT,
        checked_at TEXT,
        UNIQUE (site_id, external_id)
    )""",
    "CREATE INDEX sync_meetings_committee ON sync_meetings(site_id, committee_external_id)",
    """CREATE TABLE sync_documents (
        id INTEGER PRIMARY KEY,
        sync_meeting_id INTEGER NOT NULL REFERENCES sync_meetings(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        role TEXT NOT NULL,
        sha256 TEXT,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT,
        removed INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        UNIQUE (sync_meeting_id, url)
    )""",
    """CREATE TABLE sync_fetches (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        sha256 TEXT,
        fetched_at TEXT NOT NULL
    )""",
]

# Released versions are never edited: a change to the schema is a new list
# appended here (V6, ...), and tests/fixtures gains store-v<N>.sqlite3 made by
# tests/fixtures/make_store_fixture.py, so every saved version keeps migrating.
# The clerk's corrections of what a reader got wrong (store/corrections.py): user work,
# laid over what the documents say, so a re-import or a revised pack never undoes them.
# ``field`` is a meeting's committee, date, time, venue or status, an item's agenda_number,
# title, pages or confidential, or ``merge`` (item_id absorbs detail.absorbed) or ``split``
# (detail.new_item made from item_id); ``value`` and ``reader_value`` are JSON;
# ``reader_key`` is "committee_id|date" as the readers gave the meeting, so an import
# that names it so finds the meeting again after its committee or date was corrected.
# An undone correction keeps its row (the history), with ``undone_at`` set.
# ``items.merged_into``: an item merged into another by a correction is kept, out of sight.
V4 = [
    """CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        item_id INTEGER REFERENCES items(id),
        field TEXT NOT NULL,
        value TEXT,
        reader_value TEXT,
        reader_key TEXT,
        detail TEXT,
        who TEXT NOT NULL,
        at TEXT NOT NULL,
        undone_at TEXT
    )""",
    "CREATE INDEX corrections_meeting ON corrections(meeting_id)",
    "CREATE INDEX corrections_item ON corrections(item_id)",
    "CREATE INDEX corrections_reader_key ON corrections(reader_key)",
    "ALTER TABLE items ADD COLUMN merged_into INTEGER REFERENCES items(id)",
]

# A confidential document (imported or marked as confidential): its pages, text, search
# entries and file are kept in the encrypted store (store/vault.py), never here.
V5 = [
    "ALTER TABLE documents ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0",
]

MIGRATIONS: list[list[str]] = [V1, V2, V3, V4, V5]
LATEST = len(MIGRATIONS)


class StoreTooNew(Exception):
    """The store was written by a newer Panelbook."""


def current_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, backup: Callable[[int], object] | None = None) -> int:
    """Bring the store to ``LATEST``; return the version it was at.

    ``backup(version)`` is called before migrating a store that has data.
    """
    from panelbook.store.db import transaction

    version = current_version(db)
    if version > LATEST:
        raise StoreTooNew(
            f"This data folder was saved by a newer Panelbook (store version {version}); "
            f"this Panelbook reads up to version {LATEST}. Install the newer Panelbook to open it."
        )
    if version < LATEST and version > 0 and backup is not None:
        backup(version)
    for number in range(version + 1, LATEST + 1):
        with transaction(db):
            for statement in MIGRATIONS[number - 1]:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
    return version
