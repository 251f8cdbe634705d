"""The 8 August 2024 pack rebuilt as a PDF from seed 003, read back through the PDF reader."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from panelbook.model import UnreadableDocument
from panelbook.sources.pack import read_pack, read_pack_text
from panelbook.sources.pdftext import extract_pages
from testdata import seed_text
from tools.rebuild_pack import NOTICE, pack_reports, rebuild_pack_pdf


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    path = rebuild_pack_pdf(seed_text("003"), tmp_path_factory.mktemp("pack") / "pack.pdf")
    return path, extract_pages(path)


@pytest.fixture(scope="module")
def from_text():
    return read_pack_text(seed_text("003"))


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").replace("\u2022", " "))


def test_layout(rebuilt):
    _path, pages = rebuilt
    parsed = read_pack(pages)
    numbered = [p for p in parsed.pages if p.printed is not None]
    front = [p for p in parsed.pages if p.printed is None]
    assert len(pages) == len(parsed.pages) == len(front) + 110
    assert [p.printed for p in numbered] == list(range(1, 111))
    assert all(p.index < numbered[0].index for p in front)
    assert [p.index for p in parsed.pages] == list(range(len(pages)))
    assert pages[0].startswith(NOTICE.split(";")[0])
    assert " ".join(pages[0].split()).startswith(NOTICE)
    # "Agenda Item N" stamps exactly on each report's first printed page
    stamps = {p.printed: re.findall(r"^Agenda Item (\d+)$", p.text, re.M) for p in numbered}
    assert {n: s for n, s in stamps.items() if s} == {
        1: ["6"], 5: ["7"], 11: ["8"], 23: ["9"], 67: ["10"], 105: ["11"]}


def test_same_agenda_as_the_text(rebuilt, from_text):
    parsed = read_pack(rebuilt[1])
    items = parsed.meetings[0].items
    expected = from_text.meetings[0].items
    assert [(i.agenda_number, i.title, i.description, i.pages) for i in items] == [
        (i.agenda_number, i.title, i.description, i.pages) for i in expected]
    assert [i.pages for i in items if i.pages] == [(1, 4), (5, 10), (11, 22), (23, 66), (67, 104), (105, 110)]
    assert parsed.committee == from_text.committee
    assert [(m.date, m.status) for m in parsed.meetings] == [(m.date, m.status) for m in from_text.meetings]
    assert parsed.meetings[0].agenda_published == from_text.meetings[0].agenda_published
    assert parsed.monitoring == from_text.monitoring
    assert parsed.glossary == from_text.glossary
    assert parsed.warnings == []
    # no word of any report is lost in the layout, however small the type had to go
    for mine, theirs in zip(items, expected, strict=True):
        assert words(mine.text) == words(theirs.text), mine.agenda_number


def test_printed_page_11_opens_item_8(rebuilt):
    parsed = read_pack(rebuilt[1])
    page = next(p for p in parsed.pages if p.printed == 11)
    item = next(i for i in parsed.meetings[0].items if i.pages and i.pages[0] == 11)
    assert item.title == "Repeat Child Protection Plans - Analysis"
    assert page.text.startswith("DECISION-MAKER: CHILDREN AND FAMILIES SCRUTINY PANEL\nSUBJECT: REPEAT CHILD PROTECTION PLANS - ANALYSIS")
    assert page.text.splitlines()[-2:] == ["Page 11", "Agenda Item 8"]
    assert item.text.startswith("DECISION-MAKER: CHILDREN AND FAMILIES SCRUTINY PANEL")


def test_surviving_footers_keep_their_pages(rebuilt):
    parsed = read_pack(rebuilt[1])
    by_printed = {p.printed: p.text for p in parsed.pages}
    assert "Other Background documents available for inspection at:" in by_printed[12]
    assert "the child's needs." in by_printed[99]
    assert "Personal Education Plan" in by_printed[100]
    assert "RESOURCE IMPLICATIONS" in by_printed[105]
    assert by_printed[106].startswith("Capital/Revenue/Property/Other")


def test_incomplete_pack_fixture(tmp_path):
    front, reports = pack_reports(seed_text("003"))
    path = rebuild_pack_pdf(seed_text("003"), tmp_path / "gaps.pdf", drop_pages={12, 13}, notice=None)
    parsed = read_pack(extract_pages(path))
    assert [p.printed for p in parsed.pages if p.printed] == [n for n in range(1, 111) if n not in (12, 13)]
    assert parsed.warnings == ["Agenda item 8: some of pages 11-22 are missing."]
    assert not extract_pages(path)[0].startswith("Rebuilt")
    assert [r.number for r in reports] == ["6", "7", "8", "9", "10", "11"]
    assert front.rstrip().endswith("Wednesday, 31 July 2024 Director – Legal and Governance")


def test_truncated_rebuilt_pack(rebuilt):
    data = rebuilt[0].read_bytes()
    with pytest.raises(UnreadableDocument, match="damaged or incomplete"):
        extract_pages(data[: int(len(data) * 0.6)])


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pages_render(rebuilt, tmp_path):
    path = rebuilt[0]
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
                   check=True)
    (png,) = tmp_path.glob("p*.png")
    assert png.stat().st_size > 5000
