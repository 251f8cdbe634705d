"""On an agenda item: the open recommendations earlier meetings made on the same issue.

For the meeting view to place beside an item's details::

    panel = OpenRecsPanel(worker)
    panel.rec_activated.connect(lambda rec_id: go_to_tracker(rec_id))
    panel.show_item(item_id)        # on every change of item (None clears it)

It reads the list again by itself when the store says recommendations changed.

The query (``store.earlier_recs.earlier_open_recs``) runs on the worker;
answers overtaken by a newer item are dropped.
"""
from __future__ import annotations

from datetime import date
from typing import Any, cast

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from panelbook.store.earlier_recs import earlier_open_recs
from panelbook.ui.common.icons import icon
from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.tracker.recs_model import IdRole, RecRole, one_line, overdue_reason, overdue_tint, short_date


def rec_line(rec: dict) -> str:
    """"18 Jul 2024 · Not complete · deadline 30 Nov 2024 · OVERDUE\\nThat the issue returns ..."."""
    parts = [short_date(rec["meeting_date"]), rec["status_label"]]
    if rec["deadline"]:
        parts.append(f"deadline {short_date(rec['deadline'])}")
    if rec["overdue"]:
        parts.append("Overdue")
    return " · ".join(p for p in parts if p) + "\n" + one_line(rec["text"])


class OpenRecsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[dict]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rec = self._rows[index.row()]
        if role == IdRole:
            return rec["id"]
        if role == RecRole:
            return rec
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return rec_line(rec)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{rec['item_title'] or ''}\n\n{rec['text']}"
            if rec["response"]:
                tip += f"\n\nResponse: {rec['response']}"
            return tip + (f"\n\n{overdue_reason(rec)}" if rec["overdue"] else "")
        if role == Qt.ItemDataRole.DecorationRole and rec["overdue"]:
            return icon("overdue")
        if role == Qt.ItemDataRole.BackgroundRole and rec["overdue"]:
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance()
            return overdue_tint(app.palette()) if isinstance(app, QApplication) else None
        return None


class OpenRecsPanel(QWidget):
    """A heading and a list; double-click or Enter on a row asks to open it in the tracker."""

    rec_activated = Signal(int)
    loaded = Signal(int)        # item id

    def __init__(self, worker, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.worker = worker
        self.today = today
        self.item_id: int | None = None
        self._request = 0
        self._build_heading()
        self._build_list()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 8, 8, 8)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.explain)
        self.layout_.addWidget(self.list, 1)
        self.layout_.addStretch(0)      # with no list, the words stay at the top (see _list_shown)
        self.show_item(None)
        worker.store_changed.connect(self._store_changed)

    def _build_heading(self) -> None:
        """The bold title and the line that says how many are open."""
        self.title = QLabel("Open recommendations from earlier meetings")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.explain = QLabel()
        self.explain.setWordWrap(True)

    def _build_list(self) -> None:
        """One recommendation a row; Enter or a double-click asks to open it in the tracker."""
        self.model = OpenRecsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName("Open recommendations from earlier meetings on this issue")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(False)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSpacing(2)
        self.list.activated.connect(lambda index: self.rec_activated.emit(index.data(IdRole)))

    def show_item(self, item_id: int | None) -> None:
        """List what is still open from earlier meetings on this item's issue."""
        self.item_id = item_id
        self._request += 1
        request = self._request
        if item_id is None:
            self.model.set_rows([])
            self.explain.setText("Choose an agenda item to see what earlier meetings asked for on its issue.")
            self._list_shown(False)
            return
        today = self.today
        StoreOp(self.worker, lambda store: earlier_open_recs(store.db, item_id, today), initiator=self) \
            .success(lambda rows: self._show(request, item_id, cast("list[dict[str, Any]]", rows))) \
            .failure(lambda error: self._failed(request, error)).run_in_background()

    def _store_changed(self, changes: Change, _initiator: object) -> None:
        """A recommendation (or the items it hangs on) changed: read the list again."""
        if self.item_id is not None and changes & (Change.RECS | Change.ITEMS | Change.MEETINGS):
            self.show_item(self.item_id)

    def _show(self, request: int, item_id: int, rows: list[dict]) -> None:
        if request != self._request:
            return
        self.model.set_rows(rows)
        self._list_shown(bool(rows))
        overdue = sum(1 for r in rows if r["overdue"])
        if not rows:
            self.explain.setText("Nothing is still open from earlier meetings on this issue.")
        else:
            self.explain.setText(
                f"{len(rows)} still open" + (f", {overdue} overdue" if overdue else "")
                + ". Double-click one to open it in the tracker.")
        self.loaded.emit(item_id)

    def _failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self.model.set_rows([])
            self._list_shown(False)
            self.explain.setText(f"The earlier recommendations could not be read: {error}")

    def _list_shown(self, shown: bool) -> None:
        """The list, taking the height; or, with none, the space below the words."""
        self.list.setVisible(shown)
        self.layout_.setStretch(3, 0 if shown else 1)
