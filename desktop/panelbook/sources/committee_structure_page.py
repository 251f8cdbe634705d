"""Read a ModernGov list of committees (``mgCommitteeStructure.aspx``): each committee's
name and ModernGov id, from its ``mgCommitteeDetails.aspx?ID=`` link.

The sync uses it to list a site's committees where the web service is switched off or
refused.  A committee linked more than once (in several categories) is listed once.
"""
from __future__ import annotations

import re

from panelbook.model import Committee, UnreadableDocument
from panelbook.sources.htmltext import href, parse_html
from panelbook.sources.meeting_page_common import query_value
from panelbook.sources.textutil import clean

NOT_A_COMMITTEE_LIST = (
    "This page is not a ModernGov list of committees; open the council's 'Committee structure' page "
    "(mgCommitteeStructure.aspx) instead."
)
_DETAILS = re.compile(r"mgCommitteeDetails\.aspx", re.IGNORECASE)


def read_committee_structure(html: str) -> list[Committee]:
    """The committees the page links to, in page order; ``UnreadableDocument`` when it links none."""
    if not isinstance(html, str) or "mgcommitteedetails.aspx" not in html.lower():
        raise UnreadableDocument(NOT_A_COMMITTEE_LIST)
    try:
        soup = parse_html(html)
    except RecursionError:
        raise UnreadableDocument(NOT_A_COMMITTEE_LIST) from None
    committees: list[Committee] = []
    seen: set[str] = set()
    for link in soup.find_all("a", href=_DETAILS):
        committee_id = query_value(href(link), "ID")
        name = clean(link.get_text(" "))
        if not committee_id or not committee_id.isdigit() or not name or committee_id in seen:
            continue
        seen.add(committee_id)
        committees.append(Committee(name=name, external_id=committee_id))
    if not committees:
        raise UnreadableDocument(NOT_A_COMMITTEE_LIST)
    return committees
