"""The What's new place: every change a sync found, newest first, unread ones in bold.

Enter or a double-click on an entry marks it read and opens its meeting (a document's
entry opens the meeting the document belongs to, where it is read).  "Mark all as read"
does what it says; "Only unread" narrows the list.  The place follows the store: a sync
that records news, or the command line marking it read, shows here within a moment.
With nothing followed yet it offers to follow a council; with news it offers Sync now.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from panelbook.ui.common.icons import icon
from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.common.widgets import EmptyState, heading_label
from panelbook.ui.news.news_model import ABOUT, IdRole, NewsModel

# What the list shows: news, and the committees and meetings it names.
SHOWN = Change.NEWS | Change.MEETINGS
EMPTY_TITLE = "Nothing new"
NOTHING_FOLLOWED = ("Follow your council's committees and Panelbook fetches their meetings, agenda packs, "
                    "supplements and minutes whenever there is a network; what changed is listed here.")
ALL_READ = "Everything here has been read. A sync lists here what it finds new or changed."


def _read_news(store) -> list[dict[str, Any]]:
    """On the worker: the entries, newest first."""
    from panelbook.services import news

    return [dict(r) for r in news.listing(store)]


class NewsTable(QTableView):
    """The list of entries; Enter opens the current one."""

    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class NewsPlace(QWidget):
    entry_opened = Signal(object)       # services.news.Destination
    follow_requested = Signal()
    sync_requested = Signal()
    loaded = Signal()                   # the list shows what the store holds
    error = Signal(object)

    def __init__(self, worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self._stale = True
        self.following = False
        self._all_rows: list[dict] = []
        self._build_top()
        self._build_list()
        self._lay_out()
        worker.store_changed.connect(self._store_changed)

    def _build_top(self) -> None:
        self.heading = heading_label("What's new")
        self.summary = QLabel()
        self.summary.setAccessibleName("What's new summary")
        self.summary.setWordWrap(True)
        self.only_unread = QCheckBox("Only unread")
        self.only_unread.setAccessibleName("Show only unread entries")
        self.only_unread.toggled.connect(lambda _on: self._show_rows())
        self.mark_all = QPushButton("Mark all as read")
        self.mark_all.setAccessibleName("Mark every entry as read")
        self.mark_all.clicked.connect(self.mark_all_read)
        self.sync_button = QPushButton(icon("sync"), "Sync now")
        self.sync_button.setToolTip("Fetch what is new for the committees you follow (F5)")
        self.sync_button.setAccessibleName("Sync now")
        self.sync_button.clicked.connect(self.sync_requested.emit)
        self.follow_button = QPushButton(icon("add"), "Follow your council…")
        self.follow_button.setAccessibleName("Follow your council")
        self.follow_button.clicked.connect(self.follow_requested.emit)

    def _build_list(self) -> None:
        self.model = NewsModel(self)
        self.table = NewsTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName("What's new")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ABOUT, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.open_index)
        self.table.open_requested.connect(self.open_index)
        self.empty = EmptyState("news", EMPTY_TITLE, NOTHING_FOLLOWED)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.follow_button)
        top.addWidget(self.sync_button)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.only_unread)
        bar.addWidget(self.mark_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.table.hide()
        self.setTabOrder(self.table, self.only_unread)
        self.setTabOrder(self.only_unread, self.mark_all)
        self.setTabOrder(self.mark_all, self.follow_button)
        self.setTabOrder(self.follow_button, self.sync_button)

    # -- following the store ------------------------------------------------------

    def _store_changed(self, changes: Change, initiator: object) -> None:
        if not changes & SHOWN or initiator is self:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        StoreOp(self.worker, _read_news, initiator=self).success(self._loaded) \
            .failure(self.error.emit).run_in_background()

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self._all_rows = rows
        self._show_rows()
        self.loaded.emit()

    def set_following(self, following: bool) -> None:
        """Whether any committee is followed (the shell knows): Sync now, or Follow your council first."""
        self.following = following
        self._show_rows()

    def _show_rows(self) -> None:
        current = self.table.currentIndex().data(IdRole)
        rows = [r for r in self._all_rows if not r["seen"]] if self.only_unread.isChecked() else self._all_rows
        self.model.set_rows(rows)
        again = self.model.row_of(current) if current is not None else None
        if again is not None:
            self.table.setCurrentIndex(self.model.index(again, 0))
        unread = sum(not r["seen"] for r in self._all_rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.mark_all.setEnabled(unread > 0)
        self.sync_button.setVisible(self.following)
        self.follow_button.setDefault(not self.following)
        if rows:
            self.summary.setText(f"{unread} unread of {len(self._all_rows)}. Enter or double-click opens one "
                                 "at its meeting and marks it read.")
        elif self._all_rows:
            self.summary.setText("Nothing unread.")
            self.empty.set_text(EMPTY_TITLE, ALL_READ)
        else:
            self.summary.setText("")
            self.empty.set_text(EMPTY_TITLE, ALL_READ if self.following else NOTHING_FOLLOWED)

    def focus_list(self) -> None:
        target = self.table if self.table.isVisible() else self.follow_button
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.table.isVisible() and not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    # -- reading ------------------------------------------------------------------

    def open_index(self, index: QModelIndex) -> None:
        """Mark the entry read and go where it leads."""
        news_id = index.data(IdRole)
        if news_id is None:
            return
        self._mark_local({news_id})

        def open_entry(store):
            from panelbook.services import news

            return news.open_entry(store, news_id)

        StoreOp(self.worker, open_entry, changes=Change.NEWS, initiator=self) \
            .success(self.entry_opened.emit).failure(self.error.emit).run_in_background()

    def mark_all_read(self) -> None:
        self._mark_local(None)

        def mark(store) -> int:
            from panelbook.services import news

            return news.mark_seen(store)

        StoreOp(self.worker, mark, changes=Change.NEWS, initiator=self).failure(self.error.emit) \
            .run_in_background()

    def _mark_local(self, ids: set[int] | None) -> None:
        """Show the entries read at once (the store's answer follows)."""
        self._all_rows = [{**r, "seen": True} if ids is None or r["id"] in ids else r for r in self._all_rows]
        self.model.mark_read(ids)
        if self.only_unread.isChecked():
            return      # the entry stays in view until the list is read again
        unread = sum(not r["seen"] for r in self._all_rows)
        self.mark_all.setEnabled(unread > 0)
        if self._all_rows:
            self.summary.setText(f"{unread} unread of {len(self._all_rows)}. Enter or double-click opens one "
                                 "at its meeting and marks it read.")
