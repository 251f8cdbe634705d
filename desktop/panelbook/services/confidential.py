"""Confidential papers: setting up the encrypted store, unlocking and locking it, recovering
its key, and what it holds (importing or marking documents confidential is in
``confidential_imports``; notes on confidential items in ``confidential_notes``).

The encrypted store (``store.vault``, SQLCipher) and the encrypted files
(``store.sealed_files``, AES-256-GCM) open with one random 256-bit key kept in the
operating system's keychain (``services.keychain``), never in the data folder.  On setting
up, the user is shown a recovery code once (``store.vault_keys``): it puts the key back into
a keychain on a new machine or after the keychain was reset.

Lock: ``lock`` closes the encrypted store and drops the key from memory, and is remembered in
the data folder, so that the command line and the window stay locked until ``unlock`` asks
the keychain again.  ``open_unless_locked`` is what a command or the window calls to show
confidential content when the user has not locked it.

Every refusal is a ConfidentialError with one sentence saying what to do; nothing is changed,
and the encrypted store is never destroyed.
"""
from __future__ import annotations

import contextlib
import uuid
from enum import Enum

from panelbook.services import keychain
from panelbook.store import Store, confidential_marks as marks, transaction
from panelbook.store.vault import (
    OpenVault,
    VaultKeyWrong,
    add_note as add_vault_note,
    open_vault,
    prune,
    vault_transaction,
)
from panelbook.store.vault_keys import (
    BadRecoveryCode,
    key_check,
    key_from_recovery_code,
    matches,
    new_key,
    recovery_code,
)

__all__ = ["BadRecoveryCode", "ConfidentialError", "ConfidentialLocked", "VaultStatus", "lock", "open_unless_locked",
           "opened", "recover", "set_up", "status", "unlock"]


class VaultStatus(str, Enum):
    NOT_SET_UP = "not_set_up"       # no confidential papers kept in this data folder yet
    LOCKED = "locked"               # set up, key in the keychain, not open in this process
    UNLOCKED = "unlocked"           # open: confidential content is shown
    NO_KEYCHAIN = "no_keychain"     # no secure keychain on this machine: confidential papers cannot be kept here
    KEY_MISSING = "key_missing"     # set up, but the keychain holds no key for it (reset, or another machine)
    KEY_WRONG = "key_wrong"         # the keychain's entry holds another key (changed or replaced)


class ConfidentialError(Exception):
    """A request about confidential papers that cannot be done now, in one sentence; nothing changed."""


class ConfidentialLocked(ConfidentialError):
    """The confidential store is locked (or cannot be opened): its content is hidden."""


UNLOCK_HINT = "unlock them with `panelbook confidential unlock` (or the window's Unlock)"
SENTENCES = {
    VaultStatus.NOT_SET_UP: ("Confidential papers are not set up in this data folder yet: "
                             "`panelbook confidential setup` creates their encrypted store and its key."),
    VaultStatus.LOCKED: f"Confidential papers are locked; {UNLOCK_HINT}.",
    VaultStatus.UNLOCKED: "Confidential papers are unlocked.",
    VaultStatus.NO_KEYCHAIN: keychain.NO_KEYCHAIN,
    VaultStatus.KEY_MISSING: (
        "The keychain no longer holds the key of your confidential papers (it was reset, or this data folder "
        "comes from another computer); they are kept, encrypted: enter the recovery code you wrote down at "
        "setting up with `panelbook confidential recover CODE`."),
    VaultStatus.KEY_WRONG: (
        "The keychain's entry for your confidential papers holds a different key (it was changed or replaced); "
        "they are kept, encrypted: enter the recovery code you wrote down at setting up with "
        "`panelbook confidential recover CODE`."),
}


def sentence(state: VaultStatus) -> str:
    """What to tell the user about ``state``, in one sentence."""
    return SENTENCES[state]


def _entry(store_id: str) -> str:
    return f"confidential-store-{store_id}"


def _store_id(store: Store) -> str | None:
    return marks.setting(store.db, marks.STORE_ID)


def status(store: Store) -> VaultStatus:
    """Where this data folder's confidential papers stand (the keychain is asked, nothing opened)."""
    if store.vault is not None:
        return VaultStatus.UNLOCKED
    store_id = _store_id(store)
    try:
        secret = keychain.read_key(_entry(store_id)) if store_id else None
        keychain_there = store_id is not None or keychain.available()
    except keychain.NoKeychain:
        return VaultStatus.NO_KEYCHAIN
    if store_id is None:
        return VaultStatus.NOT_SET_UP if keychain_there else VaultStatus.NO_KEYCHAIN
    if secret is None:
        return VaultStatus.KEY_MISSING
    key = _key_of(secret)
    if key is None or not matches(key, marks.setting(store.db, marks.KEY_CHECK)):
        return VaultStatus.KEY_WRONG
    return VaultStatus.LOCKED


def is_locked_by_user(store: Store) -> bool:
    return marks.setting(store.db, marks.LOCKED) == "1"


def _key_of(secret: str) -> bytes | None:
    try:
        key = bytes.fromhex(secret)
    except ValueError:
        return None
    return key if len(key) == 32 else None


