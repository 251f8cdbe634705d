"""Read a ModernGov "Committee details" page (``mgCommitteeDetails.aspx?ID=``).

The page names the committee (``h2.mgSubTitleTxt``), says what it is for
("Purpose of committee" or "Terms of reference", Word HTML) and lists its
members, each a link to ``mgUserInfo.aspx`` followed by a role in brackets
("(Chair)", "(Vice-Chair)").  Section titles vary between installs, so they
are matched by their words, never by position.
"""
from __future__ import annotations

import html as html_lib
import re

from bs4 import BeautifulSoup, Tag
from bs4.element import PageElement

from panelbook.model import Committee, DocumentKind, Member, ParsedDocument, UnreadableDocument
from panelbook.sources.htmltext import html_to_text, parse_html
from panelbook.sources.textutil import clean

_NOT_OURS = "This is not a ModernGov committee details page."
_MEMBERSHIP = re.compile(r"^(?:membership|members)\b", re.IGNORECASE)
_PURPOSE = re.compile(r"^(?:purpose|terms of reference|remit|role|functions)\b", re.IGNORECASE)
_QUORUM = re.compile(r"\bquorum\b\D{0,40}?(\d{1,2})\b", re.IGNORECASE)
_ROLE_IN_BRACKETS = re.compile(r"\(([^()]+)\)")
_COMMITTEE_ID_LINK = re.compile(
    r"(?:ieListMeetings\.aspx\?.*CommitteeId=|mgCommitteeMailingList\.aspx\?.*ID=|"
    r"mgAttendanceSummary\.aspx\?.*RPID=)(\d+)", re.IGNORECASE)


def read_committee_page(html: str | bytes) -> ParsedDocument:
    """A Committee (name, ModernGov id, members with roles, terms of reference,
    quorum when printed) from a saved "Committee details" page.

    Raises UnreadableDocument when the page is not one.
    """
    if isinstance(html, (bytes, bytearray)):
        html = bytes(html).decode("utf-8", errors="replace")
    if not isinstance(html, str) or not html.strip():
        raise UnreadableDocument("This file is empty; it is not a ModernGov committee details page.")
    soup = parse_html(html)
    title = soup.find(class_="mgSubTitleTxt")
    sections = _sections(soup)
    membership = next((body for name, body in sections if _MEMBERSHIP.match(name)), None)
    name = clean(title.get_text(" ")) if title else ""
    if not name or membership is None:
        raise UnreadableDocument(_NOT_OURS)
    purpose = next((body for heading, body in sections if _PURPOSE.match(heading)), None)
    terms = html_to_text(_markup(purpose)) if purpose else ""
    committee = Committee(
        name=name,
        terms_of_reference=terms or None,
        quorum=_quorum(terms),
        members=_members(membership),
        external_id=_committee_id(soup),
    )
    return ParsedDocument(
        kind=DocumentKind.COMMITTEE_PAGE,
        title=f"Committee details - {name}",
        committee=committee,
        committees=[committee],
    )


def _sections(soup: BeautifulSoup) -> list[tuple[str, list[PageElement]]]:
    """Each ``mgSectionTitle`` heading's words and the nodes up to the next heading."""
    out: list[tuple[str, list[PageElement]]] = []
    for heading in soup.find_all(class_="mgSectionTitle"):
        body: list[PageElement] = []
        for sibling in heading.next_siblings:
            if isinstance(sibling, Tag) and "mgSectionTitle" in (sibling.get("class") or []):
                break
            body.append(sibling)
        out.append((clean(heading.get_text(" ")), body))
    return out


def _markup(nodes: list[PageElement]) -> str:
    """Nodes back to HTML (text nodes escaped again) for html_to_text."""
    return "".join(str(node) if isinstance(node, Tag) else html_lib.escape(str(node))
                   for node in nodes)


def _members(nodes: list[PageElement]) -> list[Member]:
    """Members linked to ``mgUserInfo.aspx``, with the bracketed role after each name.

    A member with no bracketed role is "Councillor" when the name says so,
    otherwise the role is left unknown.
    """
    members: list[Member] = []
    for node in nodes:
        if not isinstance(node, Tag):
            continue
        links = [node] if _is_member_link(node) else node.find_all(_is_member_link)
        for link in links:
            name = clean(link.get_text(" "))
            if not name:
                continue
            holder = link.find_parent(["li", "tr", "p"]) or link
            rest = clean(holder.get_text(" ")).replace(name, "", 1)
            role_match = _ROLE_IN_BRACKETS.search(rest)
            role = clean(role_match.group(1)) if role_match else None
            if role is None and name.lower().startswith("councillor "):
                role = "Councillor"
            members.append(Member(name=name, role=role))
    return members


def _is_member_link(tag: Tag) -> bool:
    return tag.name == "a" and "mguserinfo.aspx" in str(tag.get("href") or "").lower()


def _quorum(terms: str) -> int | None:
    match = _QUORUM.search(terms or "")
    return int(match.group(1)) if match else None


def _committee_id(soup: BeautifulSoup) -> str | None:
    """The ModernGov committee id from the page's own links (meetings, mailing list)."""
    for link in soup.find_all("a", href=True):
        match = _COMMITTEE_ID_LINK.search(str(link["href"]))
        if match:
            return match.group(1)
    return None
