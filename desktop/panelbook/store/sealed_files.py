"""Confidential documents' files, encrypted with AES-256-GCM.

Each file is sealed with a fresh 96-bit nonce and the document's id as associated data, so
a sealed file copied over another document's cannot be opened as that document.  Layout:
``PBS1`` (4 bytes), the nonce (12 bytes), the ciphertext with its 16-byte tag.  Written
whole or not at all (a temporary file, flushed, then renamed).
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from panelbook.store.fsutil import fsync_dir

MAGIC = b"PBS1"
NONCE_BYTES = 12


class SealBroken(Exception):
    """A sealed file that does not open: another key, another document's file, or damage."""


def _associated(document_id: int) -> bytes:
    return f"panelbook-document-{document_id}".encode("ascii")


def seal(data: bytes, key: bytes, document_id: int) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, _associated(document_id))


def unseal(sealed: bytes, key: bytes, document_id: int) -> bytes:
    if not sealed.startswith(MAGIC) or len(sealed) < len(MAGIC) + NONCE_BYTES + 16:
        raise SealBroken("This is not a sealed Panelbook file.")
    nonce = sealed[len(MAGIC):len(MAGIC) + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, sealed[len(MAGIC) + NONCE_BYTES:], _associated(document_id))
    except InvalidTag:
        raise SealBroken("This confidential file does not open with its key: it is damaged, or "
                         "belongs to another document.") from None


def write_sealed(path: Path, data: bytes, key: bytes, document_id: int) -> Path:
    """Seal ``data`` for ``document_id`` into ``path`` (replacing it), atomically."""
    sealed = seal(data, key, document_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        path.parent.chmod(0o700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(sealed)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_sealed(path: Path, key: bytes, document_id: int) -> bytes:
    return unseal(path.read_bytes(), key, document_id)
