"""Read a saved ModernGov "Agenda and minutes" page (``ieListDocuments.aspx``).

The page is found by its ModernGov markup, not by position: the heading
``h2.mgSubTitleTxt``, ``span.mgLabel`` labels read by their text ("Venue:",
"Proposed venue:", "Contact:"), and ``table.mgItemTable`` rows holding the
number cell and a content cell with ``p.mgAiTitleTxt`` (title),
``div.mgWordPara`` (agenda text) and ``p.mgSubItemTitleTxt`` labels
("Additional documents:", "Decision:", "Minutes:") each followed by its block.

Decisions: a page cut short (no closing ``</html>``) is read as far as it goes
with a warning, unless the cut comes before the meeting heading, which is an
error.  Document URLs are resolved against ``url`` when it is given and
always percent-encoded (ModernGov links hold spaces and line breaks).  Long
minutes that the page cuts off with "view the full minutes text for item N"
keep the printed "..." and get a warning naming the item's own page.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote, urljoin

from bs4 import BeautifulSoup, Tag

from panelbook.model import AgendaItem, Committee, DocumentKind, DocumentLink, Meeting, ParsedDocument
from panelbook.sources.htmltext import MAX_NESTING, href, html_to_text, nesting_depth, parse_html
from panelbook.sources.meeting_page_common import (
    Heading,
    apply_minutes,
    clean_venue,
    council_from_copyright,
    document_title,
    meeting_status,
    parse_contact,
    parse_heading,
    parse_number,
    query_value,
    refuse,
)
from panelbook.sources.textutil import clean

_HTML_START = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|table|p)\b", re.IGNORECASE)
_SUBTITLE = re.compile(
    r"<h2\b[^>]*class\s*=\s*[\"'][^\"']*\bmgSubTitleTxt\b[^>]*>(?P<inner>.{0,2000}?)</h2\s*>",
    re.IGNORECASE | re.DOTALL,
)
_TAGS = re.compile(r"<[^>]*>")
_CLOSING_HTML = re.compile(r"</html\s*>", re.IGNORECASE)
_VENUE_LABEL = re.compile(r"^(?:(?:Proposed\s+)?Venue|Lleoliad(?:\s+arfaethedig)?)\s*:?$", re.IGNORECASE)
_CONTACT_LABEL = re.compile(r"^(?:Contact|Cyswllt)\s*:?$", re.IGNORECASE)
_FULL_TEXT_LINK = re.compile(r"view the full (?:minutes|decision|item) text", re.IGNORECASE)
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
_SCAN_LIMIT = 200_000   # the heading sits near the top of the page


def looks_like_html(data: str) -> bool:
    """True when ``data`` starts like an HTML document rather than page text."""
    return isinstance(data, str) and bool(_HTML_START.search(data.lstrip()[:2048]))


def looks_like_meeting_page_html(html: str) -> bool:
    """True when ``html`` carries a ModernGov meeting heading ("Committee - Thursday ...")."""
    if not looks_like_html(html):
        return False
    for match in _SUBTITLE.finditer(html[:_SCAN_LIMIT]):
        if parse_heading(_TAGS.sub(" ", match.group("inner")).replace("&#32;", " ")):
            return True
    return False


def read_meeting_page_html(html: str, url: str | None = None) -> ParsedDocument:
    """The page's meeting, its items, documents, minutes and resolutions."""
    if not isinstance(html, str) or not html.strip():
        raise refuse("the file is empty")
    if not looks_like_html(html):
        raise refuse("it is not a web page")
    if nesting_depth(html, MAX_NESTING) > MAX_NESTING:
        raise refuse("its HTML is nested too deeply to read")
    try:
        return _read(html, url)
    except RecursionError:
        raise refuse("its HTML is nested too deeply to read") from None


