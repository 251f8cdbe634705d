"""PDF page text through QtPdf, and every way a PDF can be unreadable."""
from __future__ import annotations

import io
import os

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from panelbook.model import UnreadableDocument
from panelbook.sources.pdftext import extract_pages, printed_page_number
from testdata import MODERNGOV
from tools.rebuild_pack import ReportText, pack_pdf

FRONT = "CHILDREN AND FAMILIES SCRUTINY PANEL\nAGENDA\n1 EARLY YEARS (Pages 1 - 2)\nReport of the Director."


@pytest.fixture
def small_pack(tmp_path):
    report = ReportText("1", 1, 2, "DECISION-MAKER: PANEL\nSUBJECT: EARLY YEARS\nThe report £20m – it’s “fine” café.")
    return pack_pdf(FRONT, [report], tmp_path / "small.pdf")


def test_zebra_crossing_report_pages():
    pages = extract_pages(MODERNGOV / "ZebraCrossing.pdf")
    assert len(pages) == 4
    assert pages[0].splitlines()[:2] == ["Kingston and North Kingston Neighbourhood Committee", "15 January 2026"]
    assert "Coombe Lane West Zebra Crossing - Local Consultation Results" in pages[0]


def test_bytes_and_path_give_the_same_pages(small_pack):
    assert extract_pages(small_pack.read_bytes()) == extract_pages(small_pack) == extract_pages(str(small_pack))


def test_pack_pages_keep_unicode_and_stamps(small_pack):
    pages = extract_pages(small_pack)
    assert len(pages) == 3
    # three lines spread over the report's two printed pages
    assert pages[1].splitlines()[:2] == ["DECISION-MAKER: PANEL", "SUBJECT: EARLY YEARS"]
    assert pages[2].splitlines()[0] == "The report £20m – it’s “fine” café."
    assert [printed_page_number(p) for p in pages] == [None, 1, 2]
    assert pages[1].splitlines()[-2:] == ["Page 1", "Agenda Item 1"]
    assert pages[2].splitlines()[-1] == "Page 2"
    assert pages[0].startswith("Rebuilt from the published text of the agenda pack")


def test_printed_page_number_reads_only_the_foot():
    assert printed_page_number("text\nmore\nPage 105\nAgenda Item 11") == 105
    assert printed_page_number("see Page 3 of the plan\n" + "line\n" * 6) is None
    assert printed_page_number("Other Background documents available for inspection at: Page 12") == 12
    assert printed_page_number("") is None


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "This file is empty."),
        (b"   \n", "This file is empty."),
        (os.urandom(4096).replace(b"%PDF-", b"xxxxx"), "This file is not a PDF."),
        (b"<html><body>Agenda</body></html>", "This file is not a PDF."),
        (b"%PDF-1.4\n" + b"garbage" * 100, "This PDF is damaged or incomplete; download it again and import the new copy."),
    ],
)
def test_bad_bytes(data, message):
    with pytest.raises(UnreadableDocument) as error:
        extract_pages(data)
    assert str(error.value) == message


def test_truncated_pdf(small_pack):
    data = small_pack.read_bytes()
    with pytest.raises(UnreadableDocument, match="damaged or incomplete"):
        extract_pages(data[: len(data) // 2])


def test_password_protected_pdf(small_pack):
    writer = PdfWriter()
    writer.append(PdfReader(small_pack))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(UnreadableDocument) as error:
        extract_pages(out.getvalue())
    assert str(error.value) == "This PDF is password-protected; save an unprotected copy and import that."


def test_pdf_without_text_layer():
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.rect(100, 100, 300, 400, fill=1)
    canvas.showPage()
    canvas.save()
    with pytest.raises(UnreadableDocument) as error:
        extract_pages(out.getvalue())
    assert str(error.value) == (
        "This PDF has no text layer (it looks scanned); Panelbook needs the council's original PDF."
    )


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableDocument, match="cannot be opened"):
        extract_pages(tmp_path / "nothing.pdf")
