"""The meeting place's agenda model (checked with qtmodeltester), the item details and the
report summary: read marks, confidential items, imported text escaped."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_helpers import sample_rows
from panelbook.ui.meeting.agenda_model import AgendaModel, ReadRole
from panelbook.ui.meeting.item_details import item_html
from panelbook.ui.meeting.report_summary import summary

pytestmark = pytest.mark.usefixtures("qapp")     # icons and fonts need the application object


def test_agenda_model(qtmodeltester, sample_folder):
    _, items = sample_rows(sample_folder)
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