def _read(html: str, url: str | None) -> ParsedDocument:
    soup = parse_html(html)
    complete = bool(_CLOSING_HTML.search(html[-8192:]))
    found = _find_heading(soup)
    if found is None:
        raise refuse(None if complete else "the saved page is cut short before the meeting heading")
    heading_tag, heading = found
    main_title = soup.find("h1", class_="mgMainTitleTxt")
    tables = soup.find_all("table", class_="mgItemTable")
    if main_title is not None:
        if not clean(main_title.get_text()).lower().startswith(("agenda", "rhaglen")):
            raise refuse(f"it is the '{clean(main_title.get_text())}' page")
    elif not tables:
        raise refuse("it lists no agenda items")

    warnings: list[str] = []
    if not complete:
        warnings.append(
            "The saved page is cut short (no closing </html>); items after the last one read may be missing."
        )
    items = [item for table in tables for item in _read_items(table, url, warnings)]
    has_minutes = any(item.minutes_text or item.resolutions for item in items)
    for item in items:
        if has_minutes:
            item.minute_number, item.agenda_number = item.agenda_number, None

    venue, contact_text, email = _labels(soup)
    contact = parse_contact(contact_text)
    council = _council(soup)
    committee_link = heading_tag.find("a", href=True)
    committee_id = query_value(href(committee_link), "ID") if committee_link else None
    meeting = Meeting(
        committee=heading.committee,
        date=heading.date,
        time=heading.time,
        venue=venue,
        status=meeting_status(heading, items),
        contact_name=contact.name,
        contact_role=contact.role,
        contact_phone=contact.phone,
        contact_email=email or contact.email,
        council=council,
        items=items,
        source_url=url,
        external_id=_meeting_id(soup, url),
    )
    if not items:
        warnings.append("The page lists no agenda items.")
    return ParsedDocument(
        kind=DocumentKind.MEETING_PAGE,
        title=heading.text,
        council=council,
        committee=Committee(name=heading.committee, council=council, external_id=committee_id),
        meetings=[meeting],
        warnings=warnings,
    )


def _find_heading(soup: BeautifulSoup) -> tuple[Tag, Heading] | None:
    for tag in soup.find_all("h2", class_="mgSubTitleTxt"):
        heading = parse_heading(tag.get_text(" "))
        if heading is not None:
            return tag, heading
    return None


def _labels(soup: BeautifulSoup) -> tuple[str | None, str | None, str | None]:
    """Venue, contact text and contact e-mail from the ``span.mgLabel`` labels."""
    venue = contact = email = None
    for label in soup.find_all("span", class_="mgLabel"):
        name = clean(label.get_text())
        holder = label.parent
        if holder is None:
            continue
        value = clean(holder.get_text(" "))
        value = clean(value[len(name):]) if value.startswith(name) else value
        if venue is None and _VENUE_LABEL.match(name):
            venue = clean_venue(value)
        elif contact is None and _CONTACT_LABEL.match(name):
            contact = value
            mail = holder.find("a", href=re.compile(r"^\s*mailto:", re.IGNORECASE))
            if mail is not None:
                email = clean(href(mail).split(":", 1)[1]) or None
    return venue, contact, email


def _council(soup: BeautifulSoup) -> str | None:
    """The council as the page's copyright line names it."""
    for text in soup.find_all(string=re.compile("©")):
        owner = council_from_copyright(str(text))
        if owner:
            return owner
    return None


def _meeting_id(soup: BeautifulSoup, url: str | None) -> str | None:
    """ModernGov's meeting id: the page address's MId, or the attendance link's ID."""
    if url:
        found = query_value(url, "MId")
        if found:
            return found
    link = soup.find("a", href=re.compile(r"mgMeetingAttendance\.aspx", re.IGNORECASE))
    return query_value(href(link), "ID") if link is not None else None



def _read_items(table: Tag, url: str | None, warnings: list[str]) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    for row in table.find_all("tr"):
        cells = row.find_all("td", recursive=False)
        if len(cells) < 2 or "mgItemNumberCell" not in (cells[0].get("class") or []):
            continue
        item = _read_item(cells[0], cells[1], url, warnings)
        if item is not None:
            items.append(item)
    return items


