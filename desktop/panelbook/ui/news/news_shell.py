"""What's new in the main window: its place, its unread counts on the side bar and the
calendar, the way from an entry to its meeting, the welcome on the calendar (Follow your
council beside Try the sample panel), and following and syncing (``sync_actions``).

The window makes one ``NewsShell`` and builds the place through it (``build_place``);
everything else here follows the store by itself.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from panelbook.ui.common.store_op import StoreOp
from panelbook.ui.news.sync_actions import SyncActions
from panelbook.ui.news.unread_counts import UnreadCounts, counts_line
from panelbook.ui.shell.places import Place

if TYPE_CHECKING:
    from panelbook.ui.news.news_place import NewsPlace
    from panelbook.ui.news.unread_banner import UnreadBanner
    from panelbook.ui.news.welcome import Welcome

PLACE_NAME = "What's new"
PLACE_KEYS = "Ctrl+5"


class NewsShell(QObject):
    """``window``: the main window (its worker, place actions and places, ``open_meeting``, ``go``)."""

    def __init__(self, window, file_menu: QMenu):
        super().__init__(window)
        self.window = window
        self.file_menu = file_menu
        self._place: NewsPlace | None = None
        self.banner: UnreadBanner | None = None
        self.welcome: Welcome | None = None
        self.counts = UnreadCounts(window.worker, self)
        self.counts.changed.connect(self._show_counts)
        self.sync = SyncActions(window, file_menu)
        self.sync.following_changed.connect(self._following_changed)
        window.meetings_loaded.connect(self.counts.refresh)     # the store is open: count what is unread
        window.meetings_loaded.connect(self._put_welcome)
        window.calendar_shown.connect(self._put_banner)

    @property
    def place(self) -> NewsPlace:
        return self.window._place_widget(Place.NEWS)

    def build_place(self) -> NewsPlace:
        """The What's new place (the window puts it in the stack)."""
        from panelbook.ui.news.news_place import NewsPlace

        place = NewsPlace(self.window.worker)
        place.entry_opened.connect(self._open)
        place.error.connect(self.window._show_error)
        place.follow_requested.connect(self.sync.choose_committees)
        place.sync_requested.connect(self.sync.sync_now)
        place.set_following(bool(self.sync.following))
        self._place = place
        return place

    def _open(self, destination) -> None:
        """An entry was opened (and marked read): its meeting, or say there is none to show."""
        if destination.meeting_id is None:
            self.window.statusBar().showMessage("This entry is not about one meeting.", 6000)
            return
        self.window.open_meeting(destination.meeting_id)

    # -- the unread counts ----------------------------------------------------------

    def _show_counts(self, total: int, per_committee: list[tuple[str, int]]) -> None:
        action = self.window.place_actions[Place.NEWS]
        action.setText(f"{PLACE_NAME} ({total})" if total else PLACE_NAME)
        action.setToolTip(f"{PLACE_NAME}: {total} unread, {counts_line(per_committee)} ({PLACE_KEYS})" if total
                          else f"{PLACE_NAME}: nothing unread ({PLACE_KEYS})")
        self._put_banner()

    def _put_banner(self) -> None:
        """The unread line on the calendar, once the calendar is built."""
        if not self.window.is_built(Place.CALENDAR):
            return
        if self.banner is None:
            from panelbook.ui.news.unread_banner import UnreadBanner

            self.banner = UnreadBanner()
            self.banner.open_requested.connect(lambda: self.window.go(Place.NEWS))
            self.window.calendar.add_banner(self.banner)
        self.banner.set_counts(self.counts.total, self.counts.per_committee)

    # -- following ------------------------------------------------------------------

    def _following_changed(self, following: bool) -> None:
        if self._place is not None:
            self._place.set_following(following)
        self._put_welcome()

    def _put_welcome(self) -> None:
        """The welcome on the calendar while nothing is followed and no panel of the member's is in."""
        if not self.window.is_built(Place.CALENDAR) or self.sync.following is None:
            return
        if self.welcome is None:
            from panelbook.ui.news.welcome import Welcome

            self.welcome = Welcome()
            self.welcome.follow_requested.connect(self.sync.choose_committees)
            self.welcome.sample_requested.connect(self.load_sample)
            self.window.calendar.add_banner(self.welcome)
        meetings = self.window.meetings
        self.welcome.show_for(bool(self.sync.following), bool(meetings),
                              any(not m.get("sample") for m in meetings))

    def load_sample(self) -> None:
        """Try the sample panel: loaded on the worker through the ordinary readers."""
        from panelbook.ui.transfer.import_controller import IMPORTED

        def load(store) -> None:
            from panelbook.services.sample import load_sample

            load_sample(store)

        if self.welcome is not None:
            self.welcome.sample_button.setEnabled(False)
        self.window.statusBar().showMessage("Loading the sample panel…")
        StoreOp(self.window.worker, load, changes=IMPORTED, initiator=self) \
            .success(lambda _none: self.window.statusBar().showMessage("The sample panel is loaded.", 6000)) \
            .failure(self.window._show_error).run_in_background()
