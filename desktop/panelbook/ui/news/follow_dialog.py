"""Follow your council: an address on the council's ModernGov site, then its committees
to tick, then Follow.

Any address on the site will do (its home, a meeting's page, ``…/mgWebService.asmx``).
Finding the site and its committees, and following them, happen on the database worker
(``services.sync.follow``), never on the UI thread; what goes wrong is said in one
sentence in the dialog.  Committees no longer active (deleted or expired on the site)
are listed only when asked for, or when already followed.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from panelbook.ui.common.store_op import StoreOp

ADDRESS_HINT = "Your council's committee pages, for example democracy.mycouncil.gov.uk or a meeting's page"


class CommitteeChoicesModel(QAbstractListModel):
    """A site's committees, each with a box to tick; inactive ones only when shown."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[Any] = []          # services.sync.follow.CommitteeChoice
        self._rows: list[Any] = []
        self.ticked: set[str] = set()
        self.show_inactive = False

    def set_choices(self, choices: list[Any]) -> None:
        self._all = list(choices)
        self.ticked = {c.id for c in choices if c.followed}
        self._filter()

    def set_show_inactive(self, shown: bool) -> None:
        self.show_inactive = shown
        self._filter()

    def _filter(self) -> None:
        self.beginResetModel()
        self._rows = [c for c in self._all if self.show_inactive or c.active or c.followed]
        self.endResetModel()

    def choices(self) -> list[Any]:
        return list(self._all)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        choice = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return choice.name + ("" if choice.active else " (no longer active)")
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if choice.id in self.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(part for part in (choice.category, f"id {choice.id}") if part)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        choice = self._rows[index.row()]
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        (self.ticked.add if checked else self.ticked.discard)(choice.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class FollowDialog(QDialog):
    """Window-modal; ``followed(names)`` once the ticked committees are followed."""

    followed = Signal(object)       # the names of the committees now followed
    committees_listed = Signal()    # the site was found and its committees are shown
    problem_shown = Signal(str)

    def __init__(self, worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self.base_url: str | None = None
        self.options: dict[str, Any] = {}   # passed on to services.sync.follow (tests give a quick client)
        self.setWindowTitle("Follow your council")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(560, 520)
        self._build()

    def _build(self) -> None:
        intro = QLabel("Give the address of your council's committee pages (ModernGov). Panelbook lists its "
                       "committees; tick yours, and their meetings, agenda packs, supplements and minutes "
                       "arrive whenever there is a network.")
        intro.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setPlaceholderText(ADDRESS_HINT)
        self.address.setAccessibleName("Council's address")
        self.address.returnPressed.connect(self.find_committees)
        self.find_button = QPushButton("Find committees")
        self.find_button.clicked.connect(self.find_committees)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("What the dialog is doing")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.model = CommitteeChoicesModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName("The council's committees")
        self.inactive = QCheckBox("Show committees no longer active")
        self.inactive.toggled.connect(self.model.set_show_inactive)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.follow_button = self.buttons.addButton("Follow", QDialogButtonBox.ButtonRole.AcceptRole)
        self.follow_button.setEnabled(False)
        self.buttons.accepted.connect(self.follow)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.inactive)
        layout.addWidget(self.buttons)

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        for widget in (self.find_button, self.follow_button, self.address):
            widget.setEnabled(False)

    def _ready(self) -> None:
        self.find_button.setEnabled(True)
        self.address.setEnabled(True)
        self.follow_button.setEnabled(bool(self.model.choices()))

    def _problem(self, error: BaseException) -> None:
        self._ready()
        sentence = str(error) or type(error).__name__
        self.status.setText(sentence)
        self.problem_shown.emit(sentence)

    def find_committees(self) -> None:
        """Look for the site and its committees (on the worker: it may take a while)."""
        url, options = self.address.text().strip(), dict(self.options)
        if not url:
            self.status.setText("Type the address of your council's committee pages first.")
            return
        self._busy("Looking for the council's committees…")

        def listed(store):
            from panelbook.services.sync.follow import site_committees

            return url, site_committees(store, url, include_inactive=True, **options)

        StoreOp(self.worker, listed, initiator=self).success(self._listed).failure(self._problem) \
            .run_in_background()

    def _listed(self, answer) -> None:
        url, choices = answer
        self.base_url = url
        self.model.set_choices(choices)
        active = sum(c.active for c in choices)
        inactive = len(choices) - active
        self.status.setText(
            (f"The site lists {active} committees" + (f" and {inactive} no longer active" if inactive else "") +
             ". Tick the ones to follow.") if choices else "The site lists no committees.")
        self._ready()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        self.committees_listed.emit()

    def follow(self) -> None:
        """Follow the ticked committees, stop following the unticked ones."""
        if self.base_url is None:
            return
        base, ticked, options = self.base_url, set(self.model.ticked), dict(self.options)
        before = {c.id for c in self.model.choices() if c.followed}
        names = [c.name for c in self.model.choices() if c.id in ticked]
        if not ticked and not before:
            self.status.setText("Tick the committees to follow first.")
            return
        self._busy("Following…")

        def follow(store):
            from panelbook.services.sync import follow as following

            if ticked - before:
                following.follow(store, base, sorted(ticked - before), **options)
            if before - ticked:
                following.unfollow(store, base, sorted(before - ticked), **options)
            return names

        StoreOp(self.worker, follow, initiator=self).success(self._followed).failure(self._problem) \
            .run_in_background()

    def _followed(self, names: list[str]) -> None:
        self.followed.emit(names)
        self.accept()
