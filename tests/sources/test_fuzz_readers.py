"""Every reader fuzzed with mutated seeds and samples: the only error that may
escape is UnreadableDocument, with one plain sentence.

Inputs start from the real documents (seeds 000-004, the ModernGov samples,
the rebuilt pack's pages) and are truncated, byte-flipped, cut and repeated
line by line, and spliced with junk, including the markers readers look for
("RESOLVED", "Page 12", "(Pages 5 - 10)", "Minutes:", table tags).  The runs
are derandomised so the suite is repeatable; benchmarks/fuzz.py explores more.
Also here: XML entity bombs and external entities, 100,000-deep HTML, and a
2,000-page PDF read in bounded memory.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from fuzz_markers import MARKERS
from panelbook.model import UnreadableDocument
from panelbook.sources import (
    agenda_text,
    committee_page,
    issue_page,
    item_page,
    meeting_list_page,
    meeting_page,
    meeting_page_flat,
    minutes,
    pack,
    report,
    webservice,
)
from panelbook.sources.detect import read_document
from panelbook.sources.pdftext import extract_pages
from testdata import MODERNGOV, REPO, SEEDS, SHARED

REBUILT_PACK = REPO / "resources" / "sample" / "2024-08-08 agenda pack (rebuilt).pdf"

SEED_BYTES = [p.read_bytes() for p in sorted(SEEDS.glob("00*.txt"))]
MINUTES, MEETING_PAGE, ISSUE_PAGE, PACK_TEXT, MEETING_PAGE_2 = range(5)
HTML_BYTES = {name: (MODERNGOV / name).read_bytes() for name in (
    "Agenda_151.html", "BrowseMeetings.html", "CommitteeDetails.html", "CommitteeStructure.html")}
XML_BYTES = [p.read_bytes() for p in sorted(MODERNGOV.glob("*.xml"))]
PACK_PAGES = extract_pages(REBUILT_PACK)
REPORT_PAGES = extract_pages(MODERNGOV / "ZebraCrossing.pdf")
# Other councils' documents (../shared/corpus), one of each shape the newer readers take.
CORPUS_BYTES = {name: (SHARED / "corpus" / name).read_bytes() for name in (
    "cotswold_council_ieListDocuments_CId1154_MId1778.txt", "oadby_wigston_ieListDocuments_CId221_MeetingId2966.txt",
    "westlancs_cabinet_ieListDocuments_CId143_MID2806.txt", "brightonhove_mgAi_64653.txt",
    "spelthorne_mgDelegatedDecisions_DS3.txt", "chiseldon_pc_cancelled_agenda_2021-12-09.txt",
    "valeofglamorgan_scrutiny_tracking_2012-07-23.txt", "brightonhove_policy_resources_minutes_2021-07-01_pdftext.txt",
    "ynysmon_cy_CeListDocuments_minutes_2010-03-16.txt", "flintshire_cy_ieListDocuments_CId143_MeetingId3878.txt")}
CORPUS_READERS = (meeting_page.read_meeting_page_text, meeting_page_flat.read_flat_meeting_page,
                  item_page.read_item_page, agenda_text.read_agenda_text, report.read_report_text,
                  minutes.read_minutes_text)

_FRACTION = st.integers(0, 10_000)
_OP = st.one_of(
    st.tuples(st.just("truncate"), _FRACTION),
    st.tuples(st.just("flip"), _FRACTION, st.integers(1, 255)),
    st.tuples(st.just("delete_lines"), _FRACTION, st.integers(1, 40)),
    st.tuples(st.just("repeat_lines"), _FRACTION, st.integers(1, 40), st.integers(2, 5)),
    st.tuples(st.just("insert"), _FRACTION, st.one_of(st.sampled_from(MARKERS), st.binary(max_size=48))),
)
MUTATIONS = st.lists(_OP, min_size=1, max_size=6)


def _at(data: bytes | list, fraction: int) -> int:
    return len(data) * fraction // 10_000


def mutate(data: bytes, ops: list[tuple]) -> bytes:
    """Apply ``ops`` (from MUTATIONS) to ``data``."""
    for op in ops:
        kind, fraction = op[0], op[1]
        if kind == "truncate":
            data = data[:_at(data, fraction)]
        elif kind == "flip" and data:
            at = min(_at(data, fraction), len(data) - 1)
            data = data[:at] + bytes([data[at] ^ op[2]]) + data[at + 1:]
        elif kind in ("delete_lines", "repeat_lines"):
            lines = data.split(b"\n")
            at, count = _at(lines, fraction), op[2]
            block = lines[at:at + count]
            times = 0 if kind == "delete_lines" else op[3]
            data = b"\n".join(lines[:at] + block * times + lines[at + count:])
        elif kind == "insert":
            at = _at(data, fraction)
            data = data[:at] + op[2] + data[at:]
    return data


def as_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def only_unreadable(reader, *args) -> None:
    """Call ``reader``; it may succeed or raise UnreadableDocument with one sentence."""
    try:
        reader(*args)
    except UnreadableDocument as error:
        message = str(error)
        assert message.strip() and "\n" not in message and "Traceback" not in message, message


# PANELBOOK_FUZZ_EXAMPLES=2000 runs a longer, randomised search instead.
_LONG_RUN = int(os.environ.get("PANELBOOK_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=_LONG_RUN or 60, deadline=2000, derandomize=not _LONG_RUN, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# -- text readers --------------------------------------------------------------------

@FUZZ
@given(seed=st.sampled_from([PACK_TEXT, MINUTES]), ops=MUTATIONS)
@example(seed=PACK_TEXT, ops=[("truncate", 300)])
def test_read_pack_text(seed, ops):
    only_unreadable(pack.read_pack_text, as_text(mutate(SEED_BYTES[seed], ops)))


@FUZZ
@given(seed=st.sampled_from([MINUTES, PACK_TEXT, MEETING_PAGE]), ops=MUTATIONS)
def test_read_minutes_text(seed, ops):
    only_unreadable(minutes.read_minutes_text, as_text(mutate(SEED_BYTES[seed], ops)))


@FUZZ
@given(seed=st.sampled_from([MEETING_PAGE_2, MEETING_PAGE, ISSUE_PAGE]), ops=MUTATIONS)
def test_read_meeting_page_text(seed, ops):
    only_unreadable(meeting_page.read_meeting_page_text, as_text(mutate(SEED_BYTES[seed], ops)))


@FUZZ
@given(seed=st.sampled_from([ISSUE_PAGE, MEETING_PAGE_2]), ops=MUTATIONS)
def test_read_issue_page(seed, ops):
    only_unreadable(issue_page.read_issue_page, as_text(mutate(SEED_BYTES[seed], ops)))


@FUZZ
@given(name=st.sampled_from(sorted(CORPUS_BYTES)), reader=st.sampled_from(CORPUS_READERS), ops=MUTATIONS)
def test_readers_of_other_councils_documents(name, reader, ops):
    only_unreadable(reader, as_text(mutate(CORPUS_BYTES[name], ops)))


# -- saved web pages --------------------------------------------------------------------

@FUZZ
@given(name=st.sampled_from(["Agenda_151.html", "BrowseMeetings.html"]), ops=MUTATIONS)
def test_read_meeting_page_html(name, ops):
    html = as_text(mutate(HTML_BYTES[name], ops))
    only_unreadable(meeting_page.read_meeting_page_html, html, "https://example.gov.uk/ieListDocuments.aspx?MId=1")


@FUZZ
@given(name=st.sampled_from(["CommitteeDetails.html", "CommitteeStructure.html"]), ops=MUTATIONS)
def test_read_committee_page(name, ops):
    only_unreadable(committee_page.read_committee_page, as_text(mutate(HTML_BYTES[name], ops)))


@FUZZ
@given(name=st.sampled_from(["BrowseMeetings.html", "Agenda_151.html"]), ops=MUTATIONS)
def test_read_meeting_list_page_html(name, ops):
    html = as_text(mutate(HTML_BYTES[name], ops))
    only_unreadable(meeting_list_page.read_meeting_list_page_html, html, "https://example.gov.uk/ieListMeetings.aspx")


@FUZZ
@given(seed=st.integers(0, len(XML_BYTES) - 1), ops=MUTATIONS, as_str=st.booleans())
def test_read_webservice_xml(seed, ops, as_str):
    data = mutate(XML_BYTES[seed], ops)
    only_unreadable(webservice.read_webservice_xml, as_text(data) if as_str else data, "https://example.gov.uk/")


# -- PDF page texts ------------------------------------------------------------------------

_PAGE_OP = st.one_of(
    st.tuples(st.just("drop"), _FRACTION, st.integers(1, 30)),
    st.tuples(st.just("repeat"), _FRACTION, st.integers(1, 5)),
    st.tuples(st.just("page"), _FRACTION, MUTATIONS),
    st.tuples(st.just("reverse"), _FRACTION),
)


def mutate_pages(pages: list[str], ops: list[tuple]) -> list[str]:
    pages = list(pages)
    for op in ops:
        at = _at(pages, op[1])
        if op[0] == "drop":
            del pages[at:at + op[2]]
        elif op[0] == "repeat":
            pages[at:at] = pages[at:at + 1] * op[2]
        elif op[0] == "page" and pages:
            at = min(at, len(pages) - 1)
            pages[at] = as_text(mutate(pages[at].encode("utf-8"), op[2]))
        elif op[0] == "reverse":
            pages = pages[:at] + pages[at:][::-1]
    return pages


@FUZZ
@given(ops=st.lists(_PAGE_OP, min_size=1, max_size=5))
def test_read_pack_pages(ops):
    only_unreadable(pack.read_pack, mutate_pages(PACK_PAGES, ops))


@FUZZ
@given(which=st.booleans(), ops=st.lists(_PAGE_OP, min_size=1, max_size=5))
def test_read_report_pages(which, ops):
    only_unreadable(report.read_report, mutate_pages(REPORT_PAGES if which else PACK_PAGES[:12], ops))


@FUZZ
@given(which=st.booleans(), ops=st.lists(_PAGE_OP, min_size=1, max_size=5))
def test_read_minutes_pages(which, ops):
    pages = [as_text(SEED_BYTES[MINUTES])[i:i + 1500] for i in range(0, len(SEED_BYTES[MINUTES]), 1500)]
    only_unreadable(minutes.read_minutes_pages, mutate_pages(pages if which else PACK_PAGES[:12], ops))


# -- the dispatcher ----------------------------------------------------------------------------

def read_cleanly(data: bytes) -> None:
    """read_document turns a reader's unforeseen failure into UnreadableDocument too,
    chaining the cause; here such a chained failure is a bug to find."""
    try:
        read_document(data)
    except UnreadableDocument as error:
        cause = error.__cause__
        assert cause is None or isinstance(cause, UnreadableDocument), repr(cause)
        assert str(error).strip() and "\n" not in str(error)


ALL_SOURCES = SEED_BYTES + list(HTML_BYTES.values()) + XML_BYTES


@FUZZ
@given(seed=st.integers(0, len(ALL_SOURCES) - 1), ops=MUTATIONS)
def test_read_document_on_mutated_text_html_and_xml(seed, ops):
    read_cleanly(mutate(ALL_SOURCES[seed], ops))


@settings(FUZZ, max_examples=max(25, _LONG_RUN // 4), deadline=5000)
@given(which=st.booleans(), ops=MUTATIONS)
@example(which=True, ops=[("truncate", 5000)])
@example(which=True, ops=[("flip", 10, 0x55)])
def test_read_document_on_mutated_pdfs(which, ops):
    source = REBUILT_PACK if which else MODERNGOV / "ZebraCrossing.pdf"
    read_cleanly(mutate(source.read_bytes(), ops))


@FUZZ
@given(data=st.binary(max_size=2000))
def test_read_document_on_arbitrary_bytes(data):
    read_cleanly(data)


# -- hostile documents ------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE meeting [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<meeting><meetingdate>08/08/2024</meetingdate><committeetitle>&lol9;</committeetitle></meeting>"""

