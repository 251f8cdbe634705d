"""The window's markup commands: Edit › Profile…, and in the File menu, Share chair's
markup…, Export my markup… and Import markup….

File dialogs only choose a path; the work (``export_to`` / ``import_from``)
runs on the database worker and reports back in the status bar and a calm,
non-blocking message.  The profile dialog opens without blocking the window
(``QDialog.open``); at first start (``ask_profile_at_start``) it opens once the
meetings are loaded, if the store has no profile.  Anything typed and not yet
saved is saved when the window closes (an event filter on the window).

The window hands over its File menu and a way to reach the Meeting place once it
is built, so this module needs nothing from the window's own module (no import
cycle) and finds no menu by its title.  Nothing here imports the store at
start-up: the jobs import it on the worker.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from panelbook.ui.common.icons import icon
from panelbook.ui.common.kept_edits import kept_edits
from panelbook.ui.common.message_box import show_message
from panelbook.ui.common.store_op import Change, StoreOp

if TYPE_CHECKING:
    from panelbook.store import Store
    from panelbook.store.rows import Profile
    from panelbook.ui.markup.profile_dialog import ProfileDialog
    from panelbook.ui.meeting.meeting_place import MeetingPlace

MARKUP_FILTER = "Panelbook markup (*.json);;All files (*)"


class MarkupActions(QObject):
    profile_changed = Signal(object)
    exported = Signal(str, object)      # path, counts
    imported = Signal(object)           # counts

    def __init__(self, window: QMainWindow, file_menu: QMenu,
                 meeting_place: Callable[[], MeetingPlace | None]):
        """``file_menu``: the window's File menu, which gets the markup file commands above its
        last separator; ``meeting_place``: the Meeting place, or None while it is not built."""
        super().__init__(window)
        self.window = window
        # (The window is the main window, not imported here: it imports this module.)
        self.worker = window.worker  # type: ignore[attr-defined]
        self.profile: Profile | None = None
        self.dialog: ProfileDialog | None = None
        self._meeting_place = meeting_place
        self._ask_at_start = False
        self._build_actions()
        self._add_to_file_menu(file_menu)
        self._add_edit_menu(file_menu)
        window.meetings_loaded.connect(self._meetings_loaded)  # type: ignore[attr-defined]
        window.installEventFilter(self)

    def _build_actions(self) -> None:
        window = self.window
        self.profile_action = QAction(icon("profile"), "&Profile…", window)
        self.profile_action.setToolTip("Your name and role (councillor, chair, clerk)")
        self.profile_action.triggered.connect(lambda: self.edit_profile())
        self.share_action = QAction("&Share chair's markup…", window)
        self.share_action.setToolTip("Write the chair's priorities and lines of enquiry to a file for the panel")
        self.share_action.triggered.connect(self.choose_share)
        self.share_action.setEnabled(False)
        self.export_action = QAction("&Export my markup…", window)
        self.export_action.setToolTip("All your notes, questions, flags and highlights in one file, "
                                      "to move to another computer")
        self.export_action.triggered.connect(self.choose_export)
        self.import_action = QAction("Import &markup…", window)
        self.import_action.setToolTip("Merge a markup file: newer edits win, nothing newer here is overwritten")
        self.import_action.triggered.connect(self.choose_import)

    def _add_to_file_menu(self, file_menu: QMenu) -> None:
        """Import, export and share go in a group of their own before the menu's last group (Quit)."""
        actions = file_menu.actions()
        if not actions:
            file_menu.addSeparator()
            file_menu.addActions([self.import_action, self.export_action, self.share_action])
            return
        before = actions[-2] if len(actions) >= 2 and actions[-2].isSeparator() else actions[-1]
        file_menu.insertSeparator(before)
        for action in (self.import_action, self.export_action, self.share_action):
            file_menu.insertAction(before, action)

    def _add_edit_menu(self, file_menu: QMenu) -> None:
        """An Edit menu with the profile, right after the File menu."""
        bar = self.window.menuBar()
        self.edit_menu = QMenu("&Edit", bar)
        menus = bar.actions()
        at = menus.index(file_menu.menuAction()) + 1 if file_menu.menuAction() in menus else len(menus)
        if at < len(menus):
            bar.insertMenu(menus[at], self.edit_menu)
        else:
            bar.addMenu(self.edit_menu)
        self.edit_menu.addAction(self.profile_action)

    def ask_profile_at_start(self) -> None:
        """At the application's start: ask for a profile if the store has none."""
        self._ask_at_start = True

    def _meetings_loaded(self) -> None:
        if self.profile is None:
            self.refresh_profile(ask_if_missing=self._ask_at_start)
        self._ask_at_start = False

    def meeting_place(self) -> MeetingPlace | None:
        """The Meeting place if it has been built (it is built on first use)."""
        return self._meeting_place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            place = self.meeting_place()
            if place is not None:
                place.flush_markup(closing=True)
        return False

    # -- profile ----------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def refresh_profile(self, ask_if_missing: bool = False) -> None:
        """Read the profile on the worker; at first start, ask for one if there is none."""
        def known(profile: Profile | None) -> None:
            self._profile_known(profile)
            if profile is None and ask_if_missing:
                self.edit_profile(first_start=True)
        StoreOp(self.worker, _profile, initiator=self).success(known).failure(self._error).run_in_background()

    def _profile_known(self, profile: Profile | None) -> None:
        self.profile = profile
        self.share_action.setEnabled(profile is not None and profile.get("role") == "chair")
        self.profile_changed.emit(profile)

    def edit_profile(self, first_start: bool = False) -> ProfileDialog:
        """Open the profile dialog (not blocking); OK saves the profile."""
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        from PySide6.QtCore import Qt

        from panelbook.ui.markup.profile_dialog import ProfileDialog

        profile: Mapping[str, Any] = self.profile or {}
        dialog = ProfileDialog(profile.get("name", ""), profile.get("role", "councillor"), first_start, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save_profile(dialog.name(), dialog.role()))
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, _result: int) -> None:
        self.dialog = None

    def save_profile(self, name: str, role: str) -> None:
        def save(store):
            from panelbook.ui.markup.markup_jobs import save_profile

            return save_profile(store, name, role)

        def saved(profile: Profile | None) -> None:
            self._profile_known(profile)
            if profile is not None:
                self._status(f"Profile saved: {profile['name']}, {profile['role']}.")
            # The markup panel and the agenda's marks read themselves again on store_changed.
        # One the disk refuses is kept, and saved by itself once it can be (``kept_edits``).
        kept_edits(self.worker).write(save, what="Your profile", text=f"{name}, {role}", noun="your profile",
                                      changes=Change.PROFILE | Change.MARKUP, initiator=self, done=saved,
                                      failed=self._error)

    # -- files ------------------------------------------------------------------

    def choose_share(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Share chair's markup", f"Chair's markup {date.today().isoformat()}.json", MARKUP_FILTER)
        if path:
            self.export_to(path, shared_only=True)

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Export my markup", f"My Panelbook markup {date.today().isoformat()}.json", MARKUP_FILTER)
        if path:
            self.export_to(path, shared_only=False)

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import markup", "", MARKUP_FILTER)
        if path:
            self.import_from(path)

    def _flush(self) -> None:
        place = self.meeting_place()
        if place is not None:
            place.flush_markup()        # what is being typed goes in too (the worker keeps the order)

    def export_to(self, path: str, shared_only: bool) -> None:
        """Write the markup file; first, when some of it is on confidential items, ask whether to
        leave that out (the default) or seal it with a passphrase."""
        from panelbook.ui.markup.markup_jobs import confidential_markup

        self._flush()
        StoreOp(self.worker, lambda store: confidential_markup(store, shared_only), initiator=self) \
            .success(lambda secret: self._choose_confidential(path, shared_only, secret)) \
            .failure(self._error).run_in_background()

    def _choose_confidential(self, path: str, shared_only: bool, secret: int) -> None:
        if not secret:
            self._write(path, shared_only, None)
            return
        from PySide6.QtWidgets import QMessageBox

        from panelbook.ui.markup.markup_passphrase import PassphraseDialog

        what = "note, flag or highlight is" if secret == 1 else "notes, flags and highlights are"
        box = QMessageBox(QMessageBox.Icon.Question, "Confidential markup",
                          f"{secret} {what} on confidential items.", QMessageBox.StandardButton.Cancel, self.window)
        box.setInformativeText("They are never written to a file in the clear. Leave them out, or seal them in "
                               "the file with a passphrase that whoever imports it will need.")
        leave = box.addButton("Leave them out", QMessageBox.ButtonRole.AcceptRole)
        seal = box.addButton("Seal with a passphrase…", QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(leave)
        leave.clicked.connect(lambda: self._write(path, shared_only, None))

        def ask() -> None:
            dialog = PassphraseDialog("Choose a passphrase for the markup on confidential items. It is not kept "
                                      "anywhere: tell it to whoever imports the file by another way than the "
                                      "file itself.", confirm=True, parent=self.window)
            dialog.accepted.connect(lambda: self._write(path, shared_only, dialog.passphrase()))
            self.passphrase_dialog = dialog
            dialog.open()
        seal.clicked.connect(ask)
        self.confidential_box = box
        box.open()

    def _write(self, path: str, shared_only: bool, passphrase: str | None) -> None:
        from panelbook.ui.markup.markup_jobs import write_markup_file

        def done(counts: dict) -> None:
            what = "The chair's markup" if shared_only else "Your markup"
            extra = ""
            if counts.get("confidential_left_out"):
                extra = f" {counts['confidential_left_out']} on confidential items left out."
            elif counts.get("confidential_sealed"):
                extra = f" {counts['confidential_sealed']} on confidential items sealed with your passphrase."
            self._status(f"{what} was written to {path}.{extra}")
            self.exported.emit(path, counts)
        StoreOp(self.worker, lambda store: write_markup_file(store, path, shared_only, passphrase), initiator=self) \
            .success(done).failure(self._error).run_in_background()

    def import_from(self, path: str) -> None:
        """Merge a markup file; one that carries sealed confidential markup asks for its passphrase."""
        from panelbook.ui.markup.markup_jobs import markup_file_is_sealed

        self._flush()

        def sealed(is_sealed: bool) -> None:
            if not is_sealed:
                self._read(path, None)
                return
            from panelbook.ui.markup.markup_passphrase import PassphraseDialog

            dialog = PassphraseDialog("This file holds markup on confidential items, sealed with a passphrase. "
                                      "Type it to import them too, or import the rest without them.",
                                      confirm=False, parent=self.window)
            dialog.accepted.connect(lambda: self._read(path, dialog.passphrase()))
            self.passphrase_dialog = dialog
            dialog.open()
        StoreOp(self.worker, lambda store: markup_file_is_sealed(store, path), initiator=self) \
            .success(sealed).failure(self._error).run_in_background()

    def _read(self, path: str, passphrase: str | None) -> None:
        from panelbook.ui.markup.markup_jobs import read_markup_file

        def done(counts: dict) -> None:
            from panelbook.services.markup import import_summary  # the core loads on the worker, not at start-up

            summary = import_summary(counts)
            self._status(summary)
            self._message(summary)      # the Meeting place and its markup panel follow store_changed
            self.imported.emit(counts)
        StoreOp(self.worker, lambda store: read_markup_file(store, path, passphrase), changes=Change.MARKUP,
                initiator=self).success(done).failure(self._error).run_in_background()

    def _message(self, text: str, *, warning: bool = False) -> None:
        show_message(self.window, text, warning=warning)

    def _error(self, error: BaseException) -> None:
        self._status("That did not work; see the message.")
        self._message(str(error) or type(error).__name__, warning=True)


def _profile(store: Store) -> Profile | None:
    from panelbook.services import markup

    return markup.profile(store)
