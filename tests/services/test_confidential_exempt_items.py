"""Items the agenda marks exempt in an ordinary import: a document that only names them, or
whose public minutes record them, is imported in the clear (it is the council's public record);
only a document carrying an exempt item's report must be kept encrypted."""
from panelbook.services import imports
from panelbook.services.confidential_imports import exempt_report
from panelbook.store.search import search
from testdata import SEEDS


def test_public_minutes_of_a_confidential_report_stay_public_and_searchable(store):
    minutes = SEEDS / "000_011e31915eabbbd2.txt"     # Southampton's printed minutes, 20 July 2023
    prepared = imports.prepare_file(minutes)
    flagged = [i for i in prepared.parsed.meetings[0].items if i.confidential]
    assert [i.title[:40] for i in flagged] == ["Ofsted ILACS Standard Inspection of Sout"]
    assert exempt_report(prepared.parsed) is None           # minutes text only, no report pages
    (report,) = imports.write_prepared(store, [prepared])
    assert not report.confidential and store.vault is None
    row = store.db.execute("SELECT confidential, minutes_text FROM items WHERE title LIKE 'Ofsted ILACS%'").fetchone()
    assert row[0] == 1 and "confidential report of the Head of Quality Assurance" in row[1]
    assert any(h.kind == "minutes" for h in search(store.db, "Head of Quality Assurance"))
