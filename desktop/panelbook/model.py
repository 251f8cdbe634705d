"""The domain of Panelbook: plain dataclasses and enums, no I/O and no Qt.

Readers in ``panelbook.sources`` turn outside documents into these objects;
the store persists them; exports and the UI render them.  Everything a reader
could not find is ``None`` (or an empty list), never a guess.
"""
from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class MeetingStatus(str, enum.Enum):
    """Where a meeting stands; the values are the JSON contract of ``meetings --json``."""

    SCHEDULED = "scheduled"
    HELD = "held"
    MOVED = "moved"
    CANCELLED = "cancelled"
    NEW = "new"


class DocumentKind(str, enum.Enum):
    """What kind of outside document a reader recognised."""

    AGENDA_PACK = "agenda_pack"
    PRINTED_MINUTES = "printed_minutes"
    MEETING_PAGE = "meeting_page"          # ModernGov "Agenda and minutes" page (HTML or text)
    ISSUE_PAGE = "issue_page"              # ModernGov "Issue - meetings" page
    REPORT = "report"                      # a single report PDF without pack stamps
    COMMITTEE_PAGE = "committee_page"      # ModernGov committee details page (membership)
    MEETING_LIST_PAGE = "meeting_list_page"  # ModernGov list of a committee's meetings
    WEBSERVICE_COMMITTEES = "webservice_committees"
    WEBSERVICE_MEETINGS = "webservice_meetings"
    WEBSERVICE_MEETING = "webservice_meeting"


class RecStatus(str, enum.Enum):
    """Progress of a recommendation; the values are the JSON contract of ``recs --json``."""

    DRAFT = "draft"
    AWAITING_RESPONSE = "awaiting_response"
    IN_PROGRESS = "in_progress"
    REPORTED_COMPLETE = "reported_complete"
    CLOSED_COMPLETE = "closed_complete"
    REJECTED = "rejected"
    CLOSED_REJECTED = "closed_rejected"


class NewsKind(StrEnum):
    """What a sync found changed; the values are the JSON contract of ``news --json``."""

    NEW_MEETING = "new_meeting"
    CANCELLED = "cancelled"
    MOVED = "moved"
    CHANGED = "changed"                        # time or venue changed
    AGENDA_PUBLISHED = "agenda_published"
    NEW_DOCUMENT = "new_document"
    CHANGED_DOCUMENT = "changed_document"
    REMOVED_DOCUMENT = "removed_document"
    SUPPLEMENT = "supplement"
    MINUTES_PUBLISHED = "minutes_published"
    DECISIONS_PUBLISHED = "decisions_published"


@dataclass(frozen=True)
class NewsInput:
    """One change a sync found, to be recorded as news (``store.news.record_news``).

    The ids are the store's own (None when the change is not about one: a
    removed document has no row left); ``title`` says what it is about in the
    council's words ("Reports pack", "Supplement 1"); ``at`` is when the sync
    saw it, ISO 8601 in UTC ("2026-12-02T18:04:00Z").
    """

    kind: NewsKind
    committee_id: int | None
    meeting_id: int | None
    document_id: int | None
    title: str
    at: str


class UnreadableDocument(Exception):
    """The one error a reader raises: the message is a single plain sentence
    for the user saying what is wrong with the document and what to do."""


@dataclass
class Member:
    """A person on a committee or at a meeting.

    ``role``: "Chair", "Vice-Chair", "Councillor", "Appointed Member", or an
    officer's job title.  ``attendance``: "present", "apologies", "absent",
    "in attendance" (officers, cabinet members) or None when not known.
    """

    name: str
    role: str | None = None
    attendance: str | None = None
    party: str | None = None


@dataclass
class DocumentLink:
    """A document listed against an item on a web page or in the web service."""

    title: str
    url: str | None = None
    size: str | None = None          # as printed, "205 KB"
    restricted: bool = False
    attachment_id: str | None = None


@dataclass
class Resolution:
    """One RESOLVED (or RECOMMENDED) line of the minutes.

    ``number`` is the sub-point as printed without punctuation ("1", "ii", "a"),
    or None for a single inline "RESOLVED that ..." line.
    """

    number: str | None
    text: str


@dataclass
class AgendaItem:
    agenda_number: str | None = None     # "7" as printed, no trailing dot
    minute_number: str | None = None     # "10", "77/21"
    title: str = ""
    description: str | None = None       # "Report of the Executive Director ..."
    pages: tuple[int, int] | None = None # printed pack pages (first, last)
    confidential: bool = False
    issue: str | None = None             # recurring issue title, when known
    minutes_text: str | None = None      # the minutes of this item as prose
    discussion: list[str] = field(default_factory=list)   # "discussed a number of points" bullets
    resolutions: list[Resolution] = field(default_factory=list)
    documents: list[DocumentLink] = field(default_factory=list)
    text: str | None = None              # the report's own text (from a pack), when known


@dataclass
class Meeting:
    """A meeting as a document tells of it.  ``committee`` is "" and ``date`` None when
    the document does not say (a page copied without its heading): the import then
    takes them from elsewhere or says it cannot file the document."""

    committee: str
    date: date | None
    time: str | None = None              # "17:30"
    venue: str | None = None
    status: MeetingStatus = MeetingStatus.SCHEDULED
    contact_name: str | None = None
    contact_role: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    council: str | None = None
    items: list[AgendaItem] = field(default_factory=list)
    attendees: list[Member] = field(default_factory=list)
    source_url: str | None = None
    agenda_published: datetime.date | None = None   # (in this class `date` is the field above)
    external_id: str | None = None       # ModernGov meeting id, when known


@dataclass
class Committee:
    name: str
    council: str | None = None
    terms_of_reference: str | None = None
    quorum: int | None = None
    members: list[Member] = field(default_factory=list)
    external_id: str | None = None       # ModernGov committee id
    category: str | None = None
    deleted: bool = False
    expired: bool = False


@dataclass
class Page:
    """One page of a document: PDF page index (0-based), printed number, text."""

    index: int
    printed: int | None
    text: str


@dataclass
class MonitoringRow:
    """A row of a "Scrutiny Monitoring" table: a recommendation and its progress."""

    meeting_date: date | None            # the meeting that made it ("18/07/24")
    item_title: str                      # "Local Area SEND Inspection"
    action_proposed: str
    action_taken: str | None
    status_text: str | None              # verbatim, "Not complete – deadline November 2024."
    status: RecStatus = RecStatus.AWAITING_RESPONSE
    deadline: date | None = None


@dataclass
class ParsedDocument:
    """What a reader returns.

    ``meetings[0]`` is the document's own meeting when it has one (the pack's
    meeting, the minutes' meeting, the page's meeting).  Other meetings are
    those it mentions: the municipal year's future dates (status SCHEDULED,
    no items), the previous meeting whose minutes a pack prints, the meetings
    an issue page lists, every meeting of a web-service list.
    """

    kind: DocumentKind
    title: str
    council: str | None = None
    committee: Committee | None = None
    committees: list[Committee] = field(default_factory=list)   # GetCommittees
    meetings: list[Meeting] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    monitoring: list[MonitoringRow] = field(default_factory=list)
    issue: str | None = None
    glossary: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
