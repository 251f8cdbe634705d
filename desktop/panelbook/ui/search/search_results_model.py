"""Search results as a two-level Qt model: meetings, and under each its hits.

Hits arrive best first from the core's full-text search; meetings are listed
in the order of their best hit.  Each hit row offers plain display text and,
under ``HtmlRole``, its snippet as rich text: the snippet is escaped (it is
imported text) and only the matched words are wrapped in <b>.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from panelbook.store.search import Hit
from panelbook.ui.common.meetings_model import long_date

HitRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2
IsGroupRole = Qt.ItemDataRole.UserRole + 3

KIND_NAMES = {
    "page": "Pack page", "item": "Agenda item", "minutes": "Minutes", "resolution": "Resolution",
    "recommendation": "Recommendation", "note": "Note",
}
_GROUP = 0xFFFFFFFF


def snippet_html(snippet: str, spans: list[tuple[int, int]]) -> str:
    """The snippet, escaped, with each highlighted span in bold."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at or end > len(snippet) or start >= end:
            continue
        out.append(escape(snippet[at:start]))
        out.append(f"<b>{escape(snippet[start:end])}</b>")
        at = end
    out.append(escape(snippet[at:]))
    return "".join(out)


def hit_heading(hit: Hit) -> str:
    kind = KIND_NAMES.get(hit.kind, hit.kind.capitalize())
    page = f", page {hit.page}" if hit.page is not None else ""
    return f"{kind}{page}: {hit.title}" if hit.title else f"{kind}{page}"


class SearchResultsModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[dict] = []   # {"meeting_id", "label", "hits": [Hit]}
        self.query = ""

    def set_hits(self, query: str, hits: list[Hit]) -> None:
        groups: dict[int | None, dict] = {}
        for hit in hits:
            group = groups.get(hit.meeting_id)
            if group is None:
                label = (f"{long_date(hit.meeting_date)}, {hit.committee}" if hit.meeting_date
                         else "Not tied to a meeting")
                group = groups[hit.meeting_id] = {"meeting_id": hit.meeting_id, "label": label, "hits": []}
            group["hits"].append(hit)
        self.beginResetModel()
        self.query = query
        self._groups = list(groups.values())
        self.endResetModel()

    def _bold(self):
        from PySide6.QtGui import QFont
        font = QFont()
        font.setBold(True)
        return font

    def hit_count(self) -> int:
        return sum(len(g["hits"]) for g in self._groups)

    def group_count(self) -> int:
        return len(self._groups)

    def hit(self, index: QModelIndex) -> Hit | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId()]["hits"][index.row()]

    def first_hit_index(self) -> QModelIndex:
        """The best hit (the first row under the first meeting), or an invalid index."""
        if not self._groups:
            return QModelIndex()
        return self.index(0, 0, self.index(0, 0))

    def meeting_of(self, index: QModelIndex) -> int | None:
        if not index.isValid():
            return None
        group = index.row() if index.internalId() == _GROUP else index.internalId()
        return self._groups[group]["meeting_id"]

    # -- QAbstractItemModel -------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _GROUP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _GROUP or parent.row() >= len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[parent.row()]["hits"]):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row())

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _GROUP)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()]["hits"])
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if section == 0 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return "Results"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            group = self._groups[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                count = len(group["hits"])
                return f"{group['label']} ({count} {'result' if count == 1 else 'results'})"
            if role == IsGroupRole:
                return True
            if role == Qt.ItemDataRole.FontRole:
                return self._bold()
            return None
        hit = self._groups[index.internalId()]["hits"][index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit_heading(hit)}\n{hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet
        if role == HtmlRole:
            heading = f"<span class='heading'>{escape(hit_heading(hit))}</span>"
            return f"{heading}<br>{snippet_html(hit.snippet, hit.highlights)}"
        if role == HitRole:
            return hit
        if role == IsGroupRole:
            return False
        return None
