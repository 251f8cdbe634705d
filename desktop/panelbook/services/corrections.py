"""Correcting what a reader got wrong about a meeting or an item (``panelbook edit``
and the window's Edit): the use cases, with every request checked before anything
is written, so a bad one is refused in one sentence and leaves the store as it was.

The corrections are user work (``store/corrections.py``): they win over a
re-import of the same document and over a revised one, and undoing one gives
back what the readers said.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from panelbook.model import MeetingStatus
from panelbook.services.markup import profile_name
from panelbook.sources.textutil import clean, norm_key, parse_date, parse_time
from panelbook.store import Store, corrections, queries, transaction
from panelbook.store.corrections import CorrectionRefused

STATUSES = tuple(status.value for status in MeetingStatus)
LABELS = {"committee": "committee", "date": "date", "time": "start time", "venue": "venue", "status": "status",
          "agenda_number": "number", "title": "title", "pages": "pack pages", "confidential": "confidential",
          "merge": "merged", "split": "split"}


class CorrectionError(ValueError):
    """A correction that cannot be made, in one sentence for the user."""


def find_meeting(store: Store, ref: str, committee: str | None = None) -> int:
    """A meeting by id or date; ``committee`` (any part of its name) picks one of several on a date."""
    if committee is None:
        try:
            return queries.resolve_meeting(store.db, ref)
        except queries.NotFound as error:
            raise CorrectionError(str(error)) from None
    rows = [m for m in queries.meetings(store.db, ref, ref) if norm_key(committee) in norm_key(m["committee"])]
    if not rows:
        raise CorrectionError(f"There is no meeting of '{committee}' on {ref}; `panelbook meetings` lists them.")
    if len(rows) > 1:
        names = ", ".join(f"{m['id']} ({m['committee']})" for m in rows)
        raise CorrectionError(f"Several meetings on {ref} match '{committee}': {names}; name one by its id.")
    return int(rows[0]["id"])


def find_item(store: Store, meeting_id: int, ref: str) -> int:
    try:
        return queries.resolve_item(store.db, meeting_id, ref)
    except queries.NotFound as error:
        raise CorrectionError(str(error)) from None


def _checked_meeting_fields(changes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if value is None:
            continue
        text = clean(value)
        if name == "committee":
            if not text:
                raise CorrectionError("A meeting's committee needs a name.")
            out[name] = text
        elif name == "date":
            try:
                out[name] = date.fromisoformat(text).isoformat()
            except ValueError:
                day = parse_date(text)          # as the window's form may be given it: "8 August 2024", 8/8/2024
                if day is None:
                    raise CorrectionError(f"'{value}' is not a date; write it as 2024-12-31.") from None
                out[name] = day.isoformat()
        elif name == "time":
            parsed = parse_time(text) if text else None
            if text and parsed is None:
                raise CorrectionError(f"'{value}' is not a time of day; write it as 18:00 or 6.30 pm.")
            out[name] = parsed
        elif name == "status":
            if text not in STATUSES:
                raise CorrectionError(f"A meeting's status is one of {', '.join(STATUSES)}.")
            out[name] = text
        elif name == "venue":
            out[name] = text or None
    return out


def edit_meeting(store: Store, meeting_id: int, **changes: Any) -> dict[str, Any]:
    """Correct a meeting's ``committee``, ``date``, ``time``, ``venue`` or ``status``
    (an empty time or venue says it has none); return the meeting as it now is."""
    values = _checked_meeting_fields(changes)
    if not values:
        raise CorrectionError("Say what to correct: --to-committee, --date, --time, --venue or --status.")
    who = profile_name(store)
    with transaction(store.db):
        current = queries.meeting(store.db, meeting_id)
        for name, value in values.items():
            if current.get(name) == value:
                continue
            try:
                corrections.correct_meeting(store.db, meeting_id, name, value, who)
            except CorrectionRefused as error:
                raise CorrectionError(str(error)) from None
    return dict(queries.meeting(store.db, meeting_id))


def parse_pages(text: str) -> tuple[int, int]:
    """"12-30", "12 - 30", "12–30" or "12" as (first, last)."""
    parts = [p for p in text.replace("–", "-").replace(" ", "").split("-") if p]
    if not 1 <= len(parts) <= 2 or not all(p.isdigit() for p in parts):
        raise CorrectionError(f"'{text}' is not a page range; write it as 12-30.")
    first, last = int(parts[0]), int(parts[-1])
    if first < 1 or last < first:
        raise CorrectionError(f"Pages {first}-{last} do not make a range: the first page comes first.")
    return first, last


def _check_in_pack(store: Store, meeting_id: int, first: int, last: int) -> None:
    span = corrections.pack_page_span(store.db, meeting_id)
    if span and (first < span[0] or last > span[1]):
        raise CorrectionError(f"Pages {first}-{last} are outside the pack, which runs from page {span[0]} to "
                              f"{span[1]}.")


def _item(store: Store, item_id: int) -> dict[str, Any]:
    items = queries.agenda(store.db, corrections.item_row(store.db, item_id)["meeting_id"])["items"]
    return next(item for item in items if item["id"] == item_id)


def edit_item(store: Store, item_id: int, *, title: str | None = None, pages: str | None = None,
              number: str | None = None, confidential: bool | None = None) -> dict[str, Any]:
    """Correct an item's title, pack pages ("12-30"), agenda number or confidential
    flag; return the item as it now is."""
    values: dict[str, Any] = {}
    if title is not None:
        if not clean(title):
            raise CorrectionError("An item needs a title.")
        values["title"] = clean(title)
    if number is not None:
        values["agenda_number"] = clean(number).rstrip(".") or None
    if confidential is not None:
        values["confidential"] = bool(confidential)
    meeting_id = corrections.item_row(store.db, item_id)["meeting_id"]
    if pages is not None:
        first, last = parse_pages(pages)
        _check_in_pack(store, meeting_id, first, last)
        values["pages"] = [first, last]
    if not values:
        raise CorrectionError("Say what to correct: --title, --pages, --number or --confidential.")
    current = _item(store, item_id)
    shown = {"title": current["title"], "agenda_number": current["agenda_number"],
             "confidential": current["confidential"], "pages": current["pages"]}
    who = profile_name(store)
    with transaction(store.db):
        for name, value in values.items():
            if shown[name] != value:
                corrections.correct_item(store.db, item_id, name, value, who)
    return _item(store, item_id)


def _agenda_order(store: Store, meeting_id: int) -> list[dict[str, Any]]:
    return list(queries.agenda(store.db, meeting_id)["items"])


def merge_items(store: Store, meeting_id: int, first_id: int, second_id: int) -> dict[str, Any]:
    """Merge two neighbouring items of the agenda into the first of them."""
    order = _agenda_order(store, meeting_id)
    ids = [item["id"] for item in order]
    if first_id == second_id:
        raise CorrectionError("An item cannot be merged with itself.")
    if abs(ids.index(first_id) - ids.index(second_id)) != 1:
        raise CorrectionError("Only neighbouring items of the agenda can be merged; these two are not next to "
                              "each other.")
    keep, absorbed = sorted((first_id, second_id), key=ids.index)
    with transaction(store.db):
        corrections.merge_items(store.db, keep, absorbed, profile_name(store))
    return _item(store, keep)


def split_item(store: Store, item_id: int, at_page: int, title: str, number: str | None = None) -> dict[str, Any]:
    """Make a new item, ``title``, of the pages from ``at_page`` to the end of the item's range."""
    item = _item(store, item_id)
    if not clean(title):
        raise CorrectionError("The new item needs a title (--title).")
    if not item["pages"]:
        raise CorrectionError("This item has no pack pages to split; give it its pages first (--pages).")
    first, last = item["pages"]
    if not first < at_page <= last:
        raise CorrectionError(f"Page {at_page} is not inside this item's pages {first}-{last}; the new item must "
                              f"start on a page from {first + 1} to {last}.")
    with transaction(store.db):
        correction = corrections.split_item(store.db, item_id, at_page, clean(title),
                                            clean(number).rstrip(".") if number else None, profile_name(store))
    made = json.loads(corrections.correction_row(store.db, correction)["detail"])["new_item"]  # type: ignore[index]
    return _item(store, int(made))


