"""Confidential (exempt) items in the briefing pack, read back through pypdf's text extractor.

The public briefing (the default) leaves them out, prints nothing of them, and
says how many it left out; a briefing asked to include them prints
"CONFIDENTIAL — NOT FOR PUBLICATION" at the top and bottom of every page that
carries them (the cover that names them, their sections, their report pages
taken from the pack) and on no other page.

Material: the sample panel, built from Southampton's published documents.  The
printed minutes of 20 July 2023 mark minute 11 (the Ofsted ILACS inspection) as a
confidential report, which the minutes reader flags.  The 8 August 2024 pack has
no exempt item, so the report-page test flags item 8 as the agenda would flag an
exempt one (the store's flag, not the document, is changed).
"""
from __future__ import annotations

import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from panelbook.exports.briefing import export_briefing
from panelbook.exports.briefing_data import ConfidentialNotIncluded
from panelbook.paths import data_folder
from panelbook.services.markup import add_note
from panelbook.services.sample import load_sample
from panelbook.store import Store, queries

MARKING = "CONFIDENTIAL — NOT FOR PUBLICATION"
NOW = datetime(2023, 7, 17, 9, 0)
OFSTED = "Ofsted ILACS Standard Inspection of Southampton's Children's and Learning Service"
# Resolutions printed in the minutes under the confidential item (minute 11) and under a public one (minute 9).
OFSTED_RESOLVED = "That scrutiny of the Ofsted Improvement Plan is incorporated within the Panel work programme."
PUBLIC_RESOLVED = "a highlight report is attached to the monthly performance dataset"
NOTE_ON_OFSTED = "Ask how the re-inspection timetable affects the improvement plan"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    store = Store.open(data_folder(tmp_path_factory.mktemp("confidential") / "data"))
    load_sample(store)
    july = queries.resolve_meeting(store.db, "2023-07-20")
    add_note(store, queries.resolve_item(store.db, july, "11"), NOTE_ON_OFSTED, who="Cllr Webb")
    yield store, july
    store.close()


def _pages(path) -> list[str]:
    return [_flat(page.extract_text()) for page in PdfReader(str(path)).pages]


def test_the_public_briefing_leaves_confidential_items_out_and_says_so(sample, tmp_path):
    store, july = sample
    path = tmp_path / "public.pdf"
    result = export_briefing(store, july, path, profile="Cllr Webb", now=NOW)
    pages = _pages(path)
    whole = " ".join(pages)
    assert [i["minute_number"] for i in result.left_out] == ["11"] and result.marked_pages == []
    assert OFSTED_RESOLVED not in whole and NOTE_ON_OFSTED not in whole and PUBLIC_RESOLVED in whole
    assert MARKING not in whole
    assert f"1 confidential item left out: 11. {OFSTED}" in pages[0]       # the cover
    assert f"1 confidential item left out: 11. {OFSTED}" in pages[1]       # the contents
    assert "The 3 public agenda items" in pages[0]
    # Only the public items are listed anywhere: the contents and the agenda table name three.
    assert OFSTED not in " ".join(pages[2:])


def test_a_briefing_that_includes_them_marks_every_page_that_carries_them(sample, tmp_path):
    store, july = sample
    path = tmp_path / "confidential.pdf"
    result = export_briefing(store, july, path, profile="Cllr Webb", include_confidential=True, now=NOW)
    pages = _pages(path)
    assert [i["minute_number"] for i in result.confidential] == ["11"] and result.left_out == []
    carrying = {n for n, text in enumerate(pages) if OFSTED_RESOLVED in text or NOTE_ON_OFSTED in text}
    assert carrying, "the confidential item's resolutions and the member's note are printed"
    assert f"includes 1 confidential item: 11. {OFSTED}" in pages[0]
    # The cover's warning box, then the top and bottom of every page that carries them; no other page.
    assert pages[0].count(MARKING) == 3
    for n, text in enumerate(pages[1:], start=1):
        assert text.count(MARKING) == (2 if n in carrying else 0), (n, text[:120])
    assert result.marked_pages == sorted({0} | carrying)
    assert f"11. {OFSTED} (confidential)" in pages[1]
    assert "CONFIDENTIAL" in PdfReader(str(path)).metadata["/Keywords"]


def test_naming_a_confidential_item_without_asking_for_confidential_items_is_refused(sample, tmp_path):
    store, july = sample
    path = tmp_path / "refused.pdf"
    with pytest.raises(ConfidentialNotIncluded, match="Agenda item 11 is confidential"):
        export_briefing(store, july, path, items=["9", "11"], now=NOW)
    assert not path.exists()
    # Naming only public items is the public briefing of those items: nothing is left out of what was asked.
    result = export_briefing(store, july, path, items=["9"], now=NOW)
    assert result.left_out == [] and MARKING not in " ".join(_pages(path))


def test_report_pages_of_a_confidential_item_are_stamped_in_the_briefing(tmp_path):
    store = Store.open(data_folder(tmp_path / "data"))
    try:
        load_sample(store)
        august = queries.resolve_meeting(store.db, "2024-08-08")
        item8 = queries.resolve_item(store.db, august, "8")
        store.db["items"].update(item8, {"confidential": 1})
        path = tmp_path / "reports.pdf"
        result = export_briefing(store, august, path, items=["7", "8"], with_reports=True,
                                 include_confidential=True, now=NOW)
        pages = _pages(path)
        outline = {entry.title: PdfReader(str(path)).get_destination_page_number(entry)
                   for entry in _flatten(PdfReader(str(path)).outline)}
        start = outline["8. Repeat Child Protection Plans - Analysis"]
        report8 = outline["Report – pack pages 11–22"]
        report7 = outline["Report – pack pages 5–10"]
        # Item 8's own briefing pages, then its twelve pack pages, each marked; item 7's are not.
        marked = {0} | set(range(start, report8 + 12))
        assert pages[0].count(MARKING) == 3
        for n, text in enumerate(pages[1:], start=1):
            assert text.count(MARKING) == (2 if n in marked else 0), (n, text[:120])
        for offset, printed in enumerate(range(11, 23)):
            assert re.search(rf"\bPage {printed}\b", pages[report8 + offset]), printed   # the pack's own page
        assert "SUBJECT: EARLY YEARS AND CHILDCARE" in pages[report7]
        assert result.marked_pages == sorted(marked)
    finally:
        store.close()


def _flatten(entries):
    for entry in entries:
        if isinstance(entry, list):
            yield from _flatten(entry)
        else:
            yield entry
