"""What a sync did (``SyncReport``, the ``sync --json`` contract) and how far it has got
(``SyncProgress``, for the window's progress and the command line)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from panelbook.services.sync.changes import Change


@dataclass(frozen=True)
class SyncProgress:
    """Where a sync is: the committee, the meeting (or None while listing), the step
    ("meetings", "meeting", "documents", "done"), and done/total committees."""

    committee: str
    meeting: str | None
    step: str
    done: int
    total: int

    def describe(self) -> str:
        where = f"{self.committee}, {self.meeting}" if self.meeting else self.committee
        return f"[{self.done + (self.step != 'done')}/{self.total}] {where}: {self.step}"


@dataclass(frozen=True)
class SyncIssue:
    """One thing that could not be fetched or read: its address and one sentence."""

    url: str
    message: str


@dataclass
class SyncReport:
    """What one sync did, everything followed together."""

    committees: int = 0                  # committees synced (reached)
    followed: int = 0                    # committees followed
    requests: int = 0
    not_modified: int = 0
    meetings_new: int = 0
    meetings_changed: int = 0
    documents_new: int = 0
    documents_changed: int = 0
    errors: list[SyncIssue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)     # "read through its pages" and the like
    changes: list[Change] = field(default_factory=list)
    cancelled: bool = False
    finished_at: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The ``sync --json`` contract (DESIGN.md); keys are only ever added."""
        return {
            "committees": self.committees, "requests": self.requests, "not_modified": self.not_modified,
            "meetings": {"new": self.meetings_new, "changed": self.meetings_changed},
            "documents": {"new": self.documents_new, "changed": self.documents_changed},
            "errors": [{"url": e.url, "message": e.message} for e in self.errors],
            "followed": self.followed, "news": len(self.changes), "notes": self.notes,
            "cancelled": self.cancelled, "finished_at": self.finished_at,
        }

    def error(self, url: str, message: str) -> None:
        self.errors.append(SyncIssue(url, message))

    def nothing_reached(self) -> bool:
        """True when committees are followed but not one of their sites could be reached."""
        return self.followed > 0 and self.committees == 0 and not self.cancelled

    def unreachable_sentence(self) -> str:
        first = self.errors[0].message if self.errors else "no site answered"
        return f"Nothing could be synced: {first[0].lower() + first[1:] if first else first}"

    def summary(self, at: datetime | None = None) -> str:
        """The calm line: "Synced 3 committees, 2 new documents, 12:04"."""
        if self.followed == 0:
            return "Nothing is followed yet; choose committees with 'panelbook follow URL --committee C'."
        if self.cancelled:
            return f"Sync cancelled after {self.committees} of {self.followed} committees; the rest next time."
        parts = [f"Synced {self.committees} committee{'s' if self.committees != 1 else ''}"]
        for count, word in ((self.meetings_new, "new meeting"), (self.meetings_changed, "changed meeting"),
                            (self.documents_new, "new document"), (self.documents_changed, "changed document")):
            if count:
                parts.append(f"{count} {word}{'s' if count != 1 else ''}")
        if len(parts) == 1:
            parts.append("nothing new")
        if self.errors:
            parts.append(f"{len(self.errors)} problem{'s' if len(self.errors) != 1 else ''}")
        line = ", ".join(parts)
        return f"{line}, {at:%H:%M}" if at else line + "."
