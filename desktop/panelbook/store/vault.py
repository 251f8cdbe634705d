"""The encrypted store: a SQLCipher database beside the main one, for confidential papers.

It holds what must never be readable from the data folder without the key: the pages
and text of confidential documents (and of items the agenda marks exempt), their
full-text index and snippets, and the user's notes on confidential items.  The main
store keeps only what an agenda says in public (meeting, item titles and numbers,
that a document exists and is confidential).  Every page of this file, of its
write-ahead log and of its shared-memory index is encrypted by SQLCipher 4
(AES-256, HMAC-SHA512 per page) under a raw 256-bit key, which lives in the
operating system's keychain (``services.keychain``), never in the data folder.

Rows point at the main store's ids (document, meeting, item); a document's rows
also carry the main store's key of the document, so that rows left behind by an
import whose main transaction failed are never taken for another document's.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
import sqlite_utils

from panelbook.store.fsutil import fsync_dir

KEY_BYTES = 32
BACKUP_SUFFIX = ".confidential"     # beside a backup of the main store: the encrypted store's copy

_SEARCH_COLUMNS = "title, body, kind, ref_id, meeting_id, item_id, document_id, page"
_SCHEMA = [
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,         -- the main store's document id
        key TEXT NOT NULL,              -- the main store's key of that document
        meeting_id INTEGER,
        title TEXT NOT NULL,
        media_type TEXT NOT NULL,
        file_sha256 TEXT NOT NULL       -- of the plain file, checked after decrypting it
    )""",
    """CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        printed INTEGER,
        item_id INTEGER,
        text TEXT NOT NULL,
        UNIQUE (document_id, idx)
    )""",
    """CREATE TABLE item_texts (
        item_id INTEGER PRIMARY KEY,    -- the main store's item id (an item the agenda marks exempt)
        meeting_id INTEGER,
        title TEXT NOT NULL,
        report_text TEXT,
        minutes_text TEXT,
        discussion TEXT
    )""",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        item_id INTEGER NOT NULL,       -- the main store's item id (a confidential item)
        meeting_id INTEGER,
        profile TEXT NOT NULL,
        kind TEXT NOT NULL,             -- note | question | enquiry
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
    """CREATE TABLE search_rows (
        id INTEGER PRIMARY KEY,
        title TEXT, body TEXT, kind TEXT NOT NULL, ref_id INTEGER,
        meeting_id INTEGER, item_id INTEGER, document_id INTEGER, page INTEGER
    )""",
    "CREATE INDEX search_rows_ref ON search_rows(kind, ref_id)",
    "CREATE INDEX search_rows_document ON search_rows(document_id)",
    """CREATE VIRTUAL TABLE search USING fts5(
        title, body,
        kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, item_id UNINDEXED,
        document_id UNINDEXED, page UNINDEXED,
        content = 'search_rows', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    f"""CREATE TRIGGER search_rows_insert AFTER INSERT ON search_rows BEGIN
        INSERT INTO search (rowid, {_SEARCH_COLUMNS}) VALUES
        (new.id, new.title, new.body, new.kind, new.ref_id, new.meeting_id, new.item_id, new.document_id, new.page);
    END""",
    f"""CREATE TRIGGER search_rows_delete AFTER DELETE ON search_rows BEGIN
        INSERT INTO search (search, rowid, {_SEARCH_COLUMNS}) VALUES
        ('delete', old.id, old.title, old.body, old.kind, old.ref_id, old.meeting_id, old.item_id,
         old.document_id, old.page);
    END""",
]
VERSION = 1


class VaultKeyWrong(Exception):
    """The encrypted store does not open with the key given (another key, or a damaged file)."""


class VaultDatabase(sqlite_utils.Database):
    """The open encrypted store (a sqlite-utils Database over a SQLCipher connection)."""

    path: Path


class OpenVault:
    """The encrypted store while it is unlocked: its connection and the key, held in memory
    only until ``close`` (which closes the connection, SQLCipher wiping its copy of the key,
    and overwrites this copy)."""

    def __init__(self, db: VaultDatabase, key: bytes):
        self.db = db
        self._key = bytearray(key)

    @property
    def key(self) -> bytes:
        if not self._key:
            raise RuntimeError("the confidential store is locked")
        return bytes(self._key)

    def close(self) -> None:
        with contextlib.suppress(sqlcipher3.Error):
            self.db.conn.close()
        for index in range(len(self._key)):
            self._key[index] = 0
        self._key = bytearray()


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("the confidential store's key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def open_vault(path: Path, key: bytes, *, create: bool = False) -> VaultDatabase:
    """Open the encrypted store at ``path`` with ``key`` (creating it when ``create``).
    A key that does not open it raises VaultKeyWrong; nothing is changed."""
    if not create and not path.exists():
        raise FileNotFoundError(path)
    conn = sqlcipher3.connect(str(path), isolation_level=None, timeout=10.0)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")   # a wrong key is said in one sentence, not logged
        conn.execute(_key_pragma(key))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as error:
            raise VaultKeyWrong(str(error)) from None
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) < VERSION:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {VERSION}")
            conn.execute("COMMIT")
    except BaseException:
        conn.close()
        raise
    with contextlib.suppress(OSError):
        path.chmod(0o600)
    db = VaultDatabase(conn)
    db.path = path
    return db


@contextmanager
def vault_transaction(db: VaultDatabase) -> Iterator[VaultDatabase]:
    """One all-or-nothing unit of work on the encrypted store."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


