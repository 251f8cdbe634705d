"""Read the text of a ModernGov "Agenda and minutes" page (what a browser copies).

The copied text keeps the page's order: a "Agenda and minutes" title, the
meeting heading, "Venue:", "Contact:", a "No. Item" header, then per item its
number on a line of its own ("8."), its title with the report's size label
("... pdf icon PDF 202 KB"), the agenda description, "Additional documents:"
and "Minutes:".  Some copies lose the numbers and the labels (seed 001); then
items are told apart by the wide gaps (four or more blank lines) the page
leaves between them, and an item's minutes by the double gap after its
description.  Menus and links around the content ("Print this page", "View
directions") are page furniture and are dropped; council wording is kept.
"""
from __future__ import annotations

import dataclasses
import itertools
import re

from panelbook.model import AgendaItem, Committee, DocumentKind, DocumentLink, Meeting, MeetingStatus, ParsedDocument
from panelbook.sources.meeting_page_common import (
    Heading,
    apply_minutes,
    clean_venue,
    document_title,
    leading_int,
    meeting_status,
    parse_contact,
    parse_heading,
    parse_number,
    refuse,
    split_size_label,
)
from panelbook.sources.textutil import clean

# Page titles, labels and headers in English and in Welsh ("Rhaglen a chofnodion", "Lleoliad:",
# "Cyswllt:", "Eitemau", "Rhif eitem", "Dogfennau ychwanegol:", "Cofnodion:", "Penderfyniad:").
_PAGE_TITLE = re.compile(
    r"^(?:Agenda(?:,? (?:and )?(?:decisions|minutes))*|Rhaglen(?:,? (?:a )?(?:phenderfyniadau|chofnodion))*)$",
    re.IGNORECASE,
)
_VENUE = re.compile(r"^(?:(?:Proposed\s+)?Venue|(?:Lleoliad(?:\s+arfaethedig)?))\s*:\s*", re.IGNORECASE)
_CONTACT = re.compile(r"^(?:Contact|Cyswllt)\s*:\s*", re.IGNORECASE)
_ITEMS_HEADER = re.compile(r"^(?:No\.?\s+Item|Items|Eitemau|Rhif\.?\s+eitem)$", re.IGNORECASE)
_LABEL = re.compile(
    r"^(?P<label>Additional documents|Supporting documents|Background documents|Decision|Minutes"
    r"|Dogfennau ychwanegol|Dogfennau atodol|Penderfyniad|Cofnodion)\s*:$",
    re.IGNORECASE,
)
_FURNITURE = frozenset(
    "print this page|view directions|loading...|skip to main content|back to top|"
    "share this page|top of page|no. item|items|view the webcast|attendance details|"
    "agenda reports pack|media|local democracy".split("|")
)
# "Chairman's Announcements (Agenda item 6))": the agenda number a minuted page shows beside the title.
_AGENDA_ITEM_NOTE = re.compile(r"\s*\((?:Agenda\s+item|Eitem\s+agenda)\s+(?P<number>\w+)\.?\)+\s*$",
                               re.IGNORECASE)
# "the minutes of the meeting of Cabinet held on", "The Minutes of the Council held on".
PREVIOUS_MINUTES = re.compile(
    r"\b[Mm]inutes\s+of\s+(?:the\s+)?(?:(?:last|previous)\s+)?(?:[Mm]eeting\s+of\s+(?:the\s+)?)?"
    r"(?P<name>[A-Z][\w&'’()-]*(?:\s+(?:[A-Z(][\w&'’()-]*|and|of|for|the|&))*?)\s+held\s+on\b"
)
# A cancelled meeting's page: "CANCELLED" on its own or a notice, and no documents.
_CANCELLED_LINE = re.compile(r"^(?:CANCELLED|Cancelled|(?:Please note,? )?this meeting has been cancelled\.?"
                             r"|Canslwyd|Wedi ei ganslo)$", re.IGNORECASE)
