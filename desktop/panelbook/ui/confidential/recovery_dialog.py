"""The recovery code, shown once when confidential papers are set up, and the box to type it back in.

The code is the only way back to the papers when the keychain is reset or on a new
computer, so it is shown in large type with "write this down"; Done stays greyed
until the member says they have written it down.  It is not offered for copying:
the clipboard is shared with every other program.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

WRITE_DOWN = ("Write this down and keep it apart from this computer. It is shown only this once. "
              "With it you can open your confidential papers on a new computer, or after the keychain "
              "is reset; without it, nobody can.")


def _grouped(code: str) -> str:
    """The code in lines of four groups, easier to copy by hand."""
    groups = code.split()
    return "\n".join(" ".join(groups[i:i + 4]) for i in range(0, len(groups), 4))


class RecoveryCodeDialog(QDialog):
    """Opened with ``open()`` once set-up has given the code."""

    def __init__(self, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Your recovery code")
        heading = QLabel("<b>Confidential papers are set up.</b> Their key is in your keychain.")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        self.code = QLabel(_grouped(code))
        self.code.setAccessibleName("Recovery code")
        self.code.setAccessibleDescription(code)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setStyleSheet("QLabel { border: 1px solid palette(mid); padding: 12px; }")
        advice = QLabel(WRITE_DOWN)
        advice.setWordWrap(True)
        self.written = QCheckBox("I have written down the recovery code")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.done_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.done_button.setText("Done")
        self.done_button.setEnabled(False)
        self.written.toggled.connect(self.done_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel("Write this down:"))
        layout.addWidget(self.code)
        layout.addWidget(advice)
        layout.addWidget(self.written)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.written.setFocus()

    def reject(self) -> None:
        """Esc does not close it before the code is written down: it is not shown again."""
        if self.written.isChecked():
            super().reject()


class RecoverDialog(QDialog):
    """Type the recovery code written down at setting up; ``code()`` once accepted."""

    def __init__(self, reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Enter the recovery code")
        why = QLabel(reason)
        why.setWordWrap(True)
        self.entry = QLineEdit()
        self.entry.setAccessibleName("Recovery code")
        self.entry.setPlaceholderText("The groups of letters and digits you wrote down")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.recover_button = self.buttons.addButton("Recover", QDialogButtonBox.ButtonRole.AcceptRole)
        self.recover_button.setEnabled(False)
        self.entry.textChanged.connect(lambda text: self.recover_button.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addWidget(QLabel("Recovery code:"))
        layout.addWidget(self.entry)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def code(self) -> str:
        return self.entry.text().strip()
