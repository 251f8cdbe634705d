"""What the two forms of a ModernGov "Agenda and minutes" page share.

The page comes to us either as saved HTML (``meeting_page_html``) or as the
text a browser copies out of it (``meeting_page_text``); ``meeting_page`` is
the one module other code imports.  Both carry the same
heading ("Committee - Thursday, 8th August, 2024 5.30 pm, MOVED"), the same
"Venue:" and "Contact:" labels, the same "pdf icon PDF 202 KB" size labels and
the same per-item "Minutes:" / "Decision:" blocks; this module reads those
pieces once for both readers.

Decisions written down here:

- Status: the heading's suffix wins (", MOVED", ", CANCELLED", ", NEW");
  without one, a page that carries minutes or decisions is a meeting that was
  HELD, otherwise it is SCHEDULED.
- Numbers: on a page with minutes the number beside an item is its minute
  number (it runs on through the municipal year, "54.", "77/21"); on an
  agenda-only page it is the agenda number.
- Resolutions come from an item's "Decision:" block when it has one (that is
  the formal record), otherwise from its "Minutes:" block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlsplit

from panelbook.model import AgendaItem, MeetingStatus, UnreadableDocument
from panelbook.sources.textutil import WEEKDAY_RE, clean, parse_long_date, parse_time

NOT_A_MEETING_PAGE = "This page is not a ModernGov 'Agenda and minutes' page"
_WHAT_TO_DO = "open the meeting's page on the council's website and save or copy that page instead."

_WEEKDAY = WEEKDAY_RE
_HEADING = re.compile(
    rf"^(?P<committee>\S.*?)\s+[-–]\s+(?P<when>{_WEEKDAY},?\s+.*?)"
    r"(?:,\s*(?P<suffix>MOVED|CANCELLED|NEW))?\s*$",
    re.IGNORECASE,
)
_SUFFIX_STATUS = {
    "MOVED": MeetingStatus.MOVED,
    "CANCELLED": MeetingStatus.CANCELLED,
    "NEW": MeetingStatus.NEW,
}
_MAX_HEADING = 400

# "pdf icon PDF 202 KB" (text copy) or " PDF 202 KB" (HTML, image alt dropped).
_SIZE_LABEL = re.compile(
    r"\s*(?:\b[a-z]+ e?icon\s+)?\b(?:PDF|DOCX?|XLSX?|PPTX?|RTF|ODT|HTML?|Word|Excel)\s+"
    r"(?P<size>\d[\d.,]*\s*(?:bytes|[KMG]B))\s*$",
    re.IGNORECASE,
)
# ", item 9" that ModernGov hides after each additional document's title.
_ITEM_SUFFIX = re.compile(r",\s*item\s+[\w/.]+\s*$", re.IGNORECASE)
_VIEW_DIRECTIONS = re.compile(r"\.?\s*View directions\s*$", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_TEL = re.compile(r"\b(?:Tel|Telephone|Phone)\s*[:.]?\s*", re.IGNORECASE)
_EMAIL_LABEL = re.compile(r"\bE-?mail\s*:?", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"©\s*(?:\d{4}\s*)?(?P<owner>.+?)\.?\s*(?:All rights reserved|$)", re.IGNORECASE
)
_NUMBER = re.compile(r"^(?P<number>\d{1,4}[a-z]?(?:/\d{2,4}){0,2})\.?$", re.IGNORECASE)


@dataclass(frozen=True)
class Heading:
    """The meeting heading of the page, read into its parts."""

    text: str
    committee: str
    date: date | None        # None for a page copied without its heading
    time: str | None
    suffix_status: MeetingStatus | None


def parse_heading(line: str) -> Heading | None:
    """Read "Committee - Thursday, 8th August, 2024 5.30 pm[, MOVED]", or None."""
    if len(line) > 4 * _MAX_HEADING:   # not a heading; spare cleaning a huge line
        return None
    text = clean(line)
    if not text or len(text) > _MAX_HEADING:
        return None
    match = _HEADING.match(text)
    if not match:
        return None
    when = match.group("when")
    day = parse_long_date(when)
    if day is None:
        return None
    suffix = (match.group("suffix") or "").upper()
    return Heading(
        text=text,
        committee=clean(match.group("committee")),
        date=day,
        time=parse_time(when),
        suffix_status=_SUFFIX_STATUS.get(suffix),
    )


def meeting_status(heading: Heading, items: list[AgendaItem]) -> MeetingStatus:
    """The heading's suffix, else HELD when the page records minutes or decisions."""
    if heading.suffix_status is not None:
        return heading.suffix_status
    if any(item.minutes_text or item.resolutions or item.discussion for item in items):
        return MeetingStatus.HELD
    return MeetingStatus.SCHEDULED


