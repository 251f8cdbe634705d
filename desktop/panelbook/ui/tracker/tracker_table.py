"""The tracker's table of recommendations: one row each, two lines high, sorted by
meeting at first, the wording and the response taking what is left of the width.

It shows a ``RecsFilter`` over the place's ``RecsModel`` and answers which
recommendation is chosen and where one is shown.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
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

# What each narrow column must fit; the wording and the response stretch.
COLUMN_SAMPLES = {MEETING: "28 Mar 2025 ", ITEM: "Family Safeguarding Model", OWNER: "Head of Serv",
                  STATUS: "Reported complete ", DEADLINE: "30 Nov 2024 ", OVERDUE: "Overdue     "}


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
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RESPONSE, QHeaderView.ResizeMode.Stretch)
        for column, sample in COLUMN_SAMPLES.items():
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        header.setMinimumSectionSize(metrics.horizontalAdvance("Owner") + 24)

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
