"""The sample panel: Southampton City Council's Children and Families Scrutiny Panel.

Its documents ship in ``resources/sample`` (see the README there) and are loaded
through the same readers as a user's own documents; everything they create is
marked as sample data so the user can tell it apart and remove it.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from panelbook.exports import atomic
from panelbook.paths import sample_dir
from panelbook.services.exports import ExportRequestError
from panelbook.services.imports import ImportReport, import_files
from panelbook.services.markup import export_markup
from panelbook.store import Store
from panelbook.store.sample_data import forget_removal, remove_sample as remove, sample_markup, sample_removed

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
    reports = import_files(store, sample_paths(), sample=True)
    forget_removal(store.db)
    return reports


def wanted(store: Store) -> bool:
    """Whether an empty store may be given the sample panel at start: not once the user removed it."""
    return not sample_removed(store.db)


class SampleHoldsMarkup(Exception):
    """Removing the sample panel would delete the user's own markup on it."""

    def __init__(self, markup: dict[str, Any]):
        self.markup = markup
        super().__init__(
            f"The sample panel holds your markup ({markup_words(markup)}); removing it would delete that. "
            "Export it first with --export-markup FILE, or remove it too with --discard-markup.")


def markup_words(markup: dict[str, Any]) -> str:
    """"2 notes and questions, 1 highlight and 1 flag"."""
    parts = [f"{markup['notes']} note{'s' if markup['notes'] != 1 else ''} and questions" if markup["notes"] else "",
             f"{markup['highlights']} highlight{'s' if markup['highlights'] != 1 else ''}"
             if markup["highlights"] else "",
             f"{markup['flags']} flag{'s' if markup['flags'] != 1 else ''}" if markup["flags"] else ""]
    words = [p for p in parts if p]
    return " and ".join(words) if len(words) < 3 else f"{words[0]}, {words[1]} and {words[2]}"


def markup_on_sample(store: Store) -> dict[str, Any]:
    """The user's markup on the sample panel (what removing it would delete)."""
    return sample_markup(store.db)


def remove_sample(store: Store, *, export_to: Path | None = None, discard_markup: bool = False) -> dict[str, Any]:
    """Remove the sample panel.  The user's own markup on it is never deleted
    unasked: with some there, ``export_to`` first writes it to a markup file (every
    member's, so ``panelbook markup import`` brings it back) and then removes;
    ``discard_markup`` removes it too; neither raises SampleHoldsMarkup and
    changes nothing.  Its document files stay in the content-addressed folder:
    backups taken before the removal still refer to them."""
    markup = sample_markup(store.db)
    exported = None
    if markup["total"]:
        if export_to is not None:
            exported = export_everyones_markup(store, export_to, markup["profiles"])
        elif not discard_markup:
            raise SampleHoldsMarkup(markup)
    removed = remove(store.db)
    return removed | {"markup_exported_to": str(exported) if exported else None}


def export_everyones_markup(store: Store, target: Path, profiles: list[str]) -> Path:
    """Every member's markup in one markup file (the format keeps each record's profile);
    refused, with nothing written, when some of it is on a confidential item."""
    parts = [export_markup(store, who=who) for who in profiles]
    secret = sum(sum((part.get("confidential_left_out") or {}).values()) for part in parts)
    if secret:
        # Never written in the clear, and never deleted unasked: the member chooses.
        raise ExportRequestError(
            f"{secret} of the notes, flags and highlights are on the sample's confidential item, and markup on "
            "confidential items is never written to a file in the clear: seal it first with `panelbook markup "
            "export --include-confidential`, then remove the sample with --discard-markup; nothing was removed.")
    data = parts[0] | {key: [row for part in parts for row in part[key]] for key in ("notes", "marks", "highlights")}
    try:
        atomic.check_target(target)
    except atomic.OutputPathError as error:
        raise ExportRequestError(str(error)) from None
    with atomic.open_text(target) as handle:
        handle.write(json.dumps(data, indent=1, ensure_ascii=False))
    return target
