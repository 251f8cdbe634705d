"""The order search gives: bm25 over every match up to 1,000 matches, the best of the
1,000 newest above that, and the exact count on request.

The rows are made so that the answer is known without asking SQLite: every row
is the same length, and a row says "safeguarding" as many times as its number
says, so bm25 ranks rows by how often they say it.  The oldest rows say it the
most, so a search that ranked every match would put them first."""
from __future__ import annotations

import pytest

from panelbook.store import transaction
from panelbook.store.search import EXACT_UP_TO, count_matches, find, search

FILLER = "panel report officer update meeting review council budget plan service".split()


def _body(times: int) -> str:
    """Twenty words, ``times`` of them the searched word."""
    words = ["safeguarding"] * times + FILLER * 2
    return " ".join(words[:20])


def _add_rows(store, strengths: list[int]) -> None:
    """One page row per strength, oldest first; ``ref_id`` is the row's place in ``strengths``."""
    with transaction(store.db):
        for number, times in enumerate(strengths):
            store.db.execute(
                "INSERT INTO search_rows (title, body, kind, ref_id, meeting_id, item_id, document_id, page) "
                "VALUES ('Report', ?, 'page', ?, NULL, NULL, NULL, ?)", (_body(times), number, number + 1))


def test_up_to_a_thousand_matches_every_match_is_ranked(store):
    # 1,000 matches: the oldest 10 say the word 9 times, the rest once or twice.
    strengths = [9] * 10 + [1 + n % 2 for n in range(EXACT_UP_TO - 10)]
    _add_rows(store, strengths)
    results = find(store.db, "safeguarding", limit=20)
    assert not results.bounded
    assert results.order == "best matches first"
    assert results.at_least == EXACT_UP_TO
    refs = [hit.page - 1 for hit in results.hits]
    assert sorted(refs[:10]) == list(range(10))                 # the strongest, though the oldest
    assert all(strengths[ref] == 2 for ref in refs[10:20])      # then those that say it twice
    assert [h.page for h in search(store.db, "safeguarding", limit=20)] == [h.page for h in results.hits]


def test_above_a_thousand_the_best_of_the_newest_thousand(store):
    # 1,300 matches: the oldest 300 say the word 9 times; of the newest 1,000, every
    # hundredth says it 5 times and the rest once.
    strengths = [9] * 300 + [5 if n % 100 == 0 else 1 for n in range(EXACT_UP_TO)]
    _add_rows(store, strengths)
    results = find(store.db, "safeguarding", limit=20)
    assert results.bounded
    assert results.at_least > EXACT_UP_TO
    assert "1,000 newest" in results.order
    refs = [hit.page - 1 for hit in results.hits]
    assert all(ref >= 300 for ref in refs)                     # nothing older than the newest thousand
    assert sorted(refs[:10]) == [300 + n * 100 for n in range(10)]   # their strongest come first
    assert all(strengths[ref] == 1 for ref in refs[10:])
    assert count_matches(store.db, "safeguarding") == 1300      # the exact count, on request


def test_the_count_and_nothing_found(store):
    _add_rows(store, [1, 2, 3])
    assert count_matches(store.db, "safeguarding") == 3
    assert count_matches(store.db, "safeguard") == 3           # the last word is a prefix
    assert count_matches(store.db, "") == 0
    assert find(store.db, "ofsted").hits == []
    assert find(store.db, "  ").bounded is False


@pytest.mark.parametrize("typed", ["re-referrals", "child's", '"quoted" AND OR', "NEAR(x y)"])
def test_what_is_typed_is_never_a_syntax_error(store, typed):
    _add_rows(store, [1])
    assert find(store.db, typed).hits == []
    assert count_matches(store.db, typed) == 0
