"""Following a council and syncing, in the window: File › Follow your council… and Sync now
(F5), how often to sync by itself (a setting: every hour, 3 hours, 6 hours, or never), the
status line, and one notification a sync when it found something.

A sync starts by itself just after the window has painted and the store is open, and then
every few hours while the window is open, but only when a committee is followed; never
while another sync runs.  Everything touching the store or the network runs on the
database worker (``SyncController``, the Follow dialog's jobs).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from panelbook.ui.common import settings
from panelbook.ui.common.icons import icon
from panelbook.ui.common.store_op import StoreOp
from panelbook.ui.news.notifier import Notifier, summary_body
from panelbook.ui.news.sync_controller import SyncController, SyncOutcome, followed_state
from panelbook.ui.news.sync_status import SyncStatus, standing_line

if TYPE_CHECKING:
    from panelbook.ui.news.follow_dialog import FollowDialog

EVERY_SETTING = "sync/every_hours"
EVERY_CHOICES = [(1, "Every hour"), (3, "Every 3 hours"), (6, "Every 6 hours"), (0, "Never (only when asked)")]
DEFAULT_EVERY_HOURS = 3
HOUR_MS = 3600 * 1000


class SyncActions(QObject):
    following_changed = Signal(bool)     # whether any committee is followed
    followed = Signal(object)            # names just followed in the dialog

    def __init__(self, window, file_menu: QMenu):
        super().__init__(window)
        self.window = window
        self.worker = window.worker
        self.following: bool | None = None      # None until the store has said
        self._asked = False
        self.dialog: FollowDialog | None = None
        self.follow_options: dict = {}          # passed on to the Follow dialog's calls (tests)
        self.controller = SyncController(self.worker, self)
        self.status = SyncStatus(self.controller, window)
        self.notifier = Notifier(window)
        self.controller.started.connect(lambda: self.sync_action.setEnabled(False))
        self.controller.finished.connect(self._synced)
        self.controller.failed.connect(lambda _sentence: self.sync_action.setEnabled(True))
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_if_following)
        self._build_actions(file_menu)
        self._set_every(settings.load_int(EVERY_SETTING, DEFAULT_EVERY_HOURS), save=False)
        window.meetings_loaded.connect(self._store_open)

    def _build_actions(self, file_menu: QMenu) -> None:
        """File: Follow your council…, Sync now (F5), Sync automatically ›, under Import documents…."""
        self.follow_action = QAction(icon("add"), "&Follow your council…", self.window)
        self.follow_action.setToolTip("Follow committees on your council's ModernGov site")
        self.follow_action.triggered.connect(self.choose_committees)
        self.sync_action = QAction(icon("sync"), "&Sync now", self.window)
        self.sync_action.setShortcuts([QKeySequence("F5")])
        self.sync_action.setToolTip("Fetch what is new for the committees you follow (F5)")
        self.sync_action.triggered.connect(self.sync_now)
        self.every_menu = QMenu("Sync &automatically", self.window)
        self.every_group = QActionGroup(self)
        self.every_actions: dict[int, QAction] = {}
        for hours, words in EVERY_CHOICES:
            action = QAction(words, self.window)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, h=hours: self._set_every(h))
            self.every_group.addAction(action)
            self.every_menu.addAction(action)
            self.every_actions[hours] = action
        before = file_menu.actions()[1]         # after Import documents…: the other way papers arrive
        file_menu.insertAction(before, self.follow_action)
        file_menu.insertAction(before, self.sync_action)
        file_menu.insertMenu(before, self.every_menu)
        file_menu.insertSeparator(before)

    def _set_every(self, hours: int, save: bool = True) -> None:
        hours = hours if hours in self.every_actions else DEFAULT_EVERY_HOURS
        self.every_actions[hours].setChecked(True)
        if save:
            settings.save_value(EVERY_SETTING, hours)
        self.timer.stop()
        if hours:
            self.timer.start(hours * HOUR_MS)

    # -- following ------------------------------------------------------------------

    def _store_open(self) -> None:
        """The first time the meetings are in: who is followed; sync if anyone is."""
        if self._asked:
            return
        self._asked = True
        StoreOp(self.worker, followed_state, initiator=self).success(self._first_state) \
            .failure(lambda _error: None).run_in_background()

    def _first_state(self, state: SyncOutcome) -> None:
        self._set_following(bool(state.followed))
        self.status.show_line(standing_line(state))
        if state.followed:
            self.sync_now()

    def _set_following(self, following: bool) -> None:
        self.following = following
        self.following_changed.emit(following)

    def choose_committees(self) -> None:
        """The Follow your council dialog (window-modal, opened without waiting on it)."""
        from panelbook.ui.news.follow_dialog import FollowDialog

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        self.dialog = FollowDialog(self.worker, self.window)
        self.dialog.options = self.follow_options
        self.dialog.followed.connect(self._followed)
        self.dialog.open()

    def _followed(self, names: list[str]) -> None:
        self._set_following(bool(names))
        self.followed.emit(names)
        if names:
            self.window.statusBar().showMessage(f"Following {', '.join(names)}; syncing their papers now.", 8000)
            self.sync_now()

    # -- syncing --------------------------------------------------------------------

    def sync_if_following(self) -> None:
        if self.following and not self.controller.running:
            self.controller.start()

    def sync_now(self) -> None:
        """Sync now if anything is followed; else offer to follow a council."""
        if self.following is False:
            self.choose_committees()
            return
        if not self.controller.start():
            self.window.statusBar().showMessage("A sync is running already.", 4000)

    def _synced(self, outcome: SyncOutcome) -> None:
        self.sync_action.setEnabled(True)
        self._set_following(bool(outcome.followed))
        report = outcome.report
        if report is not None and report.changes:
            titles = [change.title for change in report.changes if change.title]
            self.notifier.notify("Panelbook: what's new", summary_body(titles, len(report.changes)))