SECRET = "panelbook-fuzz-secret-3141"


def external_entity(target: Path) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE meeting [<!ENTITY secret SYSTEM "file://{target}">]>\n'
            "<meeting><meetingdate>08/08/2024</meetingdate><committeetitle>&secret;</committeetitle>"
            "</meeting>").encode()


def external_dtd(target: Path) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE meeting SYSTEM "file://{target}">\n'
            "<meeting><meetingdate>08/08/2024</meetingdate></meeting>").encode()


def test_entity_bomb_is_refused_at_once():
    for read in (webservice.read_webservice_xml, lambda data: read_document(data).parsed):
        started = time.perf_counter()
        with pytest.raises(UnreadableDocument, match="entities"):
            read(BILLION_LAUGHS)
        assert time.perf_counter() - started < 1


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    for data in (external_entity(secret), external_dtd(secret)):
        for read in (webservice.read_webservice_xml, lambda d: read_document(d).parsed):
            with pytest.raises(UnreadableDocument) as refused:
                read(data)
            assert SECRET not in str(refused.value)
            assert "entities" in str(refused.value) or "document type" in str(refused.value)


def test_entity_bomb_in_a_web_page_is_not_expanded():
    html = (b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b"<html><body>" + b"&b;" * 200_000 + b"</body></html>")
    started = time.perf_counter()
    with pytest.raises(UnreadableDocument, match="not a ModernGov"):
        read_document(html)
    for reader in (meeting_page.read_meeting_page_html, committee_page.read_committee_page,
                   issue_page.read_issue_page):
        only_unreadable(reader, html.decode())
    assert time.perf_counter() - started < 20