# -- documents and their pages ---------------------------------------------------------


def save_document(db: VaultDatabase, document_id: int, key: str, meeting_id: int | None, title: str,
                  media_type: str, file_sha256: str, pages: Sequence[tuple[int, int | None, int | None, str]],
                  item_titles: dict[int, str] | None = None) -> None:
    """Keep a confidential document's pages ``(idx, printed, item_id, text)`` and index them under
    their item's title (``item_titles``, as the main store does) or the document's, replacing
    whatever was kept under this id before.  Runs inside vault_transaction."""
    forget_document(db, document_id)
    db.execute("INSERT INTO documents (id, key, meeting_id, title, media_type, file_sha256) VALUES (?, ?, ?, ?, ?, ?)",
               (document_id, key, meeting_id, title, media_type, file_sha256))
    db.conn.executemany(
        "INSERT INTO pages (document_id, idx, printed, item_id, text) VALUES (?, ?, ?, ?, ?)",
        [(document_id, idx, printed, item_id, text) for idx, printed, item_id, text in pages])
    titles = item_titles or {}
    db.conn.executemany(
        f"INSERT INTO search_rows ({_SEARCH_COLUMNS}) SELECT ?, p.text, 'page', p.id, ?, p.item_id, p.document_id, "
        "p.printed FROM pages p WHERE p.document_id = ? AND p.idx = ?",
        [(titles.get(item_id, title) if item_id is not None else title, meeting_id, document_id, idx)
         for idx, _, item_id, _ in pages])


def forget_document(db: VaultDatabase, document_id: int) -> None:
    db.execute("DELETE FROM search_rows WHERE document_id = ? AND kind = 'page'", (document_id,))
    db.execute("DELETE FROM pages WHERE document_id = ?", (document_id,))
    db.execute("DELETE FROM documents WHERE id = ?", (document_id,))


def document(db: VaultDatabase, document_id: int, key: str) -> dict[str, Any] | None:
    """The document kept under ``document_id`` for the main store's document ``key``, or None."""
    rows = list(db.query("SELECT * FROM documents WHERE id = ? AND key = ?", (document_id, key)))
    return rows[0] if rows else None


def pages(db: VaultDatabase, document_id: int) -> list[dict[str, Any]]:
    return list(db.query("SELECT idx, printed, item_id, text FROM pages WHERE document_id = ? ORDER BY idx",
                         (document_id,)))


def document_ids(db: VaultDatabase) -> dict[int, str]:
    return {int(r["id"]): r["key"] for r in db.query("SELECT id, key FROM documents")}


# -- exempt items' own text ------------------------------------------------------------


def save_item_text(db: VaultDatabase, item_id: int, meeting_id: int | None, title: str,
                   texts: dict[str, str | None]) -> None:
    """Keep the text an exempt item's documents give (report, minutes, discussion) and index it."""
    current = next(iter(db.query("SELECT * FROM item_texts WHERE item_id = ?", (item_id,))), None)
    merged = {name: texts.get(name) or (current or {}).get(name) for name in ("report_text", "minutes_text",
                                                                            "discussion")}
    db.execute("INSERT OR REPLACE INTO item_texts (item_id, meeting_id, title, report_text, minutes_text, discussion) "
               "VALUES (?, ?, ?, ?, ?, ?)", (item_id, meeting_id, title, merged["report_text"],
                                             merged["minutes_text"], merged["discussion"]))
    db.execute("DELETE FROM search_rows WHERE kind IN ('report', 'minutes') AND ref_id = ?", (item_id,))
    for kind, body in (("report", merged["report_text"]),
                       ("minutes", " ".join(filter(None, [merged["minutes_text"], merged["discussion"]])))):
        if body:
            db.execute(f"INSERT INTO search_rows ({_SEARCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)",
                       (title, body, kind, item_id, meeting_id, item_id))


