"""The front sheets of an agenda pack: who meets, when, the remit and the agenda.

Works on extracted text with or without blank lines (QtPdf drops them, other
extractors keep them) and with runs of spaces collapsed.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TypeAlias

from panelbook.model import AgendaItem
from panelbook.sources.pack_sections import is_report_start
from panelbook.sources.textutil import MONTHS, clean, parse_date, parse_long_date, parse_time

# How often each word is printed in capitals or capitalised: (lower-case word, in capitals) -> count.
CaseTable: TypeAlias = Counter[tuple[str, bool]]

_BODY_NAME = re.compile(r"^\s*((?:[A-Z][A-Z &'’,-]*?)?\b(?:PANEL|COMMITTEE|BOARD|CABINET|FORUM|COUNCIL))\s*$")
_PAGES = re.compile(r"\(\s*Pages?\s+(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?\s*\)", re.IGNORECASE)
_ITEM_START = re.compile(r"^\s*(\d{1,2})\.?\s+([A-Z(]|\d{2}/\d{3,6}\b)(.*)$")
# "UNRESTRICTED ITEMS", "EXEMPT ITEMS", "PART II": the agenda's sections; items after an exempt one are confidential.
_SECTION = re.compile(r"^\s*(?:(?:UN)?RESTRICTED ITEMS|EXEMPT ITEMS|CONFIDENTIAL ITEMS|PART (?:I|II|1|2|ONE|TWO))\b",
                      re.IGNORECASE)
_EXEMPT_SECTION = re.compile(r"^\s*(?:EXEMPT|CONFIDENTIAL|PART (?:II|2|TWO))\b", re.IGNORECASE)
_VENUE_WORDS = re.compile(r"\b(?:Chamber|Hall|Room|House|Offices|Centre|Center|Guildhall|Civic|Suite|Library)\b")
_SIDE_LABEL = re.compile(r"\b(?:Ask for|Telephone|Tel|Email|E-mail|Contact)\s*:", re.IGNORECASE)
_AGENDA_HEAD = re.compile(r"^\s*(?:AGENDA\s*$|Summons\s+to\s+and\s+Agenda\s+for\s+a\s+Meeting\b)", re.IGNORECASE)
# "A meeting of the County Council will be held in the Council Chamber, ... on ..." (a summons)
_WILL_BE_HELD = re.compile(
    r"\bA\s+meeting\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w&'’ -]{2,80}?)\s+will\s+be\s+held\s+(?:in|at)\s+"
    r"(?P<venue>.{3,200}?)(?:\s+on\s+|\s+commencing\b|\s+at\s+\d|\.\s|\n\s*\n|$)", re.DOTALL)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PUBLISHED = re.compile(rf"^\s*{_WEEKDAY},?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{{4}}\b")
_QUORUM = re.compile(
    r"QUORUM\b.{0,200}?\bis\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE | re.DOTALL,
)
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten".split())}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\b", re.IGNORECASE)
_YEAR_HEADER = re.compile(r"^\s*((?:(?:19|20)\d{2}\s*)+)$")
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on",
                "or", "the", "to", "with", "via"}
_COUNCIL = re.compile(
    r"\b((?:[A-Z][a-z'’-]+ ){1,3}(?:City|County|Borough|District|Town|Parish) Council"
    r"|(?:Royal|London) Borough of (?:[A-Z][a-z'’-]+ ?){1,3}(?:Council)?)"
)
_COUNCIL_UPPER = re.compile(r"\b((?:[A-Z'’-]{2,} ){1,3}(?:CITY|COUNTY|BOROUGH|DISTRICT) COUNCIL)\b")


@dataclass
class FrontSheet:
    """What the front sheets say."""

    committee: str | None = None
    council: str | None = None
    remit: str | None = None
    quorum: int | None = None
    meeting_date: date | None = None
    time: str | None = None
    venue: str | None = None
    contact: str | None = None          # the officer's name
    contact_role: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    published: date | None = None
    year_dates: list[date] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    agenda_end: int = 0              # line index just after the agenda


def case_table(text: str) -> CaseTable:
    """How often each word appears in upper case inside ordinary prose (acronyms:
    SEND, CQC) versus capitalised (Ofsted), keyed by the lower-case word."""
    table: CaseTable = Counter()
    for line in text.split("\n"):
        words = re.findall(r"\b[A-Za-z][A-Za-z]+\b", line)
        upper = sum(word.isupper() for word in words)
        if not words or upper * 3 > len(words):      # a heading, not prose
            continue
        for word in words:
            if word[0].isupper():
                table[(word.lower(), word.isupper())] += 1
    return table


def title_case(text: str, table: CaseTable | None = None) -> str:
    """Turn an upper-case heading into the title case councils use on their web
    pages, keeping words the document itself writes as acronyms in capitals."""
    if not text or not text.isupper():
        return text
    table = table or Counter()

    def fix(word: str, first: bool) -> str:
        key = word.lower()
        if not first and key in _SMALL_WORDS:
            return key
        if len(word) > 1 and table[(key, True)] > table[(key, False)]:
            return word
        return word[:1] + word[1:].lower()

    out: list[str] = []
    for token in re.split(r"([^A-Za-z'’]+)", text):
        if re.fullmatch(r"[A-Z][A-Z'’]*", token):
            token = fix(token, first=not "".join(out).strip() or out[-1].endswith("("))
        out.append(token)
    return "".join(out)


def _committee(lines: list[str], text: str, table: CaseTable) -> str | None:
    for line in lines[:40]:
        match = _BODY_NAME.match(line)
        if match and "PUBLIC INFORMATION" not in line:
            name = clean(match.group(1))
            # The document's own spelling when it writes the name in running text.
            spelled = Counter(
                m.group(0) for m in re.finditer(re.escape(name), text, re.IGNORECASE)
                if not m.group(0).isupper()
            )
            return clean(spelled.most_common(1)[0][0]) if spelled else title_case(name, table)
    return None


def _council(text: str) -> str | None:
    found = Counter(clean(m) for m in _COUNCIL.findall(text))
    found.update(title_case(clean(m)) for m in _COUNCIL_UPPER.findall(text))
    return found.most_common(1)[0][0] if found else None


def _remit(text: str) -> str | None:
    role = re.search(r"Role of this [^:\n]*:\s*(.*?)(?=Terms\s+of\s+Reference)", text, re.I | re.S)
    terms = re.search(
        r"Terms\s+of\s+Reference\s*:?-?\s*(.*?)(?=\n\s*Public\s+Representations|\n\s*QUORUM|\Z)",
        text, re.I | re.S,
    )
    parts = [clean(m.group(1)) for m in (role, terms) if m and clean(m.group(1))]
    if not parts:
        return None
    if len(parts) == 2:
        return f"{parts[0]}\nTerms of reference: {parts[1]}"
    return parts[0]


def _year_dates(lines: list[str]) -> list[date]:
    """The municipal year's dates: a header of years ("2024 2025") then rows of
    "18 July 30 January" read across two columns.  A municipal year runs from
    May, so months before May belong to the later year."""
    try:
        start = next(i for i, line in enumerate(lines) if re.search(r"Dates of Meetings", line, re.I))
    except StopIteration:
        return []
    years: list[int] = []
    dates: list[date] = []
    for line in lines[start + 1: start + 40]:
        if not line.strip():
            continue
        header = _YEAR_HEADER.match(line)
        if header:
            years = [int(y) for y in header.group(1).split()]
            continue
        found = _DAY_MONTH.findall(line)
        if not found:
            if dates:
                break
            continue
        if not years:
            break
        for day, month in found:
            number = MONTHS[month.lower()]
            year = years[0] if number >= 5 or len(years) == 1 else years[1]
            try:
                dates.append(date(year, number, int(day)))
            except ValueError:
                continue
    return sorted(set(dates))


def _agenda(lines: list[str], table: CaseTable) -> tuple[list[AgendaItem], int, date | None]:
    """Items "N TITLE (Pages a - b)" with their descriptions, the line after the
    agenda, and the publication date printed under it."""
    start = next((i for i, line in enumerate(lines) if _AGENDA_HEAD.match(line)), None)
    if start is None:
        return [], 0, None
    blocks: list[tuple[str, list[str]]] = []
    confidential: list[bool] = []
    section_break: set[int] = set()      # block counts after which a section header stopped the body
    exempt = False
    end, published = len(lines), None
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if _PUBLISHED.match(line) and parse_time(line) is None:   # the meeting's own line has its time
            published, end = parse_long_date(line), index + 1
            break
        if is_report_start(line):
            end = index
            break
        match = _ITEM_START.match(line)
        if _SECTION.match(line):
            exempt = bool(_EXEMPT_SECTION.match(line))
            section_break.add(len(blocks))
            continue
        if match and int(match.group(1)) == len(blocks) + 1:
            blocks.append((match.group(1), [match.group(2) + match.group(3)]))
            confidential.append(exempt)
        elif blocks and len(blocks) not in section_break:
            blocks[-1][1].append(line)
    items = [_item(number, _wrapped_range(body), table) for number, body in blocks]
    for item, secret in zip(items, confidential, strict=True):
        item.confidential = item.confidential or secret
    return items, end, published


def _wrapped_range(body: list[str]) -> list[str]:
    """A title whose "(Pages a - b)" wraps onto the next lines, joined into one line."""
    if not body or _PAGES.search(body[0]):
        return body
    for count in range(1, min(4, len(body))):
        joined = "\n".join(line.strip() for line in body[: count + 1])
        if not body[count].strip():
            break
        if _PAGES.search(joined):
            return [joined, *body[count + 1:]]
    return body


def _item(number: str, body: list[str], table: CaseTable) -> AgendaItem:
    title_lines, rest = [body[0]], body[1:]
    while rest and not _PAGES.search(" ".join(title_lines)):
        line = rest[0]
        if not line.strip():
            if "(Pages" in " ".join(title_lines) and not _PAGES.search(" ".join(title_lines)):
                rest = rest[1:]
                continue
            break
        if re.search(r"[a-z]", line.replace("Pages", "").replace("Page", "")):
            break
        title_lines.append(line)
        rest = rest[1:]
    title = re.sub(r"-\s*\n\s*", "-", "\n".join(line.strip() for line in title_lines))
    title = clean(title)
    pages = None
    match = _PAGES.search(title)
    if match:
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        pages = (first, last)
        title = clean(title[: match.start()] + title[match.end():])
    description = clean(" ".join(rest)) or None
    return AgendaItem(agenda_number=number, title=title_case(title, table),
                      description=description, pages=pages,
                      confidential=bool(re.search(r"\bCONFIDENTIAL\b|\bEXEMPT\b", title)))


def _labelled(text: str, labels: str) -> str | None:
    match = re.search(rf"^\s*(?:{labels})\s*:\s*(.+)$", text, re.I | re.M)
    return clean(match.group(1)) if match else None


def _meeting_line(lines: list[str], published: date | None) -> tuple[date | None, str | None]:
    """A front-sheet line giving the meeting's date (and often its time)."""
    for line in lines[:60]:
        if _PUBLISHED.match(line) and parse_long_date(line) == published:
            continue
        when = parse_long_date(line)
        if when and (re.search(_WEEKDAY, line) or re.match(r"^\s*Date", line, re.I)):
            return when, parse_time(line)
    return None, None


