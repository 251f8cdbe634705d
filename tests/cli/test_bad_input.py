"""Bad input through `panelbook import`: one clear line, exit status 1, the store untouched.

Every case runs against a store that already holds the seed documents, and
compares the whole store (SQL dump and stored files) before and after.
"""
from __future__ import annotations

import io
import random
import re
import shutil
import time
from pathlib import Path

import pytest

from panelbook.cli import main
from panelbook.paths import data_folder
from panelbook.store import Store
from testdata import MODERNGOV, REPO, SEEDS, snapshot

SEED_FILES = sorted(str(p) for p in SEEDS.glob("00*.txt"))
REBUILT_PACK = REPO / "resources" / "sample" / "2024-08-08 agenda pack (rebuilt).pdf"


# -- helpers -------------------------------------------------------------------

def state(home: Path):
    with Store.open(data_folder(home)) as store:
        return snapshot(store)


def run(capsys, home: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(capsys, home: Path, files: list[Path | str], *words: str, name: str | None = None) -> str:
    """Import ``files``; expect exit 1, one "panelbook: " line naming the file with
    ``words`` in it, no traceback, and the store exactly as it was."""
    before = state(home)
    code, out, err = run(capsys, home, "import", *map(str, files))
    after = state(home)
    assert code == 1, (out, err)
    assert "Traceback" not in out + err
    lines = err.splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith("panelbook: ")
    assert (name or Path(files[-1]).name) in line
    for word in words:
        assert re.search(word, line, re.IGNORECASE), (word, line)
    assert out == ""
    assert after == before
    return line


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("seeded") / "data"
    assert main(["--home", str(home), "import", *SEED_FILES]) == 0
    return home


@pytest.fixture
def home(seeded, tmp_path, capsys) -> Path:
    """A fresh copy of the seeded store for each test."""
    capsys.readouterr()
    copy = tmp_path / "data"
    shutil.copytree(seeded, copy)
    return copy


@pytest.fixture(scope="module")
def pack_bytes() -> bytes:
    return REBUILT_PACK.read_bytes()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def scanned_pdf(with_image: bool) -> bytes:
    """A one-page PDF with no text layer: a drawn shape, or a picture of a page."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    if with_image:
        picture = Image.new("L", (400, 560), 255)
        ImageDraw.Draw(picture).rectangle((40, 40, 360, 80), fill=0)
        page.drawImage(ImageReader(picture), 72, 150, width=400, height=560)
    else:
        page.rect(72, 72, 400, 600, fill=1)
    page.showPage()
    page.save()
    return buffer.getvalue()


def prose(size: int) -> bytes:
    """Paragraphs of ordinary English about council business, ``size`` bytes long."""
    rng = random.Random(7)
    words = ("the council panel report member meeting scrutiny children families service budget plan "
             "review officer school care support young people local authority cabinet decision minutes "
             "agenda page resolved item").split()
    parts, total = [], 0
    while total < size:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 30))).capitalize() + ".\n"
        if rng.random() < 0.2:
            sentence += "\n"
        parts.append(sentence)
        total += len(sentence)
    return "".join(parts).encode("ascii")[:size]


# -- documents that cannot be read ---------------------------------------------

def test_empty_file(home, tmp_path, capsys):
    assert_refused(capsys, home, [write(tmp_path, "empty.pdf", b"")], "empty", "again")


def test_blank_text_file(home, tmp_path, capsys):
    assert_refused(capsys, home, [write(tmp_path, "blank.txt", b" \n\r\n\t \n")], "empty")


def test_truncated_pdf(home, tmp_path, capsys, pack_bytes):
    half = write(tmp_path, "pack.pdf", pack_bytes[: len(pack_bytes) // 2])
    assert_refused(capsys, home, [half], "damaged or incomplete", "download it again")


def test_encrypted_pdf(home, tmp_path, capsys, pack_bytes):
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pack_bytes))
    writer.encrypt("panel-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    locked = write(tmp_path, "locked pack.pdf", buffer.getvalue())
    assert_refused(capsys, home, [locked], "password-protected", "unprotected copy")


@pytest.mark.parametrize("with_image", [False, True], ids=["drawing", "image"])
def test_scanned_pdf(home, tmp_path, capsys, with_image):
    scan = write(tmp_path, "scan.pdf", scanned_pdf(with_image))
    assert_refused(capsys, home, [scan], "no text layer", "scanned", "original PDF")


def test_random_bytes(home, tmp_path, capsys):
    noise = write(tmp_path, "noise.dat", random.Random(3).randbytes(50_000))
    assert_refused(capsys, home, [noise], "binary data")


def test_random_bytes_behind_a_pdf_signature(home, tmp_path, capsys):
    noise = write(tmp_path, "noise.pdf", b"%PDF-1.7\n" + random.Random(4).randbytes(50_000))
    assert_refused(capsys, home, [noise], "damaged")


def test_html_page_from_another_site(home, tmp_path, capsys):
    page = write(tmp_path, "news.html", (
        "<!DOCTYPE html><html lang='en'><head><title>Evening Echo - Local news</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        "<article><h1>Bridge reopens after repairs</h1><p>Published Thursday, 8th August, 2024</p>"
        "<p>The Itchen Bridge reopened on Monday. A council spokesperson said the work had finished early.</p>"
        "</article><footer>&copy; 2024 Evening Echo</footer></body></html>"
    ))
    assert_refused(capsys, home, [page], "not a ModernGov", "ieListDocuments")


def test_committee_structure_page_is_not_read(home, tmp_path, capsys):
    structure = MODERNGOV / "CommitteeStructure.html"
    assert_refused(capsys, home, [structure], "not a ModernGov 'Agenda and minutes' page")


def test_xml_that_is_not_the_web_service(home, tmp_path, capsys):
    feed = write(tmp_path, "feed.xml", "<?xml version='1.0'?><rss><channel><title>News</title></channel></rss>")
    assert_refused(capsys, home, [feed], "not a ModernGov web-service")


@pytest.mark.slow
def test_fifty_megabytes_of_prose_is_refused_quickly(home, tmp_path, capsys):
    big = write(tmp_path, "essay.txt", prose(50 * 1024 * 1024))
    started = time.perf_counter()
    assert_refused(capsys, home, [big], "does not recognise")
    assert time.perf_counter() - started < 10


@pytest.mark.slow
def test_fifty_megabytes_on_one_line_is_refused_quickly(home, tmp_path, capsys):
    big = write(tmp_path, "one line.txt", prose(50 * 1024 * 1024).replace(b"\n", b" "))
    started = time.perf_counter()
    assert_refused(capsys, home, [big], "does not recognise")
    assert time.perf_counter() - started < 10


# -- wrong encoding ---------------------------------------------------------------
# Panelbook reads UTF-8 (with or without a BOM), UTF-16 with a BOM and, for old
# Word exports, Windows-1252.  "Wrong encoding" is text it cannot decode for
# sure: UTF-16 saved without its byte-order mark, or an encoding such as
# Shift-JIS whose bytes are not Windows-1252.  Windows-1252 bytes of a council
# document are read as such (see the last test here).

def test_utf16_without_byte_order_mark(home, tmp_path, capsys):
    text = (SEEDS / Path(SEED_FILES[4]).name).read_text(encoding="utf-8")
    bare = write(tmp_path, "minutes utf16.txt", text.encode("utf-16-le"))
    assert_refused(capsys, home, [bare], "UTF-16", "byte-order mark", "save it as UTF-8")


def test_text_in_an_unknown_encoding(home, tmp_path, capsys):
    japanese = write(tmp_path, "notes-sjis.txt", ("委員会は予算について議論しました。\n" * 40).encode("shift_jis"))
    assert_refused(capsys, home, [japanese], "encoding", "save it as UTF-8")


def test_latin1_text_that_is_not_a_council_document(home, tmp_path, capsys):
    french = ("Le comité s'est réuni à Genève pour goûter la crème brûlée et le café.\n" * 80).encode("latin-1")
    assert_refused(capsys, home, [write(tmp_path, "recette.txt", french)], "does not recognise")


def test_windows_1252_council_text_is_read_as_printed(tmp_path, capsys):
    """Not bad input: a meeting page saved in Windows-1252 gives what the UTF-8 copy gives."""
    text = Path(SEED_FILES[4]).read_text(encoding="utf-8")
    assert any(ord(ch) > 127 for ch in text)
    utf8_home, cp1252_home = tmp_path / "a", tmp_path / "b"
    assert run(capsys, utf8_home, "import", SEED_FILES[4])[0] == 0
    cp1252 = write(tmp_path, "page-1252.txt", text.encode("cp1252"))
    assert run(capsys, cp1252_home, "import", str(cp1252))[0] == 0
    agendas = []
    for home in (utf8_home, cp1252_home):
        code, out, _ = run(capsys, home, "agenda", "2024-08-08", "--json")
        assert code == 0
        agendas.append(out)
    assert agendas[0] == agendas[1]
    assert "Early Years and Childcare" in agendas[0]
    assert "review in 6 months’ time" in agendas[1]   # the curly apostrophe survives Windows-1252


# -- the same file again, and clashes with what the store holds ------------------

def test_same_file_twice_in_one_command_and_again_later(home, capsys):
    import json

    page = str(MODERNGOV / "Agenda_151.html")
    code, out, err = run(capsys, home, "import", page, page, "--json")
    assert code == 0, err
    first, second = json.loads(out)
    assert first["items"] == 12 and first["meetings"] == 1
    assert {k: second[k] for k in ("meetings", "items", "resolutions", "recommendations")} == dict.fromkeys(
        ("meetings", "items", "resolutions", "recommendations"), 0)
    assert second["document_id"] == first["document_id"]
    before = state(home)
    code, out, err = run(capsys, home, "import", page, "--json")
    assert code == 0, err
    (again,) = json.loads(out)
    assert [again[k] for k in ("meetings", "items", "resolutions", "recommendations")] == [0, 0, 0, 0]
    assert state(home) == before


def test_seed_imported_again_changes_nothing(home, capsys):
    before = state(home)
    code, out, err = run(capsys, home, "import", SEED_FILES[3], SEED_FILES[3])
    assert code == 0, err
    assert out.count("0 meetings, 0 items, 0 resolutions, 0 recommendations") == 2
    assert state(home) == before


def other_document_for_the_same_meeting() -> str:
    """Seed 004 (the 8 August 2024 meeting page) with every item title replaced."""
    text = Path(SEED_FILES[4]).read_text(encoding="utf-8")
    lines = text.split("\n")
    replaced = 0
    for index, line in enumerate(lines):
        if re.fullmatch(r"\d{1,2}\.", line.strip()):
            title_at = next(i for i in range(index + 1, len(lines)) if lines[i].strip())
            lines[title_at] = f"Allotment Waiting Lists, Part {replaced + 1} pdf icon PDF 100 KB"
            replaced += 1
    assert replaced == 7
    return "\n".join(lines)


def test_a_different_document_for_a_meeting_already_imported(home, tmp_path, capsys):
    wrong = write(tmp_path, "2024-08-08 page.txt", other_document_for_the_same_meeting())
    assert_refused(capsys, home, [wrong], "already has a different meeting page",
                   "Children and Families Scrutiny Panel", "08 August 2024", "none of the same items",
                   "right file")


def kingston_meetings(capsys, home: Path) -> list[dict]:
    import json

    code, out, _ = run(capsys, home, "meetings", "--json")
    assert code == 0
    return [m for m in json.loads(out) if "Kingston" in (m["council"] or "")]


@pytest.mark.parametrize("order", ["good first", "bad first"])
def test_one_bad_file_does_not_stop_the_others(home, tmp_path, capsys, pack_bytes, order):
    """Each readable file is imported, each unreadable one named with its reason,
    a summary line counts both, and the exit status is 1."""
    good = MODERNGOV / "Agenda_151.html"
    bad = write(tmp_path, "half.pdf", pack_bytes[: len(pack_bytes) // 3])
    files = [good, bad] if order == "good first" else [bad, good]
    stored_before = {p for p in (home / "files").rglob("*") if p.is_file()}
    code, out, err = run(capsys, home, "import", *map(str, files))
    assert code == 1
    assert "Traceback" not in out + err
    (reason,) = err.splitlines()
    assert reason.startswith(f"panelbook: {bad}: ") and "damaged" in reason
    assert out.splitlines()[-1] == "1 file imported, 1 could not be imported."
    assert "Agenda_151.html: meeting page" in out
    assert len(kingston_meetings(capsys, home)) == 1
    stored_after = {p for p in (home / "files").rglob("*") if p.is_file()}
    assert len(stored_after - stored_before) == 1     # the good file's copy only


def test_a_clash_does_not_undo_the_good_file_beside_it(home, tmp_path, capsys):
    """The clash is found while writing: that file is refused, the good one stays."""
    good = MODERNGOV / "Agenda_151.html"
    wrong = write(tmp_path, "wrong page.txt", other_document_for_the_same_meeting())
    code, _, err = run(capsys, home, "import", str(good), str(wrong), "--json")
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"panelbook: {wrong}: ") and "none of the same items" in lines[0]
    assert lines[1:] == ["1 file imported, 1 could not be imported."]
    assert len(kingston_meetings(capsys, home)) == 1
    assert "Allotment" not in run(capsys, home, "agenda", "2024-08-08")[1]


def test_every_file_unreadable(home, tmp_path, capsys):
    first = write(tmp_path, "a.pdf", b"%PDF-1.4 nothing")
    second = tmp_path / "missing.txt"
    before = state(home)
    code, out, err = run(capsys, home, "import", str(first), str(second))
    assert code == 1 and out == "0 files imported, 2 could not be imported.\n"
    assert [line.split(": ")[1] for line in err.splitlines()] == [str(first), str(second)]
    assert state(home) == before


# -- files that cannot be opened -----------------------------------------------------

def test_file_over_the_size_limit(home, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PANELBOOK_MAX_IMPORT_MB", "1")
    big = write(tmp_path, "huge pack.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))
    assert_refused(capsys, home, [big], "2 MB", "over Panelbook's 1 MB limit")


def test_size_limit_allows_files_under_it(home, capsys, monkeypatch):
    monkeypatch.setenv("PANELBOOK_MAX_IMPORT_MB", "1")
    code, _, err = run(capsys, home, "import", str(MODERNGOV / "Agenda_151.html"))
    assert code == 0, err


def test_missing_file(home, tmp_path, capsys):
    assert_refused(capsys, home, [tmp_path / "no such pack.pdf"], "cannot be opened", "No such file")


def test_folder(home, tmp_path, capsys):
    folder = tmp_path / "papers"
    folder.mkdir()
    assert_refused(capsys, home, [folder], "is a folder", "documents inside it")


# -- bad arguments: exit status 2 ------------------------------------------------------

@pytest.mark.parametrize(("argv", "words"), [
    (["agenda", "2031-02-03"], "no meeting on 2031-02-03"),
    (["agenda", "99999"], "no meeting with id 99999"),
    (["agenda", "8th August"], "neither a meeting id nor a date"),
    (["agenda", "2024-13-45"], "2024-13-45"),
    (["notes", "2031-02-03"], "no meeting on 2031-02-03"),
    (["note", "add", "2024-08-08", "99", "A question"], "99"),
])
def test_bad_arguments_exit_2(home, capsys, argv, words):
    before = state(home)
    code, out, err = run(capsys, home, *argv)
    assert code == 2, (out, err)
    assert "Traceback" not in out + err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("panelbook: ")
    assert words.lower() in lines[0].lower()
    assert state(home) == before


@pytest.mark.parametrize("argv", [["recs", "--status", "sideways"], ["frobnicate"], ["import"]])
def test_argparse_errors_exit_2(home, capsys, argv):
    with pytest.raises(SystemExit) as stopped:
        main(["--home", str(home), *argv])
    assert stopped.value.code == 2
    _, err = capsys.readouterr()
    assert "Traceback" not in err and "error:" in err


def test_meetings_with_an_impossible_date_exit_2(home, capsys):
    code, _, err = run(capsys, home, "meetings", "--from", "2024-13-45")
    assert code == 2 and "2024-13-45" in err
