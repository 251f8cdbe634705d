"""Writing what a reader found into the store, idempotently.

Everything carries a stable key: a committee by its name (and council when
known), a meeting by committee and date, an item by its title within the
meeting (agenda item 7 and minute 10 meet here), a document by its kind and
meeting, a recommendation by where it came from.  Importing the same document
again changes nothing; a revised one updates rows in place.  Nothing here ever
deletes an item, a recommendation or a note: user work hangs off them.

All functions run inside the caller's transaction.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlite_utils
from sqlite_utils.db import NotFoundError

from panelbook.model import (
    AgendaItem,
    Committee,
    Meeting,
    MeetingStatus,
    MonitoringRow,
    ParsedDocument,
    RecStatus,
    UnreadableDocument,
)
from panelbook.sources.textutil import norm_key
from panelbook.store import correction_overlay, facts, indexer
from panelbook.store.matching import best_match, is_procedural, text_similarity, title_similarity

IMPORT_WHO = "import"


@dataclass
class WriteCounts:
    """What one import added or updated (the ``import --json`` counts)."""

    meetings: set[int] = field(default_factory=set)
    items: set[int] = field(default_factory=set)
    resolutions: set[int] = field(default_factory=set)
    recommendations: set[int] = field(default_factory=set)


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _one(db: sqlite_utils.Database, sql: str, params: tuple[Any, ...] = ()) -> dict[str, Any] | None:
    rows = list(db.query(sql, params))
    return rows[0] if rows else None


def _update(db: sqlite_utils.Database, table: str, row_id: int, values: dict[str, Any]) -> bool:
    """Set ``values`` on a row, only where they differ; True if anything changed."""
    rows = db.table(table)
    try:
        current = rows.get(row_id)
    except NotFoundError:
        return False
    changes = {k: v for k, v in values.items() if current.get(k) != v}
    if not changes:
        return False
    rows.update(row_id, changes)
    return True


def _insert(db: sqlite_utils.Database, table: str, values: dict[str, Any]) -> int:
    rows = db.table(table)
    rows.insert(values)
    return int(rows.last_rowid or 0)


def _prefer_readable(existing: str | None, incoming: str | None) -> str | None:
    """Keep a title-cased title over an all-capitals one of the same words."""
    if not incoming:
        return existing
    if existing and incoming.isupper() and not existing.isupper():
        return existing
    return incoming


# -- committees and meetings ------------------------------------------------


def upsert_committee(db: sqlite_utils.Database, committee: Committee | str, council: str | None) -> int:
    if isinstance(committee, str):
        committee = Committee(name=committee, council=council)
    council = committee.council or council
    name_key = norm_key(committee.name)
    candidates = list(db.query(
        "SELECT * FROM committees WHERE key = ? OR key LIKE ?", ("|" + name_key, "%|" + name_key)
    ))
    chosen = None
    for row in candidates:
        if council and row["council"] and norm_key(row["council"]) == norm_key(council):
            chosen = row
            break
    if chosen is None:
        chosen = next((r for r in candidates if not r["council"] or not council), None)
    values = {
        "name": _prefer_readable(chosen["name"] if chosen else None, committee.name),
        "council": council or (chosen["council"] if chosen else None),
        "terms_of_reference": committee.terms_of_reference or (chosen or {}).get("terms_of_reference"),
        "quorum": committee.quorum or (chosen or {}).get("quorum"),
        "external_id": committee.external_id or (chosen or {}).get("external_id"),
        "category": committee.category or (chosen or {}).get("category"),
    }
    council_key = norm_key(values["council"]) if isinstance(values["council"], str) else ""
    values["key"] = council_key + "|" + name_key
    if chosen is None:
        committee_id = _insert(db, "committees", values)
    else:
        committee_id = chosen["id"]
        _update(db, "committees", committee_id, values)
    for member in committee.members:
        db.execute(
            "INSERT INTO committee_members (committee_id, name, role) VALUES (?, ?, ?) "
            "ON CONFLICT (committee_id, name) DO UPDATE SET role = excluded.role",
            (committee_id, member.name, member.role),
        )
    return committee_id


_MEETING_FIELDS = ("time", "venue", "contact_name", "contact_role", "contact_phone", "contact_email",
                   "source_url", "external_id", "agenda_published")


def _meeting_status(statuses: list[str]) -> str:
    """A definite status (held, moved, cancelled, new) beats a bare 'scheduled'."""
    return next((s for s in statuses if s != MeetingStatus.SCHEDULED.value), MeetingStatus.SCHEDULED.value)


def upsert_meeting(
    db: sqlite_utils.Database, committee_id: int, meeting: Meeting, sample: bool, counts: WriteCounts,
    source: str, rank: int,
) -> int:
    if meeting.date is None:   # services.import_gaps files or refuses such a document first
        raise UnreadableDocument("This document does not say the date of its meeting, so it cannot be filed.")
    day = meeting.date.isoformat()
    moved = correction_overlay.meeting_named_by_readers(db, committee_id, day)   # its committee or date corrected
    existing = _one(db, "SELECT * FROM meetings WHERE id = ?", (moved,)) if moved is not None else _one(
        db, "SELECT * FROM meetings WHERE committee_id = ? AND date = ?", (committee_id, day))
    statement = {
        "time": meeting.time, "venue": meeting.venue, "contact_name": meeting.contact_name,
        "contact_role": meeting.contact_role, "contact_phone": meeting.contact_phone,
        "contact_email": meeting.contact_email, "source_url": meeting.source_url,
        "external_id": meeting.external_id,
        "agenda_published": meeting.agenda_published.isoformat() if meeting.agenda_published else None,
        "status": meeting.status.value,
    }
    statement = {k: v for k, v in statement.items() if v is not None}
    if existing is None:
        meeting_id = _insert(db, "meetings", {
            "committee_id": committee_id, "date": day, "sample": int(sample),
            "status": meeting.status.value,
        })
        counts.meetings.add(meeting_id)
    else:
        meeting_id = existing["id"]
    facts.record(db, "meeting", meeting_id, source, rank, statement)
    if refresh_meeting(db, meeting_id):
        counts.meetings.add(meeting_id)
    for person in meeting.attendees:
        cursor = db.execute(
            "INSERT INTO attendees (meeting_id, name, role, attendance, party) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (meeting_id, name) DO UPDATE SET role = coalesce(role, excluded.role), "
            "attendance = coalesce(attendance, excluded.attendance), party = coalesce(party, excluded.party) "
            "WHERE (role IS NULL AND excluded.role IS NOT NULL) OR (attendance IS NULL AND excluded.attendance "
            "IS NOT NULL) OR (party IS NULL AND excluded.party IS NOT NULL)",
            (meeting_id, person.name, person.role, person.attendance, person.party),
        )
        if cursor.rowcount:
            counts.meetings.add(meeting_id)
    return meeting_id


def refresh_meeting(db: sqlite_utils.Database, meeting_id: int) -> bool:
    """Rewrite a meeting's row from every document's facts, the clerk's corrections
    laid over; True if anything changed."""
    merged = facts.merged(db, "meeting", meeting_id)
    values = {name: merged.get(name) for name in _MEETING_FIELDS}
    statuses = [json.loads(r["data"]).get("status", "scheduled") for r in db.query(
        "SELECT data FROM facts WHERE entity = 'meeting' AND entity_id = ? ORDER BY rank, rowid", (meeting_id,))]
    values["status"] = _meeting_status(statuses)
    return _update(db, "meetings", meeting_id, correction_overlay.meeting_values(db, meeting_id, values))


# -- items ------------------------------------------------------------------


def find_item(db: sqlite_utils.Database, meeting_id: int, item: AgendaItem) -> dict[str, Any] | None:
    """The stored item that ``item`` is: same title, a near-identical title, or
    (when titles differ) the same agenda or minute number."""
    rows = list(db.query("SELECT * FROM items WHERE meeting_id = ? ORDER BY position", (meeting_id,)))
    key = norm_key(item.title)
    for row in rows:
        if row["title_key"] == key:
            return row
    scored = [(max(title_similarity(row["title"], item.title), title_similarity(row["title_key"], key)), row)
              for row in rows]     # the title as shown (perhaps corrected) or as the readers gave it
    scored = [pair for pair in scored if pair[0] >= 0.85]
    if scored:
        return max(scored, key=lambda pair: pair[0])[1]
    for row in rows:
        if item.minute_number and row["minute_number"] == item.minute_number:
            return row
        if item.agenda_number and row["agenda_number"] == item.agenda_number and not row["minute_number"]:
            return row
    return None


_ITEM_FIELDS = ("agenda_number", "minute_number", "description", "page_first", "page_last", "issue",
                "minutes_text", "discussion", "report_text")


def upsert_item(
    db: sqlite_utils.Database, meeting_id: int, position: int, item: AgendaItem, counts: WriteCounts,
    source: str, rank: int,
) -> int:
    existing = find_item(db, meeting_id, item)
    statement = {
        "title": item.title,
        "agenda_number": item.agenda_number,
        "minute_number": item.minute_number,
        "description": item.description,
        "page_first": item.pages[0] if item.pages else None,
        "page_last": item.pages[1] if item.pages else None,
        "issue": item.issue,
        "minutes_text": item.minutes_text,
        "discussion": json.dumps(item.discussion) if item.discussion else None,
        "report_text": item.text,
        "confidential": 1 if item.confidential else None,
        "position": position if item.agenda_number else None,
        "resolutions": [[r.number, r.text] for r in item.resolutions],
    }
    statement = {k: v for k, v in statement.items() if v not in (None, [])}
    if existing is None:
        item_id = _insert(db, "items", {
            "meeting_id": meeting_id, "position": position, "title": item.title,
            "title_key": norm_key(item.title), "confidential": 0,
        })
        counts.items.add(item_id)
    else:
        item_id = existing["id"]
    facts.record(db, "item", item_id, source, rank, statement)
    if refresh_item(db, item_id):
        counts.items.add(item_id)
    merged = facts.merged(db, "item", item_id, readable=("title",))
    for link in item.documents:
        cursor = db.execute(
            "INSERT OR IGNORE INTO item_links (item_id, title, url, size, restricted, attachment_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (item_id, link.title, link.url, link.size, int(link.restricted), link.attachment_id),
        )
        if cursor.rowcount:
            counts.items.add(item_id)
    for index, (number, text) in enumerate(merged.get("resolutions", [])):
        row = _one(db, "SELECT * FROM resolutions WHERE item_id = ? AND position = ?", (item_id, index))
        if row is None:
            res_id = _insert(db, "resolutions", {"item_id": item_id, "position": index, "number": number, "text": text})
            counts.resolutions.add(res_id)
        else:
            res_id = row["id"]
            if _update(db, "resolutions", res_id, {"number": number, "text": text}):
                counts.resolutions.add(res_id)
        offer_draft(db, meeting_id, item_id, res_id, text, counts)
    return item_id


def refresh_item(db: sqlite_utils.Database, item_id: int) -> bool:
    """Rewrite an item's row from every document's facts, the clerk's corrections
    laid over (an item the clerk made by a split has no facts: its title stays);
    True if anything changed."""
    merged = facts.merged(db, "item", item_id, readable=("title",))
    values: dict[str, Any] = {name: merged.get(name) for name in _ITEM_FIELDS}
    if "title" in merged:
        values["title"] = merged["title"]
        values["title_key"] = norm_key(merged["title"])
    else:
        values.pop("title", None)
    values["confidential"] = 1 if merged.get("confidential") else 0
    if "position" in merged:
        values["position"] = merged["position"]
    return _update(db, "items", item_id, correction_overlay.item_values(db, item_id, values))


# -- recommendations --------------------------------------------------------


def offer_draft(
    db: sqlite_utils.Database, meeting_id: int, item_id: int, res_id: int, text: str, counts: WriteCounts
) -> None:
    """Offer a non-procedural resolution to the clerk as a draft recommendation,
    unless a recommendation already tracks it (perhaps from a monitoring table)."""
    if is_procedural(text):
        return
    if _one(db, "SELECT id FROM recommendations WHERE resolution_id = ?", (res_id,)):
        return
    unlinked = [
        (row["id"], row["text"]) for row in db.query(
            "SELECT id, text FROM recommendations WHERE meeting_id = ? AND resolution_id IS NULL", (meeting_id,)
        )
    ]
    match = best_match(unlinked, text, text_similarity, 0.6)
    if match is not None:
        db.execute("UPDATE recommendations SET resolution_id = ?, item_id = coalesce(item_id, ?) WHERE id = ?",
                   (res_id, item_id, match))
        counts.recommendations.add(match)
        return
    item = _one(db, "SELECT title FROM items WHERE id = ?", (item_id,))
    assert item is not None, item_id      # the item was written just before its resolutions
    title = item["title"]
    stamp = now_iso()
    rec_id = _insert(db, "recommendations", {
        "key": f"resolution|{res_id}", "meeting_id": meeting_id, "item_id": item_id,
        "resolution_id": res_id, "item_title": title, "text": text,
        "status": RecStatus.DRAFT.value, "created_at": stamp, "updated_at": stamp,
    })
    counts.recommendations.add(rec_id)


def _user_edited_fields(db: sqlite_utils.Database, rec_id: int) -> set[str]:
    return {row["field"] for row in db.query(
        "SELECT DISTINCT field FROM rec_history WHERE rec_id = ? AND who != ?", (rec_id, IMPORT_WHO)
    )}


def record_change(db: sqlite_utils.Database, rec_id: int, who: str, field_name: str, before: Any,
                  after: Any) -> None:
    """One line of a recommendation's history: who changed which field, from what to what."""
    db.table("rec_history").insert({"rec_id": rec_id, "at": now_iso(), "who": who, "field": field_name,
                                    "before": before, "after": after})


