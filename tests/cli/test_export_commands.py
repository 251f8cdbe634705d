"""`panelbook export ...` from the command line: files written, bad requests exit 2 with one line."""
from __future__ import annotations

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from panelbook.cli import main


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-home")
    assert main(["--home", str(folder), "sample"]) == 0
    assert main(["--home", str(folder), "note", "add", "2024-08-08", "7", "Ask about £ funding", "--question",
                 "--profile", "Cllr Webb"]) == 0
    return folder


def test_export_briefing_with_reports_for_chosen_items(home, tmp_path, capsys):
    out = tmp_path / "briefing.pdf"
    code = main(["--home", str(home), "export", "briefing", "2024-08-08", "-o", str(out), "--profile", "Cllr Webb",
                 "--with-reports", "--items", "7,8"])
    assert code == 0
    assert f"Written: {out}" in capsys.readouterr().out
    reader = PdfReader(str(out))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Ask about £ funding" in text
    assert [o.title for o in reader.outline if not isinstance(o, list)] == [
        "Cover", "Contents", "Meeting details", "Agenda items", "Outstanding recommendations", "Glossary"]


def test_export_monitoring_and_ics(home, tmp_path):
    assert main(["--home", str(home), "export", "monitoring", "2024-08-08", "-o", str(tmp_path / "m.pdf")]) == 0
    assert "Scrutiny Monitoring – 8 August 2024" in PdfReader(str(tmp_path / "m.pdf")).pages[0].extract_text()
    assert main(["--home", str(home), "export", "ics", "-o", str(tmp_path / "m.ics")]) == 0
    assert len(Calendar.from_ical((tmp_path / "m.ics").read_bytes()).walk("VEVENT")) == 8


@pytest.mark.parametrize("args, message", [
    (["briefing", "2024-08-08", "--items", "7,99"], "This meeting has no agenda item 99"),
    (["briefing", "2024-08-08", "--panel", "--profile", "Cllr Webb"], "--panel makes the whole panel's briefing"),
    (["briefing", "2023-07-20", "--with-reports"], "agenda pack is not in the store as a PDF"),
    (["briefing", "2031-01-01"], "There is no meeting on 2031-01-01"),
    (["monitoring", "999"], "There is no meeting with id 999"),
])
def test_bad_requests_exit_2_with_one_line_and_write_nothing(home, tmp_path, capsys, args, message):
    out = tmp_path / "x.pdf"
    assert main(["--home", str(home), "export", *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()


def test_the_public_briefing_says_which_confidential_items_it_left_out(home, tmp_path, capsys):
    out = tmp_path / "public.pdf"
    assert main(["--home", str(home), "export", "briefing", "2023-07-20", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "1 confidential item left out (item 11); add --include-confidential to print it" in printed
    assert "That scrutiny of the Ofsted Improvement Plan" not in " ".join(
        p.extract_text() for p in PdfReader(str(out)).pages)


def test_naming_a_confidential_item_is_refused_without_include_confidential(home, tmp_path, capsys):
    out = tmp_path / "refused.pdf"
    assert main(["--home", str(home), "export", "briefing", "2023-07-20", "--items", "11", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Agenda item 11 is confidential" in err and "--include-confidential" in err and err.count("\n") == 1
    assert not out.exists()
    assert main(["--home", str(home), "export", "briefing", "2023-07-20", "--items", "11", "--include-confidential",
                 "-o", str(out)]) == 0
    assert "Includes 1 confidential item (item 11)" in capsys.readouterr().out
    pages = [p.extract_text() for p in PdfReader(str(out)).pages]
    assert any("That scrutiny of the Ofsted Improvement Plan" in p and "CONFIDENTIAL — NOT FOR PUBLICATION" in p
               for p in pages)
