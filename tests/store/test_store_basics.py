"""The store itself: migrations, refusal of a newer store, pragmas, permissions, blobs."""
import os
import stat

import pytest

from panelbook.paths import data_folder
from panelbook.store import Store, StoreTooNew
from panelbook.store.schema import LATEST


def test_new_store_is_at_latest_version_with_wal_and_foreign_keys(store):
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2   # FULL
    assert {"meetings", "items", "resolutions", "recommendations", "search"} <= set(store.db.table_names())


def test_store_newer_than_the_code_is_refused_and_left_alone(tmp_path):
    folder = data_folder(tmp_path / "data")
    with Store.open(folder) as s:
        s.db.execute(f"PRAGMA user_version = {LATEST + 3}")
    before = folder.database.read_bytes()
    with pytest.raises(StoreTooNew) as error:
        Store.open(folder)
    assert f"store version {LATEST + 3}" in str(error.value)
    assert f"up to version {LATEST}" in str(error.value)
    assert folder.database.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_data_folder_is_private(tmp_path):
    folder = data_folder(tmp_path / "data")
    with Store.open(folder):
        pass
    assert stat.S_IMODE(folder.root.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.database.stat().st_mode) == 0o600


def test_home_override_and_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PANELBOOK_HOME", str(tmp_path / "env-home"))
    assert data_folder().root == (tmp_path / "env-home").resolve()
    assert data_folder(tmp_path / "flag").root == (tmp_path / "flag").resolve()


def test_backup_is_a_verified_copy(store, tmp_path):
    store.db.execute("INSERT INTO settings (key, value) VALUES ('profile_name', 'Cllr Test')")
    target = store.backup_to(tmp_path / "copy.sqlite3")
    import sqlite3

    conn = sqlite3.connect(target)
    assert conn.execute("SELECT value FROM settings").fetchone()[0] == "Cllr Test"
    conn.close()
