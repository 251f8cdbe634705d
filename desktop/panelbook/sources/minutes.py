"""Printed minutes (PDF text): council, committee, date, attendance and minuted items.

Printed minutes open with the council and committee in capitals and
"MINUTES OF THE MEETING HELD ON <date>", then "Present:" / "Apologies:" and
the items as "9. CHILDREN AND LEARNING - PERFORMANCE", each followed by its
prose, discussion bullets and RESOLVED block (read by ``resolutions``).

Decisions:
- Titles printed in capitals are stored in title case ("Children and Learning
  - Performance"), keeping known acronyms ("SEND", "ILACS") in capitals, so
  they match the same item on the ModernGov page.  The capitals are not kept.
- ``minutes_text`` is the prose before the RESOLVED block (as the page
  readers store it); bullets and resolutions go to their own fields.
- An item is confidential when its minutes speak of a confidential or exempt
  report, appendix or information, or its heading says so.
- The meeting's status is HELD: minutes only exist for a meeting that took place.
"""
from __future__ import annotations

import re

from panelbook.model import (
    AgendaItem,
    DocumentKind,
    Meeting,
    MeetingStatus,
    Member,
    ParsedDocument,
    UnreadableDocument,
)
from panelbook.sources.minutes_heading import find_head
from panelbook.sources.resolutions import join_lines, split_minutes
from panelbook.sources.textutil import clean, parse_date

NOT_MINUTES = "This document is not a set of printed minutes."
NO_DATE = "These minutes do not say when the meeting was held, so they cannot be filed under a meeting."

# What follows printed minutes inside an agenda pack: the next report's cover sheet.
_END_RE = re.compile(r"^\s*(?:DECISION-MAKER\s*:|REPORT OF\s*:|Agenda Item\s+\d+\s*$)", re.IGNORECASE)
_HEAD_WINDOW = 1500          # minutes open with their heading; a pack only prints them later
_ITEM_RE = re.compile(r"^\s*(\d{1,4}(?:/\d{2,4}){0,2})\.?\s+(\S.*)$")
# "1. Mr X proposed and Mrs Y seconded that ...": a numbered paragraph of prose, not a minute's heading.
_SENTENCE_RE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+[A-Z]|It was\b)"
                          r"|\b(?:proposed|seconded|said|asked|reported|advised|explained|was|were)\b")
_NUMBER_ALONE_RE = re.compile(r"^\s*(\d{1,4}(?:/\d{2,4}){0,2})\.?\s*$")
# "(Item 5)" under a minute's heading: the agenda item it minutes.
_AGENDA_MARK_RE = re.compile(r"^\s*\((?:Agenda\s+)?Item\s+(\w{1,4})\)\s*$", re.IGNORECASE)
_ATTENDANCE_RE = re.compile(
    r"^\s*(Present|Apologies(?: for absence)?|Absent|Also (?:present|in attendance)|In attendance"
    r"|Appointed Members?|Officers? (?:present|in attendance)|Presennol|Ymddiheuriadau|Wrth law)"
    r"(?:\s+[A-Za-z]+){0,2}\s*:\s*(.*)$",
    re.IGNORECASE,
)
_COUNCILLORS_RE = re.compile(r"^(?:Councillors?|Cllrs?\.?)\s+", re.IGNORECASE)
_ROLE_RE = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^)]*)\)\s*$")
_PAGE_FURNITURE_RE = re.compile(r"^\s*(?:-\s*)?(?:Page\s+\d{1,4}|Agenda Item\s+\d+[a-z]?)(?:\s*-)?\s*$",
                                re.IGNORECASE)