def upsert_monitoring_row(
    db: sqlite_utils.Database, committee_id: int, row: MonitoringRow, counts: WriteCounts
) -> int:
    """A monitoring-table row becomes (or updates) one recommendation, linked to
    the meeting, item and resolution it came from when they are in the store.
    Fields the clerk has edited by hand are never overwritten by an import."""
    meeting = None
    if row.meeting_date:
        meeting = _one(db, "SELECT id FROM meetings WHERE committee_id = ? AND date = ?",
                       (committee_id, row.meeting_date.isoformat()))
    meeting_id = meeting["id"] if meeting else None
    key = f"monitoring|{committee_id}|{row.meeting_date}|{norm_key(row.action_proposed)[:200]}"
    existing = _one(db, "SELECT * FROM recommendations WHERE key = ?", (key,))
    item_id = res_id = None
    if meeting_id is not None:
        items = [(r["id"], r["title"]) for r in db.query(
            "SELECT id, title FROM items WHERE meeting_id = ?", (meeting_id,))]
        res_rows = list(db.query(
            "SELECT r.id, r.text, r.item_id FROM resolutions r JOIN items i ON i.id = r.item_id "
            "WHERE i.meeting_id = ?", (meeting_id,)))
        res_id = best_match([(r["id"], r["text"]) for r in res_rows], row.action_proposed, text_similarity, 0.6)
        if res_id is not None:
            item_id = next(r["item_id"] for r in res_rows if r["id"] == res_id)
        else:
            item_id = best_match(items, row.item_title, title_similarity, 0.6)
    if existing is None and res_id is not None:
        existing = _one(db, "SELECT * FROM recommendations WHERE resolution_id = ?", (res_id,))
    imported = {
        "response": row.action_taken,
        "status": row.status.value,
        "status_text": row.status_text,
        "deadline": row.deadline.isoformat() if row.deadline else None,
    }
    stamp = now_iso()
    if existing is None:
        rec_id = _insert(db, "recommendations", {
            "key": key, "meeting_id": meeting_id, "item_id": item_id, "resolution_id": res_id,
            "item_title": row.item_title, "text": row.action_proposed, **imported,
            "created_at": stamp, "updated_at": stamp,
        })
        counts.recommendations.add(rec_id)
        return rec_id
    rec_id = existing["id"]
    edited = _user_edited_fields(db, rec_id)
    changes = {k: v for k, v in imported.items() if k not in edited and existing[k] != v}
    links = {k: v for k, v in {"item_id": item_id, "resolution_id": res_id, "meeting_id": meeting_id}.items()
             if v is not None and existing[k] is None}
    if existing["key"] != key and existing["key"].startswith("resolution|"):
        links["key"] = key                      # the draft is now tracked by the panel's table
        links["item_title"] = row.item_title    # under the title the clerk's table gives it
    if existing["item_title"] is None:
        links["item_title"] = row.item_title
    for name, value in changes.items():
        record_change(db, rec_id, IMPORT_WHO, name, existing[name], value)
    if changes or links:
        _update(db, "recommendations", rec_id, {**changes, **links, "updated_at": stamp})
        counts.recommendations.add(rec_id)
    return int(rec_id)


