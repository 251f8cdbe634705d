"""The calendar's first view: the meetings around today and each committee's latest, read
through indexes, before the store is opened; and nothing at all when in doubt."""
from __future__ import annotations

import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from panelbook.paths import data_folder
from panelbook.store import Store, queries
from panelbook.store.calendar_view import DAYS_BEHIND, LATEST_EACH, early_view, first_view
from panelbook.store.schema import LATEST

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic import Spec, build

TODAY = date(2023, 1, 15)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Two committees over three municipal years (60 meetings), written as imports write."""
    root = tmp_path_factory.mktemp("archive") / "data"
    build(root, Spec(committees=2, years=3, items_per_meeting=6, pages_per_meeting=14))
    return root


def _expected(rows: list[dict]) -> list[dict]:
    """From the whole listing: from DAYS_BEHIND days before TODAY on, and each committee's latest."""
    since = (TODAY - timedelta(days=DAYS_BEHIND)).isoformat()
    latest: dict[str, list[dict]] = {}
    for row in sorted(rows, key=lambda r: r["date"], reverse=True):
        latest.setdefault(row["committee"], []).append(row)
    chosen = {r["id"] for r in rows if r["date"] >= since}
    chosen |= {r["id"] for group in latest.values() for r in group[:LATEST_EACH]}
    return [r for r in rows if r["id"] in chosen]


def test_the_first_view_is_the_months_around_today_and_each_committees_latest(archive):
    with Store.open(data_folder(archive), daily_backup=False) as store:
        everything = queries.meetings(store.db)
        view = first_view(store.db.conn, TODAY)
    assert len(everything) == 60
    assert view["total"] == 60 and not view["complete"]
    assert view["meetings"] == _expected(everything)       # the same rows, in the listing's order
    assert 0 < len(view["meetings"]) < 60
    early = early_view(data_folder(archive).database, TODAY, LATEST)
    assert early == view


def test_the_early_view_reads_while_another_connection_writes(archive):
    writer = sqlite3.connect(str(data_folder(archive).database), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE meetings SET venue = 'Moved' WHERE id = (SELECT min(id) FROM meetings)")
        view = early_view(data_folder(archive).database, TODAY, LATEST)
        assert view is not None and view["total"] == 60
        assert all(m["venue"] != "Moved" for m in view["meetings"])      # what was committed, only
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_in_doubt_there_is_no_early_view(tmp_path, archive):
    assert early_view(tmp_path / "none.sqlite3", TODAY, LATEST) is None
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all, " * 100)
    assert early_view(junk, TODAY, LATEST) is None
    assert early_view(data_folder(archive).database, TODAY, LATEST + 1) is None     # another version
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(str(empty)).close()
    assert early_view(empty, TODAY, 0) is None        # a database without the tables


def test_an_empty_store_has_an_empty_first_view(store):
    view = first_view(store.db.conn, TODAY)
    assert view == {"meetings": [], "total": 0, "complete": True}
