"""The pack reader on the rebuilt 8 August 2024 pack: zoom, find, selection and copy, text packs."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication

from desktop_helpers import close_window, meeting_on, open_window, pdf_index
from panelbook.ui.reader.pack_reader import PDF, TEXT


def open_august(qtbot, window, item_title="Repeat Child Protection Plans - Analysis"):
    with qtbot.waitSignal(window.meeting.meeting_loaded, timeout=20000):
        window.open_meeting(meeting_on(window, "2024-08-08"))
    item = next(it for it in window.meeting.model.items() if it["title"] == item_title)
    window.meeting.select_item(item["id"])
    return window.meeting.reader


def test_zoom_in_out_and_fit_width(qtbot, window, sql):
    reader = open_august(qtbot, window)
    fitted = reader.view.effective_zoom()
    assert reader.view.zoomMode() == QPdfView.ZoomMode.FitToWidth and fitted > 0.3
    reader.zoom_in_button.click()
    assert reader.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert abs(reader.view.zoomFactor() - fitted * 1.25) < 0.01
    assert not reader.fit_button.isChecked()
    reader.zoom_out_button.click()
    reader.zoom_out_button.click()
    assert abs(reader.view.zoomFactor() - fitted / 1.25) < 0.01
    assert reader.current_page() == pdf_index(sql, 11)      # zooming keeps the page
    reader.fit_button.click()
    assert reader.view.zoomMode() == QPdfView.ZoomMode.FitToWidth and reader.fit_button.isChecked()
    assert reader.current_page() == pdf_index(sql, 11)


def test_find_in_the_pack_lists_hits_and_goes_to_them(qtbot, window):
    reader = open_august(qtbot, window)
    reader.find("Family Safeguarding Model")
    assert reader.side.isVisible()
    qtbot.waitUntil(lambda: reader.found_model.rowCount(QModelIndex()) >= 3, timeout=20000)
    assert reader.side.tabText(0).startswith("Found (")
    first_page = reader.found_model.page_of(0)
    reader.find_edit.setFocus()
    qtbot.keyClick(reader.find_edit, Qt.Key.Key_Return)
    assert reader.found_list.currentIndex().row() == 0
    assert reader.current_page() == first_page
    assert "Family Safeguarding Model" in reader.document.getAllText(first_page).text().replace("\n", " ")
    assert reader.view.currentSearchResultIndex() == 0


def test_the_pack_has_no_bookmarks_so_none_are_offered(qtbot, window):
    reader = open_august(qtbot, window)
    assert reader.bookmark_model.rowCount(QModelIndex()) == 0
    assert not reader.side.isTabVisible(1)


def test_drag_selects_text_and_copy_puts_it_on_the_clipboard(qtbot, window, sql):
    reader = open_august(qtbot, window)
    view = reader.view
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)
    page = pdf_index(sql, 11)
    rect = view.page_geometries()[page]
    scroll = QPointF(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    top_left = QPointF(rect.topLeft()) - scroll
    hit = view.page_point(top_left + QPointF(5, 5))
    assert hit is not None and hit[0] == page
    # Drag across the report's heading lines, near the top of the page.
    scale = rect.width() / reader.document.pagePointSize(page).width()
    start = top_left + QPointF(60 * scale, 80 * scale)
    end = top_left + QPointF(500 * scale, 140 * scale)
    viewport = view.viewport()
    for kind, point, buttons in [(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton),
                                 (QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton),
                                 (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)]:
        event = QMouseEvent(kind, point, viewport.mapToGlobal(point), Qt.MouseButton.LeftButton, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)
    selected = view.selected_text()
    assert "DECISION-MAKER" in selected
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == selected
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selected_text() == ""
    reader.copy_button.click()      # nothing selected: the whole page
    assert QGuiApplication.clipboard().text() == reader.document.getAllText(page).text().replace("\r\n", "\n")
    assert "\r" not in selected


def test_an_item_without_pages_says_so_and_keeps_the_page(qtbot, window, sql):
    reader = open_august(qtbot, window)
    item = next(it for it in window.meeting.model.items() if it["title"] == "Statement from the Chair")
    window.meeting.select_item(item["id"])
    assert reader.current_page() == pdf_index(sql, 11)
    assert reader.item_label.text() == "Item 3: Statement from the Chair (has no pages in the pack)"


def test_a_pack_imported_as_text_is_shown_as_text(qtbot, tmp_path):
    from panelbook.paths import data_folder, sample_dir
    from panelbook.services.imports import import_file
    from panelbook.store import Store

    folder = data_folder(tmp_path / "text-only")
    with Store.open(folder) as store:
        import_file(store, sample_dir() / "003_41e7f3da12eebc0c.txt")
    window, worker = open_window(qtbot, folder)
    try:
        reader = open_august(qtbot, window)
        assert reader.mode == TEXT
        assert reader.stack.currentWidget() is reader.text
        assert "REPEAT CHILD PROTECTION PLANS - ANALYSIS" in reader.text.toPlainText()
        assert reader.page_label.text() == "The pack's report text (imported as text, without its PDF)"
        assert reader.item_label.text() == "Item 8: Repeat Child Protection Plans - Analysis"
        assert not reader.zoom_in_button.isEnabled()
        reader.next_button.click()
        assert window.meeting.model.item(window.meeting.agenda.currentIndex().row())["agenda_number"] == "9"
    finally:
        close_window(qtbot, window, worker)


def test_reader_is_pdf_for_the_sample(qtbot, window):
    reader = open_august(qtbot, window)
    assert reader.mode == PDF and reader.document.pageCount() == 115


def test_bookmarks_of_a_pack_are_listed_and_open_their_page(qtbot, tmp_path):
    from reportlab.pdfgen import canvas

    from panelbook.ui.reader.pack_reader import PackReader

    path = tmp_path / "bookmarked.pdf"
    pdf = canvas.Canvas(str(path))
    for number, title in enumerate(["Front sheet", "Budget report", "Appendix"]):
        pdf.drawString(72, 720, f"{title} text")
        pdf.bookmarkPage(f"p{number}", fit="XYZ", left=0, top=792, zoom=1)
        pdf.addOutlineEntry(title, f"p{number}", level=0)
        pdf.showPage()
    pdf.save()

    reader = PackReader()
    qtbot.addWidget(reader)
    items = [{"id": 1, "agenda_number": "1", "title": "Budget report", "pages": [1, 1]}]
    reader.set_pack({"path": str(path), "pages": [(0, None, None), (1, 1, 1), (2, 2, 1)], "file_name": "b.pdf"},
                    items, {})
    assert not reader.side.isHidden() and reader.side.isTabVisible(1)
    model = reader.bookmark_model
    titles = [model.index(r, 0).data() for r in range(model.rowCount(QModelIndex()))]
    assert titles == ["Front sheet", "Budget report", "Appendix"]
    reader.bookmarks.activated.emit(model.index(2, 0))
    assert reader.current_page() == 2
    assert reader.page_label.text() == "Page 2 (PDF page 3 of 3)"
    reader.show_item(1)
    assert reader.current_page() == 1 and reader.item_label.text() == "Item 1: Budget report"


def test_a_pack_file_that_cannot_be_opened_is_explained(qtbot, tmp_path):
    from panelbook.ui.reader.pack_reader import EMPTY, PackReader

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    reader = PackReader()
    qtbot.addWidget(reader)
    reader.set_pack({"path": str(broken), "pages": [], "file_name": "pack.pdf"}, [], {})
    assert reader.mode == EMPTY
    assert reader.empty.title.text() == "The agenda pack cannot be opened"
    assert "pack.pdf" in reader.empty.text.text()