_NO_DOCUMENTS = re.compile(r"^No documents are available for this meeting\.?$", re.IGNORECASE)
_HEADLESS_SCAN = 30
_LONGEST_LINE = 2000      # lines in which a page copied without its heading shows its title or labels
_TITLE_LIKE = re.compile(r"^[A-Z\u00c0-\u024f'‘\"(]")
_FOOTER = re.compile(r"^(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)
_BULLET = re.compile(r"^[•\u2022\u25cf\u25aa\u00b7\-–*o]\s+")
_ITEM_GAP = 4       # blank lines between items when the page copy lost the numbers
_SECTION_GAP = 2    # blank lines between description and minutes in such a copy
_LOOKAHEAD = 12     # lines to look past an item number for its title
_HEAD_SCAN = 400    # the heading sits near the top; menus before it are short


def looks_like_meeting_page_text(text: str) -> bool:
    """True when ``text`` reads like the copied text of a ModernGov meeting page,
    with its heading or (copied without it) its page title, labels and items."""
    try:
        lines = _lines(text)
        return _find_heading(lines) is not None or _headless_start(lines) is not None
    except RecursionError:  # pragma: no cover - nothing here recurses
        return False


def read_meeting_page_text(text: str) -> ParsedDocument:
    """The page's meeting, with its items, minutes and resolutions, as a ParsedDocument.

    A page copied without its heading still gives its items, venue and
    minutes; its committee is then "" and its date None (the import says so).
    """
    lines = _lines(text)
    found = _find_heading(lines) or _headless_start(lines)
    if found is None:
        raise refuse("no meeting heading with a committee and a date was found")
    at, heading, page_title = found
    items_at, venue, contact_text = _read_header(lines, at + 1)
    zone = _item_zone(lines[items_at:])
    minuted_page = page_title is None or bool(re.search(r"minutes|cofnodion", page_title, re.IGNORECASE))
    items, numbers = _read_items(zone, minuted_page)
    if heading.date is None and not any(number for number in numbers) and not _labelled(zone):
        # without its heading, a page must show its items as a meeting page does: numbered or labelled
        raise refuse("it has no meeting heading, and no numbered or labelled agenda items")
    has_minutes = any(item.minutes_text or item.resolutions for item in items)
    for item, number in zip(items, numbers, strict=True):
        note = _AGENDA_ITEM_NOTE.search(item.title)
        if note:
            item.title = item.title[: note.start()].strip()
            item.agenda_number = note.group("number")
            item.minute_number = number
        elif has_minutes:
            item.minute_number = number
        else:
            item.agenda_number = number
    contact = parse_contact(contact_text)
    warnings: list[str] = []
    if not heading.committee:
        heading = _committee_from_minutes(heading, zone, warnings)
    meeting = Meeting(
        committee=heading.committee,
        date=heading.date,
        time=heading.time,
        venue=venue,
        status=_cancelled(lines[at + 1: items_at + 1]) or meeting_status(heading, items),
        contact_name=contact.name,
        contact_role=contact.role,
        contact_phone=contact.phone,
        contact_email=contact.email,
        items=items,
    )
    if not items:
        warnings.append("The page lists no agenda items.")
    return ParsedDocument(
        kind=DocumentKind.MEETING_PAGE,
        title=heading.text,
        committee=Committee(name=heading.committee) if heading.committee else None,
        meetings=[meeting],
        warnings=warnings,
    )


def _cancelled(header: list[str]) -> MeetingStatus | None:
    """CANCELLED when the page says so between its heading and its items (not only in the heading)."""
    if any(_CANCELLED_LINE.match(clean(line[:_LONGEST_LINE])) for line in header):
        return MeetingStatus.CANCELLED
    return None


def _committee_from_minutes(heading: Heading, zone: list[str], warnings: list[str]) -> Heading:
    """A page without its heading still names its body where it confirms the minutes of
    its own previous meeting ("the minutes of the meeting of Cabinet held on ...")."""
    for line in zone:
        match = PREVIOUS_MINUTES.search(line) if "inutes" in line else None
        if match:
            name = clean(match.group("name"))
            warnings.append(f"The page has no heading; the committee ({name}) is taken from the minutes "
                            "of its previous meeting that it confirms.")
            return dataclasses.replace(heading, committee=name)
    return heading


def _labelled(zone: list[str]) -> bool:
    return any(_LABEL.match(clean(line[:_LONGEST_LINE])) for line in zone)


def _headless_start(lines: list[str]) -> tuple[int, Heading, str | None] | None:
    """Where a page copied without its meeting heading begins: its page title
    ("Agenda and minutes") or its first label, when the page also shows what only
    a meeting page has (labels, the items header, item numbers with titles)."""
    seen: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        text = clean(line[:_LONGEST_LINE])        # a title or label is short; spare cleaning a huge line
        if text:
            seen.append((index, text))
        if len(seen) >= _HEADLESS_SCAN:
            break
    title = next(((i, t) for i, t in seen if _PAGE_TITLE.match(t)), None)
    header = next((i for i, t in seen if _ITEMS_HEADER.match(t) or _VENUE.match(t) or _CONTACT.match(t)), None)
    blank = Heading(text=title[1] if title else "Agenda", committee="", date=None, time=None, suffix_status=None)
    if title is not None and header is not None:
        return title[0], blank, title[1]
    if header is not None and any(_ITEMS_HEADER.match(t) for _, t in seen):
        return header - 1, blank, None
    # the items alone, numbered "2." on their own lines, each with a title, from the top of the text
    zone = _item_zone([line[:_LONGEST_LINE] for line in lines[: seen[-1][0] + 1]] if seen else [])
    starts = _number_lines(zone)
    if len(starts) >= 3 and all(zone[i].rstrip().endswith(".") for i in starts):
        return -1, blank, "Agenda"
    return None


def _lines(text: str) -> list[str]:
    """The text's lines with line endings normalised and trailing spaces dropped."""
    if not isinstance(text, str):
        raise refuse("it is not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return [line.rstrip() for line in text.split("\n")]


def _find_heading(lines: list[str]) -> tuple[int, Heading, str | None] | None:
    """Where the meeting heading is, what it says, and the page title above it.

    The heading must sit next to what only a meeting page has: the "Agenda
    and minutes" title above it, or a "Venue:" / "Contact:" / "No. Item"
    line shortly after it.
    """
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _HEAD_SCAN:
            return None
        heading = parse_heading(line)
        if heading is None:
            continue
        title = _title_above(lines, index)
        if title is not None or _has_header_below(lines, index):
            return index, heading, title
    return None


def _title_above(lines: list[str], index: int) -> str | None:
    for line in reversed(lines[max(0, index - 6):index]):
        if line.strip():
            text = clean(line)
            return text if _PAGE_TITLE.match(text) else None
    return None


def _has_header_below(lines: list[str], index: int) -> bool:
    following = [clean(line) for line in lines[index + 1:index + 40] if line.strip()][:8]
    return any(
        _VENUE.match(line) or _CONTACT.match(line) or _ITEMS_HEADER.match(line) or _NO_DOCUMENTS.match(line)
        for line in following
    )


def _read_header(lines: list[str], start: int) -> tuple[int, str | None, str | None]:
    """Venue and contact after the heading; returns where the items begin."""
    venue = contact = None
    last_label = start - 1
    for index in range(start, len(lines)):
        text = clean(lines[index])
        if not text:
            continue
        if _ITEMS_HEADER.match(text):
            # "Items" then "No. Item": the items begin after the last of them.
            next_index = index + 1
            while next_index < len(lines) and not lines[next_index].strip():
                next_index += 1
            if next_index < len(lines) and _ITEMS_HEADER.match(clean(lines[next_index])):
                continue
            return index + 1, venue, contact
        if venue is None and _VENUE.match(text):
            venue, last_label = clean_venue(_VENUE.sub("", text)), index
        elif contact is None and _CONTACT.match(text):
            contact, last_label = _CONTACT.sub("", text), index
        elif parse_number(text) or _LABEL.match(text):
            break
    return last_label + 1, venue, contact


def _item_zone(lines: list[str]) -> list[str]:
    """The item lines without page furniture, cut at the page footer."""
    zone: list[str] = []
    for line in lines:
        text = clean(line)
        if _FOOTER.match(text):
            break
        if text.lower() in _FURNITURE:
            continue
        zone.append("" if not text else line)
    return zone


def _read_items(zone: list[str], minuted_page: bool) -> tuple[list[AgendaItem], list[str | None]]:
    """Split the item lines into items; numbers come back beside them."""
    starts = _number_lines(zone)
    chunks: list[tuple[str | None, list[str]]]
    if starts:
        chunks = [
            (parse_number(zone[begin]), zone[begin + 1:end])
            for begin, end in itertools.pairwise([*starts, len(zone)])
        ]
    else:
        chunks = [(None, chunk) for chunk in _split_on_gaps(zone, _ITEM_GAP)]
    labelled = any(_LABEL.match(clean(line)) and _section_name(clean(line)) != "documents" for line in zone)
    items: list[AgendaItem] = []
    numbers: list[str | None] = []
    for number, chunk in chunks:
        item = _read_item(chunk, labelled, minuted_page)
        if item is not None:
            items.append(item)
            numbers.append(number)
    return items, numbers


def _number_lines(zone: list[str]) -> list[int]:
    """Indexes of item-number lines ("8.", "77/21").

    A number counts only on its own line after a blank line, followed by a
    title, and larger than the item before it, so a "1." sub-point inside
    the minutes is not taken for a new item.
    """
    starts: list[int] = []
    previous = -1
    dense = sum(not line.strip() for line in zone) * 10 < len(zone)     # a copy that lost its blank lines
    for index, line in enumerate(zone):
        number = parse_number(line)
        if number is None:
            continue
        before = clean(zone[index - 1]) if index else ""
        if before and not (dense and before.endswith((".", ")"))):
            continue
        window = zone[index + 1:index + 1 + _LOOKAHEAD]
        following = next((clean(next_line) for next_line in window if next_line.strip()), "")
        if not following or parse_number(following) or _LABEL.match(following):
            continue
        if dense and not (_TITLE_LIKE.match(following) and len(following) <= 150 and not following.endswith(".")):
            continue
        value = leading_int(number)
        if value <= previous:
            continue
        starts.append(index)
        previous = value
    return starts


def _split_on_gaps(lines: list[str], gap: int) -> list[list[str]]:
    """Split lines on runs of at least ``gap`` blank lines; empty parts dropped."""
    parts: list[list[str]] = [[]]
    blanks = 0
    for line in lines:
        if not line.strip():
            blanks += 1
            parts[-1].append("")
            continue
        if blanks >= gap and any(part.strip() for part in parts[-1]):
            parts.append([])
        blanks = 0
        parts[-1].append(line)
    return [part for part in parts if any(line.strip() for line in part)]


def _read_item(chunk: list[str], labelled: bool, minuted_page: bool) -> AgendaItem | None:
    lines = _trim(chunk)
    if not lines:
        return None
    title, size = split_size_label(lines[0])
    item = AgendaItem(title=title)
    if size:
        item.documents.append(DocumentLink(title=title, size=size))
    rest = lines[1:]
    sections = _sections_by_label(rest) if labelled else _sections_by_gap(rest, minuted_page)
    item.description = _paragraphs(sections.get("description", [])) or None
    for line in sections.get("documents", []):
        link = _document_line(line)
        if link is not None:
            item.documents.append(link)
    minutes = _block_text(sections.get("minutes", []))
    decision = _block_text(sections.get("decision", []))
    apply_minutes(item, minutes, decision)
    return item


def _trim(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _section_name(label: str) -> str:
    label = label.lower()
    if "document" in label or "dogfennau" in label:
        return "documents"
    return "decision" if label.startswith(("decision", "penderfyniad")) else "minutes"


def _sections_by_label(lines: list[str]) -> dict[str, list[str]]:
    """Description until the first label, then one section per label."""
    sections: dict[str, list[str]] = {"description": []}
    current = "description"
    for line in lines:
        match = _LABEL.match(clean(line))
        if match:
            current = _section_name(match.group("label"))
            sections.setdefault(current, [])
            continue
        sections[current].append(line)
    return sections


def _sections_by_gap(lines: list[str], minuted_page: bool) -> dict[str, list[str]]:
    """For copies without "Minutes:" labels: the description ends at the first
    double gap (or "Additional documents:"), document lines follow, and what
    comes after is the minutes, when the page is a minuted one."""
    sections: dict[str, list[str]] = {"description": [], "documents": [], "minutes": []}
    current = "description"
    blanks = 0
    for line in lines:
        text = clean(line)
        if not text:
            blanks += 1
            sections[current].append("")
            continue
        label = _LABEL.match(text)
        if label and _section_name(label.group("label")) == "documents":
            current, blanks = "documents", 0
            continue
        if current == "description" and blanks >= _SECTION_GAP and minuted_page:
            current = "minutes"
        elif current == "documents" and _document_line(line) is None:
            current = "minutes" if minuted_page else "description"
        blanks = 0
        sections[current].append(line)
    return sections


def _document_line(line: str) -> DocumentLink | None:
    """A DocumentLink from "• Appendix 1 - ....pptx, item 9 pdf icon PDF 3 MB"."""
    text = _BULLET.sub("", clean(line))
    title, size = document_title(text)
    if not title or size is None:
        return None
    return DocumentLink(title=title, size=size)


def _paragraphs(lines: list[str]) -> str:
    """Non-blank lines, cleaned, as paragraphs separated by a blank line."""
    return "\n\n".join(clean(line) for line in lines if clean(line))


def _block_text(lines: list[str]) -> str:
    """A minutes block as plain text for ``split_minutes``.

    The page copy puts one paragraph on each line, so every line becomes a
    paragraph of its own; consecutive bullet points stay one list.
    """
    out: list[str] = []
    previous_bullet = False
    for line in lines:
        text = clean(line)
        if not text:
            continue
        bullet = bool(_BULLET.match(text))
        if out:
            out.append("\n" if bullet and previous_bullet else "\n\n")
        out.append(text)
        previous_bullet = bullet
    return "".join(out)
