"""Paths to the shared sample documents and helpers the tests share.

Imported as ``from testdata import ...`` (not from ``conftest``: several
folders have a conftest, and the name would be ambiguous).
"""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
MODERNGOV = SHARED / "moderngov"


def seed_text(name_prefix: str) -> str:
    """The text of the seed whose file name starts with ``name_prefix`` ("003")."""
    (path,) = sorted(SEEDS.glob(f"{name_prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def snapshot(store) -> tuple[list[str], list[str]]:
    """Everything in the store: the SQL dump of the database and the stored file names."""
    dump = list(store.db.conn.iterdump())
    files = sorted(str(p.relative_to(store.folder.files)) for p in store.folder.files.rglob("*") if p.is_file())
    return dump, files