def clean_venue(text: str | None) -> str | None:
    """The venue as printed, without the page's "View directions" link."""
    venue = _VIEW_DIRECTIONS.sub("", clean(text))
    return venue or None


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    role: str | None = None
    phone: str | None = None
    email: str | None = None


def parse_contact(text: str | None) -> Contact:
    """Split "Ed Grimshaw, Democratic Support Officer  Tel: 023 8083 2390 / Email: ..."."""
    text = clean(text)
    if not text:
        return Contact()
    email_match = _EMAIL.search(text)
    email = email_match.group(0) if email_match else None
    if email_match:
        text = (text[: email_match.start()] + text[email_match.end():]).strip()
    text = _EMAIL_LABEL.sub("", text)
    phone = None
    tel = _TEL.search(text)
    if tel:
        phone = clean(text[tel.end():].split("/")[0]) or None
        text = text[: tel.start()]
    who = clean(text).strip(" /,;")
    name, _, role = who.partition(",")
    return Contact(
        name=clean(name) or None, role=clean(role) or None, phone=phone, email=email
    )


def split_size_label(text: str) -> tuple[str, str | None]:
    """("Early Years and Childcare", "410 KB") from "Early Years and Childcare pdf icon PDF 410 KB"."""
    text = clean(text)
    match = _SIZE_LABEL.search(text)
    if not match:
        return text, None
    return clean(text[: match.start()]), clean(match.group("size"))


def document_title(text: str) -> tuple[str, str | None]:
    """Title and size of an additional document's link, without ", item 9"."""
    title, size = split_size_label(text)
    return clean(_ITEM_SUFFIX.sub("", title)), size


def council_from_copyright(text: str) -> str | None:
    """The owner a page's copyright line names: "© 2024 Royal Borough of ... Council."."""
    match = _COPYRIGHT.search(clean(text))
    owner = clean(match.group("owner")) if match else ""
    return owner or None


def parse_number(text: str) -> str | None:
    """"8." -> "8", "77/21" -> "77/21"; None when the text is not an item number."""
    match = _NUMBER.match(clean(text))
    return match.group("number") if match else None


def leading_int(number: str) -> int:
    """The first integer of an item number, to keep numbers in order ("77/21" -> 77)."""
    match = re.match(r"\d+", number)
    return int(match.group(0)) if match else -1


def apply_minutes(item: AgendaItem, minutes: str | None, decision: str | None = None) -> None:
    """Fill an item's minutes text, discussion points and resolutions.

    ``minutes`` and ``decision`` are plain text with paragraphs on their own
    lines and bullet points as "• " lines.
    """
    from panelbook.sources.resolutions import parse_resolutions, split_minutes

    minutes = (minutes or "").strip()
    decision = (decision or "").strip()
    if minutes:
        prose, discussion, resolutions = split_minutes(minutes)
        item.minutes_text = prose.strip() or None
        item.discussion = list(discussion)
        item.resolutions = list(resolutions)
    if decision:
        decided = parse_resolutions(decision)
        if decided:
            item.resolutions = list(decided)
        elif not minutes:
            item.minutes_text = decision


def refuse(reason: str | None = None) -> UnreadableDocument:
    """The one error these readers raise, with an optional second clause."""
    detail = f" ({reason})" if reason else ""
    return UnreadableDocument(f"{NOT_A_MEETING_PAGE}{detail}; {_WHAT_TO_DO}")


def query_value(address: str, key: str) -> str | None:
    """A parameter of a ModernGov address ("MId", "ID"), its name matched in any case."""
    query = parse_qs(urlsplit(clean(address)).query)
    for name, values in query.items():
        if name.lower() == key.lower() and values:
            return values[0]
    return None
