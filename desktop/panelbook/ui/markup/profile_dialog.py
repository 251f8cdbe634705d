"""Who uses this copy of Panelbook: a name and a role (councillor, chair, clerk).

Asked at first start and changeable from Edit › Profile….  The role decides
what the item panel offers: the chair also sets priorities and lines of
enquiry, which can be shared with the panel as a file.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

ROLE_HELP = {
    "councillor": "Your notes, questions and highlights stay private on this computer.",
    "chair": "You also set each item's priority and the panel's lines of enquiry, and who leads each; "
             "File › Share chair's markup… writes them to a file for the panel.",
    "clerk": "Your notes, questions and highlights stay private on this computer.",
}


class ProfileDialog(QDialog):
    def __init__(self, name: str = "", role: str = "councillor", first_start: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Welcome to Panelbook" if first_start else "Your profile")
        self.setMinimumWidth(440)
        intro = QLabel(
            "Who will use Panelbook on this computer? Your name goes on your notes, so that markup "
            "shared between members says whose it is." if first_start else
            "Your name goes on your notes and questions; your role decides what you can mark up.")
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name)
        self.name_edit.setAccessibleName("Your name")
        self.name_edit.setPlaceholderText("For example Cllr Amina Patel")
        self.role_box = QComboBox()
        self.role_box.setAccessibleName("Your role")
        from panelbook.services.markup import ROLES  # the store's package, imported only when the dialog opens

        for value in ROLES:
            self.role_box.addItem(value.capitalize(), value)
        self.role_box.setCurrentIndex(max(0, self.role_box.findData(role)))
        self.role_help = QLabel()
        self.role_help.setWordWrap(True)
        self.role_box.currentIndexChanged.connect(self._role_changed)
        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        form.addRow("&Role", self.role_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._name_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.role_help)
        layout.addWidget(self.buttons)
        self._role_changed()
        self._name_changed()

    def _role_changed(self, *_args) -> None:
        self.role_help.setText(ROLE_HELP.get(self.role(), ""))

    def _name_changed(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name()))

    def name(self) -> str:
        return self.name_edit.text().strip()

    def role(self) -> str:
        return self.role_box.currentData()
