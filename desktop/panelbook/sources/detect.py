"""Which reader a file needs, decided from its content (never from its name alone).

Order matters: an agenda pack contains printed minutes, so packs are tried
before minutes; a ModernGov issue page mentions meetings, so it is tried before
the meeting page.  When nothing recognises the file, the user gets one
sentence saying what Panelbook reads.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from panelbook.model import ParsedDocument, UnreadableDocument
from panelbook.sources.decode import decode_text

MEDIA_PDF = "application/pdf"
MEDIA_HTML = "text/html"
MEDIA_XML = "application/xml"
MEDIA_TEXT = "text/plain"

_HTML = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body)\b", re.I)
# A page saved as a fragment of its content ("<div id="modgov">..."), not a whole document.
_HTML_FRAGMENT = re.compile(rb"<\s*(?:div|table|section|article|h[1-6]|ul)\b[^>]*>", re.I)
_TAG_START = re.compile(rb"<[!?/]?[A-Za-z_]")      # "<<" or "< 5" opening a text is not markup
_XML_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)\b", re.I)
_XML_DTD_REFUSED = (
    "This XML declares a document type or its own entities, which Panelbook never reads, for safety; "
    "ModernGov web-service answers have neither, so download the response again from the council's site."
)
NOT_RECOGNISED = (
    "Panelbook does not recognise this document: it reads agendas, agenda packs, committee reports and "
    "printed minutes (PDF or text), ModernGov meeting, agenda-item, decision and issue pages (saved HTML or "
    "text) and ModernGov web-service XML."
)


@dataclass
class ReadResult:
    parsed: ParsedDocument
    media_type: str


def _read_pdf(data: bytes) -> ParsedDocument:
    from panelbook.sources import minutes, pack, report
    from panelbook.sources.pdftext import extract_pages

    pages = extract_pages(data)
    joined = "\n".join(pages)
    if pack.looks_like_pack(joined):
        return pack.read_pack(pages)
    if minutes.looks_like_minutes(joined):
        return minutes.read_minutes_pages(pages)
    if report.looks_like_report(pages):
        return report.read_report(pages)
    raise UnreadableDocument(NOT_RECOGNISED)


def _read_html(text: str, url: str | None) -> ParsedDocument:
    from panelbook.sources import committee_page, item_page, meeting_list_page, meeting_page

    if meeting_page.looks_like_meeting_page_html(text):
        return meeting_page.read_meeting_page_html(text, url)
    if meeting_list_page.looks_like_meeting_list_page_html(text):
        return meeting_list_page.read_meeting_list_page_html(text, url)
    if "mgCommitteeDetails" in text or "Membership" in text:
        try:
            return committee_page.read_committee_page(text)
        except UnreadableDocument:
            pass
    if item_page.looks_like_item_page(text):
        return item_page.read_item_page(text)
    raise UnreadableDocument(
        "This web page is not a ModernGov 'Agenda and minutes' page; save the meeting's page from the "
        "council's committee site (ieListDocuments.aspx) and import that."
    )


# The most text Panelbook reads as one text document.  Council documents as text
# are small (the 110-page agenda pack of the seeds is 165 KB; a 1,000-page pack
# would be about 1.5 MB), while the readers' work grows with every line; a file
# that opens like a council document but goes on for megabytes has something
# else appended and is refused before it is read.  (Files of any kind are
# first held to services.max_import_bytes; PDFs and web pages are not held to
# this one: their readers do not walk the text line by line.)
MAX_TEXT_MB = 8
TOO_MUCH_TEXT = (
    "This file looks like {what} but holds {size:.0f} MB of text, far more than any council document "
    "(Panelbook reads up to {limit} MB of text), so something else has probably been added to it; "
    "import the original document."
)


def _text_reader(text: str) -> tuple[str, Callable[[str], ParsedDocument]] | None:
    """What the text looks like and the reader for it, from cheap looks at it."""
    from panelbook.sources import (
        agenda_text,
        issue_page,
        item_page,
        meeting_page,
        meeting_page_flat,
        minutes,
        pack,
        report,
    )

    if pack.looks_like_pack(text):
        return "an agenda pack", pack.read_pack_text
    if issue_page.looks_like_issue_page(text):
        return "a ModernGov issue page", issue_page.read_issue_page
    if meeting_page.looks_like_meeting_page_text(text):
        return "a ModernGov meeting page", meeting_page.read_meeting_page_text
    if minutes.looks_like_minutes(text):
        return "printed minutes", minutes.read_minutes_text
    if meeting_page_flat.looks_like_flat_meeting_page(text):
        return "a ModernGov meeting page", meeting_page_flat.read_flat_meeting_page
    if item_page.looks_like_item_page(text):
        return "a ModernGov agenda-item or decision page", item_page.read_item_page
    if report.looks_like_report_text(text):
        return "a committee report", report.read_report_text
    if agenda_text.looks_like_agenda_text(text):
        return "an agenda", agenda_text.read_agenda_text
    return None


def _read_text(text: str) -> ParsedDocument:
    found = _text_reader(text)
    if found is None:
        raise UnreadableDocument(NOT_RECOGNISED)
    what, reader = found
    if len(text) > MAX_TEXT_MB * 1024 * 1024:
        raise UnreadableDocument(TOO_MUCH_TEXT.format(what=what, size=len(text) / 1048576, limit=MAX_TEXT_MB))
    return reader(text)


def read_document(data: bytes, url: str | None = None) -> ReadResult:
    """Recognise ``data`` and read it; raise UnreadableDocument with one clear sentence otherwise.

    A reader that fails in a way it did not foresee (a bug, or a document
    shaped beyond its imagination) still ends as one sentence for the user,
    never a traceback; the readers' own tests hunt for such failures.
    """
    try:
        return _recognise_and_read(data, url)
    except UnreadableDocument:
        raise
    except RecursionError:
        raise UnreadableDocument("This document is nested too deeply to be read safely.") from None
    except MemoryError:
        raise UnreadableDocument("This document is too large to read in the memory available.") from None
    except Exception as error:
        raise UnreadableDocument(
            f"Panelbook could not make sense of this document ({type(error).__name__}); "
            "it may be damaged or in a layout Panelbook does not know yet."
        ) from error


def _recognise_and_read(data: bytes, url: str | None) -> ReadResult:
    if not data or not data.strip():
        raise UnreadableDocument("This file is empty; download or save the document again and import that copy.")
    head = data[:1024].lstrip()
    if b"%PDF-" in data[:1024]:
        return ReadResult(_read_pdf(data), MEDIA_PDF)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = decode_text(data).encode("utf-8")
        head = data[:1024].lstrip()
    from panelbook.sources.webservice import looks_like_webservice_xml, read_webservice_xml

    if looks_like_webservice_xml(data[:4096]):
        return ReadResult(read_webservice_xml(data, url), MEDIA_XML)
    if _HTML.search(data[:8192]) or _HTML_FRAGMENT.match(head):
        return ReadResult(_read_html(decode_text(data), url), MEDIA_HTML)
    if head.startswith(b"<?xml") or _TAG_START.match(head):
        if _XML_DTD.search(data[:8192]):
            raise UnreadableDocument(_XML_DTD_REFUSED)
        raise UnreadableDocument(
            "This XML is not a ModernGov web-service answer (GetCommittees, GetMeetings or GetMeeting)."
        )
    return ReadResult(_read_text(decode_text(data)), MEDIA_TEXT)
