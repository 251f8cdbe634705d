"""Text selection on QtPdf's widget view.

QPdfView (Qt 6.11) draws pages but has no text selection of its own; QPdfDocument
can return the text between two points of a page (``getSelection``).  This
view works out where each page sits (the same layout QPdfView uses in its
multi-page mode: pages stacked with the document margins and page spacing,
centred horizontally, scaled by the screen's logical DPI and the zoom), turns a
mouse drag into page coordinates, asks the document for the selection, and
paints it with the palette's highlight colour.  Ctrl+C copies it.

A drag may run on into the following pages (a paragraph that starts at the
foot of one page and ends at the top of the next): the selection is then one
part per page, in reading order -- the first page from the drag's start to the
end of its text, every page between whole, the last page from its start to the
drag's end -- and the copied text is the parts joined with a newline.  Within
one page a drag selects exactly what ``getSelection`` gives between its ends.
Dragging above or below the view scrolls it, so a drag can reach pages that
were not on screen.  A saved highlight belongs to one page (it is anchored in
that page's text), so ``selection_parts`` gives the selection page by page for
whoever turns it into highlights: one highlight per page.

Saved highlights (``set_highlights``) are drawn the same way in a marker
yellow: each quote is found in the page's text (spacing ignored, see
``text_spans``) and QPdfDocument gives the outline of those characters.
Hovering a highlight shows its comment.

QtPdf only selects between points that lie on characters, so each end of a
drag is first moved onto the nearest line of text of the page.  Across pages,
each end becomes a position in its page's text (QtPdf's character index, after
a character when the point is past its middle) and the parts are taken by index
(``getSelectionAtIndex``).

The view keeps the reader's place when the pages change size.  QPdfView keeps
the scroll bars' values when the zoom or the view's width changes (a click on
Zoom in, a wider window in fit-width mode, the Found panel or a splitter taking
room), so another page would slide under the reader.  The view therefore
remembers its place -- the page under QPdfView's reading line (40% down the
view, where it decides which page is current) and the point of that page there,
as a fraction of the page's width and height -- whenever the reader scrolls, and
puts that point back under the reading line after every relayout: a new zoom
factor or mode (``setZoomFactor``, ``setZoomMode``) and every resize of the
viewport (which is also when QPdfView relays out for a scroll bar that comes or
goes, a turn of the event loop later).  Scrolling that a relayout causes (a
scroll bar clamped to its new range) does not move the remembered place.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QMouseEvent, QPainter, QPalette, QPolygonF
from PySide6.QtPdf import QPdfDocument, QPdfSelection
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QToolTip

from panelbook.ui.common.text_spans import find_span

MARKER = QColor(255, 214, 0, 110)     # a highlighter pen on the white page, in any palette
SCROLL_TICK_MS = 30                   # while a drag is held above or below the view, it scrolls this often
SCROLL_STEP_MAX = 60                  # ... by the pointer's distance from the edge, at most this many pixels
READING_LINE = 0.4                    # QPdfView's current page is the one under this fraction of the view's height


class SelectablePdfView(QPdfView):
    selection_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._anchor: tuple[int, QPointF] | None = None
        self._parts: list[tuple[int, QPdfSelection]] = []     # the selection: one part per page, in page order
        self._span: tuple | None = None                        # the text positions the parts were taken between
        self._texts: dict[int, QPdfSelection] = {}             # pages' whole text, as asked for
        self._lines: dict[int, list[QRectF]] = {}              # ... and its lines
        self._highlights: dict[int, list[dict]] = {}
        self._marks: dict[int, list[tuple[list[QPolygonF], str]]] = {}
        self._pointer: QPointF | None = None                   # where a held drag last was, for scrolling
        self._place: tuple[int, float, float] | None = None    # page, x and y fractions under the reading line
        self._relayouts = 0                                    # > 0 while the view lays out again
        self._scroller = QTimer(self)
        self._scroller.setInterval(SCROLL_TICK_MS)
        self._scroller.timeout.connect(self._scroll_drag)
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

    # -- keeping the place ----------------------------------------------------

    def reading_place(self) -> tuple[int, float, float] | None:
        """Where the reading line is now: (page, x fraction, y fraction) of the point of the page
        under the middle of the reading line; None without pages.  A line in the gap below a page
        counts as that page's foot."""
        geometries = self.page_geometries()
        if not geometries:
            return None
        scroll = self._scroll()
        x = scroll.x() + self.viewport().width() / 2
        y = scroll.y() + self.viewport().height() * READING_LINE
        page, rect = next(((page, rect) for page, rect in geometries.items()
                           if y < rect.top() + rect.height() + self.pageSpacing()), list(geometries.items())[-1])
        if rect.width() <= 0 or rect.height() <= 0:
            return None
        fx = min(max((x - rect.left()) / rect.width(), 0.0), 1.0)
        fy = min(max((y - rect.top()) / rect.height(), 0.0), 0.999)      # on the page, never in the gap
        return page, fx, fy

    def remembered_place(self) -> tuple[int, float, float] | None:
        """The place the view keeps through relayouts (as ``reading_place`` gives it)."""
        return self._place

    def forget_place(self) -> None:
        """Forget the place (a new document): the next scroll sets it."""
        self._place = None

    def _restore_place(self) -> None:
        """Put the remembered point back under the reading line, in the pages' present layout."""
        if self._place is None:
            return
        page, fx, fy = self._place
        rect = self.page_geometries().get(page)
        if rect is None or rect.height() <= 0:
            return
        with self._relayout():
            self.verticalScrollBar().setValue(
                round(rect.top() + fy * rect.height() - self.viewport().height() * READING_LINE))
            self.horizontalScrollBar().setValue(round(rect.left() + fx * rect.width() - self.viewport().width() / 2))

    @contextmanager
    def _relayout(self) -> Iterator[None]:
        """While the pages are laid out again, scrolling is not the reader's: the place stays."""
        self._relayouts += 1
        try:
            yield
        finally:
            self._relayouts -= 1

    def setZoomFactor(self, factor: float) -> None:
        with self._relayout():
            super().setZoomFactor(factor)
            self._restore_place()

    def setZoomMode(self, mode: QPdfView.ZoomMode) -> None:
        with self._relayout():
            super().setZoomMode(mode)
            self._restore_place()

    def resizeEvent(self, event) -> None:
        with self._relayout():
            super().resizeEvent(event)
            self._restore_place()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if not self._relayouts:
            self._place = self.reading_place()

    def scroll_to(self, page: int, point: QPointF | None = None) -> None:
        """Scroll ``page`` to the top of the view or, with ``point`` (PDF points), that point to just
        above the reading line (so the page stays the current one)."""
        rect = self.page_geometries().get(page)
        points = self.document().pagePointSize(page) if self.document() is not None else None
        if rect is None or points is None or points.width() <= 0:
            return
        y: float
        if point is None:
            y = rect.top()
        else:
            scale = rect.width() / points.width()
            y = rect.top() + point.y() * scale - self.viewport().height() * READING_LINE + 2
            self.horizontalScrollBar().setValue(round(rect.left() + point.x() * scale - self.viewport().width() / 2))
        bar = self.verticalScrollBar()
        if bar.value() != round(y):
            bar.setValue(round(y))
        else:
            self._place = self.reading_place()

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
        """The selected text in reading order; a selection over several pages has their parts joined by a newline."""
        texts = [selection.text() for _page, selection in self._parts if selection.isValid()]
        return "\n".join(text for text in texts if text).replace("\r\n", "\n")

    def selection_parts(self) -> list[tuple[int, str, int]]:
        """The selection page by page: (PDF page, its selected text, where that starts in QtPdf's text of the page)."""
        return [(page, selection.text().replace("\r\n", "\n"), selection.startIndex())
                for page, selection in self._parts if selection.isValid() and selection.text()]

    def selection_pages(self) -> list[int]:
        """The pages the selection covers, first to last (empty without one)."""
        return [page for page, _text, _start in self.selection_parts()]

    def selection_page(self) -> int:
        """The page the selection starts on (-1 without one)."""
        pages = self.selection_pages()
        return pages[0] if pages else -1

    def selection_start(self) -> int | None:
        """Where the selection starts in its first page's text, as QtPdf counts."""
        parts = self.selection_parts()
        return parts[0][2] if parts else None

    def clear_selection(self, forget_text: bool = False) -> None:
        """Drop the selection (and, with ``forget_text``, what is known of the pages' lines and highlights)."""
        if forget_text:
            self._texts = {}
            self._lines = {}
            self._marks = {}
        had = bool(self._parts)
        self._parts = []
        self._span = None
        self.viewport().update()
        if had:
            self.selection_changed.emit()

    def _page_text(self, page: int) -> QPdfSelection:
        if page not in self._texts:
            self._texts[page] = self.document().getAllText(page)
        return self._texts[page]

    def _page_lines(self, page: int) -> list[QRectF]:
        """The page's runs of text, in the order of its text."""
        if page not in self._lines:
            self._lines[page] = [polygon.boundingRect() for polygon in self._page_text(page).bounds()]
        return self._lines[page]

    def _snap(self, page: int, point: QPointF) -> QPointF:
        """The point moved onto the nearest line of text of ``page``.  Beyond the end of a line it
        stays just past the line's last character, so that a line ending in a full stop (a dot
        lower than the line's middle) is taken whole."""
        lines = self._page_lines(page)
        if not lines:
            return point
        line = min(lines, key=lambda r: 0 if r.top() <= point.y() <= r.bottom()
                   else min(abs(point.y() - r.top()), abs(point.y() - r.bottom())))
        right = line.right() + 1.0 if point.x() > line.right() else line.right() - 0.5
        x = min(max(point.x(), line.left() + 0.5), right)
        return QPointF(x, line.center().y())

    def _start_index(self, page: int, point: QPointF) -> int:
        """Where a selection that starts at ``point`` starts in the page's text (QtPdf's character
        index): the character under the point, as ``getSelection`` takes its start.  QtPdf tells it
        only as part of a selection, so it is asked for the one from the point to the page's end."""
        lines = self._page_lines(page)
        if not lines:
            return 0
        finish = QPointF(lines[-1].right() - 0.1, lines[-1].center().y())
        snapped = self._snap(page, point)
        for candidate in (snapped, self._snap(page, QPointF(0, snapped.y()))):     # else the start of its line
            selection = self.document().getSelection(page, candidate, finish)
            if selection.isValid() and selection.startIndex() >= 0:
                return selection.startIndex()
        return max(0, self._page_text(page).endIndex() - 1)       # on the page's last character

    def _end_index(self, page: int, point: QPointF) -> int:
        """Where a selection that ends at ``point`` ends in the page's text (after the character under
        the point when the point is past its middle, as ``getSelection`` takes its end): the end of
        the selection from the page's first character to the point."""
        lines = self._page_lines(page)
        if not lines:
            return 0
        origin = QPointF(lines[0].left() + 0.1, lines[0].center().y())
        snapped = self._snap(page, point)
        for candidate in (snapped, self._snap(page, QPointF(0, snapped.y()))):
            selection = self.document().getSelection(page, origin, candidate)
            if selection.isValid() and selection.startIndex() >= 0:
                return selection.endIndex()
        return 0                                                     # on the page's first character

    def select(self, page: int, start: QPointF, end: QPointF) -> str:
        """Select the text of ``page`` between two points (PDF points); return it."""
        selection = self.document().getSelection(page, self._snap(page, start), self._snap(page, end))
        self._set_parts([(page, selection)], None)
        return self.selected_text()

    def select_across(self, one: tuple[int, QPointF], other: tuple[int, QPointF]) -> str:
        """Select from a point on one page to a point on another, in either order (each a page
        and a point on it in PDF points); return the text.  Both on one page is ``select``."""
        (first, start), (last, end) = sorted([one, other], key=lambda end_: end_[0])
        if first == last:
            return self.select(first, start, end)
        span = (first, self._start_index(first, start), last, self._end_index(last, end))
        if span != self._span:
            document = self.document()
            length = self._page_text(first).endIndex()
            parts = [(first, document.getSelectionAtIndex(first, span[1], max(0, length - span[1])))]
            parts += [(page, self._page_text(page)) for page in range(first + 1, last)]
            parts.append((last, document.getSelectionAtIndex(last, 0, span[3])))
            self._set_parts(parts, span)
        return self.selected_text()

    def _set_parts(self, parts: list[tuple[int, QPdfSelection]], span: tuple | None) -> None:
        self._parts = parts
        self._span = span
        self.viewport().update()
        self.selection_changed.emit()

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

    def _drag_to(self, position: QPointF) -> None:
        """Select from the drag's start to a viewport position (on the same page or another)."""
        here = self.page_point(position)
        if self._anchor is None or here is None:
            return
        if here[0] == self._anchor[0]:
            self.select(here[0], self._anchor[1], here[1])
        else:
            self.select_across(self._anchor, here)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._pointer = event.position()
            self._drag_to(self._pointer)
            outside = not 0 <= self._pointer.y() < self.viewport().height()
            if outside and not self._scroller.isActive():
                self._scroller.start()
            elif not outside:
                self._scroller.stop()
        super().mouseMoveEvent(event)

    def _scroll_drag(self) -> None:
        """While a drag is held above or below the view, scroll towards it and extend the selection."""
        if self._anchor is None or self._pointer is None:
            self._scroller.stop()
            return
        y = self._pointer.y()
        beyond = y if y < 0 else y - self.viewport().height() + 1 if y >= self.viewport().height() else 0
        bar = self.verticalScrollBar()
        before = bar.value()
        bar.setValue(before + int(max(-SCROLL_STEP_MAX, min(SCROLL_STEP_MAX, beyond))))
        if bar.value() != before:
            self._drag_to(self._pointer)

    def wheelEvent(self, event) -> None:
        super().wheelEvent(event)
        if self._anchor is not None and self._pointer is not None:
            self._drag_to(self._pointer)        # the page under a held drag moved

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._anchor = None
            self._pointer = None
            self._scroller.stop()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) and self.selected_text():
            QGuiApplication.clipboard().setText(self.selected_text())
            return
        if event.key() == Qt.Key.Key_Escape and self._parts:
            self.clear_selection()
            return
        super().keyPressEvent(event)

    def _paint(self, pages: Iterable[int], outlines: Callable[[int], list[QPolygonF]], brush: QColor) -> None:
        """Fill the outlines (in PDF points) that ``outlines`` gives for each of ``pages`` shown on screen."""
        geometries = self.page_geometries()
        visible = QRect(self._scroll().toPoint(), self.viewport().size())
        painter = QPainter(self.viewport())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(brush)
        for page in pages:
            rect = geometries.get(page)
            points = self.document().pagePointSize(page)
            if rect is None or points.width() <= 0 or not rect.intersects(visible):
                continue
            scale = rect.width() / points.width()
            offset = QPointF(rect.topLeft()) - self._scroll()
            for polygon in outlines(page):
                painter.drawPolygon(QPolygonF([QPointF(p.x() * scale, p.y() * scale) + offset for p in polygon]))  # type: ignore[attr-defined]
        painter.end()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._highlights:
            self._paint(list(self._highlights), lambda page: [
                polygon for polygons, _tip in self.highlight_marks(page) for polygon in polygons], MARKER)
        selected = {page: list(selection.bounds()) for page, selection in self._parts if selection.isValid()}
        if selected:
            colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            colour.setAlpha(90)
            self._paint(list(selected), selected.__getitem__, colour)
