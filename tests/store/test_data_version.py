"""Store.data_version: moves when another connection commits, never for the store's own writes
(what the window polls to notice the command line)."""
from __future__ import annotations

import sqlite3


def test_data_version_moves_only_for_another_connections_commit(store):
    before = store.data_version()
    store.db.execute("INSERT INTO settings (key, value) VALUES ('own', '1')")
    store.db.conn.commit()
    assert store.data_version() == before

    other = sqlite3.connect(store.folder.database)
    try:
        other.execute("INSERT INTO settings (key, value) VALUES ('theirs', '1')")
        assert store.data_version() == before       # not committed yet
        other.commit()
    finally:
        other.close()
    after = store.data_version()
    assert after != before
    assert store.data_version() == after            # and it stays until the next commit elsewhere
