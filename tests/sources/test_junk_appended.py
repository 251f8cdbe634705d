"""A real document with junk appended (a file users drop on the window by mistake).

Each seed and sample is given 50 MB of random bytes or of repeated prose after
its end.  Text documents that open like a council document but hold far more
text than any does are refused with one sentence saying so; a little junk
(under the limit) is read and the document's own meetings and items come out
as from the clean file; web pages and PDFs are read as if nothing was appended,
because their readers stop at the document's end.
"""
from __future__ import annotations

import random

import pytest

from panelbook.model import ParsedDocument, UnreadableDocument
from panelbook.sources.detect import MAX_TEXT_MB, read_document
from testdata import MODERNGOV, REPO, SEEDS

FIFTY_MB = 50 * 1024 * 1024
REBUILT_PACK = REPO / "resources" / "sample" / "2024-08-08 agenda pack (rebuilt).pdf"
SEED_KINDS = {
    "000_011e31915eabbbd2.txt": "printed minutes",
    "001_3a7149a21f6b49d0.txt": "a ModernGov meeting page",
    "002_255ed4f2fc1960cd.txt": "a ModernGov issue page",
    "003_41e7f3da12eebc0c.txt": "an agenda pack",
    "004_a891e5ad8eac6e85.txt": "a ModernGov meeting page",
}


def _prose_block() -> bytes:
    rng = random.Random(7)
    words = ("the council panel report member meeting scrutiny children families service budget plan "
             "review officer school care support young people local authority cabinet decision minutes "
             "agenda page resolved item").split()
    lines = [" ".join(rng.choice(words) for _ in range(rng.randint(6, 30))).capitalize() + "."
             for _ in range(600)]
    return ("\n".join(lines) + "\n\n").encode("ascii")


PROSE = _prose_block()


def prose(size: int) -> bytes:
    return (PROSE * (size // len(PROSE) + 1))[:size]


def noise(size: int) -> bytes:
    return random.Random(5).randbytes(size)


def outline(parsed: ParsedDocument) -> list[tuple]:
    """What a document says about its meetings and their items, numbers and page ranges."""
    return [
        (m.committee, m.date, m.time, m.status, m.venue,
         [(i.agenda_number, i.minute_number, i.title, i.pages, i.confidential) for i in m.items])
        for m in parsed.meetings
    ]


def resolutions_before_the_last_item(parsed: ParsedDocument) -> list[list[tuple]]:
    """The junk runs on from the document's last item, so only the others are compared whole."""
    return [[(r.number, r.text) for r in item.resolutions]
            for m in parsed.meetings for item in m.items[:-1]]


def refusal(data: bytes) -> str:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(data)
    message = str(caught.value)
    # One sentence the readers meant, not an unforeseen failure turned into one.
    assert caught.value.__cause__ is None or isinstance(caught.value.__cause__, UnreadableDocument)
    assert "\n" not in message and message.endswith(".")
    return message


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SEED_KINDS))
def test_fifty_megabytes_of_prose_after_a_text_document_is_refused_as_too_much_text(name):
    message = refusal((SEEDS / name).read_bytes() + b"\n" + prose(FIFTY_MB))
    assert message == (
        f"This file looks like {SEED_KINDS[name]} but holds 50 MB of text, far more than any council "
        f"document (Panelbook reads up to {MAX_TEXT_MB} MB of text), so something else has probably been "
        "added to it; import the original document."
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SEED_KINDS))
def test_fifty_megabytes_on_one_line_after_a_text_document_is_refused_as_too_much_text(name):
    junk = prose(FIFTY_MB).replace(b"\n", b" ")
    message = refusal((SEEDS / name).read_bytes() + b"\n" + junk)
    assert message.startswith(f"This file looks like {SEED_KINDS[name]} but holds 50 MB of text")


@pytest.mark.parametrize("name", sorted(SEED_KINDS))
def test_random_bytes_after_a_text_document_are_refused_as_binary_data(name):
    # Seed 003 is longer than the first 64 KB that decoding looks at closely;
    # it used to be refused as text "in an encoding Panelbook does not recognise".
    message = refusal((SEEDS / name).read_bytes() + noise(FIFTY_MB))
    assert message == ("This file is not a PDF, a web page or text that Panelbook can read "
                       "(it looks like binary data).")


@pytest.mark.parametrize("name", sorted(SEED_KINDS))
def test_a_little_prose_after_a_text_document_still_reads_as_the_document(name):
    clean = read_document((SEEDS / name).read_bytes()).parsed
    padded = read_document((SEEDS / name).read_bytes() + b"\n\n" + prose(2 * 1024 * 1024)).parsed
    assert padded.kind == clean.kind
    assert outline(padded) == outline(clean)
    assert resolutions_before_the_last_item(padded) == resolutions_before_the_last_item(clean)
    assert clean.meetings[0].items


def test_text_just_over_the_limit_is_refused_and_just_under_it_is_read():
    minutes = (SEEDS / "000_011e31915eabbbd2.txt").read_text(encoding="utf-8")
    limit = MAX_TEXT_MB * 1024 * 1024          # characters of text
    under = minutes + "\n" + prose(limit - len(minutes) - 1).decode("ascii")
    assert len(under) == limit
    assert read_document(under.encode("utf-8")).parsed.meetings[0].items
    message = refusal((under + "x").encode("utf-8"))
    assert message.startswith(f"This file looks like printed minutes but holds {MAX_TEXT_MB} MB of text")


@pytest.mark.parametrize("junk", [prose, noise], ids=["prose", "random"])
@pytest.mark.parametrize("name", ["Agenda_151.html", "BrowseMeetings.html", "CommitteeDetails.html"])
def test_a_saved_page_with_junk_after_it_reads_as_the_page(name, junk):
    clean = read_document((MODERNGOV / name).read_bytes()).parsed
    data = (MODERNGOV / name).read_bytes() + b"\n" + junk(FIFTY_MB)
    if junk is noise:
        # Decoding refuses what is not text before any reader sees it.
        assert "binary data" in refusal(data)
        return
    padded = read_document(data).parsed
    assert padded.kind == clean.kind
    assert outline(padded) == outline(clean)
    assert [c.name for c in padded.committees] == [c.name for c in clean.committees]


@pytest.mark.parametrize("junk", [prose, noise], ids=["prose", "random"])
@pytest.mark.parametrize("path", [MODERNGOV / "ZebraCrossing.pdf", REBUILT_PACK], ids=["report", "pack"])
def test_a_pdf_with_junk_after_it_reads_as_the_pdf(path, junk):
    clean = read_document(path.read_bytes()).parsed
    padded = read_document(path.read_bytes() + b"\n" + junk(FIFTY_MB)).parsed
    assert padded.kind == clean.kind
    assert outline(padded) == outline(clean)
    assert [p.text for p in padded.pages] == [p.text for p in clean.pages]