def _venue_below_date(lines: list[str]) -> str | None:
    """A venue printed without a label on the lines under the meeting's date ("Council Chamber,
    Sessions House," / "County Hall, Maidstone"), beside a side column ("Telephone:")."""
    for index, line in enumerate(lines[:60]):
        if parse_long_date(line) and re.search(_WEEKDAY, line):
            parts: list[str] = []
            for following in lines[index + 1: index + 4]:
                text = clean(_SIDE_LABEL.split(following)[0])
                if not text or _ITEM_START.match(following) or _AGENDA_HEAD.match(following):
                    break
                parts.append(text.rstrip(","))
            venue = ", ".join(parts)
            return venue if parts and _VENUE_WORDS.search(venue) else None
    return None


def _contact(sheet: FrontSheet, text: str) -> None:
    """Split "Ed Grimshaw, Democratic Support Officer Tel: 023 8083 2390
    ed.grimshaw@southampton.gov.uk" into name, role, phone and e-mail."""
    email = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)
    phone = re.search(r"\b(?:Tel|Telephone|Phone)\s*[:.]?\s*([+\d][\d ]{6,}\d)", text, re.I)
    cut = min([m.start() for m in (email, phone) if m] or [len(text)])
    name, _, role = text[:cut].partition(",")
    sheet.contact = clean(name) or None
    sheet.contact_role = clean(role).rstrip(",") or None
    sheet.contact_phone = clean(phone.group(1)) if phone else None
    sheet.contact_email = email.group(0) if email else None


