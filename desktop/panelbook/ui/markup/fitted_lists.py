"""The markup panel's lists: as tall as their rows, with keys to delete and reorder.

``FittedList`` grows with its rows up to a limit (so the panel scrolls as one page,
not list by list) and says in a sentence when it is empty; ``DeletableList`` turns
Delete into a request; ``OrderedList`` adds Ctrl+Up / Ctrl+Down to move a row.
The lists only ask: the panel's sections do the work.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QSizePolicy, QWidget

LIST_MAX_HEIGHT = 220


class FittedList(QListView):
    """A list as tall as its rows (up to a limit), with a sentence when it is empty."""

    def __init__(self, name: str, empty_text: str, max_height: int = LIST_MAX_HEIGHT,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.empty_text = empty_text
        self.max_height = max_height
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit)
        self._width = -1

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.dataChanged):
            signal.connect(lambda *_args: self._fit_timer.start())
        self.fit()

    def fit(self) -> None:
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        frame = 2 * self.frameWidth()
        if rows == 0:
            height = self.fontMetrics().height() * 2 + frame
        else:
            self.executeDelayedItemsLayout()
            height = sum(self.rectForIndex(model.index(r, 0)).height() + 2 * self.spacing() for r in range(rows))
            height += frame + 2
        self.setFixedHeight(max(self.fontMetrics().height() + frame + 8, min(height, self.max_height)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:
            self._width = event.size().width()
            self._fit_timer.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(6, 2, -6, -2),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()


class DeletableList(FittedList):
    """A list whose chosen row is deleted with Delete."""

    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class OrderedList(DeletableList):
    """A list whose rows move with Ctrl+Up / Ctrl+Down and are deleted with Delete."""

    move_requested = Signal(int)        # -1 up, +1 down

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else +1)
            return
        super().keyPressEvent(event)