_CONFIDENTIAL_RE = re.compile(
    r"(?i)\b(?:confidential|exempt)\s+(?:report|appendix|appendices|item|information|paper|minutes?)\b"
)
_CONFIDENTIAL_TITLE_RE = re.compile(r"(?i)\b(?:confidential|exempt)\b")
_JOB_RE = re.compile(
    r"(?:Director|Deputy|Assistant|Head|Chief|Manager|Officer|Cabinet Member|Executive|Lead|Service"
    r"|Strategic|Senior|Principal|Monitoring|Democratic|Scrutiny)\b"
)
SMALL_WORDS = frozenset("a an and as at by for in of on or the to with".split())
ACRONYMS = frozenset(
    "SEND SEN CQC ILACS NHS ICB CAMHS UK CCG YOS HMICFRS SACRE CSC EHCP DSG ETMO CWF NCG QA LADO MASH"
    " UASC PCC PCSO ASB".split()
)


def looks_like_minutes(text: str) -> bool:
    """True when the text opens like printed minutes: a "Minutes of the meeting ... held on"
    heading, or a title block with the date, "MINUTES" and the attendance."""
    if not text:
        return False
    return find_head(text.lstrip()[:_HEAD_WINDOW * 2].split("\n")) is not None


def title_case(text: str) -> str:
    """A title printed in capitals in a readable case; text already in mixed case is kept."""
    text = clean(text)
    if any(c.islower() for c in text):
        return text
    words = text.split(" ")
    out = []
    for position, word in enumerate(words):
        out.append("-".join(_word_case(part, position == 0 and i == 0)
                            for i, part in enumerate(word.split("-"))))
    return " ".join(out)


def _word_case(word: str, first: bool) -> str:
    core = word.strip("()[],.;:'\u2019\"")
    if not core:
        return word
    if core in ACRONYMS or (core.isupper() and len(core) <= 4 and core in _roman_numerals()):
        return word
    lower = word.lower()
    if core.lower() in SMALL_WORDS and not first:
        return lower
    start = next((i for i, c in enumerate(lower) if c.isalpha()), None)
    if start is None:
        return lower
    return lower[:start] + lower[start].upper() + lower[start + 1:]


def _roman_numerals() -> frozenset[str]:
    return frozenset(("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"))


def read_minutes_pages(pages: list[str]) -> ParsedDocument:
    """Printed minutes from PDF pages: page footers and headers dropped, then :func:`read_minutes_text`."""
    kept: list[str] = []
    for page in pages or []:
        lines = [line for line in (page or "").splitlines() if not _PAGE_FURNITURE_RE.match(line)]
        # a page number printed alone at the top or foot of the page
        while lines and re.fullmatch(r"\s*\d{1,4}\s*", lines[0]):
            lines = lines[1:]
        while lines and re.fullmatch(r"\s*\d{1,4}\s*", lines[-1]):
            lines = lines[:-1]
        kept.append("\n".join(lines))
    return read_minutes_text("\n".join(kept))


def read_minutes_text(text: str) -> ParsedDocument:
    """Printed minutes as one string (pages joined) -> a ParsedDocument with one HELD meeting."""
    if not isinstance(text, str) or not looks_like_minutes(text):
        raise UnreadableDocument(NOT_MINUTES)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip()
    lines = text.split("\n")
    head = find_head(lines)
    if head is None:
        raise UnreadableDocument(NOT_MINUTES)
    when = head.date
    if when is None:
        # "MINUTES OF THE MEETING HELD ON" with the date on the next line
        when = parse_date(" ".join(lines[head.line: head.line + 3]))
    if when is None:
        raise UnreadableDocument(NO_DATE)
    council, committee = _title_block(head.above, head.committee)
    lines = lines[: _end_of_minutes(lines, head.line + 1)]
    starts = _item_starts(lines, head.line + 1)
    attendance_end = starts[0][0] if starts else len(lines)
    attendees = _attendees(lines[head.line + 1: attendance_end])
    ends = [*(s[0] for s in starts[1:]), len(lines)]     # one more than starts when there are none
    items = [_item(lines, start, end, number, title_lines)
             for (start, number, title_lines), end in zip(starts, ends, strict=False)]
    meeting = Meeting(
        committee=committee or "",
        date=when,
        time=head.time,
        venue=head.venue,
        status=MeetingStatus.HELD,
        council=council,
        items=items,
        attendees=attendees,
    )
    warnings = [] if items else ["No minuted items were found in these minutes."]
    title = f"Minutes of {committee or 'the meeting'}, {when.day} {when:%B %Y}"
    return ParsedDocument(kind=DocumentKind.PRINTED_MINUTES, title=title, council=council,
                          meetings=[meeting], warnings=warnings)


