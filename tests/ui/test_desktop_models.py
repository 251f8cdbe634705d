"""The desktop's Qt item models (checked with qtmodeltester) and their pure helpers."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt

from panelbook.store import queries
from panelbook.store.search import Hit
from panelbook.ui.meeting.agenda_model import AgendaModel, ReadRole
from panelbook.ui.meeting.item_details import item_html
from panelbook.ui.common.meetings_model import MeetingsModel
from panelbook.ui.reader.page_map import PageMap
from panelbook.ui.meeting.report_summary import summary
from panelbook.ui.search.search_results_model import HtmlRole, SearchResultsModel, snippet_html


@pytest.fixture(autouse=True)
def _application(qapp):
    """Icons and fonts need the application object."""
    return qapp


def _sample_rows(sample_folder):
    from panelbook.store import Store

    with Store.open(sample_folder) as store:
        meetings = queries.meetings(store.db)
        august = next(m["id"] for m in meetings if m["date"] == "2024-08-08")
        return meetings, queries.agenda(store.db, august)["items"]


def test_meetings_model(qtmodeltester, sample_folder):
    meetings, _ = _sample_rows(sample_folder)
    model = MeetingsModel()
    model.set_meetings(meetings)
    qtmodeltester.check(model)
    assert model.rowCount() == 8
    row = model.row_of(next(m["id"] for m in meetings if m["date"] == "2024-08-08"))
    assert [model.index(row, c).data() for c in range(6)] == [
        "Thu 8 Aug 2024", "17:30", "Children and Families Scrutiny Panel", "Conference Room 3 - Civic Centre",
        "Held", "11"]
    assert not model.index(row, 0).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_scheduled_meetings_in_the_past_are_not_called_upcoming(sample_folder):
    meetings, _ = _sample_rows(sample_folder)
    model = MeetingsModel()
    model.set_meetings(meetings)
    row = model.row_of(next(m["id"] for m in meetings if m["date"] == "2024-09-26"))
    model.today = date(2024, 10, 1)
    assert model.index(row, 4).data() == "No minutes yet"
    assert model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == "Past — no minutes yet"
    model.today = date(2024, 9, 26)      # on the day itself it is still to come
    assert model.index(row, 4).data() == "Upcoming"


def test_agenda_model(qtmodeltester, sample_folder):
    _, items = _sample_rows(sample_folder)
    model = AgendaModel()
    model.set_items(items, {items[0]["id"]})
    qtmodeltester.check(model)
    assert [model.index(7, c).data() for c in range(5)] == [
        "8", "11", "Repeat Child Protection Plans - Analysis", "11–22", ""]
    assert model.index(0, 0).data(ReadRole) is True
    assert model.index(7, 0).data(ReadRole) is False
    assert model.index(7, 2).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 2).data(Qt.ItemDataRole.FontRole) is None
    model.set_read({items[7]["id"]})
    assert model.index(7, 0).data(ReadRole) is True


def test_agenda_model_marks_confidential_items(qtmodeltester):
    item = {"id": 1, "agenda_number": "12", "minute_number": None, "title": "Exempt report", "pages": [5, 5],
            "confidential": True}
    model = AgendaModel()
    model.set_items([item])
    qtmodeltester.check(model)
    assert model.index(0, 3).data() == "5"
    assert not model.index(0, 4).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(0, 4).data(Qt.ItemDataRole.AccessibleTextRole) == "confidential"


def _hit(kind, meeting_id, date, page=None, snippet="the rate of re-referrals over", spans=((12, 24),)):
    return Hit(kind=kind, meeting_id=meeting_id, meeting_date=date, committee="Panel", item_id=1, document_id=None,
               title="Performance", snippet=snippet, highlights=list(spans), page=page, rank=-1.0)


def test_search_results_model(qtmodeltester):
    model = SearchResultsModel()
    qtmodeltester.check(model)
    hits = [_hit("resolution", 7, "2023-07-20"), _hit("page", 1, "2024-08-08", page=73),
            _hit("minutes", 7, "2023-07-20"), _hit("note", None, None)]
    model.set_hits("re-referrals", hits)
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(3)] == [
        "Thu 20 Jul 2023, Panel (2 results)", "Thu 8 Aug 2024, Panel (1 result)", "Not tied to a meeting (1 result)"]
    page = model.index(0, 0, model.index(1, 0))
    assert model.hit(page).page == 73
    assert page.data() == "Pack page, page 73: Performance\nthe rate of re-referrals over"
    assert page.data(HtmlRole) == (
        "<span class='heading'>Pack page, page 73: Performance</span><br>the rate of <b>re-referrals</b> over")
    assert model.meeting_of(page) == 1 and model.meeting_of(model.index(0, 0)) == 7
    assert model.hit(model.index(0, 0)) is None
    assert model.rowCount(page) == 0 and not model.parent(model.index(0, 0)).isValid()


def test_snippets_are_escaped_before_highlighting():
    text = "<script>x</script> & re-referrals"
    assert snippet_html(text, [(21, 33)]) == "&lt;script&gt;x&lt;/script&gt; &amp; <b>re-referrals</b>"
    assert snippet_html("abc", [(2, 9), (1, 0)]) == "abc"    # spans outside the text are ignored


def test_item_details_escape_imported_text():
    item = {"id": 1, "agenda_number": "3", "minute_number": None, "title": "<b>Budget</b> & <i>fees</i>",
            "description": "Report <img src=x>", "pages": [1, 2], "confidential": False, "issue": None,
            "minutes": "It was <script>noted</script>.", "discussion": ["a < b"],
            "resolutions": [{"id": 1, "number": "i", "text": "That <u>x</u>."}],
            "documents": [{"title": "Pack <a href='y'>", "url": None, "size": "1 KB", "restricted": False}]}
    html = item_html(item, "BRIEF SUMMARY\n<em>why</em>\nRECOMMENDATIONS\n(i) That <s>y</s>.")
    for raw in ("<b>Budget", "<img", "<script>", "<u>x", "<a href", "<em>", "<s>"):
        assert raw not in html
    assert "&lt;b&gt;Budget&lt;/b&gt; &amp; &lt;i&gt;fees&lt;/i&gt;" in html
    assert "Agenda item 3, pack pages 1–2" in html
    assert "&lt;em&gt;why&lt;/em&gt;" in html


def test_report_summary_reads_brief_summary_and_recommendations(sample_folder):
    from panelbook.store import Store

    with Store.open(sample_folder) as store:
        text = next(store.db.query(
            "SELECT report_text FROM items WHERE title = 'Repeat Child Protection Plans - Analysis' "
            "AND report_text IS NOT NULL"))["report_text"]
    parts = dict(summary(text))
    assert parts["Brief summary"] == [
        "This item outlines the work undertaken to understand why some families come back to Child Protection "
        "Planning for a second or subsequent time. An analysis, attached as Appendix 1, was undertaken of 16 "
        "families to gain an understanding of why this occurs and to establish what action can be taken and "
        "considered to reduce repeat plans in the future. The recommendations will address the issues identified "
        "from the analysis to improve future practice."]
    assert parts["Recommendations"][0] == (
        "(i) That the Panel consider and scrutinise the analysis undertaken on repeat Child Protection Plans, "
        "attached as Appendix 1.")
    assert len(parts["Recommendations"]) == 2
    assert summary("") == []
    assert summary("Plain text without headings.") == [("Report", ["Plain text without headings."])]


def test_page_map():
    pages = [(0, None, None), (1, None, None), (2, 1, 10), (3, 2, 10), (4, 3, 11), (5, 4, 11), (6, 5, None)]
    items = [{"id": 9, "pages": None}, {"id": 10, "pages": [1, 2]}, {"id": 11, "pages": [3, 5]},
             {"id": 12, "pages": [50, 60]}]
    page_map = PageMap(pages, items)
    assert page_map.index_of(3) == 4 and page_map.index_of(99) is None
    assert page_map.printed(4) == 3 and page_map.printed(0) is None
    assert page_map.item_start(11) == 4 and page_map.item_start(9) is None and page_map.item_start(12) is None
    assert page_map.item_at(6) == 11 and page_map.item_at(0) is None
    assert page_map.next_item(0) == 10 and page_map.next_item(2) == 11 and page_map.next_item(4) is None
    assert page_map.previous_item(5) == 10 and page_map.previous_item(3) is None
    assert page_map.label(4, 7) == "Page 3 (PDF page 5 of 7)"
    assert page_map.label(0, 7) == "PDF page 1 of 7"


def test_found_model_over_the_pack_search(qtbot, qtmodeltester, sample_folder):
    from PySide6.QtPdf import QPdfDocument, QPdfSearchModel

    from panelbook.store import desktop_queries
    from panelbook.store import Store
    from panelbook.ui.reader.search_sweep import FoundModel

    with Store.open(sample_folder) as store:
        august = next(m["id"] for m in queries.meetings(store.db) if m["date"] == "2024-08-08")
        pack = desktop_queries.pack(store.db, store.folder.files, august)
        items = queries.agenda(store.db, august)["items"]
    document = QPdfDocument()
    assert document.load(pack["path"]) == QPdfDocument.Error.None_
    search = QPdfSearchModel()
    search.setDocument(document)
    found = FoundModel()
    found.setSourceModel(search)
    found.set_page_map(PageMap(pack["pages"], items))
    try:
        search.setSearchString("Family Safeguarding Model")
        qtbot.waitUntil(lambda: found.rowCount(QModelIndex()) >= 3, timeout=20000)
        qtmodeltester.check(found)
        first = found.index(0, 0).data()
        assert first.startswith("Page ") and "Family Safeguarding Model" in first
        assert found.page_of(0) is not None
    finally:
        # The search model works on a timer: it must go before the document it searches.
        import shiboken6

        search.setSearchString("")
        found.setSourceModel(None)
        shiboken6.delete(found)
        shiboken6.delete(search)
        document.close()
        shiboken6.delete(document)
