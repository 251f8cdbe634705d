"""Correcting a meeting or an item from the Meeting place, in two clicks.

The header's "Correct…" button opens the meeting's form; the agenda's menu (right
click, the Menu key or Shift+F10) and F2 correct the chosen item, merge it with the
next one, split it, or undo the newest correction.  Every change runs through
``services.corrections`` on the database worker (``StoreOp``); the place reloads
itself on the change, and a correction that cannot be made is said in one sentence.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from panelbook.ui.common.message_box import show_message
from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.meeting.correction_dialogs import ItemCorrection, MeetingCorrection, SplitItem

if TYPE_CHECKING:
    from collections.abc import Callable

CORRECTED = Change.MEETINGS | Change.ITEMS | Change.MARKUP | Change.RECS


def _corrections():
    from panelbook.services import corrections  # the services: loaded on first use, after the first paint

    return corrections


class CorrectionActions(QObject):
    """The Correct button, the agenda's menu and F2 of one Meeting place."""

    def __init__(self, place: Any):         # the MeetingPlace that owns it (not imported: it imports this)
        super().__init__(place)
        self.place = place
        self.meeting: dict[str, Any] | None = None
        self.dialog: Any = None         # the form open now, if any (tests fill it in)
        self.button = QToolButton()
        self.button.setText("Correct…")
        self.button.setToolTip("Correct this meeting's committee, date, time, venue or status")
        self.button.setAccessibleName("Correct the meeting")
        self.button.setEnabled(False)
        self.button.clicked.connect(self.edit_meeting)
        agenda = place.agenda
        agenda.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        agenda.customContextMenuRequested.connect(self._menu_at)
        self.edit_item_action = QAction("&Correct this item…", agenda)
        self.edit_item_action.setShortcut(QKeySequence("F2"))
        self.edit_item_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_item_action.triggered.connect(self.edit_item)
        agenda.addAction(self.edit_item_action)

    def show_meeting(self, meeting: dict[str, Any] | None) -> None:
        self.meeting = meeting
        self.button.setEnabled(meeting is not None)

    # -- the meeting ----------------------------------------------------------

    def edit_meeting(self) -> None:
        if self.meeting is None:
            return
        dialog = MeetingCorrection(self.meeting, self.place)
        meeting_id = self.meeting["id"]
        dialog.accepted.connect(lambda: self._correct_meeting(meeting_id, dialog.changes()))
        self._open(dialog)

    def _correct_meeting(self, meeting_id: int, changes: dict[str, str]) -> None:
        if changes:
            self._run(lambda store: _corrections().edit_meeting(store, meeting_id, **changes))

    # -- the chosen item ------------------------------------------------------

    def _chosen(self) -> dict[str, Any] | None:
        index = self.place.agenda.currentIndex()
        return self.place.model.item(index.row()) if index.isValid() else None

    def _neighbour(self, item: dict[str, Any]) -> dict[str, Any] | None:
        items = self.place.model.items()
        row = next((n for n, it in enumerate(items) if it["id"] == item["id"]), None)
        return items[row + 1] if row is not None and row + 1 < len(items) else None

    def menu_for(self, item: dict[str, Any]) -> QMenu:
        """The agenda item's menu: correct, merge with the next, split, undo."""
        menu = QMenu(self.place.agenda)
        menu.addAction(self.edit_item_action)
        neighbour = self._neighbour(item)
        merge = menu.addAction("&Merge with the next item" + (f" ({_short(neighbour['title'])})" if neighbour else ""))
        merge.setEnabled(neighbour is not None)
        merge.triggered.connect(lambda: self.merge(item, neighbour))
        split = menu.addAction("&Split this item at a page…")
        split.setEnabled(bool(item.get("pages")) and item["pages"][1] > item["pages"][0])
        split.triggered.connect(lambda: self.split(item))
        menu.addSeparator()
        undo = menu.addAction("&Undo the item's newest correction")
        undo.setEnabled(bool(item.get("corrected")))
        undo.triggered.connect(lambda: self.undo(item["id"]))
        undo_meeting = menu.addAction("Undo the &meeting's newest correction")
        undo_meeting.setEnabled(bool(self.meeting and self.meeting.get("corrected")))
        undo_meeting.triggered.connect(lambda: self.undo(None))
        return menu

    def _menu_at(self, point: QPoint) -> None:
        index = self.place.agenda.indexAt(point)
        if index.isValid():
            self.place.agenda.setCurrentIndex(index)
        item = self._chosen()
        if item is not None:
            self.menu_for(item).popup(self.place.agenda.viewport().mapToGlobal(point))

    def edit_item(self) -> None:
        item = self._chosen()
        if item is None:
            return
        dialog = ItemCorrection(item, self.place)
        dialog.accepted.connect(lambda: self._correct_item(item["id"], dialog.changes()))
        self._open(dialog)

    def _correct_item(self, item_id: int, changes: dict[str, Any]) -> None:
        if changes:
            self._run(lambda store: _corrections().edit_item(store, item_id, **changes))

    def merge(self, item: dict[str, Any], neighbour: dict[str, Any] | None) -> None:
        if neighbour is None or self.meeting is None:
            return
        meeting_id = self.meeting["id"]
        self._run(lambda store: _corrections().merge_items(store, meeting_id, item["id"], neighbour["id"]))

    def split(self, item: dict[str, Any]) -> None:
        if not item.get("pages"):
            return
        dialog = SplitItem(item, self.place)
        dialog.accepted.connect(lambda: self._split(item["id"], dialog.changes()))
        self._open(dialog)

    def _split(self, item_id: int, changes: dict[str, Any]) -> None:
        """Read on the UI thread (the form's values), run on the worker."""
        self._run(lambda store: _corrections().split_item(store, item_id, **changes))

    def undo(self, item_id: int | None) -> None:
        if self.meeting is None:
            return
        meeting_id = self.meeting["id"]
        self._run(lambda store: _corrections().undo(store, meeting_id, item_id))

    # -- running --------------------------------------------------------------

    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def _run(self, work: Callable[[Any], object]) -> None:
        StoreOp(self.place.worker, work, changes=CORRECTED, initiator=self) \
            .failure(self._refused).run_in_background()

    def _refused(self, error: BaseException) -> None:
        from panelbook.services.corrections import CorrectionError

        if not isinstance(error, CorrectionError):
            self.place.error.emit(error)
            return
        show_message(self.place, "This correction cannot be made.", title="Correct", details=str(error),
                     warning=True)


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[:limit - 1].rstrip() + "…"