def undo(store: Store, meeting_id: int, item_id: int | None = None, field: str | None = None) -> dict[str, Any]:
    """Undo the newest correction in force on the meeting's own fields or on the item
    (of ``field`` when given); return it as a history entry."""
    rows = corrections.in_force(store.db, meeting_id, item_id)
    if item_id is not None:     # a split is undone from the item it was made from or the one it made
        made_by = [json.loads(r["detail"])["by"] for r in rows if r["detail"] and "by" in json.loads(r["detail"])]
        rows = [r for r in rows if not (r["detail"] and "by" in json.loads(r["detail"]))] + [
            r for r in (corrections.correction_row(store.db, c) for c in made_by) if r and not r["undone_at"]]
    if field is not None:
        key = {"number": "agenda_number"}.get(field, field)
        rows = [r for r in rows if r["field"] == key]
    if not rows:
        what = "this item" if item_id is not None else "this meeting"
        raise CorrectionError(f"There is no correction of {what}{f' ({field})' if field else ''} to undo.")
    newest = max(rows, key=lambda r: r["id"])
    title = corrections.item_row(store.db, newest["item_id"])["title"] if newest["item_id"] is not None else None
    with transaction(store.db):
        try:
            row = corrections.undo(store.db, newest["id"])
        except CorrectionRefused as error:
            raise CorrectionError(str(error)) from None
    return _entry(row | {"undone_at": "now", "item_title": title})


