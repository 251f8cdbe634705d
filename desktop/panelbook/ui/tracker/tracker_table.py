"""The tracker's table of recommendations: one row each, two lines high, sorted by
meeting at first.  The short columns (meeting, status, deadline, overdue) fit their
contents; what is left of the width is shared with the recommendation's wording
always the widest, then the response, the item and the owner (``fit_columns``, at each
resize, so a narrow window never squeezes the wording into the narrowest column).

It shows a ``RecsFilter`` over the place's ``RecsModel`` and answers which
recommendation is chosen and where one is shown.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from panelbook.ui.tracker.recs_model import (
    DEADLINE,
    ITEM,
    MEETING,
    OVERDUE,
    OWNER,
    RESPONSE,
    STATUS,
    TEXT,
    IdRole,
    RecsFilter,
    RecsModel,
)

# What each short column must fit (a two-word status wraps onto the row's second line).
COLUMN_SAMPLES = {MEETING: "28 Mar 2025 ", STATUS: "In progress  ", DEADLINE: "30 Nov 2024 ",
                  OVERDUE: "Overdue     "}
# The item and the owner take their share of the rest (or at least their sample); the
# wording and the response share what remains, the wording three parts to the response's two.
SHARES = {ITEM: 0.18, OWNER: 0.12}
LEAST = {ITEM: "Family Safeg", OWNER: "Owner"}
WORDING_PART = 0.6


class RecsTable(QTableView):
    def __init__(self, proxy: RecsFilter, parent: QWidget | None = None):
        super().__init__(parent)
        self.proxy = proxy
        self.setModel(proxy)
        self.setAccessibleName("Recommendations")
        self.setTabKeyNavigation(False)      # Tab goes on to the next control; arrows move in the table
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._set_up_rows()
        self._set_up_columns()
        # More or fewer rows can bring or take away the vertical scroll bar, and the width with it.
        for signal in (proxy.modelReset, proxy.rowsInserted, proxy.rowsRemoved, proxy.layoutChanged):
            signal.connect(lambda *_args: QTimer.singleShot(0, self, self.fit_columns))
        self.sortByColumn(MEETING, Qt.SortOrder.AscendingOrder)

    def _set_up_rows(self) -> None:
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 10)

    def _set_up_columns(self) -> None:
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, sample in COLUMN_SAMPLES.items():
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        header.setMinimumSectionSize(metrics.horizontalAdvance("Owner") + 24)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Share the width left by the short columns: the wording gets the most."""
        metrics = self.fontMetrics()
        short = sum(self.columnWidth(c) for c in COLUMN_SAMPLES if not self.isColumnHidden(c))
        room = max(0, self.viewport().width() - short)
        for column, share in SHARES.items():
            width = max(metrics.horizontalAdvance(LEAST[column]) + 24, int(room * share))
            self.setColumnWidth(column, width)
            room -= width
        wording = max(metrics.horizontalAdvance("That the Panel") + 24, int(room * WORDING_PART))
        self.setColumnWidth(TEXT, wording)
        self.setColumnWidth(RESPONSE, max(metrics.horizontalAdvance("Southampton") + 24, room - wording))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def current_id(self) -> int | None:
        """The chosen recommendation's id, if any."""
        index = self.selectionModel().currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def shown_row(self, rec_id: int) -> int | None:
        """The table row showing a recommendation, or None when the filters hide it."""
        source = self.proxy.sourceModel()
        assert isinstance(source, RecsModel)
        row = source.row_of(rec_id)
        if row is None:
            return None
        index = self.proxy.mapFromSource(source.index(row, 0))
        return index.row() if index.isValid() else None

    def choose_row(self, row: int) -> QModelIndex:
        """Make a row current (and selected, and scrolled to); returns its index."""
        index = self.proxy.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)
        return index
