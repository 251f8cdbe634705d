"""Selecting text across pages in the pack reader, on the rebuilt 8 August 2024 pack.

Printed page 11 ends with "4. The Panel are requested to discuss the analysis and the
associated" and page 12 goes on "recommendations with the invited officers.": a drag from the
one into the other selects (and paints, and copies) both parts, in reading order, the pages
joined with a newline.  The expected texts come from QtPdf's own text of the pages.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication
from test_pack_reader import open_august

from desktop_helpers import pdf_index

FOOT = "4. The Panel are requested to discuss the analysis and the associated"
HEAD = "recommendations with the invited officers."


def mouse(view, kind, point: QPointF, buttons) -> None:
    viewport = view.viewport()
    QApplication.sendEvent(viewport, QMouseEvent(kind, point, viewport.mapToGlobal(point), Qt.MouseButton.LeftButton,
                                                 buttons, Qt.KeyboardModifier.NoModifier))


def drag(view, start: QPointF, end: QPointF) -> None:
    mouse(view, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    mouse(view, QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton)
    mouse(view, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def on_page(view, page: int, x: float, y: float) -> QPointF:
    """The viewport position of point (x, y) of ``page``, in PDF points."""
    rect = view.page_geometries()[page]
    scale = rect.width() / view.document().pagePointSize(page).width()
    scroll = QPointF(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    return QPointF(rect.topLeft()) - scroll + QPointF(x * scale, y * scale)


def line_box(document, page: int, text: str):
    """The outline (PDF points) of ``text`` where it stands in QtPdf's text of ``page``."""
    start = document.getAllText(page).text().index(text)
    return document.getSelectionAtIndex(page, start, len(text)).boundingRectangle()


def show_page_break(view, page: int) -> None:
    """Scroll so that the foot of ``page`` and the top of the next are both on screen."""
    rect = view.page_geometries()[page]
    view.verticalScrollBar().setValue(rect.bottom() - view.viewport().height() // 2)
    assert 0 < rect.bottom() - view.verticalScrollBar().value() < view.viewport().height()


def across_the_break(view, page: int) -> tuple[QPointF, QPointF]:
    """From the start of the paragraph at the foot of ``page`` to the end of the first line of the next."""
    document = view.document()
    foot, head = line_box(document, page, FOOT), line_box(document, page + 1, HEAD)
    return (on_page(view, page, foot.left() + 0.5, foot.center().y()),
            on_page(view, page + 1, head.right() + 20, head.center().y()))


def expected_across(document, page: int) -> str:
    first, second = document.getAllText(page).text(), document.getAllText(page + 1).text()
    tail = first[first.index(FOOT):]
    head = second[:second.index(HEAD) + len(HEAD)]
    return (tail + "\n" + head).replace("\r\n", "\n")


def test_a_drag_over_a_page_break_selects_paints_and_copies_both_pages(qtbot, window, sql):
    reader = open_august(qtbot, window)
    view, document = reader.view, reader.document
    page = pdf_index(sql, 11)
    assert reader.current_page() == page
    show_page_break(view, page)
    start, end = across_the_break(view, page)
    plain = view.viewport().grab().toImage()
    drag(view, start, end)

    expected = expected_across(document, page)
    assert view.selected_text() == expected
    assert view.selection_pages() == [page, page + 1]
    # The body's last words and the page's own last text (its footer and running header) come
    # before the next page's first words: the PDF's reading order.
    assert "discuss the analysis and the associated\nPage 11\nAgenda Item 8\nrecommendations with" in expected
    assert expected.startswith(FOOT) and expected.endswith(HEAD)
    assert reader.highlight_button.isEnabled()

    # Painted on both pages: where the selected lines are, the pixels changed; elsewhere they did not.
    view.viewport().repaint()
    painted = view.viewport().grab().toImage()
    ratio = painted.width() / view.viewport().width()
    for point in (start + QPointF(30, 0), end - QPointF(40, 0)):
        assert painted.pixelColor((point * ratio).toPoint()) != plain.pixelColor((point * ratio).toPoint())
    untouched = on_page(view, page, 300, line_box(document, page, FOOT).top() - 30)
    assert painted.pixelColor((untouched * ratio).toPoint()) == plain.pixelColor((untouched * ratio).toPoint())

    view.setFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == expected
    QGuiApplication.clipboard().clear()
    reader.copy_button.click()
    assert QGuiApplication.clipboard().text() == expected

    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selected_text() == "" and view.selection_pages() == [] and view.selection_page() == -1
    assert not reader.highlight_button.isEnabled()


def test_dragging_up_over_the_break_selects_the_same_text(qtbot, window, sql):
    reader = open_august(qtbot, window)
    view = reader.view
    page = pdf_index(sql, 11)
    show_page_break(view, page)
    start, end = across_the_break(view, page)
    drag(view, end, start)
    assert view.selected_text() == expected_across(reader.document, page)
    assert view.selection_pages() == [page, page + 1]


def test_a_drag_within_one_page_is_what_qtpdf_selects_between_its_ends(qtbot, window, sql):
    reader = open_august(qtbot, window)
    view, document = reader.view, reader.document
    page = pdf_index(sql, 11)
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)
    # The first lines of the brief summary, as the highlight test drags them.
    drag(view, on_page(view, page, 60, 330), on_page(view, page, 400, 345))
    text = document.getAllText(page).text()
    begin = text.index("This item outlines the work undertaken")
    end = text.index("An analys") + len("An analys")
    assert view.selected_text() == text[begin:end].replace("\r\n", "\n")
    assert view.selection_pages() == [page] and view.selection_page() == page
    assert view.selection_start() == begin
    assert view.selection_parts() == [(page, text[begin:end].replace("\r\n", "\n"), begin)]
    # A new press starts again.
    drag(view, on_page(view, page, 60, 80), on_page(view, page, 60, 80))
    assert view.selected_text() == "" and view.selection_page() == -1
    # Past the end of a line that ends in a full stop (a dot below the line's middle), the stop is taken.
    head = line_box(document, page + 1, HEAD)
    view.verticalScrollBar().setValue(view.page_geometries()[page + 1].top())
    drag(view, on_page(view, page + 1, head.left(), head.center().y()),
         on_page(view, page + 1, head.right() + 80, head.center().y()))
    assert view.selected_text() == HEAD and view.selection_pages() == [page + 1]


