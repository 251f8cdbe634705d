"""A platypus table that always fits the frame it lands in.

Column widths are chosen for the page a table is meant for (the briefing's
landscape recommendations, the monitoring appendix); when the frame it lands in
is narrower (a portrait page after an item's report pages, a narrower margin),
the columns are narrowed in proportion rather than running off the page, and
the rows split across pages as before.
"""
from __future__ import annotations

from typing import Any

from reportlab.platypus import Table


class FittedTable(Table):
    """``Table`` whose fixed column widths shrink in proportion to fit ``availWidth``."""

    def _fit(self, avail_width: float) -> None:
        widths: list[Any] = list(getattr(self, "_argW", None) or [])
        if not widths or not all(isinstance(w, (int, float)) for w in widths):
            return          # proportional or automatic widths: platypus fits those itself
        total = float(sum(widths))
        if total <= avail_width + 0.01:
            return
        scale = avail_width / total
        self._argW = self._colWidths = [w * scale for w in widths]
        self._width_calculated_once = None      # measure the cells again at the new widths

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._fit(availWidth)
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self._fit(availWidth)
        return super().split(availWidth, availHeight)
