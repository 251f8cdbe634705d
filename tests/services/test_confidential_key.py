"""The confidential store's key in a real keychain (gnome-keyring on a private session bus):
setting up, locking, unlocking, a missing or changed keychain entry, the recovery code, and a
machine with no keychain at all."""
import shutil

import keyring
import pytest
from keyring.backends import null

from panelbook.paths import data_folder
from panelbook.services import confidential, keychain as keychain_module
from panelbook.services.confidential import VaultStatus
from panelbook.store import Store


@pytest.fixture
def folder(tmp_path):
    return data_folder(tmp_path / "data")


def _entry(store):
    return f"confidential-store-{store.setting('confidential.store_id')}"


def test_setting_up_keeps_the_key_in_the_keychain_not_in_the_data_folder(folder, keychain):
    with Store.open(folder) as store:
        assert confidential.status(store) is VaultStatus.NOT_SET_UP
        code = confidential.set_up(store)
        assert confidential.status(store) is VaultStatus.UNLOCKED
        secret = keyring.get_password("Panelbook", _entry(store))
    key = bytes.fromhex(secret)
    assert len(key) == 32 and len(code.split("-")) == 14
    # Neither the key nor its hex is anywhere in the data folder.
    for path in folder.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert key not in data and secret.encode() not in data and secret.upper().encode() not in data, path
    with Store.open(folder) as store:
        assert confidential.status(store) is VaultStatus.LOCKED     # a new process: set up, not yet open
        assert confidential.open_unless_locked(store) is VaultStatus.UNLOCKED


def test_lock_drops_the_key_and_is_kept_until_unlock(folder, keychain):
    with Store.open(folder) as store:
        confidential.set_up(store)
        vault = store.vault
        confidential.lock(store)
        assert store.vault is None and confidential.status(store) is VaultStatus.LOCKED
        with pytest.raises(RuntimeError):
            _ = vault.key        # the key held in memory was overwritten
        with pytest.raises(confidential.ConfidentialLocked, match="panelbook confidential unlock"):
            confidential.opened(store)
    with Store.open(folder) as store:      # another process (the window, the command line) stays locked
        assert confidential.open_unless_locked(store) is VaultStatus.LOCKED
        confidential.unlock(store)
        assert confidential.status(store) is VaultStatus.UNLOCKED
    with Store.open(folder) as store:
        assert confidential.open_unless_locked(store) is VaultStatus.UNLOCKED


def test_a_missing_keychain_entry_is_said_and_the_recovery_code_restores_it(folder, keychain):
    with Store.open(folder) as store:
        code = confidential.set_up(store)
        entry = _entry(store)
    keyring.delete_password("Panelbook", entry)         # the keychain was reset
    encrypted = folder.confidential_database.read_bytes()
    with Store.open(folder) as store:
        assert confidential.status(store) is VaultStatus.KEY_MISSING
        with pytest.raises(confidential.ConfidentialError, match="recovery code"):
            confidential.unlock(store)
        assert confidential.open_unless_locked(store) is VaultStatus.KEY_MISSING
        assert folder.confidential_database.read_bytes() == encrypted       # never destroyed
        confidential.recover(store, code.lower().replace("-", " "))       # as someone might type it
        assert confidential.status(store) is VaultStatus.UNLOCKED
    assert keyring.get_password("Panelbook", entry) is not None


def test_a_changed_keychain_entry_is_a_wrong_key_and_nothing_is_destroyed(folder, keychain):
    with Store.open(folder) as store:
        code = confidential.set_up(store)
        entry = _entry(store)
    keyring.set_password("Panelbook", entry, "ab" * 32)
    encrypted = folder.confidential_database.read_bytes()
    with Store.open(folder) as store:
        assert confidential.status(store) is VaultStatus.KEY_WRONG
        with pytest.raises(confidential.ConfidentialError, match="different key"):
            confidential.unlock(store)
        assert folder.confidential_database.read_bytes() == encrypted
        confidential.recover(store, code)
        assert confidential.status(store) is VaultStatus.UNLOCKED


def test_a_recovery_code_with_a_mistake_or_of_other_papers_is_refused(folder, tmp_path, keychain):
    with Store.open(data_folder(tmp_path / "other")) as other:
        other_code = confidential.set_up(other)
    with Store.open(folder) as store:
        code = confidential.set_up(store)
        confidential.lock(store)
        typo = ("B" if code[0] != "B" else "C") + code[1:]
        with pytest.raises(confidential.ConfidentialError, match="mistake"):
            confidential.recover(store, typo)
        with pytest.raises(confidential.ConfidentialError, match="groups"):
            confidential.recover(store, code[:-5])
        with pytest.raises(confidential.ConfidentialError, match="other confidential papers"):
            confidential.recover(store, other_code)
        assert store.vault is None


def test_the_recovery_code_opens_a_backup_restored_into_a_fresh_data_folder(folder, tmp_path, keychain):
    from panelbook.services import backup

    with Store.open(folder) as store:
        code = confidential.set_up(store)
        entry = _entry(store)
        copy = backup.backup(store, tmp_path / "copy.sqlite3")
    assert (tmp_path / "copy.sqlite3.confidential").is_file()
    keyring.delete_password("Panelbook", entry)            # a new computer: its keychain has no such key
    fresh = data_folder(tmp_path / "new-computer")
    backup.restore(fresh, copy)
    assert fresh.confidential_database.is_file()
    with Store.open(fresh) as store:
        assert confidential.status(store) is VaultStatus.KEY_MISSING
        confidential.recover(store, code)
        assert confidential.status(store) is VaultStatus.UNLOCKED


def test_the_encrypted_store_replaced_by_another_is_said_not_opened(folder, tmp_path, keychain):
    with Store.open(data_folder(tmp_path / "other")) as other:
        confidential.set_up(other)
    with Store.open(folder) as store:
        confidential.set_up(store)
    shutil.copyfile(tmp_path / "other" / folder.confidential_database.name, folder.confidential_database)
    with Store.open(folder) as store, pytest.raises(confidential.ConfidentialError, match="does not open with its key"):
        confidential.unlock(store)


def test_with_no_keychain_confidential_papers_cannot_be_kept(folder, no_keychain):
    with Store.open(folder) as store:
        assert confidential.status(store) is VaultStatus.NO_KEYCHAIN
        with pytest.raises(confidential.ConfidentialError, match="cannot be kept on this machine"):
            confidential.set_up(store)
        assert store.setting("confidential.store_id") is None
    assert not folder.confidential_database.exists()


def test_an_insecure_keychain_backend_is_refused(folder, monkeypatch):
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        assert not keychain_module.available()
        with Store.open(folder) as store, pytest.raises(confidential.ConfidentialError, match="no secure keychain"):
            confidential.set_up(store)
    finally:
        keyring.set_keyring(previous)
