"""Safe parsing and small field helpers for ModernGov web-service XML.

The web service (``mgWebService.asmx``) answers with bare XML documents, or
with the same document wrapped in a SOAP envelope.  Everything here is about
getting an element tree out of untrusted bytes without ever resolving an
entity, and reading fields the way ModernGov writes them: booleans as
"True"/"False", dates dd/mm/yyyy, counts and "empty" elements padded with
whitespace.
"""
from __future__ import annotations

import re
from datetime import date
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as safe_et

from panelbook.model import MeetingStatus, UnreadableDocument
from panelbook.sources.textutil import clean, parse_numeric_date

# Root elements of the responses Panelbook reads.
ROOTS = ("committees", "getmeetings", "meeting")

_HEAD_BYTES = 8192
_XML_DECL = re.compile(r"^<\?xml[^>]*\?>", re.IGNORECASE)
_LEADING_JUNK = re.compile(r"^(?:\s+|<!--.*?-->|<\?[^>]*\?>)+", re.DOTALL)
_FIRST_TAG = re.compile(r"^<\s*(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def as_text(data: bytes | str) -> str:
    """The document as a string, for sniffing only (bad bytes replaced)."""
    if isinstance(data, (bytes, bytearray)):
        raw = bytes(data)
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            return raw.decode("utf-16", errors="replace")
        return raw.decode("utf-8", errors="replace")
    if isinstance(data, str):
        return data
    raise UnreadableDocument("This is not a document Panelbook can read.")


def first_tag(head: str) -> str | None:
    """Local name of the first element after declarations and comments, or None."""
    head = _LEADING_JUNK.sub("", head.lstrip("\ufeff"))
    match = _FIRST_TAG.match(head)
    return match.group(1) if match else None


def parse_xml(data: bytes | str) -> Element:
    """Parse untrusted XML without DTDs or entities; namespaces are stripped from tags.

    Raises UnreadableDocument with one sentence for anything that is not
    well-formed, entity-free XML.
    """
    if not isinstance(data, (bytes, bytearray, str)):
        raise UnreadableDocument("This is not a document Panelbook can read.")
    head = as_text(data[:_HEAD_BYTES]).lstrip("\ufeff")
    stripped = head.strip()
    if not stripped:
        raise UnreadableDocument("This file is empty; it is not ModernGov web-service XML.")
    lowered = _LEADING_JUNK.sub("", stripped).lower()
    if lowered.startswith(("<!doctype html", "<html")):
        raise UnreadableDocument("This is an HTML page, not ModernGov web-service XML.")
    if lowered.startswith(("{", "[")):
        raise UnreadableDocument("This is JSON, not ModernGov web-service XML.")
    if not lowered.startswith("<"):
        raise UnreadableDocument("This is not XML, so it is not a ModernGov web-service response.")
    if isinstance(data, str):
        # A str carries no encoding; drop a declaration that might claim one.
        data = _XML_DECL.sub("", data.lstrip("\ufeff").lstrip(), count=1)
    try:
        root = safe_et.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                  forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise UnreadableDocument(
            "This XML declares entities, which Panelbook does not read for safety."
        ) from None
    except (ParseError, ValueError, LookupError, UnicodeError, RecursionError, MemoryError):
        raise UnreadableDocument(
            "This XML is incomplete or damaged; download the web-service response again."
        ) from None
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rsplit("}", 1)[1]
    return root


def unwrap(root: Element) -> Element:
    """The response element itself: a SOAP envelope's payload, or the root."""
    if root.tag != "Envelope":
        return root
    for element in root.iter():
        if element.tag in ROOTS:
            return element
    return root


def text(element: Element | None, path: str) -> str:
    """Trimmed text of the child at ``path`` ("" when missing or blank)."""
    if element is None:
        return ""
    found = element.find(path)
    if found is None or found.text is None:
        return ""
    return found.text.strip()


def raw_text(element: Element | None, path: str) -> str:
    """Untrimmed text of the child at ``path`` (HTML payloads), "" when missing."""
    if element is None:
        return ""
    found = element.find(path)
    return (found.text or "") if found is not None else ""


def flag(element: Element | None, path: str) -> bool:
    """A ModernGov boolean: the string "True" (any case) is true, all else false."""
    return text(element, path).lower() == "true"


def day(element: Element | None, path: str) -> date | None:
    """A dd/mm/yyyy date, or None when missing or not a real date."""
    return parse_numeric_date(text(element, path))


def attr(element: Element, name: str) -> str | None:
    """A trimmed attribute value, None when missing or blank."""
    return clean(element.get(name)) or None


def meeting_status(raw: str, when: date, today: date) -> MeetingStatus:
    """Map ``meetingstatus`` to a MeetingStatus.

    "Cancelled", "Moved" and "New" map to themselves; "Confirmed" (and any
    other wording, such as "Provisional") is SCHEDULED when the meeting is
    today or later and HELD when it is in the past.
    """
    word = clean(raw).lower()
    if word.startswith(("cancel", "abandon")):
        return MeetingStatus.CANCELLED
    if word.startswith(("moved", "postpone", "rearrange")):
        return MeetingStatus.MOVED
    if word == "new":
        return MeetingStatus.NEW
    return MeetingStatus.SCHEDULED if when >= today else MeetingStatus.HELD
