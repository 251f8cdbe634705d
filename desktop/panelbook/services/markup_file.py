"""Reading a markup file (``panelbook markup export``) before anything of it is merged.

A markup file comes from another computer, by e-mail or a memory stick, so it
may be anything: a PDF given by mistake, a truncated download, a hand-edited
file with a word for its version or a note without its uid.  ``parse`` checks
the whole file first and either returns it with every record complete (the
optional fields filled with their defaults) or raises MarkupError with one
sentence naming the first problem, so the merge itself never meets a surprise
and a bad file leaves the store as it was.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

FORMAT = "panelbook-markup"
FORMAT_VERSION = 2      # 2: the clerk's corrections travel with the markup (version 1 files have none)
NOTE_KINDS = ("note", "question", "enquiry")
QUESTION_STATES = ("open", "asked", "answered")


class MarkupError(ValueError):
    """A markup file or edit that cannot be taken."""


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _optional_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _optional_whole(value: Any) -> bool:
    return value is None or _whole(value)


def _flag(value: Any) -> bool:
    return value in (0, 1, True, False)


def _item(value: Any) -> bool:
    return (isinstance(value, dict) and _text(value.get("committee")) and _text(value.get("date"))
            and _text(value.get("title")) and _optional_text(value.get("agenda_number")))


def _optional_item(value: Any) -> bool:
    return value is None or _item(value)


CORRECTION_FIELDS = ("committee", "date", "time", "venue", "status", "agenda_number", "title", "pages",
                     "confidential", "merge", "split")


def _meeting(value: Any) -> bool:
    return isinstance(value, dict) and _text(value.get("committee")) and _text(value.get("date"))


def _optional_correction_item(value: Any) -> bool:
    return value is None or (isinstance(value, dict) and _text(value.get("title"))
                             and _optional_text(value.get("title_key")) and _optional_text(value.get("agenda_number")))


Check = Callable[[Any], bool]
# Per list: the fields a record must have, and the optional ones with their default.
_REQUIRED: dict[str, dict[str, Check]] = {
    "notes": {"uid": _text, "item": _item, "profile": _text, "kind": lambda v: v in NOTE_KINDS, "text": _text,
              "created_at": _text, "updated_at": _text},
    "marks": {"item": _item, "profile": _text, "updated_at": _text},
    "highlights": {"uid": _text, "document_key": _text, "item": _optional_item, "quote": _text, "profile": _text,
                   "created_at": _text, "updated_at": _text},
    "deleted": {"uid": _text, "deleted_at": _text},
    "corrections": {"uid": _text, "meeting": _meeting, "field": lambda v: v in CORRECTION_FIELDS, "who": _text,
                    "at": _text},
}
_OPTIONAL: dict[str, dict[str, tuple[Check, Any]]] = {
    "notes": {"position": (_whole, 0), "state": (lambda v: v in QUESTION_STATES, "open"),
              "answer": (_optional_text, None), "lead": (_optional_text, None), "shared": (_flag, 0)},
    "marks": {"flag": (_optional_text, None), "read": (_flag, 0), "priority": (_optional_whole, None)},
    "highlights": {"page_idx": (_optional_whole, None), "printed": (_optional_whole, None),
                   "context_before": (_text, ""), "context_after": (_text, ""), "comment": (_optional_text, None),
                   "shared": (_flag, 0), "needs_placing": (_flag, 0)},
    "deleted": {},
    "corrections": {"item": (_optional_correction_item, None), "value": (lambda v: True, None),
                    "undone_at": (_optional_text, None), "absorbed": (_optional_correction_item, None)},
}
_SINGULAR = {"notes": "note", "marks": "flag", "highlights": "highlight", "deleted": "deletion",
             "corrections": "correction"}


def decode(data: bytes | str) -> Any:
    """The JSON in a markup file's bytes, or MarkupError saying what the file is instead."""
    if isinstance(data, bytes):
        if data.startswith(b"%PDF"):
            raise MarkupError("This is a PDF, not a Panelbook markup file; "
                              "markup files are made by `panelbook markup export` (or Export markup in the window).")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise MarkupError("This is not a Panelbook markup file (it is not text).") from None
    try:
        return json.loads(data)
    except (json.JSONDecodeError, RecursionError):
        raise MarkupError("This is not a Panelbook markup file (it is not JSON).") from None


def _version(value: Any) -> int:
    if _whole(value):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise MarkupError(f"This markup file's version ({str(value)[:40]!r}) is not a number; "
                      "the file is damaged or was not made by Panelbook.")


def parse(data: bytes | str | dict[str, Any]) -> dict[str, Any]:
    """A markup file checked whole: the top-level fields and every record.  Returns
    a new dict whose lists hold complete records; raises MarkupError otherwise."""
    top = data if isinstance(data, dict) else decode(data)
    if not isinstance(top, dict) or top.get("format") != FORMAT:
        raise MarkupError("This is not a Panelbook markup file.")
    if _version(top.get("version", 1)) > FORMAT_VERSION:
        raise MarkupError("This markup file was made by a newer Panelbook; update Panelbook to read it.")
    parsed = dict(top)
    for section, required in _REQUIRED.items():
        records = top.get(section, [])
        if not isinstance(records, list):
            raise MarkupError(f"This markup file is damaged: its {section} are not a list.")
        parsed[section] = [_record(section, number, record, required)
                           for number, record in enumerate(records, start=1)]
    return parsed


def _record(section: str, number: int, record: Any, required: dict[str, Check]) -> dict[str, Any]:
    what = f"{_SINGULAR[section]} {number}"
    if not isinstance(record, dict):
        raise MarkupError(f"This markup file is damaged: {what} is not a record.")
    for name, check in required.items():
        if name not in record:
            raise MarkupError(f"This markup file is damaged: {what} has no {name.replace('_', ' ')}.")
        if not check(record[name]):
            raise MarkupError(f"This markup file is damaged: {what} has an unreadable {name.replace('_', ' ')}.")
    out = {name: record[name] for name in required}
    for name, (check, default) in _OPTIONAL[section].items():
        value = record.get(name, default)
        if value is None and default is not None:
            value = default
        if not check(value):
            raise MarkupError(f"This markup file is damaged: {what} has an unreadable {name.replace('_', ' ')}.")
        out[name] = int(value) if isinstance(value, bool) else value
    return out
