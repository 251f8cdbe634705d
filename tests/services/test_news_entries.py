"""What's new as the command line and the window use it: every kind in words, the JSON
records with the contract's keys, and opening an entry (it is then seen, and leads to its
meeting or its document)."""
import pytest

from news_data import a_sync_of, import_two_committees
from panelbook.model import NewsKind
from panelbook.services import news
from panelbook.store.news import record_news
from panelbook.store.queries import NotFound


def test_every_kind_has_its_own_words():
    words = [news.label(kind.value) for kind in NewsKind]
    assert len(set(words)) == len(NewsKind) and all(w[0].isupper() and "_" not in w for w in words)
    assert news.label("minutes_published") == "Minutes published"
    assert news.label("something_newer") == "Something newer"    # a kind from a newer Panelbook


def test_json_records_start_with_the_contract_keys(store):
    ids = import_two_committees(store)
    record_news(store, a_sync_of(ids))
    records = news.as_json(news.listing(store))
    assert [list(r)[:6] for r in records] == [["kind", "committee", "meeting_date", "title", "at", "seen"]] * 3
    assert records[2] == {**records[2], "kind": "cancelled", "committee": "Audit Committee",
                          "meeting_date": "2026-01-13", "title": "Audit Committee, 13 January 2026",
                          "at": "2026-12-02T09:30:00Z", "seen": False}


def test_opening_an_entry_marks_it_seen_and_says_where_it_leads(store):
    ids = import_two_committees(store)
    record_news(store, a_sync_of(ids))
    by_kind = {r["kind"]: r["id"] for r in news.listing(store)}
    assert news.open_entry(store, by_kind["minutes_published"]) == news.Destination(ids.audit_held,
                                                                                     ids.audit_minutes_doc)
    assert news.open_entry(store, by_kind["cancelled"]) == news.Destination(ids.audit_cancelled, None)
    assert news.unseen_counts(store) == {ids.kingston: 1}
    with pytest.raises(NotFound, match="no news entry 999"):
        news.open_entry(store, 999)
