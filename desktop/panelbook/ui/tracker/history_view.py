"""Beside the tracker's editor: every change to the chosen recommendation (when,
who, what, before and after), read from the store when a recommendation is chosen,
or a sentence saying why the list is empty.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from panelbook import tracker
from panelbook.store import queries
from panelbook.ui.common.store_op import StoreOp
from panelbook.ui.common.worker import DatabaseWorker
from panelbook.ui.tracker.history_model import HistoryModel

BEFORE, AFTER = 3, 4


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class HistoryView(QWidget):
    shown = Signal(int)         # the history of this recommendation is on screen
    error = Signal(object)

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = worker
        self._request = 0
        self.history_model = HistoryModel(self)
        self.history_model.labels = {s.value: label for s, label in tracker.LABELS.items()}
        self._build_table()
        self._build_labels()
        self._lay_out()
        self._show_state(None)

    def _build_table(self) -> None:
        """Each change as a short paragraph: when and who on top, then what changed from
        what to what in whole, wrapped words (a narrow table cut them to "Awai…")."""
        self.table = QTextBrowser()
        self.table.setAccessibleName("History of the recommendation")
        self.table.setOpenLinks(False)
        self.table.setTabChangesFocus(True)
        self.table.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.history_model.modelReset.connect(self._render)

    def _render(self) -> None:
        """Write the model's changes into the browser, newest first."""
        model = self.history_model
        parts = []
        for r in range(model.rowCount()):
            when, who, what = (model.index(r, c).data() for c in range(3))
            before, after = (model.data(model.index(r, c), Qt.ItemDataRole.ToolTipRole) for c in (BEFORE, AFTER))
            head = f"<b>{html.escape(when or '')}</b>"
            if who:
                head += f" &middot; {html.escape(who)}"
            change = f"<b>{html.escape(what or '')}</b>: "
            if before:
                change += f"{html.escape(before)} &rarr; "
            change += html.escape(after or "(none)")
            parts.append(f"<p style='margin-bottom:8px'>{head}<br>{change}</p>")
        self.table.setHtml("".join(parts))

    def entries_text(self) -> str:
        """The history as it reads on screen (plain text)."""
        return self.table.toPlainText()

    def _build_labels(self) -> None:
        self.title = QLabel("History")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setAccessibleName("History of the recommendation")
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                           | Qt.TextInteractionFlag.TextSelectableByMouse)   # reachable by Tab

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

    def show_rec(self, rec_id: int | None) -> None:
        """Read and show the history of a recommendation (None: nothing chosen).
        Only the answer to the latest request is shown."""
        self._request += 1
        request = self._request
        if rec_id is None:
            self.history_model.set_rows([])
            self._show_state(None)
            return

        def shown(rows: list[dict]) -> None:
            if request == self._request:
                self.history_model.set_rows(rows)
                self._show_state(rec_id)
                self.shown.emit(rec_id)

        StoreOp(self.worker, lambda store: queries.history(store.db, rec_id), initiator=self) \
            .success(shown).failure(self.error.emit).run_in_background()

    def _show_state(self, rec_id: int | None) -> None:
        """The table when there are changes; otherwise a sentence saying why it is empty."""
        rows = self.history_model.rowCount()
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if rec_id is None:
            self.title.setText("History")
            self.empty.setText("Every change to the chosen recommendation is listed here: when, who, "
                               "and the text before and after.")
        else:
            self.title.setText(f"History of recommendation {rec_id} ({plural(rows, 'change')})")
            self.empty.setText("No changes yet: it is as it was first recorded. Changes you save "
                               "appear here with your name and the text before and after.")
