"""The ModernGov "Agenda and minutes" page reader: the one module to import.

Both forms of the page are read here: saved HTML (``meeting_page_html``) and
the text a browser copies out of the page (``meeting_page_text``).  The
pieces both forms share (heading, contact, size labels, minutes) live in
``meeting_page_common`` and are re-exported for the other ModernGov readers.
"""
from __future__ import annotations

from panelbook.model import ParsedDocument
from panelbook.sources.meeting_page_common import (
    NOT_A_MEETING_PAGE,
    Heading,
    apply_minutes,
    clean_venue,
    document_title,
    meeting_status,
    parse_contact,
    parse_heading,
    split_size_label,
)
from panelbook.sources.meeting_page_html import looks_like_html, looks_like_meeting_page_html, read_meeting_page_html
from panelbook.sources.meeting_page_text import looks_like_meeting_page_text, read_meeting_page_text

__all__ = [
    "NOT_A_MEETING_PAGE",
    "Heading",
    "apply_minutes",
    "clean_venue",
    "document_title",
    "looks_like_meeting_page_html",
    "looks_like_meeting_page_text",
    "meeting_status",
    "parse_contact",
    "parse_heading",
    "read_meeting_page",
    "read_meeting_page_html",
    "read_meeting_page_text",
    "split_size_label",
]


def read_meeting_page(data: str, url: str | None = None) -> ParsedDocument:
    """Read either form of the page: HTML when it starts like HTML, else page text."""
    if looks_like_html(data):
        return read_meeting_page_html(data, url)
    return read_meeting_page_text(data)
