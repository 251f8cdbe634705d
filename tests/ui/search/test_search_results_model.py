"""The search results model (checked with qtmodeltester): hits grouped by meeting, snippets
escaped before the hit is highlighted."""
from __future__ import annotations

import pytest

from panelbook.store.search import Hit
from panelbook.ui.search.search_results_model import HtmlRole, SearchResultsModel, snippet_html

pytestmark = pytest.mark.usefixtures("qapp")     # icons and fonts need the application object


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