def _title_block(lines: list[str], named: str | None) -> tuple[str | None, str | None]:
    """Council and committee from the capitalised lines above the heading, or from
    the heading itself ("Minutes of the meeting of the X Panel held on ...")."""
    names = [title_case(clean(line)) for line in lines
             if sum(c.isalpha() for c in line) >= 3 and len(clean(line)) <= 80 and not re.search(r"\d", line)][-2:]
    council = next((n for n in names if re.search(r"\b(?:Council|Borough|County)\b", n)), None)
    others = [n for n in names if n != council]
    committee = others[-1] if others else None
    if committee is None and named:
        committee = title_case(named)
    if committee is None and council and len(names) == 1:
        committee = council          # the council's own meeting ("CYNGOR SIR YNYS MÔN")
    return council, committee


def _end_of_minutes(lines: list[str], first: int) -> int:
    """Index of the line where the minutes end (a following report's cover), or len(lines)."""
    for index in range(first, len(lines)):
        if _END_RE.match(lines[index]):
            return index
    return len(lines)


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and not any(c.islower() for c in letters)


def _item_starts(lines: list[str], first: int) -> list[tuple[int, str, list[str]]]:
    """(line index, minute number, title lines) of every "9. TITLE IN CAPITALS" heading, in order.

    Minutes that print headings in mixed case get a stricter second look:
    short lines that do not read as a sentence, numbered in close sequence.
    """
    return (_marked_items(lines, first) or _scan_items(lines, first, strict=True)
            or _scan_items(lines, first, strict=False))


def _marked_items(lines: list[str], first: int) -> list[tuple[int, str, list[str]]]:
    """Minutes that print "(Item N)" under each heading ("88. 24/00108 - Revenue and Capital
    Budget Monitoring Report – November" / "2024-25" / "(Item 5)"): the heading is the
    numbered line just above the mark, its title the lines down to the mark."""
    starts: list[tuple[int, str, list[str]]] = []
    for index in range(first, len(lines)):
        if not _AGENDA_MARK_RE.match(lines[index]):
            continue
        for back in range(index - 1, max(first, index - 4) - 1, -1):
            match = _ITEM_RE.match(lines[back])
            if match and (not starts or back > starts[-1][0]):
                title = [match.group(2), *(line for line in lines[back + 1:index] if clean(line))]
                starts.append((back, match.group(1), title))
                break
    return starts if len(starts) >= 2 else []


def _mixed_case_heading(title: str) -> bool:
    title = clean(title)
    return (len(title) <= 100 and title[:1].isupper() and not title.endswith((".", ",", ";", ":"))
            and not re.match(r"(?i)that\b", title) and not _SENTENCE_RE.search(title))


def _scan_items(lines: list[str], first: int, strict: bool) -> list[tuple[int, str, list[str]]]:
    starts: list[tuple[int, str, list[str]]] = []
    last = -1
    for index in range(first, len(lines)):
        match = _ITEM_RE.match(lines[index])
        alone = None if match else _NUMBER_ALONE_RE.match(lines[index])
        if alone:       # the number on a line of its own, the title on the next line with text
            following = next((j for j in range(index + 1, min(index + 4, len(lines))) if clean(lines[j])), None)
            if following is None or not _is_capitals(lines[following]):
                continue
            number, title_at = alone.group(1), following
        elif match and (_is_capitals(match.group(2)) if strict else _mixed_case_heading(match.group(2))):
            number, title_at = match.group(1), index
        else:
            continue
        value = int(number.split("/")[0])          # the digits before any "/21"
        if value <= last or (not strict and last >= 0 and value > last + 3):
            continue
        title_lines = [match.group(2) if match else clean(lines[title_at])]
        following = title_at + 1
        while strict and following < len(lines) and _is_capitals(lines[following]) \
                and not _ITEM_RE.match(lines[following]) and not _keyword_line(lines[following]):
            title_lines.append(lines[following])
            following += 1
        starts.append((index, number, title_lines))
        last = value
    return starts