DEPTH = 100_000
HEADING = "Children and Families Scrutiny Panel - Thursday, 8th August, 2024 5.30 pm"
PAGE_READERS = (meeting_page.read_meeting_page_html, committee_page.read_committee_page,
                meeting_list_page.read_meeting_list_page_html, issue_page.read_issue_page)


@pytest.mark.parametrize("page", [
    "<html><body>" + "<div>" * DEPTH + HEADING + "</div>" * DEPTH + "</body></html>",
    "<html><body>" + "<span><b>" * DEPTH + HEADING,
    # Depth times size is what slows tree building: this one took most of an hour.
    f"<html><body><h2 class='mgSubTitleTxt'>{HEADING}</h2>" + "<div>" * DEPTH + "x<b>y</b>z" * DEPTH,
], ids=["closed", "unclosed", "deep-and-wide"])
def test_deeply_nested_html_is_refused_quickly(page):
    started = time.perf_counter()
    with pytest.raises(UnreadableDocument):
        read_document(page.encode())
    for reader in PAGE_READERS:
        with pytest.raises(UnreadableDocument):
            reader(page)
    assert time.perf_counter() - started < 5


def test_deep_nesting_message():
    page = f"<html><body><h2 class='mgSubTitleTxt'>{HEADING}</h2>" + "<div>" * 1001 + "Minutes"
    with pytest.raises(UnreadableDocument, match="nested too deeply"):
        read_document(page.encode())
    with pytest.raises(UnreadableDocument, match="nested more than 1,000 levels deep"):
        committee_page.read_committee_page(page.replace("Minutes", "Membership"))


