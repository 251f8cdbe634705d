"""The confidential papers' dialogs: the recovery code shown once (Done only once it is written
down, Esc does not lose it), the recovery code typed back, the passphrase that seals confidential
markup (long enough, typed twice), and the locked stand-in with its Unlock button."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from panelbook.ui.confidential.locked_panel import LockedPanel
from panelbook.ui.confidential.recovery_dialog import RecoverDialog, RecoveryCodeDialog
from panelbook.ui.markup.markup_passphrase import PassphraseDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
# The shape of a recovery code: 14 groups of 4 (services.confidential's recovery_code).
CODE = " ".join(["ABCD", "EFGH", "JKLM", "NPQR", "STUV", "WXYZ", "2345", "6789", "ABCD", "EFGH", "JKLM",
                 "NPQR", "STUV", "WXYZ"])


def test_the_recovery_code_is_shown_once_and_kept_until_written_down(qtbot):
    dialog = RecoveryCodeDialog(CODE)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.code.text().split() == CODE.split()
    assert dialog.code.text().count("\n") == 3                 # four lines of four groups (the last of two)
    assert not dialog.done_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()                                   # Esc does not close it yet
    qtbot.keyClick(dialog.written, Qt.Key.Key_Space)            # the check box has the focus
    assert dialog.written.isChecked() and dialog.done_button.isEnabled()
    dialog.done_button.click()
    assert not dialog.isVisible()


def test_the_recovery_code_is_typed_back(qtbot):
    dialog = RecoverDialog("The keychain no longer holds the key.")
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.recover_button.isEnabled()
    qtbot.keyClicks(dialog.entry, f"  {CODE.lower()} ")
    assert dialog.recover_button.isEnabled() and dialog.code() == CODE.lower()


def test_the_sealing_passphrase_is_long_enough_and_typed_twice(qtbot):
    dialog = PassphraseDialog("Choose a passphrase.", confirm=True)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.first, "short")
    assert not dialog.ok_button.isEnabled() and "At least 8 characters" in dialog.hint.text()
    dialog.first.setText("correct horse battery")
    qtbot.keyClicks(dialog.again, "correct horse")
    assert not dialog.ok_button.isEnabled() and dialog.hint.text() == "The two passphrases differ."
    qtbot.keyClicks(dialog.again, " battery")
    assert dialog.ok_button.isEnabled() and dialog.passphrase() == "correct horse battery"


def test_opening_sealed_markup_can_go_on_without_the_passphrase(qtbot):
    dialog = PassphraseDialog("This file holds sealed markup.", confirm=False)
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.again.isVisible() and not dialog.ok_button.isEnabled()
    without = next(b for b in dialog.buttons.buttons() if b.text() == "Import without them")
    with qtbot.waitSignal(dialog.accepted):
        without.click()
    assert dialog.passphrase() is None


def test_the_locked_stand_in_offers_unlock_from_the_keyboard(qtbot):
    panel = LockedPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_reason("")
    assert not panel.reason.isVisible()
    panel.unlock_button.setFocus()
    with qtbot.waitSignal(panel.unlock_requested):
        qtbot.keyClick(panel.unlock_button, Qt.Key.Key_Space)
    panel.set_reason("The keychain no longer holds the key.")
    assert panel.reason.isVisible()
