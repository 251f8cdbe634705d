"""The confidential store's key: making one, recognising it, writing it down as a recovery code,
and the file key derived from it.

- The key is 32 random bytes (256 bits).  SQLCipher uses it as a raw key; the files key is
  derived from it with HKDF-SHA256, so that no one key serves two ciphers.
- The key check is HMAC-SHA256 of a fixed text under the key: kept in the main store, it tells
  the right key from a wrong one and reveals nothing of it.
- The recovery code is the key with a 3-byte checksum, in base32 (letters A-Z and digits 2-7,
  no 0/1/8/9 to mix up with O/I/B/g), written as 14 groups of 4: shown once at setting up,
  it puts the key back into a keychain on a new machine or after the keychain was reset.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
_CHECK_TEXT = b"Panelbook confidential store key check v1"
_FILES_INFO = b"Panelbook confidential files v1"
_GROUP = 4


class BadRecoveryCode(Exception):
    """What was typed is not a recovery code (a group mistyped, missing or extra)."""


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def key_check(key: bytes) -> str:
    return hmac.new(key, _CHECK_TEXT, hashlib.sha256).hexdigest()


def matches(key: bytes, check: str | None) -> bool:
    return check is not None and hmac.compare_digest(key_check(key), check)


def files_key(key: bytes) -> bytes:
    """The AES-256-GCM key for confidential files, derived from the store's key."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_FILES_INFO).derive(key)


def content_tag(key: bytes, data: bytes) -> str:
    """A keyed hash of a confidential file: it recognises the same file imported again without
    letting anyone without the key confirm a guess of what the file is (a plain SHA-256 would)."""
    return hmac.new(files_key(key), data, hashlib.sha256).hexdigest()


def _checksum(key: bytes) -> bytes:
    return hashlib.sha256(b"recovery" + key).digest()[:3]


def recovery_code(key: bytes) -> str:
    """The key as the code the user writes down: ``ABCD-EFGH-...`` (14 groups of 4)."""
    text = base64.b32encode(key + _checksum(key)).decode("ascii")
    return "-".join(text[i:i + _GROUP] for i in range(0, len(text), _GROUP))


def key_from_recovery_code(code: str) -> bytes:
    """The key a recovery code holds; BadRecoveryCode when it was mistyped."""
    text = re.sub(r"[\s\-]", "", code or "").upper()
    expected = len(recovery_code(bytes(KEY_BYTES)).replace("-", ""))
    if len(text) != expected:
        groups = expected // _GROUP
        raise BadRecoveryCode(f"A recovery code is {groups} groups of {_GROUP} letters and digits; "
                              f"this one has {len(text)} characters instead of {expected}.")
    try:
        raw = base64.b32decode(text)
    except ValueError:
        raise BadRecoveryCode("A recovery code holds only the letters A-Z and the digits 2-7; "
                              "check each group against the one you wrote down.") from None
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if not hmac.compare_digest(_checksum(key), check):
        raise BadRecoveryCode("This recovery code has a mistake in it; check each group against the one "
                              "you wrote down.")
    return key
