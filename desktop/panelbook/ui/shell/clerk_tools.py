"""The Tools menu: the clerk's tools that the command line has, in the window.

- Back up now (Ctrl+Shift+B): a verified copy in the backups folder (``services.backup``).
- Restore from backup… (Ctrl+Shift+R): the backup is checked first as `panelbook restore`
  checks it; a confirmation names when it was taken; the restore runs on the worker with the
  store closed (the database it replaces is kept aside), and every place reads again.
- Remove the sample panel…: when the sample holds the user's own notes, highlights or flags,
  the question says so and offers to export them first (a markup file) or remove them too.
- Add a recommendation… (Ctrl+Shift+N): ``ui/tracker/add_rec_dialog``; the tracker then shows it.
- History of the recommendation (Ctrl+Shift+H): the Tracker, with the keyboard in the history
  of the recommendation chosen there.

How files and answers are asked for (``ask_open``, ``ask_save``, ``ask``) can be replaced, so
tests answer without a modal dialog.  The services are imported where they are used: the menu is
built before the window's first paint, which imports neither the store nor the readers, nor Qt's
namespace (``Qt``, imported where it is used; see window_menus.build_places_bar).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from panelbook.ui.common.kept_edits import kept_edits
from panelbook.ui.common.message_box import show_message
from panelbook.ui.common.store_op import Change, StoreOp
from panelbook.ui.shell.places import Place

EXPORT_FIRST, REMOVE_ALL, KEEP = "export", "remove", "keep"


def ask_open_backup(parent: QWidget, folder: Path) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, "Restore from backup", str(folder),
                                            "Panelbook backups (*.sqlite3);;All files (*)")
    return Path(chosen) if chosen else None


def ask_save_markup(parent: QWidget, suggested: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, "Export your markup on the sample panel", str(suggested),
                                            "Panelbook markup (*.json)")
    return Path(chosen) if chosen else None


def ask_question(parent: QWidget, title: str, text: str, choices: list[tuple[str, str]]) -> str:
    """A question with its choices (answer, button text), the last one the safe one (Esc);
    returns the answer chosen."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    answers = []
    for answer, label in choices:
        role = QMessageBox.ButtonRole.RejectRole if answer == KEEP else QMessageBox.ButtonRole.AcceptRole
        button = box.addButton(label, role)
        answers.append((button, answer))
        if answer == KEEP:
            box.setDefaultButton(button)
            box.setEscapeButton(button)
    box.exec()
    return next((answer for button, answer in answers if button is box.clickedButton()), KEEP)


def when_text(moment: datetime) -> str:
    """"Wednesday 2 December 2026 at 14:03" (a daily backup, taken at midnight's name: the day alone)."""
    day = f"{moment:%A} {moment.day} {moment:%B %Y}"
    return day if (moment.hour, moment.minute, moment.second) == (0, 0, 0) else f"{day} at {moment:%H:%M}"


