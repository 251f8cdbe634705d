"""The confidential part of a markup file, sealed with a passphrase.

Notes, flags and highlights on confidential items never go into a markup file in
the clear.  When the member asks for them, they go into the file's
``confidential`` envelope: the records as JSON, encrypted with AES-256-GCM under
a key derived from a passphrase the member chooses (scrypt, a fresh random salt
and nonce per file).  The envelope's header (format, version, cipher and KDF
parameters) is the associated data, so a changed header is refused like a wrong
passphrase; the passphrase itself is never written anywhere.

``seal`` makes an envelope, ``open_envelope`` reads one back or raises
MarkupError with one sentence (wrong passphrase, damaged or unknown envelope).
"""
from __future__ import annotations

import base64
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from panelbook.services.markup_file import MarkupError

CIPHER = "AES-256-GCM"
KDF = "scrypt"
# scrypt's cost: about 0.1 s and 32 MiB on a laptop, enough that guessing a passphrase is slow.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1
MIN_PASSPHRASE = 8
_HEADER = ("format", "version", "cipher", "kdf", "n", "r", "p", "salt")


class PassphraseRefused(MarkupError):
    """The passphrase chosen for sealing is too short or empty."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except (ValueError, TypeError):
        raise MarkupError(f"This markup file's confidential part is damaged (its {what} is unreadable).") from None


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _associated(header: dict[str, Any]) -> bytes:
    return json.dumps({k: header[k] for k in _HEADER}, sort_keys=True).encode("utf-8")


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect exempt information, in one sentence."""
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise PassphraseRefused(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters for the "
                                "confidential markup; nothing was written.")


def seal(records: dict[str, Any], passphrase: str) -> dict[str, Any]:
    """``records`` (JSON-able) encrypted under ``passphrase``: the envelope a markup file carries."""
    check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    header: dict[str, Any] = {"format": "panelbook-confidential-markup", "version": 1, "cipher": CIPHER,
                              "kdf": KDF, "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)}
    plain = json.dumps(records, ensure_ascii=False).encode("utf-8")
    sealed = AESGCM(_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)).encrypt(nonce, plain, _associated(header))
    return header | {"nonce": _b64(nonce), "data": _b64(sealed)}


def open_envelope(envelope: Any, passphrase: str) -> dict[str, Any]:
    """The records sealed in ``envelope``; MarkupError if the passphrase does not open it
    or the envelope is damaged."""
    if not isinstance(envelope, dict) or any(k not in envelope for k in (*_HEADER, "nonce", "data")):
        raise MarkupError("This markup file's confidential part is damaged (it is incomplete).")
    if envelope["format"] != "panelbook-confidential-markup" or envelope["cipher"] != CIPHER \
            or envelope["kdf"] != KDF:
        raise MarkupError("This markup file's confidential part is sealed in a way this Panelbook does not know; "
                          "update Panelbook to read it.")
    n, r, p = envelope["n"], envelope["r"], envelope["p"]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (n, r, p)) \
            or not (2 <= n <= 2 ** 20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        raise MarkupError("This markup file's confidential part is damaged (its key parameters are unreadable).")
    salt, nonce, data = (_unb64(envelope[k], k) for k in ("salt", "nonce", "data"))
    if len(nonce) != 12:
        raise MarkupError("This markup file's confidential part is damaged (its nonce is unreadable).")
    try:
        plain = AESGCM(_key(passphrase, salt, n, r, p)).decrypt(nonce, data, _associated(envelope))
    except InvalidTag:
        raise MarkupError("The passphrase does not open this file's confidential markup "
                          "(or that part of the file was changed); nothing was imported.") from None
    try:
        records = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise MarkupError("This markup file's confidential part is damaged (it is not JSON).") from None
    if not isinstance(records, dict):
        raise MarkupError("This markup file's confidential part is damaged (it holds no records).")
    return records
