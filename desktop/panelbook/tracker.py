"""The recommendations lifecycle, as the panel's own rule puts it.

"Items marked complete and accepted by the panel leave the list; outstanding
items, or ones the panel does not accept as complete, stay and come back to
the next meeting; rejected ones leave only after being reported to the panel."

    draft ─accept→ awaiting_response ─response→ in_progress ─→ reported_complete ─accept→ closed_complete
                              └──────────────────────────────→ reported_complete ─send back→ in_progress
    any open state ─reject→ rejected ─reported→ closed_rejected

Pure rules: no store, no Qt.  The store applies them (services.recs.set_recommendation).
"""
from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from panelbook.model import MeetingStatus, RecStatus

S = RecStatus

# What may follow each state.  Drafts may also be set aside as "not a
# recommendation" (a flag, not a state: the draft stays visible to the clerk).
TRANSITIONS: dict[RecStatus, set[RecStatus]] = {
    S.DRAFT: {S.AWAITING_RESPONSE, S.IN_PROGRESS, S.REPORTED_COMPLETE},
    S.AWAITING_RESPONSE: {S.IN_PROGRESS, S.REPORTED_COMPLETE, S.REJECTED},
    S.IN_PROGRESS: {S.REPORTED_COMPLETE, S.REJECTED, S.AWAITING_RESPONSE},
    S.REPORTED_COMPLETE: {S.CLOSED_COMPLETE, S.IN_PROGRESS, S.REJECTED},
    S.REJECTED: {S.CLOSED_REJECTED, S.IN_PROGRESS},
    S.CLOSED_COMPLETE: set(),
    S.CLOSED_REJECTED: set(),
}

OPEN = {S.AWAITING_RESPONSE, S.IN_PROGRESS, S.REPORTED_COMPLETE, S.REJECTED}
CLOSED = {S.CLOSED_COMPLETE, S.CLOSED_REJECTED}
AWAITING_ACTION = {S.AWAITING_RESPONSE, S.IN_PROGRESS}   # the ones a deadline or response clock applies to

# The one wording of each status (the tracker, the exports and the command line
# all use it); a council's own wording, when a monitoring table gave one, is
# kept beside it as ``status_text``.
LABELS = {
    S.DRAFT: "Draft (from minutes)",
    S.AWAITING_RESPONSE: "Awaiting response",
    S.IN_PROGRESS: "Not complete",
    S.REPORTED_COMPLETE: "Reported complete",
    S.CLOSED_COMPLETE: "Complete – accepted by the panel",
    S.REJECTED: "Rejected",
    S.CLOSED_REJECTED: "Rejected – reported to the panel",
}

DEFAULT_RESPONSE_MONTHS = 2


def label(status: RecStatus | str) -> str:
    """The tracker's wording of a status; an unknown value is shown as it is."""
    try:
        return LABELS[RecStatus(status)]
    except ValueError:
        return str(status)


class InvalidTransition(ValueError):
    """A status change the lifecycle does not allow."""


def check_transition(current: RecStatus, wanted: RecStatus) -> None:
    if wanted == current:
        return
    if wanted not in TRANSITIONS[current]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[current])) or "none: it is closed"
        raise InvalidTransition(
            f"A recommendation that is '{current.value}' cannot become '{wanted.value}' (allowed: {allowed})."
        )


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def response_due(meeting_date: date | None, months: int = DEFAULT_RESPONSE_MONTHS) -> date | None:
    """When a response is expected: ``months`` after the meeting that made the recommendation."""
    return add_months(meeting_date, months) if meeting_date else None


def is_overdue(status: RecStatus, deadline: date | None, meeting_date: date | None, has_response: bool,
               today: date, response_months: int = DEFAULT_RESPONSE_MONTHS) -> bool:
    """Open and past its deadline, or still without a response when the response clock has run out."""
    if status not in AWAITING_ACTION:
        return False
    if deadline is not None and deadline < today:
        return True
    due = response_due(meeting_date, response_months)
    return not has_response and status == S.AWAITING_RESPONSE and due is not None and due < today


def on_the_list(status: RecStatus) -> bool:
    """Whether the recommendation is reported to the next meeting (the monitoring list)."""
    return status in OPEN


def last_held_meeting(meetings: Sequence[Mapping[str, Any]], today: date) -> Mapping[str, Any] | None:
    """The latest meeting held on or before ``today`` (else the latest past one not cancelled):
    what the tracker counts its changes from.  ``meetings`` come in date order."""
    past = [m for m in meetings if m["date"] <= today.isoformat() and m["status"] != MeetingStatus.CANCELLED]
    held = [m for m in past if m["status"] == MeetingStatus.HELD]
    chosen = held or past
    return chosen[-1] if chosen else None