def item_text(db: VaultDatabase, item_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM item_texts WHERE item_id = ?", (item_id,)))
    return rows[0] if rows else None


# -- notes on confidential items -------------------------------------------------------


_NOTE_FIELDS = ("text", "state", "answer", "lead", "shared", "position")


def add_note(db: VaultDatabase, values: dict[str, Any], title: str) -> int:
    """Keep a note on a confidential item and index it (``title``: its item's); return its id here."""
    columns = ", ".join(values)
    cursor = db.execute(f"INSERT INTO notes ({columns}) VALUES ({', '.join('?' for _ in values)})",
                        list(values.values()))
    note_id = int(cursor.lastrowid or 0)
    _index_note(db, note_id, title)
    return note_id


def _index_note(db: VaultDatabase, note_id: int, title: str) -> None:
    db.execute("DELETE FROM search_rows WHERE kind = 'note' AND ref_id = ?", (note_id,))
    db.execute(f"INSERT INTO search_rows ({_SEARCH_COLUMNS}) SELECT ?, text, 'note', id, meeting_id, item_id, "
               "NULL, NULL FROM notes WHERE id = ?", (title, note_id))


def note(db: VaultDatabase, note_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM notes WHERE id = ?", (note_id,)))
    return rows[0] if rows else None


def update_note(db: VaultDatabase, note_id: int, changes: dict[str, Any], title: str) -> None:
    fields = {k: v for k, v in changes.items() if k in (*_NOTE_FIELDS, "updated_at")}
    if fields:
        db.execute(f"UPDATE notes SET {', '.join(f'{k} = ?' for k in fields)} WHERE id = ?",
                   [*fields.values(), note_id])
        _index_note(db, note_id, title)


def delete_note(db: VaultDatabase, note_id: int) -> None:
    db.execute("DELETE FROM search_rows WHERE kind = 'note' AND ref_id = ?", (note_id,))
    db.execute("DELETE FROM notes WHERE id = ?", (note_id,))


def next_position(db: VaultDatabase, item_id: int, profile: str, kind: str) -> int:
    row = db.execute("SELECT coalesce(max(position), -1) + 1 FROM notes WHERE item_id = ? AND profile = ? "
                     "AND kind = ?", (item_id, profile, kind)).fetchone()
    return int(row[0])


def notes(db: VaultDatabase, item_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    if item_ids is None:
        return list(db.query("SELECT * FROM notes ORDER BY item_id, kind, position, id"))
    marks = ", ".join("?" for _ in item_ids)
    return list(db.query(f"SELECT * FROM notes WHERE item_id IN ({marks}) ORDER BY item_id, kind, position, id",
                         list(item_ids)))


# -- keeping it consistent, backing it up ----------------------------------------------


def prune(db: VaultDatabase, documents_kept: dict[int, str]) -> int:
    """Forget documents the main store no longer has as confidential (an import whose main
    transaction failed after this store's committed); return how many."""
    stale = [doc_id for doc_id, key in document_ids(db).items() if documents_kept.get(doc_id) != key]
    with vault_transaction(db):
        for doc_id in stale:
            forget_document(db, doc_id)
    return len(stale)


def copy_encrypted(source: Path, target: Path, db: VaultDatabase | None = None) -> Path | None:
    """Copy the encrypted store's file (still encrypted: no key is needed or written) to
    ``target``, whole or not at all; None when there is no encrypted store.  With the store
    open here (``db``), its log is first folded into the file and writers are held off."""
    if not source.exists():
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    hold = db is not None
    if db is not None:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.execute("BEGIN IMMEDIATE")
    try:
        shutil.copyfile(source, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if hold and db is not None:
            db.conn.execute("ROLLBACK")
    tmp.chmod(0o600)
    tmp.replace(target)
    fsync_dir(target.parent)
    return target
