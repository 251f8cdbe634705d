"""Markup on confidential items in a markup file: left out, or sealed with a passphrase.

By default a markup file carries no note, flag or highlight on a confidential
item; it says how many it left out (``confidential_left_out``), so the member
knows what did not travel.  Given a passphrase, those records travel sealed in
the file's ``confidential`` envelope (``markup_envelope``: AES-256-GCM, a key
derived with scrypt), with only their counts in the clear
(``confidential_sealed``).  Importing the file with the passphrase merges them by
the same rules as the rest; without it, the public markup is imported and the
sealed records are counted as not opened.  A wrong passphrase imports nothing.
"""
from __future__ import annotations

from typing import Any

from panelbook.services import markup_envelope, markup_file

SECTIONS = ("notes", "marks", "highlights")


def counts(records: dict[str, list[Any]]) -> dict[str, int]:
    return {name: len(records.get(name) or []) for name in SECTIONS}


def total(counted: dict[str, int] | None) -> int:
    return sum((counted or {}).values())


def attach(data: dict[str, Any], secret: dict[str, list[dict[str, Any]]], passphrase: str | None) -> dict[str, Any]:
    """``data`` (a markup file without confidential records) with the ``secret`` ones
    counted as left out, or sealed under ``passphrase``."""
    if passphrase is not None:
        markup_envelope.check_passphrase(passphrase)
    if not total(counts(secret)):
        return data
    if passphrase is None:
        return data | {"confidential_left_out": counts(secret)}
    return data | {"confidential_sealed": counts(secret), "confidential": markup_envelope.seal(secret, passphrase)}


def is_sealed(data: dict[str, Any]) -> bool:
    """Whether a (parsed) markup file carries sealed confidential markup."""
    return "confidential" in data


def unseal(data: dict[str, Any], passphrase: str | None) -> tuple[dict[str, Any], dict[str, int]]:
    """A parsed markup file with its sealed records opened and added to its lists
    (checked like the rest), and the counts of what was opened; without a passphrase
    the file as it is.  A wrong passphrase or a damaged envelope raises MarkupError."""
    if not is_sealed(data) or not passphrase:
        return data, {}
    records = markup_envelope.open_envelope(data["confidential"], passphrase)
    opened = markup_file.parse({"format": markup_file.FORMAT, "version": markup_file.FORMAT_VERSION,
                                **{name: records.get(name, []) for name in SECTIONS}})
    merged = dict(data)
    for name in SECTIONS:
        merged[name] = [*data[name], *opened[name]]
    return merged, counts(opened)


def sealed_counts(data: dict[str, Any]) -> dict[str, int]:
    """What a file says it sealed (its clear counts), for telling the member what was not opened."""
    said = data.get("confidential_sealed")
    if isinstance(said, dict) and all(isinstance(said.get(n, 0), int) for n in SECTIONS):
        return {n: int(said.get(n, 0)) for n in SECTIONS}
    return {"notes": 0, "marks": 0, "highlights": 0}
