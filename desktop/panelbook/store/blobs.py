"""Imported document files, stored once each under the SHA-256 of their content."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from panelbook.store.fsutil import fsync_dir


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def blob_path(files_dir: Path, sha256: str) -> Path:
    return files_dir / sha256[:2] / sha256


def put_blob(files_dir: Path, data: bytes) -> tuple[str, Path, bool]:
    """Store ``data``; return (sha256, path, created).  Writing is atomic: a
    temporary file in the same folder, flushed to disk, then renamed."""
    sha = sha256_of(data)
    path = blob_path(files_dir, sha)
    if path.exists():
        return sha, path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return sha, path, True