def _entry(row: dict[str, Any]) -> dict[str, Any]:
    detail = json.loads(row["detail"]) if row.get("detail") else {}
    return {"id": row["id"], "at": row["at"], "who": row["who"], "item_id": row["item_id"],
            "item": row.get("item_title") or detail.get("absorbed_title") if row["item_id"] else None,
            "field": row["field"], "what": LABELS.get(row["field"], row["field"]),
            "before": json.loads(row["reader_value"]) if row["reader_value"] else None,
            "after": json.loads(row["value"]) if row["value"] else None,
            "undone": row["undone_at"] is not None, "part_of": detail.get("by")}


def history(store: Store, meeting_id: int) -> list[dict[str, Any]]:
    """Every correction of the meeting and its items, oldest first, undone ones included."""
    return [_entry(row) for row in corrections.history(store.db, meeting_id)]


def corrected_fields(store: Store, meeting_id: int, item_id: int | None = None) -> list[str]:
    """The fields of a meeting or an item under a correction now (for the window's marker)."""
    return sorted({LABELS.get(str(r["field"]), str(r["field"])) for r in corrections.in_force(store.db, meeting_id,
                                                                                             item_id)})


def _value(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return f"{value[0]}-{value[1]}"
    if isinstance(value, dict):
        return f"from page {value.get('at_page')} as “{value.get('title')}”"
    return str(value)


def describe(entry: dict[str, Any], *, with_item: bool = True) -> str:
    """A history entry in words: "item “Early Years” pack pages 5-10 → 5-12"."""
    where = f"item “{entry['item']}” " if entry["item"] and with_item else ""
    if entry["field"] == "merge":
        return f"{where}merged with the next item, pages {_value(entry['before'])} → {_value(entry['after'])}"
    if entry["field"] == "split":
        return f"{where}split {_value(entry['after'])}"
    return f"{where}{entry['what']} {_value(entry['before'])} → {_value(entry['after'])}"


def in_force_lines(store: Store, meeting_id: int) -> dict[int | None, list[str]]:
    """Per item (None: the meeting itself), the corrections in force in words, with who and when:
    what the window shows beside its "Corrected" marks."""
    out: dict[int | None, list[str]] = {}
    for entry in history(store, meeting_id):
        if entry["undone"] or entry["part_of"] is not None:
            continue
        when = entry["at"].replace("T", " ")[:16]
        out.setdefault(entry["item_id"], []).append(f"{describe(entry, with_item=False)} ({entry['who']}, {when})")
    return out
