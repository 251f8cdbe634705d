"""The passphrase that seals markup on confidential items in a markup file, and opens it again.

Exporting: when some of the markup is on confidential items, the member chooses
to leave it out (the default) or to seal it with a passphrase typed twice.
Importing a file that carries sealed markup: the passphrase, or Import without
it (the rest is imported, and the summary says what was not opened).
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

MIN_LENGTH = 8      # services.markup_envelope.MIN_PASSPHRASE, which refuses shorter ones too


class PassphraseDialog(QDialog):
    """``confirm``: typed twice (sealing); otherwise once, with a button to go on without it."""

    def __init__(self, text: str, *, confirm: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Seal confidential markup" if confirm else "Open confidential markup")
        self.without = False
        words = QLabel(text)
        words.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName("Passphrase")
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName("The same passphrase again")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton("Seal and export…" if confirm else "Open and import",
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        if not confirm:
            skip = self.buttons.addButton("Import without them", QDialogButtonBox.ButtonRole.ActionRole)
            skip.clicked.connect(self._without)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(words)
        layout.addWidget(QLabel("Passphrase:"))
        layout.addWidget(self.first)
        if confirm:
            layout.addWidget(QLabel("The same passphrase again:"))
            layout.addWidget(self.again)
        else:
            self.again.hide()
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.confirm = confirm
        self.first.textChanged.connect(self._check)
        self.again.textChanged.connect(self._check)
        self.setMinimumWidth(460)
        self._check()

    def _check(self) -> None:
        typed = self.first.text()
        if self.confirm and len(typed.strip()) < MIN_LENGTH:
            hint, ok = f"At least {MIN_LENGTH} characters; whoever imports the file needs it.", False
        elif self.confirm and self.again.text() != typed:
            hint, ok = "The two passphrases differ.", False
        else:
            hint, ok = "", bool(typed)
        self.hint.setText(hint)
        self.ok_button.setEnabled(ok)

    def _without(self) -> None:
        self.without = True
        self.accept()

    def passphrase(self) -> str | None:
        """The passphrase typed, or None when the member chose to go on without it."""
        return None if self.without else self.first.text()