def test_real_pages_are_far_from_the_nesting_limit():
    from panelbook.sources.htmltext import MAX_NESTING, nesting_depth

    assert {name: nesting_depth(html.decode("utf-8")) for name, html in HTML_BYTES.items()} == {
        "Agenda_151.html": 20, "BrowseMeetings.html": 17, "CommitteeDetails.html": 14,
        "CommitteeStructure.html": 15,
    }
    assert nesting_depth("<p>a<p>b<ul><li>x<li>y</ul>") == 5   # as html.parser nests them
    assert nesting_depth("<div><!-- <div><div> --><script>'<div><div>'</script><br><img/></div>") == 1
    assert nesting_depth("<div>" * 5000, stop_at=MAX_NESTING) == MAX_NESTING + 1


def test_meeting_page_buried_deep_in_markup_is_refused():
    page = HTML_BYTES["Agenda_151.html"].decode("utf-8")
    body = page.index(">", page.index("<body")) + 1
    buried = page[:body] + "<div>" * DEPTH + page[body:]
    with pytest.raises(UnreadableDocument, match="nested too deeply"):
        meeting_page.read_meeting_page_html(buried)
    read_cleanly(buried.encode())


def test_just_under_the_limit_still_reads():
    page = HTML_BYTES["Agenda_151.html"].decode("utf-8")
    body = page.index(">", page.index("<body")) + 1
    nested = page[:body] + "<div>" * 900 + page[body:]
    parsed = meeting_page.read_meeting_page_html(nested)
    assert len(parsed.meetings[0].items) == 12


def test_deeply_nested_xml():
    xml = b"<meeting>" + b"<x>" * DEPTH + b"</x>" * DEPTH + b"</meeting>"
    only_unreadable(webservice.read_webservice_xml, xml)
    read_cleanly(xml)


# -- a 2,000-page PDF, in a subprocess so its peak memory can be measured ------------------------