def test_a_drag_over_three_pages_takes_the_middle_page_whole(qtbot, window, sql):
    reader = open_august(qtbot, window)
    view, document = reader.view, reader.document
    page = pdf_index(sql, 11)
    view.setZoomMode(QPdfView.ZoomMode.Custom)
    view.setZoomFactor(0.3)                 # three pages on screen at once
    reader.go_to_page(page)
    rect = view.page_geometries()[page]
    view.verticalScrollBar().setValue(rect.top() + rect.height() * 6 // 10)     # from the page's lower part on
    qtbot.waitUntil(lambda: view.page_geometries()[page + 2].top() - view.verticalScrollBar().value()
                    < view.viewport().height() - 100)
    start, _end = across_the_break(view, page)
    head = line_box(document, page + 2, "Repeat Child Protec")
    drag(view, start, on_page(view, page + 2, head.right() - 0.1, head.center().y()))
    first, third = document.getAllText(page).text(), document.getAllText(page + 2).text()
    expected = "\n".join([first[first.index(FOOT):], document.getAllText(page + 1).text(),
                          third[:third.index("Repeat Child Protec") + len("Repeat Child Protec")]])
    assert view.selected_text() == expected.replace("\r\n", "\n")
    assert view.selection_pages() == [page, page + 1, page + 2]


def test_holding_a_drag_below_the_view_scrolls_on_and_selects_into_the_next_page(qtbot, window, sql):
    reader = open_august(qtbot, window)
    view, document = reader.view, reader.document
    page = pdf_index(sql, 11)
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)
    assert view.page_geometries()[page].bottom() - view.verticalScrollBar().value() > view.viewport().height()
    start = on_page(view, page, 60, 330)
    mouse(view, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    below = QPointF(start.x(), view.viewport().height() + 40)
    mouse(view, QEvent.Type.MouseMove, below, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.selection_pages() == [page, page + 1], timeout=20000)
    mouse(view, QEvent.Type.MouseButtonRelease, below, Qt.MouseButton.NoButton)
    scrolled = view.verticalScrollBar().value()
    qtbot.wait(100)
    assert view.verticalScrollBar().value() == scrolled      # released: the scrolling stops
    text = view.selected_text()
    first = document.getAllText(page).text().replace("\r\n", "\n")
    tail = first[first.index("This item outlines"):] + "\n"
    assert text.startswith(tail) and len(text) > len(tail)
    assert document.getAllText(page + 1).text().replace("\r\n", "\n").startswith(text[len(tail):])


def test_each_page_of_a_selection_is_found_in_that_pages_stored_text(qtbot, window, sql):
    """What a highlight of each page's part would anchor to (the reader's highlights are one page each)."""
    from panelbook.ui.common.text_spans import find_span

    reader = open_august(qtbot, window)
    view = reader.view
    page = pdf_index(sql, 11)
    show_page_break(view, page)
    drag(view, *across_the_break(view, page))
    parts = view.selection_parts()
    assert [p for p, _text, _start in parts] == [page, page + 1]
    document_id = reader.document_id
    for part_page, text, start in parts:
        stored = sql.execute("SELECT text FROM pages WHERE document_id = ? AND idx = ?",
                             (document_id, part_page)).fetchone()[0]
        assert find_span(stored, text, near=start) is not None
    assert parts[1][2] == 0 and parts[1][1] == HEAD


def test_a_selection_over_a_page_without_text_skips_it(qtbot, tmp_path):
    from reportlab.pdfgen import canvas

    from panelbook.ui.reader.pack_reader import PackReader

    path = tmp_path / "gap.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(300, 200))
    pdf.drawString(20, 40, "End of the first page")
    pdf.showPage()
    pdf.showPage()                          # a page with no text (a scanned plan, say)
    pdf.drawString(20, 170, "Top of the third page")
    pdf.showPage()
    pdf.save()
    reader = PackReader()
    qtbot.addWidget(reader)
    reader.set_pack({"id": 1, "path": str(path), "pages": []}, [], {})
    view = reader.view
    assert view.select_across((0, QPointF(20, 158)), (2, QPointF(280, 30))) == \
        "End of the first page\nTop of the third page"
    assert view.selection_pages() == [0, 2]
    # Onto the empty page only: the first page's part alone.
    assert view.select_across((0, QPointF(0, 158)), (1, QPointF(150, 100))) == "End of the first page"
    assert view.selection_pages() == [0]
    # From the empty page: the next page's part alone; nowhere on it at all, nothing.
    assert view.select_across((1, QPointF(150, 100)), (2, QPointF(0, 30))) == ""
    assert view.select_across((1, QPointF(150, 100)), (2, QPointF(280, 30))) == "Top of the third page"
    assert view.select(1, QPointF(0, 0), QPointF(300, 200)) == "" and view.selection_page() == -1


def test_highlighting_a_selection_over_a_page_break_saves_one_highlight_on_each_page(qtbot, window, sql):
    reader = open_august(qtbot, window)
    view = reader.view
    page = pdf_index(sql, 11)
    show_page_break(view, page)
    drag(view, *across_the_break(view, page))
    assert view.selection_pages() == [page, page + 1]

    added = []
    window.meeting.highlight_added.connect(added.append)
    reader.start_highlight()
    assert reader.highlight_bar.isVisible()
    qtbot.keyClicks(reader.highlight_comment, "Which recommendations?")
    reader.save_highlight()
    qtbot.waitUntil(lambda: len(added) == 2, timeout=10000)

    rows = sql.execute("SELECT printed, quote, comment, needs_placing FROM highlights ORDER BY page_idx").fetchall()
    assert [(r[0], r[2], r[3]) for r in rows] == [(11, "Which recommendations?", 0), (12, "Which recommendations?", 0)]
    assert rows[0][1].startswith(FOOT) and rows[1][1].endswith(HEAD)
    qtbot.waitUntil(lambda: len(view.highlight_marks(page)) == 1 and len(view.highlight_marks(page + 1)) == 1)