def set_up(store: Store) -> str:
    """Create the key (kept in the keychain) and the encrypted store; return the recovery code,
    to be shown once.  Leaves the confidential store unlocked."""
    if _store_id(store) is not None:
        raise ConfidentialError("Confidential papers are already set up in this data folder"
                                + ("." if status(store) in (VaultStatus.LOCKED, VaultStatus.UNLOCKED) else
                                   f"; {sentence(status(store))[0].lower()}{sentence(status(store))[1:]}"))
    if not keychain.available():
        raise ConfidentialError(keychain.NO_KEYCHAIN)
    if store.read_only:
        raise ConfidentialError(store.read_only)
    path = store.folder.confidential_database
    if path.exists():      # left by a set-up that did not finish: it holds nothing without its settings
        path.replace(path.with_name(f"{path.name}.unfinished-{uuid.uuid4().hex[:8]}"))
    key, store_id = new_key(), uuid.uuid4().hex
    try:
        keychain.write_key(_entry(store_id), key.hex())
    except keychain.NoKeychain as error:
        raise ConfidentialError(str(error)) from None
    try:
        db = open_vault(path, key, create=True)
        try:
            with transaction(store.db):
                marks.set_setting(store.db, marks.STORE_ID, store_id)
                marks.set_setting(store.db, marks.KEY_CHECK, key_check(key))
                marks.set_setting(store.db, marks.LOCKED, None)
        except BaseException:
            db.conn.close()
            raise
    except BaseException:
        with contextlib.suppress(keychain.NoKeychain):
            keychain.delete_key(_entry(store_id))
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise
    store.vault = OpenVault(db, key)
    take_in_plain_notes(store)
    return recovery_code(key)


def unlock(store: Store) -> None:
    """Open the encrypted store with the key the keychain gives; ConfidentialError (one sentence
    saying what to do) when it cannot.  Clears a lock the user set."""
    if store.vault is not None:
        return
    state = status(store)
    if state is not VaultStatus.LOCKED:
        raise ConfidentialLocked(sentence(state))
    store_id = _store_id(store)
    assert store_id is not None
    key = _key_of(keychain.read_key(_entry(store_id)) or "")
    assert key is not None       # status() checked it against the key check
    _open_with(store, key)
    if is_locked_by_user(store) and store.read_only is None:
        with transaction(store.db):
            marks.set_setting(store.db, marks.LOCKED, None)


def _open_with(store: Store, key: bytes) -> None:
    path = store.folder.confidential_database
    if not path.exists() and marks.confidential_documents(store.db):
        raise ConfidentialLocked(
            f"The encrypted store of your confidential papers ({path}) is missing; restore a backup "
            "(`panelbook restore FILE` brings back the encrypted store taken with it).")
    try:
        db = open_vault(path, key, create=True)
    except VaultKeyWrong:
        raise ConfidentialLocked(
            f"The encrypted store of your confidential papers ({path}) does not open with its key: the file is "
            "damaged or was replaced; restore a backup (`panelbook restore FILE`).") from None
    store.vault = OpenVault(db, key)
    if store.read_only is None:
        prune(db, marks.all_documents(store.db))
        take_in_plain_notes(store)


def lock(store: Store) -> None:
    """Close the encrypted store and drop its key from memory; stay locked (here, on the command
    line and in the window) until ``unlock``."""
    if store.vault is not None:
        store.vault.close()
        store.vault = None
    if _store_id(store) is not None and store.read_only is None and not is_locked_by_user(store):
        with transaction(store.db):
            marks.set_setting(store.db, marks.LOCKED, "1")


def recover(store: Store, code: str) -> None:
    """Put the key a recovery code holds back into the keychain and unlock."""
    try:
        key = key_from_recovery_code(code)
    except BadRecoveryCode as error:
        raise ConfidentialError(str(error)) from None
    store_id = _store_id(store)
    if store_id is None:
        raise ConfidentialError(
            "This data folder holds no confidential papers to recover: restore the backup that holds them first "
            "(`panelbook restore FILE`), then enter the recovery code.")
    if not matches(key, marks.setting(store.db, marks.KEY_CHECK)):
        raise ConfidentialError("This recovery code belongs to other confidential papers, not to this data "
                                "folder's; nothing was changed.")
    try:
        keychain.write_key(_entry(store_id), key.hex())
    except keychain.NoKeychain as error:
        raise ConfidentialError(str(error)) from None
    if store.vault is None:
        _open_with(store, key)
    if is_locked_by_user(store) and store.read_only is None:
        with transaction(store.db):
            marks.set_setting(store.db, marks.LOCKED, None)


def open_unless_locked(store: Store) -> VaultStatus:
    """Unlock when the confidential papers are set up and the user has not locked them; the status
    either way (for the caller to say ``sentence(status)`` where content is hidden)."""
    if store.vault is not None:
        return VaultStatus.UNLOCKED
    if _store_id(store) is None:
        return VaultStatus.NOT_SET_UP
    if is_locked_by_user(store):
        return VaultStatus.LOCKED
    try:
        unlock(store)
    except ConfidentialError:
        return status(store)
    return VaultStatus.UNLOCKED


def opened(store: Store) -> OpenVault:
    """The unlocked encrypted store; ConfidentialLocked saying how to unlock when it is not."""
    if store.vault is None:
        raise ConfidentialLocked(sentence(status(store)))
    return store.vault


def is_set_up(store: Store) -> bool:
    return _store_id(store) is not None


_NOTE_COLUMNS = ("uid", "item_id", "meeting_id", "profile", "kind", "text", "position", "state", "answer", "lead",
                 "shared", "created_at", "updated_at")


def take_in_plain_notes(store: Store) -> int:
    """Move the notes on confidential items still kept in the main store (written before confidential
    papers were set up, or on an item flagged since) into the encrypted store, uid and all, and make
    their text unreadable from the main store's file; how many moved.  Run at setting up and unlocking."""
    opened = store.vault
    if opened is None or store.read_only is not None:
        return 0
    with transaction(store.db):
        rows = marks.take_notes_on_confidential_items(store.db)
        if rows:
            with vault_transaction(opened.db):
                for row in rows:
                    add_vault_note(opened.db, {k: row[k] for k in _NOTE_COLUMNS}, row["item_title"])
            marks.merge_search_index(store.db)
    if rows:
        marks.fold_log(store.db)
    return len(rows)
