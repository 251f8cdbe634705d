"""What's new in the store: recorded per committee (inside a sync's transaction or on its
own), newest first, not repeated while unread, marked seen, and counted per committee."""
import pytest

from news_data import a_sync_of, import_two_committees
from panelbook.model import NewsInput, NewsKind
from panelbook.services.sample import load_sample, remove_sample
from panelbook.store import transaction
from panelbook.store.news import list_news, mark_seen, record_news, unseen_by_meeting, unseen_counts
from testdata import snapshot


def test_a_sync_s_news_lists_newest_first_with_committee_and_meeting(store):
    ids = import_two_committees(store)
    assert record_news(store, a_sync_of(ids, "2026-11-30T08:00:00Z")[:1]) == 1
    assert record_news(store, a_sync_of(ids, "2026-12-02T09:30:00Z")[1:]) == 2
    rows = list_news(store)
    assert [(r["kind"], r["committee"], r["meeting_date"], r["seen"]) for r in rows] == [
        ("changed_document", "Kingston and North Kingston Neighbourhood Committee", "2026-01-15", False),
        ("minutes_published", "Audit Committee", "2026-02-10", False),
        ("cancelled", "Audit Committee", "2026-01-13", False),
    ]
    assert rows[0]["council"] == "Royal Borough of Kingston upon Thames Council"
    assert rows[1]["document_id"] == ids.audit_minutes_doc and rows[2]["document_id"] is None
    assert rows[2]["at"] == "2026-11-30T08:00:00Z"


def test_news_recorded_inside_a_sync_that_fails_goes_with_it(store):
    ids = import_two_committees(store)
    with pytest.raises(ConnectionError), transaction(store.db):
        assert record_news(store, a_sync_of(ids)) == 3
        assert len(list_news(store)) == 3
        raise ConnectionError("the network went in the middle of the sync")
    assert list_news(store) == []


def test_the_same_unread_change_is_not_recorded_twice_but_is_again_once_seen(store):
    ids = import_two_committees(store)
    assert record_news(store, a_sync_of(ids)) == 3
    assert record_news(store, a_sync_of(ids, "2026-12-02T10:00:00Z")) == 0     # a resumed sync
    assert mark_seen(store, None) == 3
    assert record_news(store, a_sync_of(ids, "2026-12-09T10:00:00Z")[2:]) == 1  # revised again a week on
    assert [(r["at"], r["seen"]) for r in list_news(store, unseen_only=True)] == [("2026-12-09T10:00:00Z", False)]


def test_marking_seen_some_then_all_and_the_counts_per_committee_and_meeting(store):
    ids = import_two_committees(store)
    record_news(store, a_sync_of(ids))
    assert unseen_counts(store) == {ids.audit: 2, ids.kingston: 1}
    assert unseen_by_meeting(store) == {ids.audit_cancelled: 1, ids.audit_held: 1, ids.kingston_meeting: 1}
    cancelled = next(r["id"] for r in list_news(store) if r["kind"] == "cancelled")
    assert mark_seen(store, [cancelled]) == 1
    assert mark_seen(store, [cancelled]) == 0            # already seen: its time is kept
    assert unseen_counts(store) == {ids.audit: 1, ids.kingston: 1}
    seen = next(r for r in list_news(store) if r["id"] == cancelled)
    assert seen["seen"] and seen["seen_at"].endswith("Z")
    assert mark_seen(store) == 2
    assert unseen_counts(store) == {} and list_news(store, unseen_only=True) == []


def test_a_bad_entry_writes_nothing(store):
    ids = import_two_committees(store)
    before = snapshot(store)
    good = a_sync_of(ids)[0]
    for bad in (NewsInput("reshuffled", ids.audit, None, None, "x", good.at),           # type: ignore[arg-type]
                NewsInput(NewsKind.MOVED, ids.audit, None, None, "  ", good.at),
                NewsInput(NewsKind.MOVED, ids.audit, None, None, "Audit", "yesterday")):
        with pytest.raises(ValueError):
            record_news(store, [good, bad])
    assert snapshot(store) == before


def test_news_about_a_committee_that_goes_goes_with_it(store):
    load_sample(store)
    sample_meeting = store.db.execute("SELECT id, committee_id FROM meetings WHERE date = '2024-08-08'").fetchone()
    pack = store.db.execute("SELECT id FROM documents WHERE kind = 'agenda_pack'").fetchone()[0]
    ids = import_two_committees(store)
    record_news(store, [NewsInput(NewsKind.SUPPLEMENT, sample_meeting[1], sample_meeting[0], pack,
                                  "Supplement 1", "2026-12-01T12:00:00Z"), *a_sync_of(ids)])
    remove_sample(store)
    assert [r["committee"] for r in list_news(store)] == ["Kingston and North Kingston Neighbourhood Committee",
                                                          "Audit Committee", "Audit Committee"]