class ClerkTools(QObject):
    """The Tools menu and what its actions do, for ``window``."""

    done = Signal(str)      # what a tool did, in a sentence (also shown in the status bar)

    def __init__(self, window: Any):       # the MainWindow that builds it (which imports this module)
        super().__init__(window)
        self.window = window
        self.worker = window.worker
        self.ask_open: Callable[[QWidget, Path], Path | None] = ask_open_backup
        self.ask_save: Callable[[QWidget, Path], Path | None] = ask_save_markup
        self.ask: Callable[[QWidget, str, str, list[tuple[str, str]]], str] = ask_question
        self._build_menu()

    def _build_menu(self) -> None:
        bar = self.window.menuBar()
        menu = bar.addMenu("&Tools")
        help_menu = next((a for a in bar.actions() if a.text() == "&Help"), None)
        if help_menu is not None:       # Tools before Help, as menus usually stand
            bar.insertAction(help_menu, menu.menuAction())
        self.backup_action = self._action(menu, "&Back up now", "Ctrl+Shift+B", self.back_up,
                                          "A verified copy of your data in the backups folder")
        self.restore_action = self._action(menu, "&Restore from backup…", "Ctrl+Shift+R", self.choose_restore,
                                           "Put back a backup; your current data is kept aside")
        menu.addSeparator()
        self.add_rec_action = self._action(menu, "&Add a recommendation…", "Ctrl+Shift+N", self.add_recommendation,
                                           "A recommendation written by hand, for a meeting and an item")
        self.history_action = self._action(menu, "Recommendation &history", "Ctrl+Shift+H", self.show_history,
                                           "Every change to the recommendation chosen in the Tracker")
        menu.addSeparator()
        self.remove_sample_action = self._action(menu, "Remove the &sample panel…", None, self.remove_sample,
                                                 "Remove Southampton's sample meetings, documents and "
                                                 "recommendations")
        self.menu = menu

    def _action(self, menu, text: str, keys: str | None, slot: Callable[[], None], tip: str) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcuts([QKeySequence(keys)])
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _tell(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)
        self.done.emit(text)

    def _refused(self, error: BaseException) -> None:
        """A tool could not do it: its one sentence, as a warning (nothing was changed)."""
        self.window.statusBar().showMessage("Nothing was changed; see the message.", 8000)
        show_message(self.window, str(error) or type(error).__name__, warning=True)

    # -- backups ------------------------------------------------------------

    def back_up(self) -> None:
        from panelbook.services import backup as backups

        StoreOp(self.worker, backups.backup, initiator=self) \
            .success(lambda path: self._tell(f"Backed up to {path}.")).failure(self._refused).run_in_background()

    def choose_restore(self) -> None:
        chosen = self.ask_open(self.window, self.worker.folder.backups)
        if chosen is not None:
            self.restore_from(chosen)

    def restore_from(self, backup_file: Path) -> None:
        """Check the backup on the worker; ask, naming when it was taken; then restore."""
        from panelbook.services import backup as backups

        StoreOp(self.worker, lambda _store: backups.check_backup(backup_file), initiator=self) \
            .success(lambda taken: self._confirm_restore(backup_file, taken)).failure(self._refused) \
            .run_in_background()

    def _confirm_restore(self, backup_file: Path, taken: datetime) -> None:
        answer = self.ask(self.window, "Restore from backup",
                          f"Restore the backup taken on {when_text(taken)} ({backup_file.name})?\n\n"
                          "What you changed since then is replaced by the backup. Your data as it is now "
                          "is kept aside in the backups folder, so it can be restored in turn.",
                          [(REMOVE_ALL, "Restore"), (KEEP, "Cancel")])
        if answer != REMOVE_ALL:
            return
        from panelbook.services import backup as backups

        def restored(kept: Path | None) -> None:
            self.window.refresh()
            self._tell(f"Restored the backup taken on {when_text(taken)}."
                       + (f" Your data as it was is kept at {kept}." if kept else ""))

        self.worker.without_store(lambda folder: backups.restore(folder, backup_file), restored, self._refused)

    # -- the sample panel ------------------------------------------------------

    def remove_sample(self) -> None:
        from panelbook.services import sample

        StoreOp(self.worker, sample.markup_on_sample, initiator=self) \
            .success(self._ask_about_sample).failure(self._refused).run_in_background()

    def _ask_about_sample(self, markup: dict[str, Any]) -> None:
        from panelbook.services import sample

        if not markup["meetings"]:
            self._tell("There is no sample panel to remove.")
            return
        export_to = None
        if markup["total"]:
            answer = self.ask(self.window, "Remove the sample panel",
                              f"The sample panel holds your markup ({sample.markup_words(markup)}). Removing the "
                              "sample removes it too.\n\nExport it to a markup file first? "
                              "File › Import brings it back.",
                              [(EXPORT_FIRST, "Export first, then remove"), (REMOVE_ALL, "Remove with my markup"),
                               (KEEP, "Cancel")])
            if answer == KEEP:
                return
            if answer == EXPORT_FIRST:
                export_to = self.ask_save(self.window, Path.home() / "sample-panel-markup.json")
                if export_to is None:
                    return
        elif self.ask(self.window, "Remove the sample panel",
                      f"Remove the sample panel ({markup['meetings']} meetings of Southampton's Children and "
                      "Families Scrutiny Panel, their documents and recommendations)?",
                      [(REMOVE_ALL, "Remove"), (KEEP, "Cancel")]) != REMOVE_ALL:
            return

        def removed(result: dict[str, Any]) -> None:
            exported = result["markup_exported_to"]
            self._tell(f"Removed the sample panel ({result['meetings']} meetings)."
                       + (f" Your markup on it is in {exported}." if exported else ""))

        StoreOp(self.worker, lambda store: sample.remove_sample(store, export_to=export_to, discard_markup=True),
                changes=Change.ALL, initiator=self).success(removed).failure(self._refused).run_in_background()

    # -- recommendations -------------------------------------------------------

    def add_recommendation(self) -> None:
        from PySide6.QtCore import Qt

        from panelbook.ui.tracker.add_rec_dialog import AddRecDialog

        dialog = AddRecDialog(self.worker, self.window.meetings, self.window.shown_meeting(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add(dialog.values()))
        dialog.open()
        self.dialog = dialog

    def _add(self, values: dict[str, Any]) -> None:
        from PySide6.QtCore import Qt

        from panelbook.services import recs

        def added(rec_id: int) -> None:
            tracker = self.window.tracker
            tracker.loaded.connect(lambda: tracker.show_rec(rec_id), Qt.ConnectionType.SingleShotConnection)
            self.window.go(Place.TRACKER)
            self._tell(f"Recommendation {rec_id} added.")

        meeting_id = values.pop("meeting_id")
        text = values.pop("text")
        # The dialog has closed: one the disk refuses is kept, with its wording, and added by itself later.
        meeting = next((m for m in self.window.meetings if m["id"] == meeting_id), None)
        on = f" to the meeting of {meeting['date']}" if meeting else ""
        kept_edits(self.worker).write(lambda store: recs.add_recommendation(store, meeting_id, text, **values),
                                      what=f"A recommendation added by hand{on}", text=text,
                                      noun="the recommendation you added", changes=Change.RECS, initiator=self,
                                      done=added, failed=self._refused)

    def show_history(self) -> None:
        """The Tracker, the keyboard in the chosen recommendation's history (or the table, saying why)."""
        from PySide6.QtCore import Qt

        self.window.go(Place.TRACKER)
        tracker = self.window.tracker
        if tracker.current_id() is None:
            self.window.statusBar().showMessage("Choose a recommendation in the list to see its history.", 8000)
            return
        history = tracker.history
        target = history.table if history.table.isVisibleTo(tracker) else history.empty
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
