"""The "found in this pack" list: QtPdf's search results with readable labels.

QPdfSearchModel gives each hit's page and the text around it; this proxy adds
a display text ("Page 12: … text around the hit …") using the printed page
numbers, so the list reads like the pack.
"""
from __future__ import annotations

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtPdf import QPdfSearchModel

from .page_map import PageMap

PAGE_ROLE = int(QPdfSearchModel.Role.Page.value)
BEFORE_ROLE = int(QPdfSearchModel.Role.ContextBefore.value)
AFTER_ROLE = int(QPdfSearchModel.Role.ContextAfter.value)


def _flat(text) -> str:
    return " ".join(str(text or "").replace("\u23ce", " ").split())


class FoundModel(QIdentityProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.page_map = PageMap()

    def set_page_map(self, page_map: PageMap) -> None:
        self.beginResetModel()
        self.page_map = page_map
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            source = self.mapToSource(index)
            model = self.sourceModel()
            if model is None or not source.isValid():
                return None
            page = model.data(source, PAGE_ROLE)
            if not isinstance(page, int):
                return None
            printed = self.page_map.printed(page)
            where = f"Page {printed}" if printed is not None else f"PDF page {page + 1}"
            before = _flat(model.data(source, BEFORE_ROLE))[-40:]
            after = _flat(model.data(source, AFTER_ROLE))[:40]
            search = _flat(getattr(model, "searchString", lambda: "")())
            return f"{where}: …{before}{search}{after}…"
        return super().data(index, role)

    def page_of(self, row: int) -> int | None:
        model = self.sourceModel()
        if model is None or not 0 <= row < self.rowCount():
            return None
        value = model.data(model.index(row, 0), PAGE_ROLE)
        return value if isinstance(value, int) else None
