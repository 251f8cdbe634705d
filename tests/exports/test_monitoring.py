"""The "Scrutiny Monitoring – 8 August 2024" appendix of the sample panel, read back with pypdf."""
from __future__ import annotations

import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from panelbook.exports.monitoring import export_monitoring, grouped
from panelbook.paths import data_folder
from panelbook.services.recs import set_recommendation
from panelbook.services.sample import load_sample
from panelbook.store import Store, briefing_queries, queries

HEADER = "Date Title Action proposed Action taken Progress Status"
NOW = datetime(2024, 8, 1, 12, 0)


@pytest.fixture
def sample(tmp_path):
    store = Store.open(data_folder(tmp_path / "data"))
    load_sample(store)
    yield store, queries.resolve_meeting(store.db, "2024-08-08")
    store.close()


def _read(path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(str(path))
    return reader, [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


def test_the_five_18_july_rows_in_the_clerks_layout(sample, tmp_path):
    store, meeting_id = sample
    pages = export_monitoring(store, meeting_id, tmp_path / "m.pdf", now=NOW)
    reader, texts = _read(tmp_path / "m.pdf")
    assert pages == len(reader.pages) == 2
    assert all(p.mediabox.width > p.mediabox.height for p in reader.pages)      # landscape A4
    assert round(float(reader.pages[0].mediabox.width)) == 842
    text = " ".join(texts)
    assert "Scrutiny Monitoring – 8 August 2024" in texts[0]
    assert all(HEADER in t for t in texts)                                      # header repeated
    assert all(f"Page {n} of 2" in t for n, t in enumerate(texts, start=1))
    rows = [
        "1) That, reflecting issues raised by the inspection about the visibility of some children with SEND",
        "2) That, to help target activity aimed at improving uptake, analysis is undertaken",
        "3) That the issue returns to the agenda of the Panel in November",
        "1) That the Panel suggested that a Headteacher is invited to attend Operational Board meetings",
        "2) That an update on progress implementing the Family Safeguarding Model is presented",
    ]
    positions = [text.index(row) for row in rows]
    assert positions == sorted(positions)
    # Date and title once per group, on its first row.
    assert text.count("18/07/24") == 2
    assert text.index("18/07/24 Local Area SEND Inspection 1) That, reflecting") < text.index(
        "18/07/24 Family Safeguarding Model 1) That the Panel suggested")
    for status in ("Not complete – update will be provided at next scrutiny panel.",
                   "Not complete – deadline November 2024.", "Complete", "Not complete – deadline January 2025."):
        assert status in text
    assert "Southampton currently has 650 pupils who are EHE." in text
    assert "all-members briefing" not in text and "enable trends to be identified" not in text   # drafts
    assert reader.metadata.title == "Scrutiny Monitoring – 8 August 2024 – Children and Families Scrutiny Panel"
    assert reader.metadata.author == "Southampton City Council"
    assert [o.title for o in reader.outline] == ["Scrutiny Monitoring – 8 August 2024"]


def test_closed_recommendations_leave_the_list(sample, tmp_path):
    store, meeting_id = sample
    (rec,) = [r for r in queries.recommendations(store.db) if r["text"].startswith("That the Panel suggested")]
    set_recommendation(store, rec["id"], status="closed_complete", who="Clerk")
    export_monitoring(store, meeting_id, tmp_path / "m.pdf", now=NOW)
    text = " ".join(_read(tmp_path / "m.pdf")[1])
    assert "Headteacher is invited" not in text
    assert "1) That an update on progress implementing the Family Safeguarding Model" in text


def test_a_meeting_with_nothing_outstanding_says_so(sample, tmp_path):
    store, _ = sample
    meeting_id = queries.resolve_meeting(store.db, "2024-07-18")
    export_monitoring(store, meeting_id, tmp_path / "m.pdf", now=NOW)
    text = " ".join(_read(tmp_path / "m.pdf")[1])
    assert "Scrutiny Monitoring – 18 July 2024" in text
    assert "No recommendations from earlier meetings are on the list at this meeting." in text


def test_grouping_by_meeting_date_then_title_in_order_of_appearance():
    rows = [
        {"meeting_date": "2024-07-18", "item_title": "B", "text": "b1"},
        {"meeting_date": "2023-07-20", "item_title": "C", "text": "c1"},
        {"meeting_date": "2024-07-18", "item_title": "A", "text": "a1"},
        {"meeting_date": "2024-07-18", "item_title": "B", "text": "b2"},
    ]
    assert [(d, t, [r["text"] for r in rs]) for d, t, rs in grouped(rows)] == [
        ("2023-07-20", "C", ["c1"]), ("2024-07-18", "B", ["b1", "b2"]), ("2024-07-18", "A", ["a1"])]


def test_outstanding_at_is_what_the_clerks_rule_keeps(sample):
    store, meeting_id = sample
    rows = briefing_queries.outstanding_at(store.db, meeting_id)
    assert [(r["meeting_date"], r["item_title"], r["status"]) for r in rows] == [
        ("2024-07-18", "Local Area SEND Inspection", "in_progress"),
        ("2024-07-18", "Local Area SEND Inspection", "in_progress"),
        ("2024-07-18", "Local Area SEND Inspection", "in_progress"),
        ("2024-07-18", "Family Safeguarding Model", "reported_complete"),
        ("2024-07-18", "Family Safeguarding Model", "in_progress"),
    ]