def _read_item(number_cell: Tag, cell: Tag, url: str | None, warnings: list[str]) -> AgendaItem | None:
    number = parse_number(number_cell.get_text(" "))
    item = AgendaItem(agenda_number=number)
    section = "description"
    blocks: dict[str, list[str]] = {}
    for part in _parts(cell):
        classes: Sequence[str] = part.get("class") or []
        if part.name == "p" and "mgAiTitleTxt" in classes and not item.title:
            item.title, link = _title(part, url)
            if link is not None:
                item.documents.append(link)
        elif part.name == "p" and "mgSubItemTitleTxt" in classes:
            section = _section(clean(part.get_text()))
        elif part.name == "ul" and section == "documents":
            item.documents.extend(_links(part, url))
        elif part.name == "div" and "mgWordPara" in classes:
            _note_cut_minutes(part, number, url, warnings)
            text = html_to_text(str(part))
            if text:
                blocks.setdefault(section, []).append(text)
    if not item.title:
        return None
    item.description = "\n\n".join(blocks.get("description", [])) or None
    apply_minutes(item, "\n\n".join(blocks.get("minutes", [])), "\n\n".join(blocks.get("decision", [])))
    return item


def _parts(cell: Tag) -> list[Tag]:
    """The content cell's title, label, list and text blocks in page order.

    Walks without recursion and never into a block it returns, so deep or
    odd markup costs linear time.
    """
    found: list[Tag] = []
    stack = [child for child in reversed(cell.contents) if isinstance(child, Tag)]
    while stack:
        tag = stack.pop()
        classes: Sequence[str] = tag.get("class") or []
        if (tag.name == "p" and ("mgAiTitleTxt" in classes or "mgSubItemTitleTxt" in classes)) or (
            tag.name == "div" and "mgWordPara" in classes
        ) or (tag.name == "ul" and "mgBulletList" in classes):
            found.append(tag)
        elif tag.name not in ("table", "script", "style"):
            stack.extend(child for child in reversed(tag.contents) if isinstance(child, Tag))
    return found


def _section(label: str) -> str:
    label = label.lower()
    if "document" in label:
        return "documents"
    if label.startswith("decision"):
        return "decision"
    if label.startswith("minute"):
        return "minutes"
    return "other"


def _title(part: Tag, url: str | None) -> tuple[str, DocumentLink | None]:
    """The item title, and its report as a DocumentLink when the title is a link."""
    link = part.find("a", href=True)
    title, size = _text_and_size(part)
    if link is None:
        return title, None
    return title, DocumentLink(title=title, url=_address(href(link), url), size=size)


def _links(listing: Tag, url: str | None) -> list[DocumentLink]:
    links: list[DocumentLink] = []
    for anchor in listing.find_all("a", href=True):
        title, size = _text_and_size(anchor)
        if title:
            links.append(DocumentLink(title=title, url=_address(href(anchor), url), size=size))
    return links


def _text_and_size(tag: Tag) -> tuple[str, str | None]:
    """Visible text without the hidden ", item 59." and the "PDF 601 KB" label, and the size."""
    size = None
    parts: list[str] = []
    for text in tag.find_all(string=True):
        holder_classes: Sequence[str] = text.parent.get("class") or [] if text.parent else []
        if "mgHide" in holder_classes:
            continue
        if "mgFileSize" in holder_classes:
            _, size = document_title("x " + clean(str(text)))
            continue
        parts.append(str(text))
    title, printed_size = document_title(" ".join(parts))
    return title, size or printed_size


def _address(href: str, base: str | None) -> str:
    """The link as a usable URL: line breaks gone, joined to ``base``, spaces encoded."""
    href = clean(href)
    if base:
        href = urljoin(base, href)
    return quote(href, safe=_URL_SAFE)


def _note_cut_minutes(part: Tag, number: str | None, url: str | None, warnings: list[str]) -> None:
    """Drop "view the full minutes text for item N" and say where the full text is."""
    for anchor in part.find_all("a", href=True):
        if _FULL_TEXT_LINK.search(anchor.get_text(" ")):
            where = _address(href(anchor), url)
            warnings.append(
                f"The minutes of item {number or '?'} are cut short on this page; "
                f"the full text is at {where}."
            )
            anchor.decompose()