# -- a whole parsed document ------------------------------------------------


def save_parsed(
    db: sqlite_utils.Database, parsed: ParsedDocument, source: str, *, sample: bool = False
) -> tuple[WriteCounts, int | None, list[int]]:
    """Write every committee, meeting, item, resolution and recommendation of
    ``parsed`` as the statement of document ``source``; return the counts, the
    id of the document's own meeting (or None) and the ids of every meeting touched."""
    counts = WriteCounts()
    rank = facts.rank_of(parsed.kind)
    council = parsed.council or (parsed.committee.council if parsed.committee else None)
    committee_ids: dict[str, int] = {}

    def committee_id_for(name: str) -> int:
        key = norm_key(name)
        if key not in committee_ids:
            base = parsed.committee if parsed.committee and norm_key(parsed.committee.name) == key else name
            committee_ids[key] = upsert_committee(db, base, council)
        return committee_ids[key]

    if parsed.committee:
        committee_id_for(parsed.committee.name)
    for committee in parsed.committees:
        upsert_committee(db, committee, council)
    meeting_ids: list[int] = []
    for meeting in parsed.meetings:
        if not meeting.committee.strip():   # services.import_gaps names it or refuses the document first
            raise UnreadableDocument("This document does not name the committee of its meeting, so it cannot be filed.")
        committee_id = committee_id_for(meeting.committee)
        meeting_id = upsert_meeting(db, committee_id, meeting, sample, counts, source, rank)
        for position, item in enumerate(meeting.items):
            upsert_item(db, meeting_id, position, item, counts, source, rank)
        meeting_ids.append(meeting_id)
    if parsed.monitoring:
        owner = parsed.committee.name if parsed.committee else parsed.meetings[0].committee
        committee_id = committee_id_for(owner)
        for row in parsed.monitoring:
            upsert_monitoring_row(db, committee_id, row, counts)
    for meeting_id in sorted(_changed_meetings(db, counts)):
        indexer.reindex_meeting(db, meeting_id)
    own = meeting_ids[0] if meeting_ids else None
    return counts, own, meeting_ids


def _changed_meetings(db: sqlite_utils.Database, counts: WriteCounts) -> set[int]:
    """Meetings whose own row, items, resolutions or recommendations this import changed:
    only these need their search entries rebuilt."""
    changed = set(counts.meetings)

    def meetings_of(sql: str, ids: set[int]) -> set[int]:
        if not ids:
            return set()
        marks = ", ".join("?" for _ in ids)
        return {r["m"] for r in db.query(sql.format(marks=marks), list(ids)) if r["m"] is not None}

    changed |= meetings_of("SELECT meeting_id AS m FROM items WHERE id IN ({marks})", counts.items)
    changed |= meetings_of(
        "SELECT i.meeting_id AS m FROM resolutions r JOIN items i ON i.id = r.item_id WHERE r.id IN ({marks})",
        counts.resolutions)
    changed |= meetings_of("SELECT meeting_id AS m FROM recommendations WHERE id IN ({marks})", counts.recommendations)
    return changed
