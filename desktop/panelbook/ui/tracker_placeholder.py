"""The Tracker place until the recommendations tracker lands: what it will hold.

It already says how many recommendations the store has, so a clerk can see
that the minutes' RESOLVED lines were picked up.
"""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..store import desktop_queries
from .widgets import EmptyState, heading_label

STATUS_WORDS = {
    "draft": "offered from minutes", "awaiting_response": "awaiting a response", "in_progress": "in progress",
    "reported_complete": "reported complete", "closed_complete": "closed as complete",
    "rejected": "rejected", "closed_rejected": "closed after rejection",
}

EXPLANATION = (
    "The recommendations tracker will list every recommendation the panel has made, from the RESOLVED "
    "lines of its minutes and the monitoring tables of its packs, with who owns it, the response, the "
    "deadline, its progress and the panel's decision, and a history of every change. From it the clerk "
    "will export the \u201cMonitoring Scrutiny Recommendations\u201d appendix for the next meeting."
)


class TrackerPlace(QWidget):
    def __init__(self, worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self.heading = heading_label("Tracker")
        self.empty = EmptyState("tracker", "The recommendations tracker is coming", EXPLANATION)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty, 1)

    def refresh(self) -> None:
        self.worker.submit(lambda store: desktop_queries.tracker_summary(store.db), self._show_summary,
                           lambda _error: None)

    def _show_summary(self, counts: dict[str, int]) -> None:
        total = sum(n for status, n in counts.items())
        if not total:
            so_far = "No recommendations are in your data yet; they arrive with imported minutes and packs."
        else:
            parts = ", ".join(f"{n} {STATUS_WORDS.get(s, s.replace('_', ' '))}" for s, n in sorted(counts.items()))
            so_far = (f"Your data already holds {total} recommendation{'s' if total != 1 else ''} ({parts}); "
                      "until the tracker arrives, the command \u201cpanelbook recs\u201d lists them.")
        self.empty.set_text("The recommendations tracker is coming", EXPLANATION + "\n\n" + so_far)
