"""The sample panel: Southampton City Council's Children and Families Scrutiny Panel.

Its documents ship in ``resources/sample`` (see the README there) and are loaded
through the same readers as a user's own documents; everything they create is
marked as sample data so the user can tell it apart and remove it.
"""
from __future__ import annotations

from pathlib import Path

from panelbook.paths import sample_dir
from panelbook.services.imports import ImportReport, import_files
from panelbook.store import Store
from panelbook.store.sample_data import remove_sample as remove

# Import order: the pack first (committee, calendar, agenda), then the web
# pages and minutes that add minute numbers, minutes and resolutions.
SAMPLE_FILES = [
    "2024-08-08 agenda pack (rebuilt).pdf",
    "004_a891e5ad8eac6e85.txt",   # ModernGov page, 8 August 2024 (minutes 8-14)
    "000_011e31915eabbbd2.txt",   # printed minutes, 20 July 2023
    "002_255ed4f2fc1960cd.txt",   # ModernGov issue page, Children and Learning - Performance
    "001_3a7149a21f6b49d0.txt",   # ModernGov page, 7 November 2019 (MOVED)
]
PACK_TEXT = "003_41e7f3da12eebc0c.txt"   # the pack as published text; the PDF above is rebuilt from it


def sample_paths() -> list[Path]:
    """The sample documents, in import order (the pack as text if its rebuilt PDF is missing)."""
    folder = sample_dir()
    paths = []
    for name in SAMPLE_FILES:
        path = folder / name
        if not path.exists() and name.endswith("(rebuilt).pdf"):
            path = folder / PACK_TEXT
        paths.append(path)
    return paths


def load_sample(store: Store) -> list[ImportReport]:
    """Load the sample panel through the ordinary readers, marked as sample data."""
    return import_files(store, sample_paths(), sample=True)


def remove_sample(store: Store) -> dict[str, int]:
    """Remove the sample panel.  Its document files stay in the content-addressed
    folder: backups taken before the removal still refer to them."""
    return remove(store.db)