def parse_front_sheet(front: str, whole: str) -> FrontSheet:
    """Read the front sheets ``front``; ``whole`` is the full pack text, used
    for the council's own spelling of names."""
    lines = front.split("\n")
    table = case_table(whole)
    sheet = FrontSheet()
    summons = _WILL_BE_HELD.search(front[:20_000])
    sheet.committee = _committee(lines, whole, table) or (clean(summons.group("name")) if summons else None)
    sheet.council = _council(whole)
    sheet.remit = _remit(front)
    quorum = _QUORUM.search(front)
    if quorum:
        value = quorum.group(1).lower()
        sheet.quorum = int(value) if value.isdigit() else _NUMBER_WORDS[value]
    sheet.year_dates = _year_dates(lines)
    sheet.items, sheet.agenda_end, sheet.published = _agenda(lines, table)
    sheet.meeting_date, sheet.time = _meeting_line(lines, sheet.published)
    sheet.venue = (_labelled(front, "Venue|Place|Location") or _venue_below_date(lines)
                   or (clean(summons.group("venue")).rstrip(",") if summons else None))
    contact = _labelled(front, "Contact|Contact Officer")
    if contact:
        _contact(sheet, contact)
    if sheet.meeting_date is None:
        date_line = _labelled(front, "Date")
        sheet.meeting_date = parse_date(date_line or "")
    return sheet