def make_long_pack(path: Path, last_page: int) -> None:
    """The 8 August 2024 pack with its last report stretched to end on ``last_page``."""
    from testdata import seed_text
    from tools.rebuild_pack import ReportText, pack_pdf, pack_reports

    front, reports = pack_reports(seed_text("003"))
    last = reports[-1]
    stretched = front.replace(f"(Pages {last.first} - {last.last})", f"(Pages {last.first} - {last_page})")
    assert stretched != front
    reports[-1] = ReportText(last.number, last.first, last_page, last.text)
    pack_pdf(stretched, reports, path)


MEASURE = textwrap.dedent("""
    import json, resource, sys, time
    from panelbook.model import UnreadableDocument
    from panelbook.paths import data_folder
    from panelbook.services.imports import import_files
    from panelbook.sources.detect import read_document
    from panelbook.store import Store

    data = open(sys.argv[1], "rb").read()
    started = time.perf_counter()
    try:
        parsed = read_document(data).parsed
        result = {"kind": parsed.kind.value, "pages": len(parsed.pages),
                  "ranges": [list(i.pages) for m in parsed.meetings[:1] for i in m.items if i.pages]}
    except UnreadableDocument as error:
        result = {"error": str(error)}
    with Store.open(data_folder(sys.argv[2])) as store:
        reports = import_files(store, [sys.argv[1]])
        result["stored_pages"] = store.db.execute("SELECT count(*) FROM pages").fetchone()[0]
    result["seconds"] = time.perf_counter() - started
    result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
""")


@pytest.mark.slow
def test_two_thousand_page_pdf_imports_in_bounded_memory(tmp_path):
    import json

    pdf = tmp_path / "long pack.pdf"
    make_long_pack(pdf, 1995)
    done = subprocess.run([sys.executable, "-c", MEASURE, str(pdf), str(tmp_path / "data")],
                          capture_output=True, text=True, timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["kind"] == "agenda_pack"
    assert result["pages"] >= 2000
    assert result["ranges"][-1] == [105, 1995]
    assert result["stored_pages"] == result["pages"]
    assert result["max_rss_mb"] < 600, result
    assert result["seconds"] < 120, result


def test_pdf_over_the_page_limit_is_refused(monkeypatch):
    from panelbook.sources import pdftext

    monkeypatch.setattr(pdftext, "MAX_PAGES", 50)
    with pytest.raises(UnreadableDocument, match=r"This PDF has 11\d pages, over Panelbook's limit of 50"):
        read_document(REBUILT_PACK.read_bytes())


# -- repeated markers: what once went quadratic ---------------------------------------------------

AGENDA_HEAD = HTML_BYTES["Agenda_151.html"][:30_000]


@pytest.mark.parametrize(("prefix", "marker", "joiner"), [
    (SEED_BYTES[MINUTES], b"\n\n\n\n\n", b""),               # pack recognition backtracked over blank lines
    (SEED_BYTES[MEETING_PAGE], b"\n\n\n\n\n", b""),
    (SEED_BYTES[ISSUE_PAGE], b"\n\n\n\n\n", b""),
    (SEED_BYTES[MINUTES], b"RESOLVED", b"\n"),               # a sub-point re-joined for every line
    (SEED_BYTES[MEETING_PAGE], b"RESOLVED that", b"\n"),
    (SEED_BYTES[MINUTES], b"(ii) ", b"\n"),
    (SEED_BYTES[MINUTES], b"i)", b"\n"),
    (AGENDA_HEAD, b"\nRESOLVED:\n1.\n", b""),                  # long lines checked as headings
    (AGENDA_HEAD, b"<!--", b" "),
    (SEED_BYTES[MEETING_PAGE], b"\xe2\x80\xa2 1. ", b"\n"),
    (SEED_BYTES[PACK_TEXT][:20_000], b"(Pages 5 - 10)", b"\n"),
    (SEED_BYTES[PACK_TEXT][:20_000], b"\nPage 12\n", b""),
], ids=lambda value: value[:12].decode("latin-1") if isinstance(value, bytes) else str(value))
def test_repeated_markers_read_in_linear_time(prefix, marker, joiner):
    data = prefix + joiner.join([marker] * 20_000)
    started = time.perf_counter()
    read_cleanly(data)
    assert time.perf_counter() - started < 4