def _keyword_line(line: str) -> bool:
    from panelbook.sources.resolutions import find_keyword

    match = find_keyword(line)
    return match is not None and not clean(line[: match.start()])


def _item(lines: list[str], start: int, end: int, number: str, title_lines: list[str]) -> AgendaItem:
    printed_title = join_lines(title_lines)
    titles = {clean(line) for line in title_lines}
    body_at, agenda_number = start + 1, None
    # past the heading: blank lines, the title's own lines and the "(Item N)" mark
    while body_at < min(end, start + len(title_lines) + 4):
        text = clean(lines[body_at])
        mark = _AGENDA_MARK_RE.match(text)
        if mark:
            agenda_number = mark.group(1)
        elif text and text not in titles:
            break
        body_at += 1
    body = "\n".join(lines[body_at: end])
    prose, discussion, resolutions = split_minutes(body)
    confidential = bool(_CONFIDENTIAL_TITLE_RE.search(printed_title) or _CONFIDENTIAL_RE.search(body))
    return AgendaItem(
        agenda_number=agenda_number,
        minute_number=number,
        title=title_case(printed_title),
        confidential=confidential,
        minutes_text=prose or None,
        discussion=discussion,
        resolutions=resolutions,
    )


def _attendees(lines: list[str]) -> list[Member]:
    """Members from the "Present:", "Apologies:" and similar paragraphs."""
    groups: list[tuple[str, list[str]]] = []
    for line in lines:
        match = _ATTENDANCE_RE.match(line)
        if match:
            groups.append((match.group(1).lower(), [match.group(2)]))
        elif groups and clean(line):
            groups[-1][1].append(line)
    members: list[Member] = []
    for label, group_lines in groups:
        attendance, default_role = _group_meaning(label)
        for name, role in _names(join_lines(group_lines), default_role):
            members.append(Member(name=name, role=role, attendance=attendance))
    return members


def _group_meaning(label: str) -> tuple[str, str | None]:
    if label.startswith(("present", "presennol")):
        return "present", "Councillor"
    if label.startswith(("apologies", "ymddiheuriadau")):
        return "apologies", "Councillor"
    if label.startswith("absent"):
        return "absent", "Councillor"
    if label.startswith("appointed"):
        return "present", "Appointed Member"
    return "in attendance", None


def _names(text: str, default_role: str | None) -> list[tuple[str, str | None]]:
    """"Councillors T Bunday (Chair), Chapman and Webb" -> [("T Bunday", "Chair"), ...]."""
    text = clean(text).rstrip(".;")
    if not text or text.lower() in {"none", "nil", "none received"}:
        return []
    role = default_role
    if default_role == "Councillor" and not _COUNCILLORS_RE.match(text):
        role = None                      # not said to be councillors
    text = _COUNCILLORS_RE.sub("", text)
    out: list[tuple[str, str | None]] = []
    for part in re.split(r",\s*|\s+and\s+|\s*&\s*", text):
        part = clean(_COUNCILLORS_RE.sub("", part))
        if not part:
            continue
        match = _ROLE_RE.match(part)
        if out and out[-1][1] is None and _JOB_RE.match(part):
            out[-1] = (out[-1][0], part)     # "D White, Director of Public Health"
        elif match:
            out.append((clean(match.group("name")), clean(match.group("role"))))
        else:
            out.append((part, role))
    return out
