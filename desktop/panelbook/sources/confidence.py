"""What a reader could not read from a document, said in short phrases for the clerk.

A reader leaves what it could not find empty (``model`` never guesses); this
module turns those gaps into the lines an import reports ("no start time",
"3 items without page ranges (7, 8, 9)"), together with the reader's own
warnings, so that a clerk sees what to check and correct instead of trusting
a silent blank.  It also holds the one fallback the import makes with what
lies outside the document, the committee named by the file name, which is
always reported.  Pure functions: a ``ParsedDocument`` in, sentences out.
"""
from __future__ import annotations

import re
from pathlib import PurePath

from panelbook.model import AgendaItem, DocumentKind, Meeting, ParsedDocument
from panelbook.sources.textutil import clean

# Kinds whose own meeting is expected to carry its time, venue and agenda.
_MEETING_DOCUMENTS = (DocumentKind.AGENDA_PACK, DocumentKind.PRINTED_MINUTES, DocumentKind.MEETING_PAGE,
                      DocumentKind.WEBSERVICE_MEETING)

# Items that never have a report, so a pack prints no pages for them.
_NO_REPORT = re.compile(
    r"\b(?:apolog|declarations?|disclosures?|interests?|statement\s+from\s+the\s+chair|chair'?s\s+"
    r"(?:announcements?|communications?|remarks)|announcements?|whip|urgent|exclusion\s+of\s+the\s+(?:press|public)|"
    r"substitut|public\s+(?:questions?|participation|forum)|questions?\s+from|deputations?|petitions?|"
    r"date\s+of\s+(?:the\s+)?next|any\s+other\s+business|election\s+of|appointment\s+of\s+(?:a\s+)?(?:vice[- ])?chair|"
    r"welcome|introductions?)",
    re.I,
)

COMMITTEE_FROM_FILE_NAME = "committee name not found — taken from the file name ({name})"
NO_COMMITTEE = "no committee name"


def _numbers(items: list[AgendaItem]) -> str:
    shown = [item.agenda_number or item.minute_number or f"“{_short(item.title)}”" for item in items[:6]]
    more = len(items) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _short(title: str, limit: int = 40) -> str:
    title = clean(title)
    return title if len(title) <= limit else title[:limit - 1].rstrip() + "…"


def _items_phrase(items: list[AgendaItem], what: str) -> str:
    noun = "item" if len(items) == 1 else "items"
    return f"{len(items)} {noun} {what} ({_numbers(items)})"


def _item_gaps(parsed: ParsedDocument, meeting: Meeting) -> list[str]:
    gaps: list[str] = []
    items = meeting.items
    if not items:
        if meeting.status.value != "cancelled":
            gaps.append("no agenda items")
        return gaps
    unnumbered = [item for item in items if not item.agenda_number and not item.minute_number]
    if unnumbered:
        noun = "item" if len(unnumbered) == 1 else "items"
        gaps.append(f"{len(unnumbered)} {noun} without numbers" if len(unnumbered) == len(items)
                    else _items_phrase(unnumbered, "without numbers"))
    if parsed.kind == DocumentKind.AGENDA_PACK:
        pageless = [item for item in items if not item.pages and not _NO_REPORT.search(item.title)]
        if pageless:
            gaps.append(_items_phrase(pageless, "without page ranges"))
        beyond = _pages_beyond(parsed, items)
        if beyond:
            gaps.append(beyond)
    untitled = [item for item in items if not clean(item.title)]
    if untitled:
        gaps.append(f"{len(untitled)} {'item' if len(untitled) == 1 else 'items'} without a title")
    return gaps


def _pages_beyond(parsed: ParsedDocument, items: list[AgendaItem]) -> str | None:
    """Items whose printed pages run past the last printed page the pack holds."""
    printed = [page.printed for page in parsed.pages if page.printed is not None]
    if not printed:
        return None
    last = max(printed)
    beyond = [item for item in items if item.pages and item.pages[1] > last]
    if not beyond:
        return None
    return _items_phrase(beyond, f"with pages past the pack's last page ({last})")


def unread_fields(parsed: ParsedDocument) -> list[str]:
    """What could not be read from ``parsed``'s own meeting, then the reader's own
    warnings; each once, in that order.  Empty when nothing is missing."""
    gaps: list[str] = []
    if parsed.kind in _MEETING_DOCUMENTS and parsed.meetings:
        meeting = parsed.meetings[0]
        if not clean(meeting.committee):
            gaps.append(NO_COMMITTEE)
        if not meeting.time and meeting.status.value != "cancelled":
            gaps.append("no start time")
        if not meeting.venue and meeting.status.value != "cancelled":
            gaps.append("no venue")
        gaps += _item_gaps(parsed, meeting)
    out: list[str] = []
    for line in gaps + list(parsed.warnings):
        if line not in out and not (line == "no agenda items" and any("no agenda items" in w.lower()
                                                                       for w in parsed.warnings)):
            out.append(line)
    return out


# -- the committee from the file name ---------------------------------------

_DATE_BITS = re.compile(
    r"\b\w*\d\w*\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
    r"|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\b",
    re.I,
)
_DOCUMENT_WORDS = re.compile(
    r"\b(?:printed|draft|public|agenda|agendas|minutes|minute|pack|reports?|front\s*sheet|frontsheet|"
    r"supplement(?:ary)?|papers?|document|documents|pdf|pdftext|txt|html?|xml|text|final|signed|copy|rebuilt)\b",
    re.I,
)


_BODY = re.compile(r"\b(?:committee|sub-committee|panel|cabinet|board|forum|commission|scrutiny|executive|"
                   r"assembly|group|partnership)\b", re.I)
_WEB_WORD = re.compile(r"\b[a-z]+[A-Z]\w*\b")      # ieListDocuments, mgAi: a web address, not a name


def committee_from_file_name(file_name: str) -> str | None:
    """The committee a file's name gives ("Audit Committee 2025-01-30 minutes.pdf"
    gives "Audit Committee"), or None when the name holds no committee word
    (committee, panel, cabinet, board, ...): only dates, document words, a council."""
    stem = PurePath(file_name).stem
    words = _WEB_WORD.sub(" ", re.sub(r"[_\-.()\[\]]+", " ", stem))
    words = _DOCUMENT_WORDS.sub(" ", _DATE_BITS.sub(" ", words))
    words = clean(re.sub(r"\b(?:of|the|and|for|at)\s*$", "", clean(words), flags=re.I))
    words = clean(re.sub(r"^(?:of|the|for)\b", "", words, flags=re.I))
    if len(re.sub(r"[^A-Za-z]", "", words)) < 3 or not _BODY.search(words):
        return None
    return words if not words.islower() and not words.isupper() else words.title()


def name_missing_committee(parsed: ParsedDocument, file_name: str) -> list[str]:
    """Give every meeting of ``parsed`` that has no committee the one its file name
    gives, and say so; when the name gives none, say that the committee is missing.
    Returns the lines to report (changes ``parsed`` in place)."""
    nameless = [meeting for meeting in parsed.meetings if not clean(meeting.committee)]
    if not nameless:
        return []
    name = committee_from_file_name(file_name)
    if name is None:
        return []
    for meeting in nameless:
        meeting.committee = name
    if parsed.committee is not None and not clean(parsed.committee.name):
        parsed.committee.name = name
    return [COMMITTEE_FROM_FILE_NAME.format(name=name)]
