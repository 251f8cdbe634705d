"""Text selection on QtPdf's widget view.

QPdfView (Qt 6.11) draws pages but has no text selection of its own; QPdfDocument
can return the text between two points of a page (``getSelection``).  This
view works out where each page sits (the same layout QPdfView uses in its
multi-page mode: pages stacked with the document margins and page spacing,
centred horizontally, scaled by the screen's logical DPI and the zoom), turns a
mouse drag into page coordinates, asks the document for the selection, and
paints it with the palette's highlight colour.  Ctrl+C copies it.

Saved highlights (``set_highlights``) are drawn the same way in a marker
yellow: each quote is found in the page's text (spacing ignored, see
``text_spans``) and QPdfDocument gives the outline of those characters.
Hovering a highlight shows its comment.

QtPdf only selects between points that lie on characters, so each end of a
drag is first moved onto the nearest line of text of the page.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QMouseEvent, QPainter, QPalette, QPolygonF
from PySide6.QtPdf import QPdfDocument, QPdfSelection
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QToolTip

from .text_spans import find_span

MARKER = QColor(255, 214, 0, 110)     # a highlighter pen on the white page, in any palette


class SelectablePdfView(QPdfView):
    selection_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._anchor: tuple[int, QPointF] | None = None
        self._selection: QPdfSelection | None = None
        self._selection_page = -1
        self._lines: dict[int, list] = {}
        self._highlights: dict[int, list[dict]] = {}
        self._marks: dict[int, list[tuple[list[QPolygonF], str]]] = {}
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)

    # -- layout -------------------------------------------------------------

    def _resolution(self) -> float:
        screen = QGuiApplication.primaryScreen()
        return (screen.logicalDotsPerInch() if screen else 96.0) / 72.0

    def _page_size(self, page: int) -> QSize:
        points = self.document().pagePointSize(page)
        resolution = self._resolution()
        if self.zoomMode() == QPdfView.ZoomMode.Custom:
            return (points * resolution * self.zoomFactor()).toSize()
        size = (points * resolution).toSize()
        margins = self.documentMargins()
        if size.width() <= 0:
            return size
        factor = (self.viewport().width() - margins.left() - margins.right()) / size.width()
        if self.zoomMode() == QPdfView.ZoomMode.FitInView:
            height_factor = (self.viewport().height() - margins.top() - margins.bottom()) / max(1, size.height())
            factor = min(factor, height_factor)
        return size * factor

    def page_geometries(self) -> dict[int, QRect]:
        """Each page's rectangle in content coordinates (before scrolling)."""
        document = self.document()
        if document is None or document.status() != QPdfDocument.Status.Ready:
            return {}
        margins = self.documentMargins()
        if self.pageMode() == QPdfView.PageMode.SinglePage:
            pages = [self.pageNavigator().currentPage()]
        else:
            pages = list(range(document.pageCount()))
        sizes = {page: self._page_size(page) for page in pages}
        total_width = max((s.width() for s in sizes.values()), default=0) + margins.left() + margins.right()
        out, y = {}, margins.top()
        for page in pages:
            size = sizes[page]
            x = (max(total_width, self.viewport().width()) - size.width()) // 2
            out[page] = QRect(x, y, size.width(), size.height())
            y += size.height() + self.pageSpacing()
        return out

    def effective_zoom(self) -> float:
        """The zoom the view is drawing at (fit-width included), 1.0 being the page's natural size."""
        document = self.document()
        if document is None or document.pageCount() == 0:
            return 1.0
        page = self.pageNavigator().currentPage()
        points = document.pagePointSize(page)
        if points.width() <= 0:
            return 1.0
        return self._page_size(page).width() / (points.width() * self._resolution())

    def _scroll(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def page_point(self, position: QPointF) -> tuple[int, QPointF] | None:
        """The page under a viewport position and the point on it in PDF points."""
        content = position + self._scroll()
        for page, rect in self.page_geometries().items():
            if rect.top() <= content.y() <= rect.bottom() + self.pageSpacing():
                points = self.document().pagePointSize(page)
                scale = rect.width() / points.width() if points.width() else 1.0
                x = min(max(content.x() - rect.left(), 0), rect.width()) / scale
                y = min(max(content.y() - rect.top(), 0), rect.height()) / scale
                return page, QPointF(x, y)
        return None

    # -- selection ----------------------------------------------------------

    def selected_text(self) -> str:
        if self._selection is None or not self._selection.isValid():
            return ""
        return self._selection.text().replace("\r\n", "\n")

    def selection_page(self) -> int:
        """The page the selection is on (-1 without one)."""
        return self._selection_page if self.selected_text() else -1

    def selection_start(self) -> int | None:
        """Where the selection starts in the page's text, as QtPdf counts."""
        return self._selection.startIndex() if self.selected_text() else None

    def clear_selection(self, forget_text: bool = False) -> None:
        """Drop the selection (and, with ``forget_text``, what is known of the pages' lines and highlights)."""
        if forget_text:
            self._lines = {}
            self._marks = {}
        had = self._selection is not None
        self._selection = None
        self._selection_page = -1
        self.viewport().update()
        if had:
            self.selection_changed.emit()

    def _snap(self, page: int, point: QPointF) -> QPointF:
        """The point moved onto the nearest line of text of ``page``."""
        if page not in self._lines:
            self._lines = {page: [p.boundingRect() for p in self.document().getAllText(page).bounds()]}
        lines = self._lines[page]
        if not lines:
            return point
        line = min(lines, key=lambda r: 0 if r.top() <= point.y() <= r.bottom()
                   else min(abs(point.y() - r.top()), abs(point.y() - r.bottom())))
        x = min(max(point.x(), line.left() + 0.5), line.right() - 0.5)
        return QPointF(x, line.center().y())

    def select(self, page: int, start: QPointF, end: QPointF) -> str:
        """Select the text of ``page`` between two points (PDF points); return it."""
        self._selection = self.document().getSelection(page, self._snap(page, start), self._snap(page, end))
        self._selection_page = page
        self.viewport().update()
        self.selection_changed.emit()
        return self.selected_text()

    # -- highlights ---------------------------------------------------------

    def set_highlights(self, highlights: list[dict]) -> None:
        """The saved highlights of this document (dicts with page_idx, quote, context_before, comment)."""
        self._highlights = {}
        for light in highlights:
            if not light.get("needs_placing") and light.get("page_idx") is not None:
                self._highlights.setdefault(light["page_idx"], []).append(light)
        self._marks = {}
        self.viewport().update()

    def highlight_marks(self, page: int) -> list[tuple[list[QPolygonF], str]]:
        """The outlines (in PDF points) of the highlights drawn on ``page``, with their tooltips."""
        if page in self._marks:
            return self._marks[page]
        marks = []
        lights = self._highlights.get(page, [])
        if lights and self.document() is not None:
            text = self.document().getAllText(page).text()
            for light in lights:
                span = find_span(text, light["quote"], before=light.get("context_before") or "")
                if span is None:
                    continue
                selection = self.document().getSelectionAtIndex(page, span[0], span[1] - span[0])
                if selection.isValid():
                    tip = light.get("comment") or "Highlighted"
                    marks.append((list(selection.bounds()), tip))
        self._marks[page] = marks
        return marks

    def _highlight_at(self, position: QPointF) -> str | None:
        hit = self.page_point(position)
        if hit is None:
            return None
        for polygons, tip in self.highlight_marks(hit[0]):
            if any(p.containsPoint(hit[1], Qt.FillRule.OddEvenFill) for p in polygons):
                return tip
        return None

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = self._highlight_at(QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._anchor = self.page_point(event.position())
            self.clear_selection()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None and event.buttons() & Qt.MouseButton.LeftButton:
            here = self.page_point(event.position())
            page, start = self._anchor
            if here is not None:
                end = here[1] if here[0] == page else QPointF(1e6, 1e6) if here[0] > page else QPointF(0, 0)
                self.select(page, start, end)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._anchor = None
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) and self.selected_text():
            QGuiApplication.clipboard().setText(self.selected_text())
            return
        if event.key() == Qt.Key.Key_Escape and self._selection is not None:
            self.clear_selection()
            return
        super().keyPressEvent(event)

    def _paint_highlights(self) -> None:
        if not self._highlights:
            return
        geometries = self.page_geometries()
        visible = QRect(self._scroll().toPoint(), self.viewport().size())
        painter = QPainter(self.viewport())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MARKER)
        for page in self._highlights:
            rect = geometries.get(page)
            points = self.document().pagePointSize(page)
            if rect is None or points.width() <= 0 or not rect.intersects(visible):
                continue
            scale = rect.width() / points.width()
            offset = QPointF(rect.topLeft()) - self._scroll()
            for polygons, _tip in self.highlight_marks(page):
                for polygon in polygons:
                    painter.drawPolygon(QPolygonF([QPointF(p.x() * scale, p.y() * scale) + offset for p in polygon]))
        painter.end()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self._paint_highlights()
        if self._selection is None or not self._selection.isValid():
            return
        rect = self.page_geometries().get(self._selection_page)
        points = self.document().pagePointSize(self._selection_page)
        if rect is None or points.width() <= 0:
            return
        scale = rect.width() / points.width()
        offset = QPointF(rect.topLeft()) - self._scroll()
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(90)
        painter = QPainter(self.viewport())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for polygon in self._selection.bounds():
            painter.drawPolygon(QPolygonF([QPointF(p.x() * scale, p.y() * scale) + offset for p in polygon]))
        painter.end()
